/**
 * The one loading / empty / error pattern of every page (issue #15 item 6).
 *
 * A load ends in exactly one of: `ready` (something to show), `empty` (the server answered, nothing there),
 * `not-found` (the server said 404: gone, or not for this reader), `offline` (no answer at all: the
 * network) or `error` (the server answered with another error). A network error therefore never reads as
 * "not found" or "nothing here"; and a reload that fails keeps what was shown before (`stale`).
 */
import { computed, ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import { ApiError } from '@/api/request'

export type LoadStatus = 'loading' | 'ready' | 'empty' | 'not-found' | 'offline' | 'error'
export type FailureStatus = Extract<LoadStatus, 'not-found' | 'offline' | 'error'>

/** What kind of failure an error is, as the reader should be told. */
export function failureOf(error: unknown): FailureStatus {
  if (error instanceof ApiError) {
    if (error.status === 0 || error.code === 'network_error') return 'offline'
    if (error.status === 404) return 'not-found'
    return 'error'
  }
  return 'error'
}

export const FAILURE_TEXT: Record<FailureStatus, string> = {
  offline: '网络连接失败',
  'not-found': '内容不存在或已下架',
  error: '加载失败',
}

export const FAILURE_HINT: Record<FailureStatus, string> = {
  offline: '请检查网络后点击重试',
  'not-found': '可能已被删除、下架或您无权查看',
  error: '服务暂时不可用，请稍后重试',
}

/** The message to show for a failure: the server's own Chinese message for `error`, ours otherwise. */
export function failureMessage(error: unknown): string {
  const kind = failureOf(error)
  if (kind === 'error' && error instanceof ApiError && error.message) return error.message
  return FAILURE_TEXT[kind]
}

export interface Loader<T> {
  data: ShallowRef<T | null>
  status: Ref<LoadStatus>
  /** The last failure's message (kept while stale data is shown). */
  message: Ref<string>
  /** True when a reload failed but the previous data is still on screen. */
  stale: Ref<boolean>
  isReady: Ref<boolean>
  load: () => Promise<T | null>
  retry: () => Promise<T | null>
}

/**
 * Wraps one page load. `isEmpty` says when an answer counts as empty (default: null, or an empty list,
 * or a page with no items).
 */
export function useLoader<T>(fetcher: () => Promise<T>, options: { isEmpty?: (value: T) => boolean } = {}): Loader<T> {
  const data = shallowRef<T | null>(null) as ShallowRef<T | null>
  const status = ref<LoadStatus>('loading')
  const message = ref('')
  const stale = ref(false)
  const isEmpty = options.isEmpty ?? defaultIsEmpty
  let generation = 0

  async function load(): Promise<T | null> {
    const mine = ++generation
    if (data.value === null) status.value = 'loading'
    try {
      const value = await fetcher()
      if (mine !== generation) return data.value
      data.value = value
      stale.value = false
      message.value = ''
      status.value = value === null || value === undefined || isEmpty(value) ? 'empty' : 'ready'
      return value
    } catch (error) {
      if (mine !== generation) return data.value
      message.value = failureMessage(error)
      const kind = failureOf(error)
      // A failed refresh keeps what the reader already sees, unless the thing is gone for good.
      if (data.value !== null && kind !== 'not-found') {
        stale.value = true
        return data.value
      }
      data.value = null
      status.value = kind
      return null
    }
  }

  return { data, status, message, stale, isReady: computed(() => status.value === 'ready'), load, retry: load }
}

function defaultIsEmpty(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0
  if (value && typeof value === 'object' && 'items' in value && Array.isArray((value as { items: unknown }).items))
    return (value as { items: unknown[] }).items.length === 0
  return false
}
