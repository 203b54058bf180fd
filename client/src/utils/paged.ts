import { ref, shallowRef } from 'vue'
import { ApiError, type Page } from '@/api/request'
import { failureOf, failureMessage, type FailureStatus } from '@/utils/load-state'

/**
 * A paged list as every list page uses it: first page, more on reaching the bottom, reload on pull.
 * `unavailable` is set when the endpoint is not on the server yet (404), so the page can say so.
 * Lists that answer `next_cursor` (the board lists) get it back as the fetcher's third argument: the
 * next page then starts after the last row instead of at an offset (issue #13). `countCapped` is set when
 * the server stopped counting (`count` is then a floor: show "1000+").
 */
export function usePagedList<T>(
  fetcher: (page: number, pageSize: number, cursor?: string) => Promise<Page<T> | T[]>,
  pageSize = 20,
) {
  const items = shallowRef<T[]>([])
  const count = ref(0)
  const page = ref(0)
  const loading = ref(false)
  const finished = ref(false)
  const unavailable = ref(false)
  const failed = ref(false)
  const countCapped = ref(false)
  let cursor: string | undefined
  /** Why the last page failed (offline / error), so the footer says the right thing. */
  const failure = ref<FailureStatus>('error')
  const failureText = ref('')
  let generation = 0

  async function loadMore() {
    if (loading.value || finished.value) return
    loading.value = true
    failed.value = false
    const mine = generation
    try {
      const result = await fetcher(page.value + 1, pageSize, page.value === 0 ? undefined : cursor)
      if (mine !== generation) return
      const list = Array.isArray(result) ? result : result.items || []
      const total = Array.isArray(result) ? list.length : (result.count ?? list.length)
      items.value = page.value === 0 ? list : [...items.value, ...list]
      count.value = total
      countCapped.value = !Array.isArray(result) && !!result.count_capped
      cursor = Array.isArray(result) ? undefined : result.next_cursor || undefined
      page.value += 1
      finished.value =
        Array.isArray(result) || list.length < pageSize || (items.value.length >= total && !countCapped.value)
    } catch (error) {
      if (mine !== generation) return
      if (error instanceof ApiError && error.isNotFound) {
        unavailable.value = true
        finished.value = true
      } else {
        failed.value = true
        failure.value = failureOf(error)
        failureText.value = failureMessage(error)
      }
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  async function reload() {
    generation += 1
    items.value = []
    page.value = 0
    count.value = 0
    countCapped.value = false
    cursor = undefined
    finished.value = false
    unavailable.value = false
    loading.value = false
    await loadMore()
  }

  function replace(updater: (list: T[]) => T[]) {
    items.value = updater(items.value)
  }

  return {
    items,
    count,
    countCapped,
    loading,
    finished,
    unavailable,
    failed,
    failure,
    failureText,
    loadMore,
    reload,
    replace,
  }
}
