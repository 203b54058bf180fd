import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import type { BoardDef } from '@/api/types'
import { BOARDS_KEY, FALLBACK_BOARDS, useBoardsStore } from '@/stores/boards'
import { kindLabel } from '@/utils/kinds'
import { fake, respond } from './setup'

/** What GET /api/boards answers, plus a sixth board the client has never heard of. */
const rental: BoardDef = {
  kind: 'equipment_rental',
  label: '设备出租',
  short_name: '出租',
  board_name: '设备出租',
  icon: 'tools',
  hint: '闲置设备按天出租',
  publisher_account_type: 'factory',
  group: '',
  group_label: '',
  on_home: true,
  accepts_applications: false,
  recommended_to: [],
  notice: '',
  available: true,
  unavailable_message: '',
  sorts: [
    { key: 'newest', label: '最新发布', needs_location: false },
    { key: 'cheapest', label: '租金最低', needs_location: false },
  ],
  filters: [{ name: 'region', label: '地区', type: 'region', options: [] }],
}
const server = [...FALLBACK_BOARDS, rental]

describe('boards store', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('loads the board definitions once at launch and caches them with their ETag', async () => {
    respond(() => ({ statusCode: 200, data: server, header: { ETag: 'W/"boards-1"' } }))
    const boards = useBoardsStore()

    await boards.load()

    expect(boards.kinds).toContain('equipment_rental')
    expect(kindLabel('equipment_rental')).toBe('设备出租')
    expect(boards.find('equipment_rental')?.sorts.map((s) => s.label)).toEqual(['最新发布', '租金最低'])
    expect(fake.storage.get(BOARDS_KEY)).toMatchObject({ etag: 'W/"boards-1"' })
  })

  it('a new board shows on the home page and in the publish choices of its publisher only', async () => {
    respond(() => ({ statusCode: 200, data: server, header: { ETag: 'W/"boards-1"' } }))
    const boards = useBoardsStore()
    await boards.load()

    expect(boards.homeEntries.map((e) => e.key)).toEqual([
      'procurement',
      'stock',
      'labour',
      'processing', // 代加工需求 and 代加工服务 share one entry (their group), tabs inside
      'equipment_rental',
      'factories',
    ])
    expect(boards.homeEntries.find((e) => e.key === 'processing')?.label).toBe('代加工')
    expect(boards.groupOf('processing_service').map((b) => b.kind)).toEqual(['processing_demand', 'processing_service'])
    expect(boards.publishableBy('factory').map((b) => b.kind)).toContain('equipment_rental')
    expect(boards.publishableBy('trade').map((b) => b.kind)).toEqual(['procurement'])
  })

  it('revalidates with If-None-Match from the device cache and keeps its data on 304', async () => {
    fake.storage.set(BOARDS_KEY, { etag: 'W/"boards-1"', data: server })
    setActivePinia(createPinia())
    const boards = useBoardsStore()
    expect(boards.find('equipment_rental')).toBeDefined() // usable at once from the cache
    let seen: string | undefined
    respond((req) => {
      seen = req.header['If-None-Match']
      return { statusCode: 304, data: '' }
    })

    await boards.load()

    expect(seen).toBe('W/"boards-1"')
    expect(boards.kinds).toHaveLength(6)
  })

  it('offline on first launch, the built-in boards still work and no stale ETag is sent', async () => {
    let seen: string | undefined = 'unset'
    respond((req) => {
      seen = req.header['If-None-Match']
      return { statusCode: 503, data: { code: 'unavailable', message: '服务暂不可用' } }
    })
    const boards = useBoardsStore()

    await boards.load()

    expect(seen).toBeUndefined()
    expect(boards.kinds).toEqual(['procurement', 'stock', 'labour', 'processing_demand', 'processing_service'])
    expect(kindLabel('unknown')).toBe('信息')
  })
})
