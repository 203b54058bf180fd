// Release rules of the WeChat mini-program build (issue #16 item 1), shared by vite.config.ts (which
// refuses to build a release without them) and scripts/check-mp-output.mjs (which checks the output).
//
// A release build (`npm run build:mp-weixin`, mode production) needs, from the environment (or
// client/.env.production.local, never committed):
//   VITE_API_BASE  the API origin, https:// (WeChat only talks to configured https/wss domains), not a
//                  loopback or private-network address;
//   CMT_MP_APPID   the mini-program's real appid (wx + 16 hex digits), never touristappid.
// A development build is asked for explicitly with CMT_MP_DEV=1: it may use http://127.0.0.1:8000 and
// touristappid, and is marked as such (project.config.json's description, a DEV banner in the console).

export const DEV_API_BASE = 'http://127.0.0.1:8000'
export const DEV_APPID = 'touristappid'
export const APPID_RE = /^wx[0-9a-f]{16}$/
const PRIVATE_HOST = /^(localhost|0\.0\.0\.0|::1|\[::1\]|127\.\d+\.\d+\.\d+|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+)$/

/** @param {Record<string, string | undefined>} env */
export function isDevBuild(env) {
  return env.CMT_MP_DEV === '1'
}

/** Why this environment cannot produce a release build (empty: it can). @param {Record<string, string | undefined>} env */
export function releaseConfigProblems(env) {
  const problems = []
  const base = (env.VITE_API_BASE || '').trim()
  if (!base) {
    problems.push('未设置 VITE_API_BASE（正式版接口地址，须为 https://）(VITE_API_BASE is not set)')
  } else {
    let url = null
    try {
      url = new URL(base)
    } catch {
      problems.push(`VITE_API_BASE 不是有效的网址：${base} (not a URL)`)
    }
    if (url && url.protocol !== 'https:') {
      problems.push(`VITE_API_BASE 必须以 https:// 开头，微信只允许已配置的 https/wss 域名：${base} (must be https)`)
    }
    if (url && PRIVATE_HOST.test(url.hostname)) {
      problems.push(`VITE_API_BASE 不能是本机或内网地址：${url.hostname} (loopback / private address)`)
    }
  }
  const appid = (env.CMT_MP_APPID || '').trim()
  if (!appid) problems.push('未设置 CMT_MP_APPID（小程序 AppID）(CMT_MP_APPID is not set)')
  else if (appid === DEV_APPID || !APPID_RE.test(appid)) {
    problems.push(`CMT_MP_APPID 不是有效的小程序 AppID（wx 加 16 位十六进制）：${appid} (not a real appid)`)
  }
  return problems
}
