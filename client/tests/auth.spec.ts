import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { TOKEN_KEY, USER_KEY, useAuthStore } from '@/stores/auth'
import { CONSENT_KEY } from '@/utils/consent'
import { fake, lastRequest, respond, uniMock } from './setup'

const me = (over: Record<string, unknown> = {}) => ({
  id: 3,
  display_name: '用户8000',
  account_type: '',
  account_type_label: '',
  phone_masked: '138****8000',
  has_phone: true,
  status: 'normal',
  status_reason: '',
  status_until: null,
  privacy_consented: false,
  avatar_url: '',
  date_joined: '2025-01-01T00:00:00Z',
  ...over,
})

describe('auth store', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    // These calls carry personal data; the user has ticked the privacy box (tests/consent.spec.ts covers before).
    fake.storage.set(CONSENT_KEY, true)
  })

  it('signs in by SMS, keeps the token across launches, and knows the type is still to choose', async () => {
    respond(() => ({ statusCode: 200, data: { token: 'tok-1', is_new: true, user: me() } }))
    const auth = useAuthStore()

    await auth.signInWithSms('13800138000', '123456')

    expect(lastRequest()).toMatchObject({ url: '/api/auth/sms-sign-in', method: 'POST', data: { phone: '13800138000', code: '123456' } })
    expect(auth.isSignedIn).toBe(true)
    expect(auth.isNew).toBe(true)
    expect(auth.needsAccountType).toBe(true)
    expect(fake.storage.get(TOKEN_KEY)).toBe('tok-1')

    // A new launch (fresh store) restores the session from storage.
    setActivePinia(createPinia())
    const again = useAuthStore()
    expect(again.token).toBe('tok-1')
    expect(again.user?.phone_masked).toBe('138****8000')
  })

  it('does not keep a session when the code is wrong', async () => {
    respond(() => ({ statusCode: 400, data: { code: 'sms_code_invalid', message: '验证码错误或已过期' } }))
    const auth = useAuthStore()
    await expect(auth.signInWithSms('13800138000', '000000')).rejects.toMatchObject({ code: 'sms_code_invalid' })
    expect(auth.isSignedIn).toBe(false)
    expect(fake.storage.has(TOKEN_KEY)).toBe(false)
    expect(uniMock().showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '验证码错误或已过期' }))
  })

  it('signs in with WeChat by trading the wx.login code', async () => {
    respond(() => ({ statusCode: 200, data: { token: 'tok-wx', is_new: false, user: me({ account_type: 'trade' }) } }))
    const auth = useAuthStore()

    await auth.signInWithWeChat()

    expect(uniMock().login).toHaveBeenCalled()
    expect(lastRequest()).toMatchObject({ url: '/api/auth/wechat-sign-in', data: { code: 'wx-code-123' } })
    expect(lastRequest().header.Authorization).toBeUndefined()
    expect(auth.isTrade).toBe(true)
    expect(auth.needsAccountType).toBe(false)
  })

  it('chooses the account type and stores the updated user', async () => {
    fake.storage.set(TOKEN_KEY, 'tok')
    fake.storage.set(USER_KEY, me())
    setActivePinia(createPinia())
    const auth = useAuthStore()
    respond((req) => ({ statusCode: 200, data: me({ account_type: (req.data as { account_type: string }).account_type, account_type_label: '工厂' }) }))

    await auth.chooseAccountType('factory')

    expect(lastRequest()).toMatchObject({ url: '/api/me/account-type', method: 'POST', data: { account_type: 'factory' } })
    expect(auth.isFactory).toBe(true)
    expect((fake.storage.get(USER_KEY) as { account_type: string }).account_type).toBe('factory')
  })

  it('logs out on the server and forgets the token here', async () => {
    fake.storage.set(TOKEN_KEY, 'tok-out')
    setActivePinia(createPinia())
    const auth = useAuthStore()
    respond(() => ({ statusCode: 204 }))

    await auth.logout()

    expect(lastRequest()).toMatchObject({ url: '/api/auth/logout', method: 'POST' })
    expect(lastRequest().header.Authorization).toBe('Bearer tok-out')
    expect(auth.isSignedIn).toBe(false)
    expect(fake.storage.has(TOKEN_KEY)).toBe(false)
  })

  it('still signs out locally when the server cannot be reached', async () => {
    fake.storage.set(TOKEN_KEY, 'tok-off')
    setActivePinia(createPinia())
    const auth = useAuthStore()
    respond(() => 'network-error')
    await auth.logout()
    expect(auth.isSignedIn).toBe(false)
  })
})
