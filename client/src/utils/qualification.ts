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

const LAST_KNOWN_KEY = 'cmt.qualification'

interface LastKnown {
  userId: number
  qualification: Qualification | null
}

/**
 * The account's latest qualification, remembered on the device (issue #15 item 6): while offline, 我的 shows
 * the last known state (a verified company stays 已认证) instead of reading the failure as 未认证.
 * `failed` is true when the server could not be asked and nothing was remembered for this account.
 */
export async function qualificationWithMemory(
  userId: number,
  accountType: string,
): Promise<{ qualification: Qualification | null; stale: boolean; failed: boolean }> {
  try {
    const qualification = await latestQualification(accountType)
    uni.setStorageSync(LAST_KNOWN_KEY, { userId, qualification } satisfies LastKnown)
    return { qualification, stale: false, failed: false }
  } catch {
    let remembered: LastKnown | '' = ''
    try {
      remembered = uni.getStorageSync(LAST_KNOWN_KEY) as LastKnown | ''
    } catch {
      remembered = ''
    }
    if (remembered && remembered.userId === userId) return { qualification: remembered.qualification, stale: true, failed: false }
    return { qualification: null, stale: false, failed: true }
  }
}
