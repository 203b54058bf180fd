/**
 * What each role's home shows (issue #15 item 1), decided in one place from the board registry
 * (`GET /api/boards` → `recommended_to`), so no page names a board kind:
 * - worker: jobs first — the board recommended to workers (it takes applications), near the worker's
 *   preferred region, with filters for job type, wage unit, 包吃 / 包住 and period;
 * - factory: the demands that fit it (the home feed's role recommendations) and entries to those boards;
 * - trade company: stock (the boards recommended to trade) and the factory directory, then recommendations;
 * - anyone signed out: the general home — every board, and the newest posts.
 */
import type { BoardDef } from '@/api/types'

export type HomeRole = 'worker' | 'factory' | 'trade' | 'guest'

export function homeRole(accountType: string | null | undefined, signedIn: boolean): HomeRole {
  if (!signedIn) return 'guest'
  return accountType === 'worker' || accountType === 'factory' || accountType === 'trade' ? accountType : 'guest'
}

export interface HomePlan {
  role: HomeRole
  /** The jobs list a worker's home opens with. */
  jobsBoard: BoardDef | null
  /** Boards this role is shown first (sections and entries). */
  featured: BoardDef[]
  /** A section of factories from the directory. */
  showFactories: boolean
  recommendationsTitle: string
  emptyHint: string
}

export function homePlan(role: HomeRole, boards: BoardDef[]): HomePlan {
  const forRole = (r: string) => boards.filter((b) => (b.recommended_to || []).includes(r))
  switch (role) {
    case 'worker': {
      const jobs = forRole('worker')
      return {
        role,
        jobsBoard: jobs.find((b) => b.accepts_applications) ?? jobs[0] ?? null,
        featured: jobs,
        showFactories: false,
        recommendationsTitle: '为你推荐的工作',
        emptyHint: '填写求职意向后，这里会推荐离您近、适合您的工作',
      }
    }
    case 'factory':
      return {
        role,
        jobsBoard: null,
        featured: forRole('factory'),
        showFactories: false,
        recommendationsTitle: '适合您工厂的需求',
        emptyHint: '完善工厂资料中的品类后，这里会推荐与您品类相符的采购和加工需求',
      }
    case 'trade':
      return {
        role,
        jobsBoard: null,
        featured: forRole('trade'),
        showFactories: true,
        recommendationsTitle: '为你推荐',
        emptyHint: '发布采购需求后，这里会推荐生产您所需品类的工厂和库存',
      }
    default:
      return {
        role,
        jobsBoard: null,
        featured: [],
        showFactories: false,
        recommendationsTitle: '热门推荐',
        emptyHint: '平台上的最新信息会显示在这里',
      }
  }
}

export type JobPeriod = '' | 'week' | 'month'

export interface JobFilters {
  region: string
  jobType: number | ''
  wageUnit: string
  meals: boolean
  housing: boolean
  /** Work that starts within a week / a month. */
  period: JobPeriod
}

export const JOB_PERIODS: Array<{ value: JobPeriod; label: string }> = [
  { value: '', label: '工期不限' },
  { value: 'week', label: '一周内开工' },
  { value: 'month', label: '一个月内开工' },
]

function isoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** The board query for a worker's job filters (parameters of `GET /api/discovery/{kind}`). */
export function jobQuery(filters: JobFilters, today: Date = new Date()) {
  const days = filters.period === 'week' ? 7 : filters.period === 'month' ? 30 : 0
  const until = new Date(today.getFullYear(), today.getMonth(), today.getDate() + days)
  return {
    region: filters.region || undefined,
    job_type: filters.jobType === '' ? undefined : [filters.jobType],
    wage_unit: (filters.wageUnit || undefined) as 'hour' | 'day' | 'piece' | 'month' | undefined,
    meals: filters.meals || undefined,
    housing: filters.housing || undefined,
    // Work that is still on (ends today or later) and starts by then.
    period_from: days ? isoDate(today) : undefined,
    period_to: days ? isoDate(until) : undefined,
  }
}
