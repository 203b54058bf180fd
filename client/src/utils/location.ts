import { confirm } from './nav'
import { getFuzzyLocation } from './privacy'

let cached: { lat: number; lng: number } | null = null

/**
 * The user's approximate position, asked for only when they choose to sort by distance, with the reason
 * shown first (PIPL, WeChat's rules). Fuzzy location only (issue #16 item 3): the mini-program declares
 * `getFuzzyLocation` in requiredPrivateInfos and never calls the precise `getLocation`. Resolves null
 * when refused or unavailable.
 */
export async function locateForDistance(): Promise<{ lat: number; lng: number } | null> {
  if (cached) return cached
  const ok = await confirm('获取大致位置', '按距离排序需要获取您的大致位置（约 1 公里范围），仅用于本次计算距离，不会保存或公开。')
  if (!ok) return null
  try {
    cached = await getFuzzyLocation()
    return cached
  } catch {
    return null
  }
}

/** Forgets the position (tests; a user who moved can ask again after relaunch). */
export function forgetLocation() {
  cached = null
}
