import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, http, request, upload } from '@/api/request'
import { TOKEN_KEY, USER_KEY, useAuthStore } from '@/stores/auth'
import { CONSENT_KEY } from '@/utils/consent'
import { fake, lastRequest, respond, uniMock } from './setup'

const user = { id: 7, display_name: '张三', account_type: 'factory' }

describe('request wrapper', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    // These calls carry personal data; the user has ticked the privacy box (tests/consent.spec.ts covers before).
    fake.storage.set(CONSENT_KEY, true)
  })

  it('adds the bearer token of the signed-in user', async () => {
    fake.storage.set(TOKEN_KEY, 'tok-abc')
    setActivePinia(createPinia())
    useAuthStore()
    respond(() => ({ statusCode: 200, data: { ok: true } }))

    const data = await http.get<{ ok: boolean }>('/api/me')

    expect(data).toEqual({ ok: true })
    expect(lastRequest().header.Authorization).toBe('Bearer tok-abc')
  })

  it('sends no Authorization header when signed out or anonymous', async () => {
    useAuthStore()
    respond(() => ({ statusCode: 202, data: { resend_after: 60, expires_in: 600 } }))
    await http.post('/api/auth/sms-codes', { phone: '13800138000' }, { anonymous: true })
    expect(lastRequest().header.Authorization).toBeUndefined()
  })

  it('shows the API Chinese message in a toast and rejects with its code', async () => {
    useAuthStore()
    respond(() => ({
      statusCode: 429,
      data: { code: 'rate_limited', message: '操作过于频繁，请 45 秒后再试', detail: { retry_after: 45 } },
    }))

    const error = (await http.post('/api/auth/sms-codes', { phone: '13800138000' }).catch((e) => e)) as ApiError

    expect(error).toBeInstanceOf(ApiError)
    expect(error.code).toBe('rate_limited')
    expect(error.status).toBe(429)
    expect(error.detail).toEqual({ retry_after: 45 })
    expect(uniMock().showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '操作过于频繁，请 45 秒后再试', icon: 'none' }))
  })

  it('lets the caller opt out of the toast', async () => {
    useAuthStore()
    respond(() => ({ statusCode: 400, data: { code: 'bad', message: '出错了' } }))
    await expect(request({ url: '/api/x', silent: true })).rejects.toMatchObject({ message: '出错了' })
    expect(uniMock().showToast).not.toHaveBeenCalled()
  })

  it('exposes field errors of a validation error', async () => {
    useAuthStore()
    respond(() => ({
      statusCode: 422,
      data: { code: 'validation_error', message: 'quantity：必填项', detail: [{ field: 'quantity', rule: 'missing', message: '必填项' }] },
    }))
    const error = (await http.post('/api/listings/posts', {}).catch((e) => e)) as ApiError
    expect(error.fieldErrors).toEqual([{ field: 'quantity', rule: 'missing', message: '必填项' }])
  })

  it('signs the user out and sends them to sign in when the token is refused (401 token_invalid)', async () => {
    fake.storage.set(TOKEN_KEY, 'expired')
    fake.storage.set(USER_KEY, user)
    setActivePinia(createPinia())
    const auth = useAuthStore()
    fake.pages = [{ route: 'pages/me/posts', options: { status: 'draft' } }]
    respond(() => ({ statusCode: 401, data: { code: 'token_invalid', message: '登录已失效，请重新登录' } }))

    await expect(http.get('/api/listings/mine')).rejects.toMatchObject({ status: 401, code: 'token_invalid' })

    expect(auth.isSignedIn).toBe(false)
    expect(auth.user).toBeNull()
    expect(fake.storage.has(TOKEN_KEY)).toBe(false)
    expect(fake.storage.has(USER_KEY)).toBe(false)
    expect(uniMock().navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: `/pages/auth/sign-in?redirect=${encodeURIComponent('/pages/me/posts?status=draft')}` }),
    )
    expect(uniMock().showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '登录已失效，请重新登录' }))
  })

  it('treats not_authenticated the same way but stays put for background refreshes', async () => {
    fake.storage.set(TOKEN_KEY, 'gone')
    setActivePinia(createPinia())
    const auth = useAuthStore()
    respond(() => ({ statusCode: 401, data: { code: 'not_authenticated', message: '请先登录' } }))

    await expect(request({ url: '/api/me', silent: true, stayOnSignOut: true })).rejects.toBeInstanceOf(ApiError)

    expect(auth.token).toBe('')
    expect(uniMock().navigateTo).not.toHaveBeenCalled()
  })

  it('does not sign out on a 403 (a refusal is not an expired session)', async () => {
    fake.storage.set(TOKEN_KEY, 'tok')
    setActivePinia(createPinia())
    const auth = useAuthStore()
    respond(() => ({ statusCode: 403, data: { code: 'qualification_required', message: '资质认证通过后才能发布信息' } }))
    await expect(http.post('/api/listings/posts', {})).rejects.toMatchObject({ code: 'qualification_required' })
    expect(auth.token).toBe('tok')
  })

  it('explains network failures in Chinese', async () => {
    useAuthStore()
    respond(() => 'network-error')
    await expect(http.get('/api/taxonomy')).rejects.toMatchObject({ code: 'network_error', status: 0 })
    expect(uniMock().showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络异常，请检查网络后重试' }))
  })

  it('gives a Chinese message for a non-JSON error page', async () => {
    useAuthStore()
    respond(() => ({ statusCode: 404, data: '<html>Not Found</html>' }))
    const error = (await http.get('/api/not-there').catch((e) => e)) as ApiError
    expect(error.isNotFound).toBe(true)
    expect(error.message).toBe('内容不存在或功能暂未开放')
  })

  it('builds query strings and skips empty values', async () => {
    useAuthStore()
    respond(() => ({ statusCode: 200, data: { items: [], count: 0, page: 1, page_size: 20 } }))
    await http.get('/api/listings/labour', { page: 2, region: '', job_type: 3, city: '苏州' })
    expect(lastRequest().url).toBe(`/api/listings/labour?page=2&job_type=3&city=${encodeURIComponent('苏州')}`)
  })

  it('uploads with the token, reports progress and parses the JSON answer', async () => {
    fake.storage.set(TOKEN_KEY, 'tok-up')
    setActivePinia(createPinia())
    useAuthStore()
    respond(() => ({ statusCode: 201, data: { id: 'f-1', kind: 'image', purpose: 'licence', url: '/api/files/f-1' } }))
    const progress = vi.fn()

    const stored = await upload<{ id: string }>({ url: '/api/uploads', filePath: 'blob:x', formData: { purpose: 'licence' }, onProgress: progress })

    expect(stored.id).toBe('f-1')
    expect(lastRequest().header.Authorization).toBe('Bearer tok-up')
    expect(lastRequest().data).toMatchObject({ name: 'file', formData: { purpose: 'licence' } })
    expect(progress).toHaveBeenCalledWith(50)
    expect(progress).toHaveBeenLastCalledWith(100)
  })

  it('shows the message of a refused upload', async () => {
    useAuthStore()
    respond(() => ({ statusCode: 422, data: { code: 'file_type_not_allowed', message: '不支持的文件类型' } }))
    await expect(upload({ url: '/api/uploads', filePath: 'blob:y' })).rejects.toMatchObject({ code: 'file_type_not_allowed' })
    expect(uniMock().showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '不支持的文件类型' }))
  })
})
