import type { MyPost, PostCard, PostDetail } from '@/api/types'

type AnyPost = PostCard | PostDetail | MyPost

const CURRENCY_SIGNS: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€' }

function num(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return ''
  const n = Number(value)
  return Number.isFinite(n) ? n.toLocaleString('zh-CN', { maximumFractionDigits: 2 }) : String(value)
}

export function money(amount: number | string | null | undefined, currency = 'CNY'): string {
  const text = num(amount)
  return text ? `${CURRENCY_SIGNS[currency] ?? `${currency} `}${text}` : ''
}

/** The one line a list shows in red: wage, quantity and price, delivery. */
export function postKeyInfo(post: AnyPost): string {
  const parts: string[] = []
  const unit = post.quantity_unit || ''
  switch (post.kind) {
    case 'labour':
      if (post.wage_amount != null) parts.push(`${num(post.wage_amount)}${post.wage_unit_label || ''}`)
      if (post.headcount) parts.push(`招 ${post.headcount} 人`)
      if (post.is_full) parts.push('已招满')
      break
    case 'stock':
      if (post.quantity != null) parts.push(`库存 ${num(post.quantity)}${unit}`)
      if (post.unit_price != null) parts.push(`${money(post.unit_price, post.currency)}/${unit || '件'}`)
      break
    case 'procurement':
      if (post.quantity != null) parts.push(`求购 ${num(post.quantity)}${unit}`)
      if (post.delivery_date) parts.push(`交期 ${post.delivery_date}`)
      break
    case 'processing_demand':
      if (post.quantity != null) parts.push(`${num(post.quantity)}${unit}`)
      if (post.delivery_date) parts.push(`交期 ${post.delivery_date}`)
      break
    case 'processing_service':
      if (post.capacity_per_day != null) parts.push(`日产能 ${num(post.capacity_per_day)}${unit}`)
      break
    default:
      // Any other board: the summary its definition gives on the server.
      if (post.summary) parts.push(post.summary)
  }
  return parts.join(' · ')
}

/** Category, job type or processes, as small tags. */
export function postTags(post: AnyPost): string[] {
  const tags: string[] = []
  if (post.job_type?.name) tags.push(post.job_type.name)
  for (const p of post.process_types || []) tags.push(p.name)
  if (post.category?.name) tags.push(post.category.name)
  else if (post.industry?.name) tags.push(post.industry.name)
  return tags
}

/** The publisher's one public name (the server's rule, accounts.identity: the licence name once verified,
 * else the company name given at onboarding, else the nickname). */
export function ownerName(post: AnyPost): string {
  return post.owner?.display_name || post.owner?.factory_name || ''
}

/** "12/04" from an ISO date (the short form job apps use for a work period). */
function monthDay(value: string | null | undefined): string {
  const m = /^\d{4}-(\d{2})-(\d{2})/.exec(value || '')
  return m ? `${m[1]}/${m[2]}` : ''
}

/** A job card's wage as workers read it: the number large, the unit beside it (issue #15 item 2). */
export function jobWage(post: AnyPost): { amount: string; unit: string } | null {
  if (post.wage_amount === null || post.wage_amount === undefined) return null
  return { amount: num(post.wage_amount), unit: post.wage_unit_label || '' }
}

type JobCardFields = { meals_provided?: boolean; housing_provided?: boolean; age_min?: number | null; age_max?: number | null; owner_verified?: boolean }

/** The tags of a job card, in the order job apps show them: 包吃 包住 18–50岁 12/04–01/30 已认证. */
export function jobTags(post: AnyPost): string[] {
  const p = post as AnyPost & JobCardFields
  const details = ((post as { details?: Record<string, unknown> }).details || {}) as Record<string, unknown>
  const ageMin = p.age_min ?? (typeof details.age_min === 'number' ? details.age_min : null)
  const ageMax = p.age_max ?? (typeof details.age_max === 'number' ? details.age_max : null)
  const meals = p.meals_provided ?? details.meals_provided === true
  const housing = p.housing_provided ?? details.housing_provided === true
  const tags: string[] = []
  if (meals) tags.push('包吃')
  if (housing) tags.push('包住')
  if (ageMin != null && ageMax != null) tags.push(`${ageMin}–${ageMax}岁`)
  else if (ageMin != null) tags.push(`${ageMin}岁以上`)
  else if (ageMax != null) tags.push(`${ageMax}岁以下`)
  const start = monthDay(post.period_start)
  const end = monthDay(post.period_end)
  if (start && end) tags.push(`${start}–${end}`)
  else if (start) tags.push(`${start} 起`)
  // Cards carry owner_verified; a job page carries its owner (verified once the licence is approved).
  const verified = p.owner_verified ?? (post as { owner?: { verified?: boolean } }).owner?.verified
  if (verified) tags.push('已认证')
  return tags
}

/** Whether a post is shown as a job (wage first): its board takes applications, or it has a wage. */
export function isJob(post: AnyPost, acceptsApplications?: boolean): boolean {
  return acceptsApplications ?? post.wage_amount != null
}
