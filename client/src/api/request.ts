/**
 * The one way the app talks to the API.
 *
 * - adds `Authorization: Bearer <token>` from the auth store;
 * - an expired or revoked token (401 `token_invalid` / `not_authenticated`) signs the user out locally and
 *   sends them to the sign-in page, coming back afterwards;
 * - any other error shows the API's Chinese `message` in a toast unless the caller passes `silent: true`,
 *   and rejects with an {@link ApiError} carrying `code`, `message` and `detail`;
 * - uploads go through `uni.uploadFile` with progress.
 */

/** How the wrapper reaches the session without importing the store (which imports the API). */
import { CONSENT_MESSAGE, hasLocalConsent, needsConsent } from '@/utils/consent'

export interface AuthBridge {
  getToken: () => string
  /** Forget the session locally (the server refused the token). */
  clearSession: () => void
}

let authBridge: AuthBridge = { getToken: () => '', clearSession: () => undefined }

export function connectAuth(bridge: AuthBridge) {
  authBridge = bridge
}

/** H5 is served by the backend itself, so it uses its own origin; the mini-program needs an absolute URL,
 * set at build time by vite.config.ts (https in a release build, see scripts/release-rules.mjs). */
function resolveApiBase(): string {
  if (process.env.UNI_PLATFORM === 'h5') return ''
  return (import.meta.env.VITE_API_BASE || '').replace(/\/+$/, '')
}

export const API_BASE = resolveApiBase()

export const SIGN_IN_PAGE = '/pages/auth/sign-in'

const SIGNED_OUT_CODES = new Set(['token_invalid', 'not_authenticated', 'token_expired'])

export interface FieldErrorItem {
  field: string
  rule?: string
  message: string
}

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly detail: unknown

  constructor(status: number, code: string, message: string, detail: unknown = null) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.detail = detail
  }

  /** Field-level errors (`validation_error`), so forms can mark the right field. */
  get fieldErrors(): FieldErrorItem[] {
    return Array.isArray(this.detail)
      ? this.detail.filter((d): d is FieldErrorItem => !!d && typeof d === 'object' && 'field' in d)
      : []
  }

  /** The endpoint does not exist (yet) on this server, or the object is gone. */
  get isNotFound(): boolean {
    return this.status === 404
  }
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
export type Query = Record<string, string | number | boolean | null | undefined | Array<string | number>>

export interface RequestOptions {
  method?: Method
  /** Path under the API, e.g. `/api/me`. */
  url: string
  query?: Query
  data?: unknown
  header?: Record<string, string>
  /** No toast for errors: the caller shows them itself. */
  silent?: boolean
  /** Do not add the token even when signed in (sign-in endpoints). */
  anonymous?: boolean
  /** Statuses other than 2xx that resolve instead of rejecting (e.g. 304 for ETags). */
  acceptStatus?: number[]
  /** On an expired token, sign out but stay on the page (background refreshes). */
  stayOnSignOut?: boolean
}

export interface RawResponse<T> {
  status: number
  data: T
  headers: Record<string, string>
}

export function buildQuery(query?: Query): string {
  if (!query) return ''
  const parts: string[] = []
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    const values = Array.isArray(value) ? value : [value]
    for (const v of values) parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(v))}`)
  }
  return parts.length ? `?${parts.join('&')}` : ''
}

export function apiUrl(path: string, query?: Query): string {
  if (/^https?:\/\//.test(path)) return path + buildQuery(query)
  return API_BASE + path + buildQuery(query)
}

/** Absolute URL of a server-relative file link (e.g. `/api/files/…` or `/media/…`). */
export function fileUrl(path: string | null | undefined): string {
  if (!path) return ''
  if (/^(https?:|blob:|data:|wxfile:)/.test(path)) return path
  return API_BASE + path
}

function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined
  const wanted = name.toLowerCase()
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value
  return undefined
}

export { headerValue }

function toast(message: string) {
  uni.showToast({ title: message, icon: 'none', duration: 2500 })
}

function currentRoute(): string {
  try {
    const pages = getCurrentPages()
    const page = pages[pages.length - 1] as { route?: string; options?: Record<string, string> } | undefined
    if (!page?.route) return ''
    const query = buildQuery(page.options as Query)
    return `/${page.route}${query}`
  } catch {
    return ''
  }
}

let redirecting = false

function handleSignedOut(stay?: boolean) {
  authBridge.clearSession()
  if (stay) return
  const here = currentRoute()
  if (redirecting || here.startsWith(SIGN_IN_PAGE)) return
  redirecting = true
  const target = `${SIGN_IN_PAGE}${here ? `?redirect=${encodeURIComponent(here)}` : ''}`
  uni.navigateTo({
    url: target,
    complete: () => {
      redirecting = false
    },
  })
}

/** Turns a non-2xx response into an ApiError with the API's own code and Chinese message. */
export function errorFromResponse(status: number, body: unknown): ApiError {
  let parsed = body
  if (typeof parsed === 'string') {
    try {
      parsed = JSON.parse(parsed)
    } catch {
      parsed = null
    }
  }
  if (parsed && typeof parsed === 'object' && 'message' in parsed) {
    const b = parsed as { code?: string; message?: string; detail?: unknown }
    return new ApiError(status, b.code || `http_${status}`, b.message || `请求失败（${status}）`, b.detail ?? null)
  }
  const fallback =
    status === 404 ? '内容不存在或功能暂未开放' : status >= 500 ? '服务器开小差了，请稍后再试' : `请求失败（${status}）`
  return new ApiError(status, status === 404 ? 'not_found' : `http_${status}`, fallback)
}

function authHeader(anonymous?: boolean): Record<string, string> {
  if (anonymous) return {}
  const token = authBridge.getToken()
  return token ? { Authorization: `Bearer ${token}` } : {}
}

function fail(error: ApiError, silent?: boolean, stay?: boolean): ApiError {
  if (error.status === 401 && SIGNED_OUT_CODES.has(error.code)) {
    handleSignedOut(stay)
    if (!silent) toast(error.message || '请先登录')
    return error
  }
  if (!silent) toast(error.message)
  return error
}

/** A request that also hands back the status and headers (for ETags and the like). */
export function requestRaw<T>(options: RequestOptions): Promise<RawResponse<T>> {
  const method = options.method || 'GET'
  // wx.request has no PATCH: the mini-program tunnels it through POST with an override header.
  const tunnel = method === 'PATCH' && process.env.UNI_PLATFORM === 'mp-weixin'
  if (needsConsent(options.url) && !hasLocalConsent()) {
    // Consent first (issue #15 item 9): refused here, so the phone number never leaves the device.
    return Promise.reject(fail(new ApiError(0, 'consent_required', CONSENT_MESSAGE), options.silent))
  }
  return new Promise((resolve, reject) => {
    uni.request({
      url: apiUrl(options.url, options.query),
      method: (tunnel ? 'POST' : method) as UniApp.RequestOptions['method'],
      data: options.data as UniApp.RequestOptions['data'],
      header: {
        Accept: 'application/json',
        ...(method === 'GET' ? {} : { 'Content-Type': 'application/json' }),
        ...authHeader(options.anonymous),
        ...(tunnel ? { 'X-HTTP-Method-Override': 'PATCH' } : {}),
        ...options.header,
      },
      dataType: 'json',
      success: (res) => {
        const status = res.statusCode
        const headers = (res.header || {}) as Record<string, string>
        if ((status >= 200 && status < 300) || options.acceptStatus?.includes(status)) {
          resolve({ status, data: (status === 204 ? undefined : res.data) as T, headers })
          return
        }
        reject(fail(errorFromResponse(status, res.data), options.silent, options.stayOnSignOut))
      },
      fail: () => {
        reject(fail(new ApiError(0, 'network_error', '网络异常，请检查网络后重试'), options.silent))
      },
    })
  })
}

export async function request<T>(options: RequestOptions): Promise<T> {
  const response = await requestRaw<T>(options)
  return response.data
}

type Extra = Omit<RequestOptions, 'url' | 'method' | 'data' | 'query'>

export const http = {
  get: <T>(url: string, query?: Query, extra?: Extra) => request<T>({ url, query, method: 'GET', ...extra }),
  post: <T>(url: string, data?: unknown, extra?: Extra) => request<T>({ url, data, method: 'POST', ...extra }),
  put: <T>(url: string, data?: unknown, extra?: Extra) => request<T>({ url, data, method: 'PUT', ...extra }),
  patch: <T>(url: string, data?: unknown, extra?: Extra) => request<T>({ url, data, method: 'PATCH', ...extra }),
  delete: <T>(url: string, extra?: Extra) => request<T>({ url, method: 'DELETE', ...extra }),
}

export interface UploadOptions {
  url: string
  filePath: string
  /** Form field name of the file. */
  name?: string
  formData?: Record<string, string>
  /** 0–100 as the file goes up. */
  onProgress?: (percent: number) => void
  silent?: boolean
}

export function upload<T>(options: UploadOptions): Promise<T> {
  return new Promise((resolve, reject) => {
    const task = uni.uploadFile({
      url: apiUrl(options.url),
      filePath: options.filePath,
      name: options.name || 'file',
      formData: options.formData,
      header: authHeader(),
      success: (res) => {
        if (res.statusCode >= 200 && res.statusCode < 300) {
          options.onProgress?.(100)
          try {
            resolve((typeof res.data === 'string' ? JSON.parse(res.data) : res.data) as T)
          } catch {
            resolve(res.data as unknown as T)
          }
          return
        }
        reject(fail(errorFromResponse(res.statusCode, res.data), options.silent))
      },
      fail: () => reject(fail(new ApiError(0, 'network_error', '上传失败，请检查网络后重试'), options.silent)),
    })
    if (options.onProgress && task && typeof task.onProgressUpdate === 'function') {
      task.onProgressUpdate((p) => options.onProgress?.(Math.min(99, p.progress)))
    }
  })
}

/** Downloads a file the API answers (with the session's token) to a local temporary path: a blob URL on
 * H5, a temp file in the mini-program. */
export function download(url: string, options: { silent?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    uni.downloadFile({
      url: apiUrl(url),
      header: authHeader(),
      success: (res) => {
        if (res.statusCode >= 200 && res.statusCode < 300) {
          resolve(res.tempFilePath)
          return
        }
        reject(fail(errorFromResponse(res.statusCode, null), options.silent))
      },
      fail: () => reject(fail(new ApiError(0, 'network_error', '下载失败，请检查网络后重试'), options.silent)),
    })
  })
}

/** Paged lists all look like this. */
export interface Page<T> {
  items: T[]
  count: number
  /** The server stopped counting at `count` (show "1000+"). */
  count_capped?: boolean
  page?: number
  page_size?: number
  /** Where the next page starts (lists that page by cursor); null at the end. */
  next_cursor?: string | null
}
