/**
 * A stand-in for the `uni` global: storage in memory, and uni.request / uni.uploadFile answered by a
 * fake server that each test programs. Everything the code under test asks of `uni` is recorded.
 */
import { vi, beforeEach } from 'vitest'

export interface FakeResponse {
  statusCode: number
  data?: unknown
  header?: Record<string, string>
}

export interface RecordedRequest {
  url: string
  method: string
  data: unknown
  header: Record<string, string>
}

type Handler = (req: RecordedRequest) => FakeResponse | 'network-error'

export const fake = {
  storage: new Map<string, unknown>(),
  requests: [] as RecordedRequest[],
  handler: (() => ({ statusCode: 404, data: { code: 'not_found', message: '内容不存在或无权查看' } })) as Handler,
  pages: [] as Array<{ route: string; options: Record<string, string> }>,
}

export function respond(handler: Handler) {
  fake.handler = handler
}

function makeUni() {
  return {
    getStorageSync: vi.fn((key: string) => (fake.storage.has(key) ? structuredClone(fake.storage.get(key)) : '')),
    setStorageSync: vi.fn((key: string, value: unknown) => void fake.storage.set(key, structuredClone(value))),
    removeStorageSync: vi.fn((key: string) => void fake.storage.delete(key)),
    request: vi.fn((options: UniApp.RequestOptions) => {
      const req: RecordedRequest = {
        url: options.url,
        method: options.method || 'GET',
        data: options.data,
        header: (options.header || {}) as Record<string, string>,
      }
      fake.requests.push(req)
      queueMicrotask(() => {
        const res = fake.handler(req)
        if (res === 'network-error') options.fail?.({ errMsg: 'request:fail' } as UniApp.GeneralCallbackResult)
        else options.success?.({ statusCode: res.statusCode, data: res.data as string, header: res.header || {}, cookies: [] })
      })
      return { abort: vi.fn() }
    }),
    uploadFile: vi.fn((options: UniApp.UploadFileOption) => {
      const req: RecordedRequest = {
        url: options.url,
        method: 'POST',
        data: { filePath: options.filePath, name: options.name, formData: options.formData },
        header: (options.header || {}) as Record<string, string>,
      }
      fake.requests.push(req)
      const listeners: Array<(p: { progress: number }) => void> = []
      queueMicrotask(() => {
        for (const l of listeners) l({ progress: 50 })
        const res = fake.handler(req)
        if (res === 'network-error') options.fail?.({ errMsg: 'uploadFile:fail' } as UniApp.GeneralCallbackResult)
        // Like the real API, the body of an upload answer arrives as a string.
        else options.success?.({ statusCode: res.statusCode, data: JSON.stringify(res.data), errMsg: 'ok' } as UniApp.UploadFileSuccessCallbackResult)
      })
      return { onProgressUpdate: (fn: (p: { progress: number }) => void) => listeners.push(fn), abort: vi.fn() }
    }),
    showToast: vi.fn(),
    showModal: vi.fn((o: { success?: (r: { confirm: boolean }) => void }) => o.success?.({ confirm: true })),
    navigateTo: vi.fn((o: { complete?: () => void }) => o.complete?.()),
    redirectTo: vi.fn(),
    switchTab: vi.fn(),
    reLaunch: vi.fn(),
    login: vi.fn((o: { success?: (r: { code: string }) => void }) => o.success?.({ code: 'wx-code-123' })),
    setTabBarBadge: vi.fn(),
    removeTabBarBadge: vi.fn(),
    requestSubscribeMessage: vi.fn(),
  }
}

beforeEach(() => {
  fake.storage.clear()
  fake.requests = []
  fake.pages = []
  fake.handler = () => ({ statusCode: 404, data: { code: 'not_found', message: '内容不存在或无权查看' } })
  vi.stubGlobal('uni', makeUni())
  vi.stubGlobal('getCurrentPages', () => fake.pages)
})

export function lastRequest(): RecordedRequest {
  return fake.requests[fake.requests.length - 1]
}

export function uniMock() {
  return (globalThis as unknown as { uni: ReturnType<typeof makeUni> }).uni
}
