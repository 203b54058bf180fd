import { defineConfig, loadEnv, type Plugin } from 'vite'
import uni from '@dcloudio/vite-plugin-uni'
import { DEV_API_BASE, DEV_APPID, isDevBuild, releaseConfigProblems } from './scripts/release-rules.mjs'

// The dev server proxies /api to a locally running backend, so H5 always talks to its own origin.
const backend = process.env.CMT_BACKEND || 'http://127.0.0.1:8765'

/** Writes the configured appid (and a DEV mark on development builds) into project.config.json. */
function mpProjectConfig(appid: string, dev: boolean): Plugin {
  return {
    name: 'cmt:mp-project-config',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const asset = bundle['project.config.json']
      if (!asset || asset.type !== 'asset') return
      const config = JSON.parse(String(asset.source))
      config.appid = appid
      if (dev) config.description = '厂贸通【开发版：接口 http、游客 AppID，不可提交审核】'
      asset.source = JSON.stringify(config, null, 2)
    },
  }
}

export default defineConfig(({ mode }) => {
  const env: Record<string, string | undefined> = { ...loadEnv(mode, process.cwd(), ''), ...process.env }
  const mp = process.env.UNI_PLATFORM === 'mp-weixin'
  const dev = mode !== 'production' || isDevBuild(env)
  let apiBase = ''
  const plugins: Plugin[] = [...(uni() as unknown as Plugin[])]
  if (mp) {
    // Release rules (issue #16 item 1; scripts/release-rules.mjs): no http API, no tourist appid.
    if (!dev) {
      const problems = releaseConfigProblems(env)
      if (problems.length) {
        throw new Error(
          `小程序正式版构建需要以下配置（开发版请设置 CMT_MP_DEV=1）：\n  - ${problems.join('\n  - ')}`,
        )
      }
    }
    apiBase = (env.VITE_API_BASE || (dev ? DEV_API_BASE : '')).trim().replace(/\/+$/, '')
    plugins.push(mpProjectConfig((env.CMT_MP_APPID || '').trim() || DEV_APPID, dev && !env.CMT_MP_APPID))
    if (dev) console.warn(`【开发版小程序】接口地址 ${apiBase}，不可提交微信审核`)
  }
  return {
    plugins,
    // H5 uses its own origin (''); the mini-program gets the configured absolute origin, baked in here.
    define: { 'import.meta.env.VITE_API_BASE': JSON.stringify(apiBase) },
    server: {
      proxy: {
        '/api': { target: backend, changeOrigin: true, ws: true },
        '/media': { target: backend, changeOrigin: true },
      },
    },
  }
})
