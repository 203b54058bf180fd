import { defineStore } from 'pinia'
import { headerValue } from '@/api/request'
import { api } from '@/api/typed'
import type { AccountType, BoardDef, BoardFilter, BoardSort } from '@/api/types'

export const BOARDS_KEY = 'cmt.boards'

interface CachedBoards {
  etag: string
  data: BoardDef[]
}

const NEWEST: BoardSort = { key: 'newest', label: '最新发布', needs_location: false }
const NEAREST: BoardSort = { key: 'nearest', label: '离我最近', needs_location: true }
const REGION: BoardFilter = { name: 'region', label: '地区', type: 'region', options: [] }
const INDUSTRY: BoardFilter = { name: 'industry', label: '行业', type: 'industry', options: [] }

function board(def: Partial<BoardDef> & Pick<BoardDef, 'kind' | 'label'>): BoardDef {
  return {
    short_name: def.label,
    board_name: def.label,
    icon: 'setting',
    hint: '',
    publisher_account_type: 'factory',
    group: '',
    group_label: '',
    on_home: true,
    accepts_applications: false,
    recommended_to: [],
    notice: '',
    available: true,
    unavailable_message: '',
    licence: null,
    sorts: [NEWEST, NEAREST],
    filters: [REGION],
    ...def,
  }
}

/**
 * Only used before the first answer of `GET /api/boards` ever reached this device (offline first
 * launch); the server's definitions replace it, and are cached with their ETag.
 */
export const FALLBACK_BOARDS: BoardDef[] = [
  board({ kind: 'procurement', recommended_to: ['factory'], label: '采购需求', short_name: '采购', board_name: '采购需求', icon: 'cart', publisher_account_type: 'trade', hint: '外贸公司发布产品、数量、交期，匹配对口工厂', sorts: [NEWEST, { key: 'soonest', label: '交期最近', needs_location: false }, NEAREST], filters: [INDUSTRY, REGION] }),
  board({ kind: 'stock', recommended_to: ['trade'], label: '库存', short_name: '库存', board_name: '库存信息', icon: 'goods', hint: '工厂发布库存尾货，面向外贸与电商买家', sorts: [NEWEST, { key: 'cheapest', label: '价格最低', needs_location: false }, NEAREST], filters: [INDUSTRY, REGION] }),
  board({ kind: 'labour', recommended_to: ['worker'], label: '用工', short_name: '用工', board_name: '用工需求', icon: 'user-talk', hint: '工厂招聘临时工：工种、工资、人数、工期', accepts_applications: true, sorts: [NEWEST, { key: 'wage', label: '工资最高', needs_location: false }, NEAREST], filters: [{ name: 'job_type', label: '工种', type: 'job_type', options: [] }, REGION, { name: 'meals', label: '包吃', type: 'boolean', options: [] }, { name: 'housing', label: '包住', type: 'boolean', options: [] }] }),
  board({ kind: 'processing_demand', recommended_to: ['factory'], label: '代加工需求', short_name: '加工需求', board_name: '代加工需求', icon: 'setting', hint: '缺设备或产能？发布工艺、规格、数量与交期', group: 'processing', group_label: '代加工', sorts: [NEWEST, { key: 'soonest', label: '交期最近', needs_location: false }, NEAREST], filters: [{ name: 'process_type', label: '加工工艺', type: 'process_type', options: [] }, REGION] }),
  board({ kind: 'processing_service', label: '代加工服务', short_name: '加工服务', board_name: '代加工服务', icon: 'tools', hint: '有闲置设备和产能？发布设备、产能与报价', group: 'processing', group_label: '代加工', sorts: [NEWEST, { key: 'capacity', label: '产能最大', needs_location: false }, NEAREST], filters: [{ name: 'process_type', label: '加工工艺', type: 'process_type', options: [] }, REGION] }),
]

/** Filter types whose choices come from the taxonomy; the board page shows the first as its drop-down. */
export const TAXONOMY_FILTER_TYPES = ['industry', 'job_type', 'process_type']

export interface HomeEntry {
  key: string
  label: string
  url: string
  icon: string
}

function readCache(): CachedBoards | null {
  try {
    const cached = uni.getStorageSync(BOARDS_KEY) as CachedBoards | ''
    return cached && Array.isArray(cached.data) && cached.data.length ? cached : null
  } catch {
    return null
  }
}

/** The boards (kinds of post) as the server defines them: labels, publisher, sorts, filters, groups. */
export const useBoardsStore = defineStore('boards', {
  state: () => {
    const cached = readCache()
    return {
      etag: cached?.etag || '',
      boards: cached?.data || FALLBACK_BOARDS,
      fromServer: Boolean(cached),
      loading: null as Promise<BoardDef[]> | null,
    }
  },
  getters: {
    kinds: (state) => state.boards.map((b) => b.kind),
    /** Home entries: one per board, one per group (its first board, tabs inside), then the directory. */
    homeEntries: (state): HomeEntry[] => {
      const entries: HomeEntry[] = []
      const groups = new Set<string>()
      for (const b of state.boards.filter((x) => x.on_home)) {
        if (b.group) {
          if (groups.has(b.group)) continue
          groups.add(b.group)
        }
        entries.push({ key: b.group || b.kind, label: b.group ? b.group_label : b.board_name, url: `/pages/board/index?kind=${b.kind}`, icon: b.icon })
      }
      entries.push({ key: 'factories', label: '工厂名录', url: '/pages/factories/index', icon: 'home' })
      return entries
    },
  },
  actions: {
    find(kind: string | undefined): BoardDef | undefined {
      return this.boards.find((b) => b.kind === kind)
    },
    label(kind: string | undefined): string {
      return this.find(kind)?.label ?? '信息'
    },
    /** The boards sharing `kind`'s group (tabs on its board page), or just `kind`'s own. */
    groupOf(kind: string): BoardDef[] {
      const own = this.find(kind)
      if (!own) return []
      return own.group ? this.boards.filter((b) => b.group === own.group) : [own]
    },
    publishableBy(accountType: AccountType | string | undefined): BoardDef[] {
      return this.boards.filter((b) => !accountType || b.publisher_account_type === accountType)
    },
    load(): Promise<BoardDef[]> {
      if (this.loading) return this.loading
      const header: Record<string, string> = {}
      if (this.etag && this.fromServer) header['If-None-Match'] = this.etag
      this.loading = api.getRaw('/api/boards', { header, acceptStatus: [304], silent: true })
        .then((res) => {
          if (res.status !== 304 && Array.isArray(res.data) && res.data.length) {
            this.boards = res.data
            this.fromServer = true
            this.etag = headerValue(res.headers, 'etag') || ''
            uni.setStorageSync(BOARDS_KEY, { etag: this.etag, data: res.data } satisfies CachedBoards)
          }
          return this.boards
        })
        .catch(() => this.boards)
        .finally(() => {
          this.loading = null
        })
      return this.loading
    },
  },
})
