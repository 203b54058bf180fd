import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { ApiError } from '@/api/request'
import { useAuthStore } from '@/stores/auth'
import { CONSENT_KEY, hasLocalConsent, setLocalConsent } from '@/utils/consent'
import { fake, respond, uniMock } from './setup'

/** Issue #15 item 9: nothing personal leaves the device before the privacy consent box is ticked. */
describe('consent first', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('refuses to request an SMS code before consent, without sending the phone anywhere', async () => {
    respond(() => ({ statusCode: 202, data: { resend_after: 60, expires_in: 600 } }))
    const auth = useAuthStore()

    const error = (await auth.requestSmsCode('13800138000').catch((e) => e)) as ApiError

    expect(error).toBeInstanceOf(ApiError)
    expect(error.code).toBe('consent_required')
    expect(fake.requests).toHaveLength(0)
    expect(uniMock().request).not.toHaveBeenCalled()
    expect(uniMock().showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请先阅读并同意《用户协议》《信息发布规则》和《隐私政策》' }))
  })

  it('refuses SMS and WeChat sign-in before consent too', async () => {
    const auth = useAuthStore()
    await expect(auth.signInWithSms('13800138000', '123456')).rejects.toMatchObject({ code: 'consent_required' })
    await expect(auth.signInWithWeChat()).rejects.toMatchObject({ code: 'consent_required' })
    expect(fake.requests).toHaveLength(0)
  })

  it('sends the request once the box is ticked, and stops again when it is unticked', async () => {
    respond(() => ({ statusCode: 202, data: { resend_after: 60, expires_in: 600 } }))
    const auth = useAuthStore()

    setLocalConsent(true)
    expect(fake.storage.get(CONSENT_KEY)).toBe(true)
    await expect(auth.requestSmsCode('13800138000')).resolves.toMatchObject({ resend_after: 60 })
    expect(fake.requests.map((r) => r.url)).toEqual(['/api/auth/sms-codes'])

    setLocalConsent(false)
    expect(hasLocalConsent()).toBe(false)
    await expect(auth.requestSmsCode('13800138000')).rejects.toMatchObject({ code: 'consent_required' })
    expect(fake.requests).toHaveLength(1)
  })

  it('does not hold back calls that carry nothing personal', async () => {
    respond(() => ({ statusCode: 200, data: { announcements: [], counts: {}, recommendations: [] } }))
    const { discoveryApi } = await import('@/api')
    await expect(discoveryApi.home()).resolves.toMatchObject({ recommendations: [] })
    expect(fake.requests).toHaveLength(1)
  })
})
