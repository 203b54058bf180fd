import { describe, expect, it } from 'vitest'
import type { Page } from '@/api/request'
import { usePagedList } from '@/utils/paged'

const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ id: from + i }))

describe('usePagedList (issue #13: capped totals and cursors)', () => {
  it('passes the next_cursor back for the next page and keeps loading past a capped total', async () => {
    const calls: Array<[number, number, string | undefined]> = []
    const answers: Page<{ id: number }>[] = [
      { items: rows(0, 20), count: 20, count_capped: true, next_cursor: 'after-20' },
      { items: rows(20, 20), count: 40, count_capped: true, next_cursor: 'after-40' },
      { items: rows(40, 5), count: 45, count_capped: false, next_cursor: null },
    ]
    const list = usePagedList(async (page, pageSize, cursor) => {
      calls.push([page, pageSize, cursor])
      return answers[calls.length - 1]
    })
    await list.loadMore()
    // The total is only a floor ("1000+"): reaching it does not end the list.
    expect(list.countCapped.value).toBe(true)
    expect(list.finished.value).toBe(false)
    await list.loadMore()
    await list.loadMore()
    expect(calls).toEqual([
      [1, 20, undefined],
      [2, 20, 'after-20'],
      [3, 20, 'after-40'],
    ])
    expect(list.items.value.map((r) => r.id)).toEqual(rows(0, 45).map((r) => r.id))
    expect(list.finished.value).toBe(true)

    // A reload starts again from page 1 without a cursor.
    calls.length = 0
    answers.splice(0, answers.length, { items: rows(0, 3), count: 3, next_cursor: null })
    await list.reload()
    expect(calls).toEqual([[1, 20, undefined]])
    expect(list.countCapped.value).toBe(false)
  })

  it('ends an exact list when every counted row is loaded (lists without cursors)', async () => {
    const list = usePagedList(async () => ({ items: rows(0, 20), count: 20 }))
    await list.loadMore()
    expect(list.finished.value).toBe(true)
  })
})
