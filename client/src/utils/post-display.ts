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
