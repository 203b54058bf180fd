import { qualificationsApi } from '@/api'
import type { Qualification } from '@/api/types'

export const QUALIFICATION_STATUS_LABELS: Record<string, string> = {
  pending: '审核中',
  approved: '已认证',
  rejected: '未通过',
  expired: '已过期',
}

/** The latest submission of the kind that fits the account (licence for companies and factories, real name for workers). */
export async function latestQualification(accountType: string): Promise<Qualification | null> {
  const list = (await qualificationsApi.mine()).items
  const kind = accountType === 'worker' ? 'personal_id' : 'business_licence'
  const mine = list.filter((q) => q.kind === kind)
  mine.sort((a, b) => (a.submitted_at < b.submitted_at ? 1 : -1))
  return mine[0] ?? null
}
