import { confirm } from './nav'
import { ensurePrivacyAuthorized } from './privacy'

let cached: { lat: number; lng: number } | null = null

/**
 * The user's position, asked for only when they choose to sort by distance, with the reason shown
 * first (PIPL, WeChat's rules). Resolves null when refused or unavailable.
 */
export async function locateForDistance(): Promise<{ lat: number; lng: number } | null> {
  if (cached) return cached
  const ok = await confirm('获取位置', '按距离排序需要获取您当前的位置，仅用于本次计算距离，不会保存或公开。')
  if (!ok || !(await ensurePrivacyAuthorized())) return null
  return new Promise((resolve) => {
    uni.getLocation({
      type: 'gcj02',
      success: (res) => {
        cached = { lat: res.latitude, lng: res.longitude }
        resolve(cached)
      },
      fail: () => resolve(null),
    })
  })
}
