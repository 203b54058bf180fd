import { describe, expect, it } from 'vitest'
import { FALLBACK_BOARDS } from '@/stores/boards'
import { homePlan, homeRole, jobQuery } from '@/utils/home'
import { jobTags, jobWage } from '@/utils/post-display'
import type { PostCard } from '@/api/types'

/** Issue #15 items 1–2: each role's home, and job cards as workers know them. */
describe('role-aware home', () => {
  it('gives each role its own home from the board registry', () => {
    expect(homeRole('worker', true)).toBe('worker')
    expect(homeRole('worker', false)).toBe('guest')
    expect(homeRole('', true)).toBe('guest')

    const worker = homePlan('worker', FALLBACK_BOARDS)
    expect(worker.jobsBoard?.kind).toBe('labour')

    const factory = homePlan('factory', FALLBACK_BOARDS)
    expect(factory.jobsBoard).toBeNull()
    expect(factory.featured.map((b) => b.kind)).toEqual(['procurement', 'processing_demand'])
    expect(factory.recommendationsTitle).toBe('适合您工厂的需求')

    const trade = homePlan('trade', FALLBACK_BOARDS)
    expect(trade.featured.map((b) => b.kind)).toEqual(['stock'])
    expect(trade.showFactories).toBe(true)

    expect(homePlan('guest', FALLBACK_BOARDS).recommendationsTitle).toBe('热门推荐')
  })

  it("turns a worker's filters into the board query (region, job type, wage unit, 包吃住, period)", () => {
    const today = new Date(2026, 11, 1)
    expect(jobQuery({ region: '', jobType: '', wageUnit: '', meals: false, housing: false, period: '' }, today)).toEqual({
      region: undefined,
      job_type: undefined,
      wage_unit: undefined,
      meals: undefined,
      housing: undefined,
      period_from: undefined,
      period_to: undefined,
    })
    expect(
      jobQuery({ region: '440306', jobType: 7, wageUnit: 'day', meals: true, housing: true, period: 'week' }, today),
    ).toEqual({
      region: '440306',
      job_type: [7],
      wage_unit: 'day',
      meals: true,
      housing: true,
      period_from: '2026-12-01',
      period_to: '2026-12-08',
    })
    expect(jobQuery({ region: '', jobType: '', wageUnit: '', meals: false, housing: false, period: 'month' }, today).period_to).toBe(
      '2026-12-31',
    )
  })
})

describe('job cards', () => {
  const job = {
    kind: 'labour',
    wage_amount: 260,
    wage_unit_label: '元/天',
    meals_provided: true,
    housing_provided: true,
    age_min: 18,
    age_max: 50,
    period_start: '2026-12-04',
    period_end: '2027-01-30',
    owner_verified: true,
  } as unknown as PostCard

  it('shows the wage as a large number with its unit, and the tags job apps show', () => {
    expect(jobWage(job)).toEqual({ amount: '260', unit: '元/天' })
    expect(jobTags(job)).toEqual(['包吃', '包住', '18–50岁', '12/04–01/30', '已认证'])
  })

  it('leaves out what the job does not offer', () => {
    const bare = { ...job, meals_provided: false, housing_provided: false, age_min: null, age_max: null, owner_verified: false, period_end: null } as unknown as PostCard
    expect(jobTags(bare)).toEqual(['12/04 起'])
    expect(jobWage({ ...job, wage_amount: null } as unknown as PostCard)).toBeNull()
  })

  it('shows 已认证 on a job page from its owner, as on the card', () => {
    const { owner_verified: _card, ...page } = job as unknown as Record<string, unknown>
    const detail = (verified: boolean) => ({ ...page, owner: { verified } }) as unknown as PostCard
    expect(jobTags(detail(true))).toContain('已认证')
    expect(jobTags(detail(false))).not.toContain('已认证')
  })
})
