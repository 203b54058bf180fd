import { messagingApi } from '@/api'
import { requireSignIn } from './nav'
import { requestSubscriptions } from './subscribe'

/** 联系对方 (R-FLOW-3): opens or reopens the conversation about a post or a factory. */
export async function contactAbout(target: { post_id?: number; factory_id?: number }, back: string) {
  if (!requireSignIn(back)) return
  // WeChat only lets us ask for subscriptions inside a tap, so ask for reply notices here.
  await requestSubscriptions(['new_message'])
  try {
    const result = await messagingApi.contact({ message: '', ...target })
    uni.navigateTo({ url: `/pages/messages/chat?id=${result.conversation_id}` })
  } catch {
    // The request wrapper has shown the reason (e.g. 不能联系自己).
  }
}
