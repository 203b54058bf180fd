/**
 * WeChat requires the user's privacy authorisation before privacy APIs (location, album, camera, files).
 * With `__usePrivacyCheck__` on, `wx.requirePrivacyAuthorize` shows WeChat's official prompt when the
 * user has not agreed yet; elsewhere this resolves at once.
 */
export function ensurePrivacyAuthorized(): Promise<boolean> {
  if (process.env.UNI_PLATFORM !== 'mp-weixin') return Promise.resolve(true)
  const wxApi = (globalThis as { wx?: { requirePrivacyAuthorize?: (o: { success: () => void; fail: () => void }) => void } }).wx
  if (!wxApi?.requirePrivacyAuthorize) return Promise.resolve(true)
  return new Promise((resolve) => {
    wxApi.requirePrivacyAuthorize!({ success: () => resolve(true), fail: () => resolve(false) })
  })
}
