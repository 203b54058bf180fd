/**
 * Every API call the pages make, grouped by domain. Each goes through the typed client (`typed.ts`): the
 * path, its parameters, the query, the body and the answer are all read from the generated OpenAPI types
 * (schema.d.ts), so a change on the server is a type error here, not a surprise on a phone (issue #15 item 10).
 */
import { download, upload, type Page } from './request'
import { api, type BodyOf, type Operation, type PathsFor, type QueryOf } from './typed'
import type { paths } from './schema'
import type {
  AccountType,
  LegalKind,
  Applicant,
  MyApplication,
  StoredFile,
} from './types'

/** The query a GET operation declares. */
type Q<P extends PathsFor<'get'>> = NonNullable<QueryOf<Operation<P, 'get'>>>
/** The JSON body an operation declares. */
type B<P extends keyof paths, M extends 'post' | 'put' | 'patch'> = NonNullable<BodyOf<Operation<P, M>>>
type Id = number | string

const silent = { silent: true }
const n = (id: Id) => Number(id)

export const authApi = {
  requestSmsCode: (phone: string) => api.post('/api/auth/sms-codes', { body: { phone }, anonymous: true }),
  smsSignIn: (phone: string, code: string) =>
    api.post('/api/auth/sms-sign-in', { body: { phone, code }, anonymous: true }),
  wechatSignIn: (code: string) => api.post('/api/auth/wechat-sign-in', { body: { code }, anonymous: true }),
  logout: () => api.post('/api/auth/logout', silent),
  me: (background = false) => api.get('/api/me', background ? { silent: true, stayOnSignOut: true } : undefined),
  updateMe: (data: B<'/api/me', 'patch'>) => api.patch('/api/me', { body: data }),
  /** Onboarding: the account type, with the company name (trade, factory) or the nickname (worker). */
  chooseAccountType: (account_type: AccountType, names: { organisation_name?: string; display_name?: string } = {}) =>
    api.post('/api/me/account-type', { body: { account_type, ...names } }),
  /** Phone binding: the code of WeChat's phone-number button (mini-program)… */
  bindPhoneWechat: (code: string) => api.post('/api/me/phone/wechat', { body: { code } }),
  /** …or an SMS code sent by `requestSmsCode` (H5). */
  bindPhoneSms: (phone: string, code: string) => api.post('/api/me/phone/sms', { body: { phone, code } }),
  consentPrivacy: () => api.post('/api/me/privacy-consent'),
  /** Personal data export (PIPL): the server builds a zip archive (我的数据.json, the user's files, 说明.txt)
   * in the background; poll its status, then download it to a local temporary path. */
  requestExport: () => api.post('/api/me/export'),
  exportStatus: (id: number) => api.get('/api/me/export/{export_id}', { path: { export_id: id }, ...silent }),
  downloadExport: (url: string) => download(url),
  /** Account cancellation (注销); the server asks for the words 确认注销. */
  cancelAccount: (confirmation: string) => api.post('/api/me/cancel', { body: { confirmation } }),
}

/** The legal documents in force (public) and the versions the signed-in user accepted (issue #16). */
export const legalApi = {
  documents: () => api.get('/api/legal/documents', { anonymous: true, silent: true }),
  document: (kind: LegalKind, version?: string) =>
    api.get('/api/legal/documents/{kind}', { path: { kind }, query: version ? { version } : undefined, anonymous: true }),
  consents: () => api.get('/api/legal/consents', silent),
  accept: (documents: B<'/api/legal/consents', 'post'>['documents']) =>
    api.post('/api/legal/consents', { body: { documents } }),
}

export const regionsApi = {
  children: (parent?: string) => api.get('/api/regions', { query: { parent }, ...silent }),
  detail: (adcode: string) => api.get('/api/regions/{adcode}', { path: { adcode }, ...silent }),
}

export type UploadPurpose =
  | 'licence'
  | 'id_document'
  | 'certificate'
  | 'post_media'
  | 'factory_photo'
  | 'chat_attachment'
  | 'complaint_evidence'
  | 'avatar'

export const uploadsApi = {
  // Multipart (uni.uploadFile): the answer is still the schema's StoredFileOut.
  upload: (filePath: string, purpose: UploadPurpose, onProgress?: (percent: number) => void, name?: string) =>
    upload<StoredFile>({
      url: '/api/uploads',
      filePath,
      formData: name ? { purpose, original_name: name } : { purpose },
      onProgress,
    }),
}

export const notificationsApi = {
  list: (query?: Q<'/api/notifications'>) => api.get('/api/notifications', { query, ...silent }),
  unreadCount: () => api.get('/api/notifications/unread-count', silent),
  /** Without ids: everything is marked read. */
  markRead: (ids?: number[]) => api.post('/api/notifications/read', { body: { ids: ids ?? null }, ...silent }),
  subscribe: (purposes: string[]) => api.post('/api/notifications/subscriptions', { body: { purposes }, ...silent }),
  subscriptions: () => api.get('/api/notifications/subscriptions', silent),
}

export const qualificationsApi = {
  mine: () => api.get('/api/qualifications/mine', { query: { page_size: 50 }, ...silent }),
  submitLicence: (data: B<'/api/qualifications/licence', 'post'>) => api.post('/api/qualifications/licence', { body: data }),
  submitPersonalId: (data: B<'/api/qualifications/personal-id', 'post'>) =>
    api.post('/api/qualifications/personal-id', { body: data }),
  publishPermission: () => api.get('/api/me/publish-permission', silent),
  /** Appeal a rejection once; another reviewer decides it (issue #14). */
  appeal: (id: Id, note: string) =>
    api.post('/api/qualifications/{qualification_id}/appeal', { path: { qualification_id: n(id) }, body: { note } }),
}

export const factoriesApi = {
  mine: () => api.get('/api/factories/mine', silent),
  /** The profile form is schema-driven (its values are free-form, like a post's), so it may also pass a
   * plain record; the server validates it against the same schema. */
  saveMine: (data: B<'/api/factories/mine', 'put'> | Record<string, unknown>) =>
    api.put('/api/factories/mine', { body: data as B<'/api/factories/mine', 'put'> }),
  /** The directory with trust signals and favourites (discovery). */
  list: (query?: Q<'/api/discovery/factories'>) => api.get('/api/discovery/factories', { query, ...silent }),
  detail: (id: Id, extra?: { silent?: boolean }) =>
    api.get('/api/factories/{factory_id}', { path: { factory_id: n(id) }, ...extra }),
}

type PostBody = B<'/api/listings/posts', 'post'>

export const listingsApi = {
  formSchema: (kind: string) => api.get('/api/listings/form-schema/{kind}', { path: { kind } }),
  /** A new draft; the body is the form's values plus `kind`. */
  create: (kind: string, data: Record<string, unknown>) =>
    api.post('/api/listings/posts', { body: { ...data, kind } as PostBody }),
  update: (id: Id, kind: string, data: Record<string, unknown>) =>
    api.put('/api/listings/posts/{post_id}', {
      path: { post_id: n(id) },
      body: { ...data, kind } as B<'/api/listings/posts/{post_id}', 'put'>,
    }),
  submit: (id: Id) => api.post('/api/listings/posts/{post_id}/submit', { path: { post_id: n(id) } }),
  takeDown: (id: Id) => api.post('/api/listings/posts/{post_id}/take-down', { path: { post_id: n(id) } }),
  relist: (id: Id) => api.post('/api/listings/posts/{post_id}/relist', { path: { post_id: n(id) } }),
  refresh: (id: Id) => api.post('/api/listings/posts/{post_id}/refresh', { path: { post_id: n(id) } }),
  /** Appeal a rejection once; another reviewer decides it (issue #14). */
  appeal: (id: Id, note: string) =>
    api.post('/api/listings/posts/{post_id}/appeal', { path: { post_id: n(id) }, body: { note } }),
  remove: (id: Id) => api.delete('/api/listings/posts/{post_id}', { path: { post_id: n(id) } }),
  mine: (query?: Q<'/api/listings/mine'>) => api.get('/api/listings/mine', { query, ...silent }),
  mineCounts: () => api.get('/api/listings/mine/counts', silent),
  /** One of my posts with its form values, for editing. */
  mineDetail: (id: Id) => api.get('/api/listings/mine/{post_id}', { path: { post_id: n(id) } }),
  detail: (id: Id, extra?: { silent?: boolean }) =>
    api.get('/api/listings/posts/{post_id}', { path: { post_id: n(id) }, ...extra }),
  /** A board with the full filter and sort vocabulary (discovery). */
  board: (kind: string, query?: Q<'/api/discovery/{kind}'>) =>
    api.get('/api/discovery/{kind}', { path: { kind }, query, ...silent }),
}

export const discoveryApi = {
  home: (query?: Q<'/api/home'>) => api.get('/api/home', { query, ...silent }),
  search: (query: Q<'/api/search'>) => api.get('/api/search', { query, ...silent }),
  /** Called once a detail page is shown (its GET writes nothing): counts the view once per reader per day
   * and feeds the browsing history (signed-in readers) that drives the recommendations. */
  recordView: (target: B<'/api/discovery/views', 'post'>) =>
    api.post('/api/discovery/views', { body: target, silent: true, stayOnSignOut: true }),
  favourites: (query?: Q<'/api/favourites'>) => api.get('/api/favourites', { query, ...silent }),
  addFavourite: (target: B<'/api/favourites', 'post'>) => api.post('/api/favourites', { body: target }),
  removeFavourite: (favouriteId: number) =>
    api.delete('/api/favourites/{favourite_id}', { path: { favourite_id: favouriteId } }),
  matchesForPost: (postId: number) => api.get('/api/matching/posts/{post_id}', { path: { post_id: postId }, ...silent }),
  matchesForMe: () => api.get('/api/matching/for-me', silent),
  jobPreferences: () => api.get('/api/me/job-preferences', silent),
  saveJobPreferences: (data: B<'/api/me/job-preferences', 'put'>) => api.put('/api/me/job-preferences', { body: data }),
}

export const messagingApi = {
  /** 联系对方: opens (or reopens) the conversation about a post or a factory and records a connection. */
  contact: (target: B<'/api/messaging/contact', 'post'>) => api.post('/api/messaging/contact', { body: target }),
  connections: (query?: Q<'/api/messaging/connections'>) => api.get('/api/messaging/connections', { query, ...silent }),
  setConnectionStatus: (id: number, status: B<'/api/messaging/connections/{connection_id}/status', 'post'>['status']) =>
    api.post('/api/messaging/connections/{connection_id}/status', { path: { connection_id: id }, body: { status } }),
  conversations: (query?: Q<'/api/messaging/conversations'>) =>
    api.get('/api/messaging/conversations', { query, ...silent }),
  conversation: (id: Id) =>
    api.get('/api/messaging/conversations/{conversation_id}', { path: { conversation_id: n(id) }, ...silent }),
  /** Newest page first; `before_id` pages back. Items are oldest → newest within a page. */
  messages: (id: Id, query?: Q<'/api/messaging/conversations/{conversation_id}/messages'>) =>
    api.get('/api/messaging/conversations/{conversation_id}/messages', {
      path: { conversation_id: n(id) },
      query,
      ...silent,
    }),
  send: (id: Id, data: B<'/api/messaging/conversations/{conversation_id}/messages', 'post'>) =>
    api.post('/api/messaging/conversations/{conversation_id}/messages', { path: { conversation_id: n(id) }, body: data }),
  markRead: (id: Id) =>
    api
      .post('/api/messaging/conversations/{conversation_id}/read', { path: { conversation_id: n(id) }, ...silent })
      .catch(() => undefined),
  sharePhone: (id: Id) =>
    api.post('/api/messaging/conversations/{conversation_id}/share-phone', { path: { conversation_id: n(id) } }),
  unreadCount: () => api.get('/api/messaging/unread-count', silent),
  block: (user_id: number) => api.post('/api/messaging/blocks', { body: { user_id } }),
  unblock: (user_id: number) => api.delete('/api/messaging/blocks/{user_id}', { path: { user_id } }),
}

export const applicationsApi = {
  apply: (post_id: number, note = '') => api.post('/api/applications', { body: { post_id, note } }),
  mine: (query?: Q<'/api/applications/mine'>) => api.get('/api/applications/mine', { query, ...silent }),
  forPost: (postId: number, query?: Q<'/api/applications/for-post/{post_id}'>) =>
    api.get('/api/applications/for-post/{post_id}', { path: { post_id: postId }, query, ...silent }),
  setStatus: (id: number, status: 'contacted' | 'hired' | 'declined') =>
    api.post('/api/applications/{application_id}/status', { path: { application_id: id }, body: { status } }),
  withdraw: (id: number) => api.post('/api/applications/{application_id}/withdraw', { path: { application_id: id } }),
}

export const supportApi = {
  complaints: (query?: Q<'/api/complaints/mine'>) => api.get('/api/complaints/mine', { query, ...silent }),
  complain: (data: B<'/api/complaints', 'post'>) => api.post('/api/complaints', { body: data }),
  feedbacks: (query?: Q<'/api/feedback/mine'>) => api.get('/api/feedback/mine', { query, ...silent }),
  sendFeedback: (data: B<'/api/feedback', 'post'>) => api.post('/api/feedback', { body: data }),
}

/** Kept for pages that name these shapes. */
export type { Applicant, MyApplication }

export function itemsOf<T>(value: T[] | Page<T> | null | undefined): T[] {
  if (!value) return []
  return Array.isArray(value) ? value : value.items || []
}
