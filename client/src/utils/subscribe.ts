import { notificationsApi } from '@/api'

export type SubscriptionPurpose = 'review_result' | 'new_message' | 'new_match' | 'application_update'

/** Template ids are configured per mini-program at build time, e.g. VITE_WX_TMPL_REVIEW_RESULT. */
function templateId(purpose: SubscriptionPurpose): string {
  const env = import.meta.env as unknown as Record<string, string | undefined>
  return env[`VITE_WX_TMPL_${purpose.toUpperCase()}`] || ''
}

/**
 * Asks for WeChat subscription messages. Must run inside a tap handler (WeChat's rule); each accepted
 * template allows one message, which the server is told about. Does nothing outside the mini-program.
 */
export function requestSubscriptions(purposes: SubscriptionPurpose[]): Promise<SubscriptionPurpose[]> {
  if (process.env.UNI_PLATFORM !== 'mp-weixin') return Promise.resolve([])
  const wanted = purposes.map((p) => ({ purpose: p, id: templateId(p) })).filter((p) => p.id)
  if (!wanted.length) return Promise.resolve([])
  return new Promise((resolve) => {
    uni.requestSubscribeMessage({
      tmplIds: wanted.map((w) => w.id),
      success: (result) => {
        const res = result as unknown as Record<string, string>
        const accepted = wanted.filter((w) => res[w.id] === 'accept').map((w) => w.purpose)
        if (accepted.length) notificationsApi.subscribe(accepted).catch(() => undefined)
        resolve(accepted)
      },
      fail: () => resolve([]),
    })
  })
}
