import { notificationsApi } from '@/api'

export type SubscriptionPurpose = 'review_result' | 'new_message' | 'new_match' | 'application_update'

/**
 * Template ids come from the server (one source of truth with the sender), loaded ahead of time:
 * wx.requestSubscribeMessage must be called straight from a tap, with no network wait before it.
 * A build-time VITE_WX_TMPL_<PURPOSE> is the fallback when the list has not loaded yet.
 */
const serverTemplates: Partial<Record<SubscriptionPurpose, string>> = {}

export async function loadSubscriptionTemplates(): Promise<void> {
  if (process.env.UNI_PLATFORM !== 'mp-weixin') return
  const states = await notificationsApi.subscriptions()
  for (const state of states) {
    if (state.template_id) serverTemplates[state.purpose as SubscriptionPurpose] = state.template_id
  }
}

export function templateId(purpose: SubscriptionPurpose): string {
  const env = import.meta.env as unknown as Record<string, string | undefined>
  return serverTemplates[purpose] || env[`VITE_WX_TMPL_${purpose.toUpperCase()}`] || ''
}

/** WeChat allows at most three templates in one request on older clients (issue #16 item 1). */
export const MAX_TEMPLATES_PER_REQUEST = 3

/**
 * Asks for WeChat subscription messages (at most MAX_TEMPLATES_PER_REQUEST purposes; more is a
 * programming error and is refused before WeChat sees it). Must run inside a tap handler (WeChat's rule); each accepted
 * template allows one message, which the server is told about. Does nothing outside the mini-program.
 */
export function requestSubscriptions(purposes: SubscriptionPurpose[]): Promise<SubscriptionPurpose[]> {
  if (purposes.length > MAX_TEMPLATES_PER_REQUEST) {
    return Promise.reject(new Error(`一次最多请求 ${MAX_TEMPLATES_PER_REQUEST} 个订阅消息模板`))
  }
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
