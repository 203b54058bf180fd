#!/usr/bin/env node
// Checks the WeChat mini-program build (dist/build/mp-weixin) for the ways it is known to break silently:
//  1. every page in src/pages.json (main package and sub-packages) has its .wxml, .js, .json and .wxss;
//  2. every custom component a page or component template uses (wd-* and our own) is listed in that
//     file's usingComponents, and every listed component exists in the output;
//  3. `npm ls` shows exactly one version of the @dcloudio/* packages (mixed versions build fine but lose
//     all UI components: usingComponents comes out empty);
//  4. WeChat's release rules (issue #16 item 1): a real appid in project.config.json and no http:// origin
//     in the code (unless CMT_MP_DEV=1 marks a development build), the https VITE_API_BASE baked in when
//     given; requiredPrivateInfos holds getFuzzyLocation and no getLocation; __usePrivacyCheck__ is on;
//     every privacy API is called only from src/utils/privacy.ts (the one authorisation wrapper); no
//     subscription request asks for more than three templates; the main package is under 2 MB.
// CI (`make client-test`) builds a release with a test https base and a fake appid and runs this check.
// Exits non-zero with a Chinese + English explanation on the first kind of failure found.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, posix, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { APPID_RE, DEV_APPID, isDevBuild } from './release-rules.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const out = resolve(root, process.argv[2] || 'dist/build/mp-weixin')
const problems = []

// WXML's own tags that contain a hyphen; anything else with a hyphen must be a declared component.
const BUILTIN_TAGS = new Set([
  'scroll-view', 'swiper-item', 'movable-area', 'movable-view', 'cover-view', 'cover-image', 'rich-text',
  'picker-view', 'picker-view-column', 'web-view', 'live-player', 'live-pusher', 'open-data',
  'official-account', 'page-meta', 'navigation-bar', 'page-container', 'share-element', 'match-media',
  'keyboard-accessory', 'root-portal', 'grid-view', 'list-view', 'sticky-header', 'sticky-section',
  'functional-page-navigator', 'channel-live', 'channel-video', 'voip-room', 'ad-custom', 'store-product',
  'draggable-sheet', 'nested-scroll-header', 'nested-scroll-body', 'grid-builder', 'list-builder',
  'snapshot', 'span', 'open-container', 'double-tap-gesture-handler', 'pan-gesture-handler',
  'tap-gesture-handler', 'long-press-gesture-handler', 'scale-gesture-handler',
  'force-press-gesture-handler', 'horizontal-drag-gesture-handler', 'vertical-drag-gesture-handler',
])

function stripJsonComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '')
}

function pagesFromPagesJson() {
  const pagesJson = JSON.parse(stripJsonComments(readFileSync(join(root, 'src/pages.json'), 'utf8')))
  const pages = (pagesJson.pages || []).map((p) => p.path)
  for (const sub of pagesJson.subPackages || pagesJson.subpackages || []) {
    for (const p of sub.pages || []) pages.push(posix.join(sub.root, p.path))
  }
  return pages
}

function usedCustomTags(wxml) {
  const tags = new Set()
  // Drop comments and <wxs> bodies so their text is not read as tags.
  const clean = wxml.replace(/<!--[\s\S]*?-->/g, '').replace(/<wxs[\s\S]*?<\/wxs>/g, '')
  for (const match of clean.matchAll(/<([a-zA-Z][\w-]*)[\s/>]/g)) {
    const tag = match[1]
    if (tag.includes('-') && !BUILTIN_TAGS.has(tag)) tags.add(tag)
  }
  return tags
}

const checkedComponents = new Set()

function checkTemplate(basePath, label) {
  const wxmlFile = `${basePath}.wxml`
  const jsonFile = `${basePath}.json`
  if (!existsSync(wxmlFile) || !existsSync(jsonFile)) return
  let config
  try {
    config = JSON.parse(readFileSync(jsonFile, 'utf8'))
  } catch (error) {
    problems.push(`${label}: .json 无法解析 (cannot parse): ${error.message}`)
    return
  }
  const declared = config.usingComponents || {}
  for (const tag of usedCustomTags(readFileSync(wxmlFile, 'utf8'))) {
    if (!(tag in declared)) {
      problems.push(`${label}: 模板使用了 <${tag}> 但 usingComponents 未声明 (used but not declared)`)
    }
  }
  for (const [tag, ref] of Object.entries(declared)) {
    if (ref.startsWith('plugin://')) continue
    const target = ref.startsWith('/') ? join(out, ref) : resolve(dirname(basePath), ref)
    for (const ext of ['.js', '.json', '.wxml']) {
      if (!existsSync(target + ext)) {
        problems.push(`${label}: 组件 ${tag} 缺少 ${posix.basename(ref)}${ext} (component file missing: ${ref}${ext})`)
      }
    }
    if (!checkedComponents.has(target)) {
      checkedComponents.add(target)
      checkTemplate(target, posix.relative(out, target) || ref)
    }
  }
}

function checkPages() {
  if (!existsSync(out)) {
    problems.push(`找不到小程序构建目录 ${out}，请先运行 npm run build:mp-weixin (build output missing)`)
    return
  }
  const pages = pagesFromPagesJson()
  if (pages.length === 0) problems.push('pages.json 中没有页面 (no pages in pages.json)')
  const appJson = JSON.parse(readFileSync(join(out, 'app.json'), 'utf8'))
  const built = new Set([
    ...(appJson.pages || []),
    ...(appJson.subPackages || []).flatMap((s) => (s.pages || []).map((p) => posix.join(s.root, p))),
  ])
  for (const page of pages) {
    if (!built.has(page)) problems.push(`${page}: 未出现在 app.json (page missing from app.json)`)
    for (const ext of ['.wxml', '.js', '.json', '.wxss']) {
      if (!existsSync(join(out, page + ext))) problems.push(`${page}: 缺少 ${ext} 文件 (missing ${ext})`)
    }
    checkTemplate(join(out, page), page)
  }
  return pages.length
}

function collectVersions(node, acc) {
  for (const [name, dep] of Object.entries(node.dependencies || {})) {
    // @dcloudio/types follows its own version line (3.4.x) by design.
    if (name.startsWith('@dcloudio/') && name !== '@dcloudio/types' && dep.version) {
      if (!acc.has(dep.version)) acc.set(dep.version, new Set())
      acc.get(dep.version).add(name)
    }
    collectVersions(dep, acc)
  }
  return acc
}

function checkDcloudVersions() {
  let tree
  try {
    tree = JSON.parse(execFileSync('npm', ['ls', '--all', '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 }))
  } catch (error) {
    // npm ls exits non-zero on problems (e.g. an invalid peer) but still prints the tree.
    if (!error.stdout) throw error
    tree = JSON.parse(error.stdout)
    problems.push(`npm ls 报告依赖问题 (npm ls reported problems): ${(tree.problems || []).slice(0, 5).join('; ')}`)
  }
  const versions = collectVersions(tree, new Map())
  if (versions.size === 0) problems.push('未找到 @dcloudio/* 依赖 (no @dcloudio packages installed)')
  if (versions.size > 1) {
    const detail = [...versions].map(([v, names]) => `${v}: ${[...names].join(', ')}`).join(' | ')
    problems.push(`@dcloudio/* 存在多个版本，小程序组件会丢失 (several @dcloudio versions): ${detail}`)
  }
  return [...versions.keys()]
}

function walk(dir, acc = []) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) walk(full, acc)
    else acc.push(full)
  }
  return acc
}

// Privacy APIs WeChat guards with the privacy authorisation (and the precise location, never used).
const PRIVACY_API = /\b(?:uni|wx)\s*\.\s*(chooseImage|chooseMedia|chooseVideo|chooseMessageFile|getClipboardData|setClipboardData|openDocument|getFuzzyLocation|getLocation|chooseLocation|chooseAddress|saveImageToPhotosAlbum|saveVideoToPhotosAlbum|startLocationUpdate|startLocationUpdateBackground|onLocationChange|getWeRunData|chooseInvoice|chooseInvoiceTitle|chooseLicensePlate|getUserProfile|startRecord|getRecorderManager|createCameraContext|scanCode|getBluetoothDevices|startWifi|addPhoneContact|addPhoneCalendar)\b/g
const PRIVACY_WRAPPER = 'src/utils/privacy.ts'
const MAX_TEMPLATES = 3
const MAIN_PACKAGE_LIMIT = 2 * 1024 * 1024

function checkSources() {
  const files = walk(join(root, 'src')).filter((f) => /\.(ts|vue)$/.test(f) && !f.endsWith('.d.ts'))
  for (const file of files) {
    const rel = posix.relative(root, file.split('\\').join('/'))
    const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '')
    for (const m of code.matchAll(PRIVACY_API)) {
      if (m[1] === 'getLocation') problems.push(`${rel}: 调用了精确定位 ${m[0]}，只允许 getFuzzyLocation (precise location)`)
      else if (rel !== PRIVACY_WRAPPER) {
        problems.push(`${rel}: 隐私接口 ${m[0]} 须经 ${PRIVACY_WRAPPER} 的授权封装调用 (privacy API outside the wrapper)`)
      }
    }
    for (const m of code.matchAll(/requestSubscriptions\(\s*\[([^\]]*)\]/g)) {
      const count = m[1].split(',').filter((item) => item.trim()).length
      if (count > MAX_TEMPLATES) problems.push(`${rel}: 一次请求 ${count} 个订阅模板，最多 ${MAX_TEMPLATES} 个 (too many templates)`)
    }
  }
  const subscribe = readFileSync(join(root, 'src/utils/subscribe.ts'), 'utf8')
  if (!new RegExp(`MAX_TEMPLATES_PER_REQUEST = ${MAX_TEMPLATES}\\b`).test(subscribe)) {
    problems.push(`src/utils/subscribe.ts: 未限制每次最多 ${MAX_TEMPLATES} 个订阅模板 (no template limit)`)
  }
  return files.length
}

function checkRelease() {
  if (!existsSync(join(out, 'app.json'))) return { dev: false, mainBytes: 0 }
  const dev = isDevBuild(process.env)
  const appJson = JSON.parse(readFileSync(join(out, 'app.json'), 'utf8'))
  const infos = appJson.requiredPrivateInfos || []
  if (!infos.includes('getFuzzyLocation')) problems.push('app.json: requiredPrivateInfos 缺少 getFuzzyLocation (missing)')
  if (infos.includes('getLocation')) problems.push('app.json: requiredPrivateInfos 不应包含 getLocation (precise location declared)')
  if (appJson.__usePrivacyCheck__ !== true) problems.push('app.json: __usePrivacyCheck__ 未开启 (privacy check off)')

  const project = JSON.parse(readFileSync(join(out, 'project.config.json'), 'utf8'))
  const files = walk(out)
  const scripts = files.filter((f) => f.endsWith('.js'))
  if (dev) {
    console.warn(`（开发版）CMT_MP_DEV=1：跳过 https 与 AppID 检查，appid=${project.appid}，不可提交审核`)
  } else {
    if (project.appid === DEV_APPID || !APPID_RE.test(project.appid || '')) {
      problems.push(`project.config.json: appid "${project.appid}" 不是正式 AppID，构建时设置 CMT_MP_APPID (not a real appid)`)
    }
    for (const file of scripts) {
      const code = readFileSync(file, 'utf8')
      for (const m of code.matchAll(/["'`]http:\/\/([^"'`\s/]+)/g)) {
        if (m[1] === 'www.w3.org') continue // XML namespaces in SVG, not a request origin
        problems.push(`${posix.relative(out, file)}: 含有 http:// 地址 http://${m[1]}，正式版只允许 https (http origin)`)
      }
    }
    const base = (process.env.VITE_API_BASE || '').replace(/\/+$/, '')
    if (base && !scripts.some((f) => readFileSync(f, 'utf8').includes(base))) {
      problems.push(`构建产物中找不到接口地址 ${base}（VITE_API_BASE 未生效）(API base not baked in)`)
    }
  }
  const subRoots = (appJson.subPackages || appJson.subpackages || []).map((s) => join(out, s.root))
  const mainBytes = files
    .filter((f) => !subRoots.some((r) => f.startsWith(r + '/')))
    .reduce((sum, f) => sum + statSync(f).size, 0)
  if (mainBytes >= MAIN_PACKAGE_LIMIT) {
    problems.push(`主包 ${(mainBytes / 1024 / 1024).toFixed(2)} MB，超过 2 MB 上限 (main package too large)`)
  }
  return { dev, mainBytes }
}

const pageCount = checkPages()
const versions = checkDcloudVersions()
const sourceCount = checkSources()
const release = checkRelease()
if (problems.length) {
  console.error(`小程序构建检查未通过，共 ${problems.length} 个问题：`)
  for (const p of problems) console.error(`  - ${p}`)
  process.exit(1)
}
console.log(
  `小程序构建检查通过：${pageCount} 个页面，${checkedComponents.size} 个组件，@dcloudio/* 版本 ${versions.join(', ')}；` +
    `${release.dev ? '开发版' : '正式版规则'}，主包 ${(release.mainBytes / 1024).toFixed(0)} KB，已扫描 ${sourceCount} 个源文件的隐私接口`,
)
