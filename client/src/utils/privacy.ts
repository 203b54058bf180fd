/**
 * The one place the app calls WeChat's privacy APIs (issue #16 item 1). WeChat requires the user's
 * privacy authorisation before album, camera, chat files, clipboard, opening documents and location;
 * with `__usePrivacyCheck__` on, `wx.requirePrivacyAuthorize` shows WeChat's official prompt when the user
 * has not agreed yet. Every call below goes through `withPrivacy`, and a refusal tells the user what
 * they cannot do and why, instead of failing silently. `scripts/check-mp-output.mjs` fails the build
 * check when a privacy API is called anywhere else in src/.
 */
import { toast } from './nav'

/** Thrown (and already explained to the user) when the privacy authorisation is refused. */
export class PrivacyRefused extends Error {
  constructor(purpose: string) {
    super(`未同意隐私保护指引，无法${purpose}`)
    this.name = 'PrivacyRefused'
  }
}

type WxPrivacy = { requirePrivacyAuthorize?: (o: { success: () => void; fail: () => void }) => void }

export function ensurePrivacyAuthorized(): Promise<boolean> {
  if (process.env.UNI_PLATFORM !== 'mp-weixin') return Promise.resolve(true)
  const wxApi = (globalThis as { wx?: WxPrivacy }).wx
  if (!wxApi?.requirePrivacyAuthorize) return Promise.resolve(true)
  return new Promise((resolve) => {
    wxApi.requirePrivacyAuthorize!({ success: () => resolve(true), fail: () => resolve(false) })
  })
}

/** Runs `call` once the user has authorised; otherwise shows why `purpose` is unavailable and throws. */
export async function withPrivacy<T>(purpose: string, call: () => Promise<T>): Promise<T> {
  if (!(await ensurePrivacyAuthorized())) {
    const refused = new PrivacyRefused(purpose)
    toast(`${refused.message}。可在“我的 → 隐私政策”中查看说明`)
    throw refused
  }
  return call()
}

function promised<R>(start: (success: (r: R) => void, fail: (e: unknown) => void) => void): Promise<R> {
  return new Promise((resolve, reject) => start(resolve, reject))
}

export interface PickedFile {
  path: string
  name: string
  isImage: boolean
}

const IMAGE_NAME = /\.(jpe?g|png|gif|webp)$/i

export function chooseImages(count: number, sourceType: Array<'album' | 'camera'> = ['album', 'camera']): Promise<PickedFile[]> {
  return withPrivacy('选择图片', () =>
    promised<UniApp.ChooseImageSuccessCallbackResult>((success, fail) =>
      uni.chooseImage({ count, sizeType: ['compressed'], sourceType, success, fail }),
    ).then((res) => {
      const files = (Array.isArray(res.tempFiles) ? res.tempFiles : [res.tempFiles]) as Array<{ name?: string }>
      const paths = Array.isArray(res.tempFilePaths) ? res.tempFilePaths : [res.tempFilePaths]
      return paths.map((path, i) => ({ path, name: files[i]?.name || '', isImage: true }))
    }),
  )
}

export function chooseVideo(): Promise<PickedFile[]> {
  return withPrivacy('选择视频', () =>
    promised<UniApp.ChooseVideoSuccess>((success, fail) =>
      uni.chooseVideo({ sourceType: ['album', 'camera'], compressed: true, maxDuration: 60, success, fail }),
    ).then((res) => [{ path: res.tempFilePath, name: (res as { name?: string }).name || '', isImage: false }]),
  )
}

/** Documents: from WeChat chats in the mini-program, from the file system in H5 (no extensions: any type). */
export function chooseDocuments(count: number, extensions: string[]): Promise<PickedFile[]> {
  if (process.env.UNI_PLATFORM === 'mp-weixin') {
    return withPrivacy('从聊天记录选择文件', () =>
      promised<UniApp.ChooseMessageFileSuccessCallbackResult>((success, fail) =>
        uni.chooseMessageFile({ count, type: 'file', ...(extensions.length ? { extension: extensions.map((e) => e.replace(/^\./, '')) } : {}), success, fail }),
      ).then((res) => res.tempFiles.map((f) => ({ path: f.path, name: f.name, isImage: IMAGE_NAME.test(f.name) }))),
    )
  }
  return promised<UniApp.ChooseFileSuccessCallbackResult>((success, fail) =>
    uni.chooseFile({ count, ...(extensions.length ? { extension: extensions.map((e) => (e.startsWith('.') ? e : `.${e}`)) } : {}), success, fail }),
  ).then((res) => {
    const files = (Array.isArray(res.tempFiles) ? res.tempFiles : [res.tempFiles]) as Array<{ path: string; name?: string }>
    return files.map((f) => ({ path: f.path, name: f.name || '', isImage: IMAGE_NAME.test(f.name || '') }))
  })
}

/** Downloads a file and opens it (PDF, drawings) with the phone's viewer. */
export function openDocument(url: string): Promise<void> {
  return withPrivacy('打开文件', () =>
    promised<UniApp.DownloadSuccessData>((success, fail) => uni.downloadFile({ url, success, fail })).then((res) =>
      promised<unknown>((success, fail) => uni.openDocument({ filePath: res.tempFilePath, showMenu: true, success, fail })).then(
        () => undefined,
      ),
    ),
  )
}

export function setClipboard(text: string): Promise<void> {
  return withPrivacy('复制内容', () =>
    promised<unknown>((success, fail) => uni.setClipboardData({ data: text, success, fail })).then(() => undefined),
  )
}

export function getClipboard(): Promise<string> {
  return withPrivacy('读取剪贴板', () =>
    promised<{ data: string }>((success, fail) => uni.getClipboardData({ success, fail })).then((res) => res.data),
  )
}

type WxFuzzy = {
  getFuzzyLocation?: (o: { type: string; success: (r: { latitude: number; longitude: number }) => void; fail: (e: unknown) => void }) => void
}

/**
 * The user's approximate position: WeChat's getFuzzyLocation in the mini-program (never the precise
 * getLocation); in H5 the browser's low-accuracy geolocation, rounded to about 1 km like WeChat's.
 */
export function getFuzzyLocation(): Promise<{ lat: number; lng: number }> {
  return withPrivacy('获取大致位置', () => {
    if (process.env.UNI_PLATFORM === 'mp-weixin') {
      const wxApi = (globalThis as { wx?: WxFuzzy }).wx
      if (!wxApi?.getFuzzyLocation) return Promise.reject(new Error('当前微信版本不支持获取大致位置'))
      return promised<{ latitude: number; longitude: number }>((success, fail) =>
        wxApi.getFuzzyLocation!({ type: 'gcj02', success, fail }),
      ).then((r) => ({ lat: r.latitude, lng: r.longitude }))
    }
    const geo = (globalThis as { navigator?: { geolocation?: Geolocation } }).navigator?.geolocation
    if (!geo) return Promise.reject(new Error('浏览器不支持定位'))
    return promised<GeolocationPosition>((success, fail) =>
      geo.getCurrentPosition(success, fail, { enableHighAccuracy: false, maximumAge: 600_000, timeout: 10_000 }),
    ).then((p) => ({ lat: roundToKm(p.coords.latitude), lng: roundToKm(p.coords.longitude) }))
  })
}

/** About 1 km of precision (two decimals of a degree): enough to sort by distance. */
export function roundToKm(degrees: number): number {
  return Math.round(degrees * 100) / 100
}
