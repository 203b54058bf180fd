/**
 * Consent first (issue #15 item 9, PIPL): nothing personal leaves the device before the user has ticked
 * the privacy-policy box. The tick is kept on the device (so it survives the sign-in round trip) and the
 * request wrapper refuses, without sending anything, every call that carries personal data before an
 * account exists (the phone for an SMS code, the code itself, the WeChat login code).
 */
export const CONSENT_KEY = 'cmt.privacy-consent'

/** Calls that carry personal data and may only go out after consent. */
export const CONSENT_REQUIRED_PATHS = ['/api/auth/sms-codes', '/api/auth/sms-sign-in', '/api/auth/wechat-sign-in']

export const CONSENT_MESSAGE = '请先阅读并同意《用户协议》《信息发布规则》和《隐私政策》'

export function hasLocalConsent(): boolean {
  try {
    return uni.getStorageSync(CONSENT_KEY) === true
  } catch {
    return false
  }
}

export function setLocalConsent(on: boolean) {
  if (on) uni.setStorageSync(CONSENT_KEY, true)
  else uni.removeStorageSync(CONSENT_KEY)
}

export function needsConsent(url: string): boolean {
  const path = url.replace(/^https?:\/\/[^/]+/, '').split('?')[0]
  return CONSENT_REQUIRED_PATHS.includes(path)
}
