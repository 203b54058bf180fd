/** The one privacy wrapper, fuzzy location and the subscription limit (issue #16 items 1 and 3). */
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { chooseImages, getFuzzyLocation, openDocument, PrivacyRefused, roundToKm, setClipboard } from '@/utils/privacy'
import { forgetLocation, locateForDistance } from '@/utils/location'
import { MAX_TEMPLATES_PER_REQUEST, requestSubscriptions } from '@/utils/subscribe'
import { uniMock } from './setup'

type Wx = { requirePrivacyAuthorize: ReturnType<typeof vi.fn>; getFuzzyLocation: ReturnType<typeof vi.fn>; getLocation: ReturnType<typeof vi.fn> }

function installWx(agree: boolean): Wx {
  const wxApi: Wx = {
    requirePrivacyAuthorize: vi.fn((o: { success: () => void; fail: () => void }) => (agree ? o.success() : o.fail())),
    getFuzzyLocation: vi.fn((o: { success: (r: unknown) => void }) => o.success({ latitude: 30.123, longitude: 120.456 })),
    getLocation: vi.fn(),
  }
  vi.stubGlobal('wx', wxApi)
  return wxApi
}

describe('privacy authorisation wrapper (issue #16 item 1)', () => {
  const platform = process.env.UNI_PLATFORM
  beforeEach(() => {
    setActivePinia(createPinia())
    process.env.UNI_PLATFORM = 'mp-weixin'
    forgetLocation()
  })
  afterEach(() => {
    process.env.UNI_PLATFORM = platform
    vi.unstubAllGlobals()
  })

  it('asks for the authorisation before the album is opened', async () => {
    const wxApi = installWx(true)
    const uni = uniMock() as unknown as Record<string, ReturnType<typeof vi.fn>>
    uni.chooseImage = vi.fn((o: { success: (r: unknown) => void }) => o.success({ tempFilePaths: ['/tmp/a.jpg'], tempFiles: [{ path: '/tmp/a.jpg' }] }))
    const picked = await chooseImages(1)
    expect(wxApi.requirePrivacyAuthorize).toHaveBeenCalledTimes(1)
    expect(picked).toEqual([{ path: '/tmp/a.jpg', name: '', isImage: true }])
  })

  it('a refusal never reaches the API and tells the user what is unavailable', async () => {
    installWx(false)
    const uni = uniMock() as unknown as Record<string, ReturnType<typeof vi.fn>>
    uni.chooseImage = vi.fn()
    uni.setClipboardData = vi.fn()
    uni.downloadFile = vi.fn()
    await expect(chooseImages(1)).rejects.toBeInstanceOf(PrivacyRefused)
    await expect(setClipboard('x')).rejects.toBeInstanceOf(PrivacyRefused)
    await expect(openDocument('https://x/y.pdf')).rejects.toBeInstanceOf(PrivacyRefused)
    expect(uni.chooseImage).not.toHaveBeenCalled()
    expect(uni.setClipboardData).not.toHaveBeenCalled()
    expect(uni.downloadFile).not.toHaveBeenCalled()
    const toasts = uniMock().showToast.mock.calls.map((c) => (c[0] as { title: string }).title)
    expect(toasts[0]).toContain('未同意隐私保护指引，无法选择图片')
  })
})

describe('fuzzy location only (issue #16 item 3)', () => {
  const platform = process.env.UNI_PLATFORM
  afterEach(() => {
    process.env.UNI_PLATFORM = platform
    vi.unstubAllGlobals()
    forgetLocation()
  })

  it('uses wx.getFuzzyLocation in the mini-program, never getLocation', async () => {
    process.env.UNI_PLATFORM = 'mp-weixin'
    const wxApi = installWx(true)
    const uni = uniMock() as unknown as Record<string, ReturnType<typeof vi.fn>>
    uni.getLocation = vi.fn()
    expect(await locateForDistance()).toEqual({ lat: 30.123, lng: 120.456 })
    expect(wxApi.getFuzzyLocation).toHaveBeenCalledTimes(1)
    expect(wxApi.getLocation).not.toHaveBeenCalled()
    expect(uni.getLocation).not.toHaveBeenCalled()
  })

  it('refusing the reason dialog asks for nothing', async () => {
    process.env.UNI_PLATFORM = 'mp-weixin'
    const wxApi = installWx(true)
    uniMock().showModal.mockImplementation((o: { success?: (r: { confirm: boolean }) => void }) => o.success?.({ confirm: false }))
    expect(await locateForDistance()).toBeNull()
    expect(wxApi.requirePrivacyAuthorize).not.toHaveBeenCalled()
    expect(wxApi.getFuzzyLocation).not.toHaveBeenCalled()
  })

  it('in H5 asks the browser for a low-accuracy position and rounds it to about 1 km', async () => {
    process.env.UNI_PLATFORM = 'h5'
    const getCurrentPosition = vi.fn((ok: (p: unknown) => void, _fail: unknown, options: PositionOptions) => {
      expect(options.enableHighAccuracy).toBe(false)
      ok({ coords: { latitude: 30.12789, longitude: 120.45612 } })
    })
    vi.stubGlobal('navigator', { geolocation: { getCurrentPosition } })
    expect(await getFuzzyLocation()).toEqual({ lat: 30.13, lng: 120.46 })
    expect(roundToKm(-0.004)).toBe(-0)
  })
})

describe('subscription requests hold at most three templates (issue #16 item 1)', () => {
  const platform = process.env.UNI_PLATFORM
  beforeEach(() => {
    setActivePinia(createPinia())
    process.env.UNI_PLATFORM = 'mp-weixin'
  })
  afterEach(() => {
    process.env.UNI_PLATFORM = platform
  })

  it('refuses a fourth template before WeChat sees the request', async () => {
    expect(MAX_TEMPLATES_PER_REQUEST).toBe(3)
    await expect(requestSubscriptions(['review_result', 'new_message', 'new_match', 'application_update'])).rejects.toThrow('最多')
    expect(uniMock().requestSubscribeMessage).not.toHaveBeenCalled()
  })
})
