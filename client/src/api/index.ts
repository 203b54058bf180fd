/** Every API call the pages make, grouped by domain, each typed from the generated schema. */
import { download, http, request, upload, type Page, type Query } from './request'
import type {
  AccountType,
  Applicant,
  ChatMessage,
  Complaint,
  Connection,
  ContactResult,
  Conversation,
  DataExport,
  ConversationDetail,
  FactoryCard,
  FactoryDetail,
  Favourite,
  Feedback,
  FormSchemaRaw,
  HomeFeed,
  JobPreference,
  Match,
  Me,
  MessagePage,
  MyApplication,
  MyPost,
  Notification,
  PostCard,
  PostDetail,
  PostKind,
  PublishPermission,
  Qualification,
  Region,
  RegionDetail,
  SearchResult,
  SignInResult,
  SmsCodeResult,
  StoredFile,
} from './types'

const silent = { silent: true }

export const authApi = {
  requestSmsCode: (phone: string) =>
    http.post<SmsCodeResult>('/api/auth/sms-codes', { phone }, { anonymous: true }),
  smsSignIn: (phone: string, code: string) =>
    http.post<SignInResult>('/api/auth/sms-sign-in', { phone, code }, { anonymous: true }),
  wechatSignIn: (code: string) => http.post<SignInResult>('/api/auth/wechat-sign-in', { code }, { anonymous: true }),
  logout: () => http.post<void>('/api/auth/logout', undefined, silent),
  me: (background = false) =>
    http.get<Me>('/api/me', undefined, background ? { silent: true, stayOnSignOut: true } : undefined),
  updateMe: (data: { display_name?: string; avatar_url?: string; organisation_name?: string }) =>
    http.patch<Me>('/api/me', data),
  /** Onboarding: the account type, with the company name (trade, factory) or the nickname (worker). */
  chooseAccountType: (account_type: AccountType, names: { organisation_name?: string; display_name?: string } = {}) =>
    http.post<Me>('/api/me/account-type', { account_type, ...names }),
  /** Phone binding: the code of WeChat's phone-number button (mini-program)… */
  bindPhoneWechat: (code: string) => http.post<Me>('/api/me/phone/wechat', { code }),
  /** …or an SMS code sent by `requestSmsCode` (H5). */
  bindPhoneSms: (phone: string, code: string) => http.post<Me>('/api/me/phone/sms', { phone, code }),
  consentPrivacy: () => http.post<Me>('/api/me/privacy-consent'),
  /** Personal data export (PIPL): the server builds a zip archive (我的数据.json, the user's files, 说明.txt)
   * in the background; poll its status, then download it to a local temporary path. */
  requestExport: () => http.post<DataExport>('/api/me/export'),
  exportStatus: (id: number) => http.get<DataExport>(`/api/me/export/${id}`, undefined, silent),
  downloadExport: (url: string) => download(url),
  /** Account cancellation (注销); the server asks for the words 确认注销. */
  cancelAccount: (confirmation: string) => http.post<void>('/api/me/cancel', { confirmation }),
}

export const regionsApi = {
  children: (parent?: string) => http.get<Region[]>('/api/regions', { parent }, silent),
  detail: (adcode: string) => http.get<RegionDetail>(`/api/regions/${adcode}`, undefined, silent),
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
  upload: (filePath: string, purpose: UploadPurpose, onProgress?: (percent: number) => void, name?: string) =>
    upload<StoredFile>({
      url: '/api/uploads',
      filePath,
      formData: name ? { purpose, original_name: name } : { purpose },
      onProgress,
    }),
}

export const notificationsApi = {
  list: (query?: Query) => http.get<Page<Notification>>('/api/notifications', query, silent),
  unreadCount: () => http.get<{ unread: number }>('/api/notifications/unread-count', undefined, silent),
  /** Without ids: everything is marked read. */
  markRead: (ids?: number[]) =>
    http.post<{ marked: number; unread_count: number }>('/api/notifications/read', { ids: ids ?? null }, silent),
  subscribe: (purposes: string[]) =>
    http.post<Array<{ purpose: string; template_id: string; remaining: number; label: string }>>(
      '/api/notifications/subscriptions',
      { purposes },
      silent,
    ),
  subscriptions: () =>
    http.get<Array<{ purpose: string; template_id: string; remaining: number; label: string }>>(
      '/api/notifications/subscriptions',
      undefined,
      silent,
    ),
}

export const qualificationsApi = {
  mine: () => http.get<Page<Qualification>>('/api/qualifications/mine', { page_size: 50 }, silent),
  submitLicence: (data: {
    company_name: string
    credit_code: string
    legal_representative: string
    registered_address: string
    file_ids: string[]
    is_long_term: boolean
    valid_until: string | null
  }) => http.post<Qualification>('/api/qualifications/licence', data),
  submitPersonalId: (data: { real_name: string; id_number: string; certificate_file_ids: string[] }) =>
    http.post<Qualification>('/api/qualifications/personal-id', data),
  publishPermission: () => http.get<PublishPermission>('/api/me/publish-permission', undefined, silent),
}

export const factoriesApi = {
  mine: () => http.get<FactoryDetail>('/api/factories/mine', undefined, silent),
  saveMine: (data: Record<string, unknown>) => http.put<FactoryDetail>('/api/factories/mine', data),
  /** The directory with trust signals and favourites (discovery). */
  list: (query?: Query) => http.get<Page<FactoryCard>>('/api/discovery/factories', query, silent),
  detail: (id: number | string) => http.get<FactoryDetail>(`/api/factories/${id}`),
}

export const listingsApi = {
  formSchema: (kind: PostKind) => http.get<FormSchemaRaw>(`/api/listings/form-schema/${kind}`),
  /** A new draft; the body is the form's values plus `kind`. */
  create: (kind: PostKind, data: Record<string, unknown>) => http.post<MyPost>('/api/listings/posts', { ...data, kind }),
  update: (id: number | string, kind: PostKind, data: Record<string, unknown>) =>
    http.put<MyPost>(`/api/listings/posts/${id}`, { ...data, kind }),
  submit: (id: number | string) => http.post<MyPost>(`/api/listings/posts/${id}/submit`),
  takeDown: (id: number | string) => http.post<MyPost>(`/api/listings/posts/${id}/take-down`),
  relist: (id: number | string) => http.post<MyPost>(`/api/listings/posts/${id}/relist`),
  refresh: (id: number | string) => http.post<MyPost>(`/api/listings/posts/${id}/refresh`),
  remove: (id: number | string) => http.delete<void>(`/api/listings/posts/${id}`),
  mine: (query?: Query) => http.get<Page<MyPost>>('/api/listings/mine', query, silent),
  mineCounts: () => http.get<Record<string, number>>('/api/listings/mine/counts', undefined, silent),
  /** One of my posts with its form values, for editing. */
  mineDetail: (id: number | string) => http.get<MyPost>(`/api/listings/mine/${id}`),
  detail: (id: number | string) => http.get<PostDetail>(`/api/listings/posts/${id}`),
  /** A board with the full filter and sort vocabulary (discovery). */
  board: (kind: PostKind, query?: Query) => http.get<Page<PostCard>>(`/api/discovery/${kind}`, query, silent),
}

export const discoveryApi = {
  home: (query?: Query) => http.get<HomeFeed>('/api/home', query, silent),
  search: (query: Query) => http.get<SearchResult>('/api/search', query, silent),
  /** Called once a detail page is shown (its GET writes nothing): counts the view once per reader per day
   * and feeds the browsing history (signed-in readers) that drives the recommendations. */
  recordView: (target: { post_id?: number; factory_id?: number }) =>
    request<unknown>({ url: '/api/discovery/views', method: 'POST', data: target, silent: true, stayOnSignOut: true }),
  favourites: (query?: Query) => http.get<Page<Favourite>>('/api/favourites', query, silent),
  addFavourite: (target: { post_id?: number; factory_id?: number }) =>
    http.post<{ id: number }>('/api/favourites', target),
  removeFavourite: (favouriteId: number) => http.delete<void>(`/api/favourites/${favouriteId}`),
  matchesForPost: (postId: number) => http.get<Match[]>(`/api/matching/posts/${postId}`, undefined, silent),
  matchesForMe: () => http.get<Match[]>('/api/matching/for-me', undefined, silent),
  jobPreferences: () => http.get<JobPreference>('/api/me/job-preferences', undefined, silent),
  saveJobPreferences: (data: { job_type_ids: number[]; region_adcode: string | null; available_from: string | null }) =>
    http.put<JobPreference>('/api/me/job-preferences', data),
}

export const messagingApi = {
  /** 联系对方: opens (or reopens) the conversation about a post or a factory and records a connection. */
  contact: (target: { post_id?: number; factory_id?: number; message?: string }) =>
    http.post<ContactResult>('/api/messaging/contact', target),
  connections: (query?: Query) => http.get<Page<Connection>>('/api/messaging/connections', query, silent),
  setConnectionStatus: (id: number, status: string) =>
    http.post<Connection>(`/api/messaging/connections/${id}/status`, { status }),
  conversations: (query?: Query) => http.get<Page<Conversation>>('/api/messaging/conversations', query, silent),
  conversation: (id: number | string) => http.get<ConversationDetail>(`/api/messaging/conversations/${id}`, undefined, silent),
  /** Newest page first; `before_id` pages back. Items are oldest → newest within a page. */
  messages: (id: number | string, query?: Query) =>
    http.get<MessagePage>(`/api/messaging/conversations/${id}/messages`, query, silent),
  send: (id: number | string, data: { text?: string; file_id?: string }) =>
    http.post<ChatMessage>(`/api/messaging/conversations/${id}/messages`, data),
  markRead: (id: number | string) =>
    http.post<unknown>(`/api/messaging/conversations/${id}/read`, undefined, silent).catch(() => undefined),
  sharePhone: (id: number | string) => http.post<ChatMessage>(`/api/messaging/conversations/${id}/share-phone`),
  unreadCount: () => http.get<{ unread: number }>('/api/messaging/unread-count', undefined, silent),
  block: (user_id: number) => http.post<unknown>('/api/messaging/blocks', { user_id }),
  unblock: (user_id: number) => http.delete<void>(`/api/messaging/blocks/${user_id}`),
}

export const applicationsApi = {
  apply: (post_id: number, note = '') => http.post<MyApplication>('/api/applications', { post_id, note }),
  mine: (query?: Query) => http.get<Page<MyApplication>>('/api/applications/mine', query, silent),
  forPost: (postId: number, query?: Query) =>
    http.get<Page<Applicant>>(`/api/applications/for-post/${postId}`, query, silent),
  setStatus: (id: number, status: 'contacted' | 'hired' | 'declined') =>
    http.post<Applicant>(`/api/applications/${id}/status`, { status }),
  withdraw: (id: number) => http.post<MyApplication>(`/api/applications/${id}/withdraw`),
}

export const supportApi = {
  complaints: (query?: Query) => http.get<Page<Complaint>>('/api/complaints/mine', query, silent),
  complain: (data: {
    target_type: 'user' | 'post' | 'connection'
    target_id: number
    category: string
    description: string
    evidence_ids: string[]
  }) => http.post<Complaint>('/api/complaints', data),
  feedbacks: (query?: Query) => http.get<Page<Feedback>>('/api/feedback/mine', query, silent),
  sendFeedback: (data: { content: string; category: string }) => http.post<Feedback>('/api/feedback', data),
}

export function itemsOf<T>(value: T[] | Page<T> | null | undefined): T[] {
  if (!value) return []
  return Array.isArray(value) ? value : value.items || []
}
