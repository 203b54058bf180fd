import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { ApiError, http } from '@/api/request'
import PageState from '@/components/PageState.vue'
import { failureOf, useLoader } from '@/utils/load-state'
import { usePagedList } from '@/utils/paged'
import { respond } from './setup'

/** Issue #15 item 6: one loading / empty / error-with-retry pattern; a network error never reads as "not found". */
describe('load state', () => {
  it('tells a network failure from a 404 and from a server error', async () => {
    respond(() => 'network-error')
    const offline = await http.get('/api/listings/posts/1', undefined, { silent: true }).catch((e) => e)
    expect(failureOf(offline)).toBe('offline')

    respond(() => ({ statusCode: 404, data: { code: 'not_found', message: '信息不存在' } }))
    const gone = await http.get('/api/listings/posts/1', undefined, { silent: true }).catch((e) => e)
    expect(failureOf(gone)).toBe('not-found')

    expect(failureOf(new ApiError(503, 'http_503', '服务器开小差了'))).toBe('error')
  })

  it('ends a load as ready, empty, offline or not-found, and retries into ready', async () => {
    let answer: 'down' | 'empty' | 'one' | 'gone' = 'down'
    respond(() => {
      if (answer === 'down') return 'network-error'
      if (answer === 'gone') return { statusCode: 404, data: { code: 'not_found', message: '信息不存在' } }
      return { statusCode: 200, data: { items: answer === 'one' ? [{ id: 1 }] : [], count: 0 } }
    })
    const loader = useLoader(() => http.get<{ items: unknown[] }>('/api/home', undefined, { silent: true }))
    expect(loader.status.value).toBe('loading')

    await loader.load()
    expect(loader.status.value).toBe('offline')
    expect(loader.message.value).toBe('网络连接失败')

    answer = 'empty'
    await loader.retry()
    expect(loader.status.value).toBe('empty')

    answer = 'one'
    await loader.retry()
    expect(loader.status.value).toBe('ready')

    // A refresh that fails keeps what is on screen and says it is stale.
    answer = 'down'
    await loader.load()
    expect(loader.status.value).toBe('ready')
    expect(loader.stale.value).toBe(true)
    expect(loader.data.value).toEqual({ items: [{ id: 1 }], count: 0 })

    // Gone for good: the page says so.
    answer = 'gone'
    await loader.load()
    expect(loader.status.value).toBe('not-found')
  })

  it('shows a retry button for offline and error, and no "not found" wording when offline', async () => {
    const offline = mount(PageState, { props: { status: 'offline' } })
    expect(offline.text()).toContain('网络连接失败')
    expect(offline.text()).not.toContain('不存在')
    await offline.find('[data-testid="page-retry"]').trigger('click')
    expect(offline.emitted('retry')).toHaveLength(1)

    const gone = mount(PageState, { props: { status: 'not-found' } })
    expect(gone.text()).toContain('内容不存在或已下架')
    expect(gone.find('[data-testid="page-retry"]').exists()).toBe(false)

    const empty = mount(PageState, { props: { status: 'empty', emptyText: '暂无推荐' } })
    expect(empty.text()).toContain('暂无推荐')
  })

  it('a paged list remembers that it failed offline, not that it is empty', async () => {
    respond(() => 'network-error')
    const list = usePagedList((page) => http.get<{ items: number[]; count: number }>('/api/x', { page }, { silent: true }))
    await list.loadMore()
    expect(list.failed.value).toBe(true)
    expect(list.failure.value).toBe('offline')
    expect(list.finished.value).toBe(false)
  })
})
