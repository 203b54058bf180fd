#!/usr/bin/env node
// Checks the WeChat mini-program build (dist/build/mp-weixin) for the ways it is known to break silently:
//  1. every page in src/pages.json (main package and sub-packages) has its .wxml, .js, .json and .wxss;
//  2. every custom component a page or component template uses (wd-* and our own) is listed in that
//     file's usingComponents, and every listed component exists in the output;
//  3. `npm ls` shows exactly one version of the @dcloudio/* packages (mixed versions build fine but lose
//     all UI components: usingComponents comes out empty).
// Exits non-zero with a Chinese + English explanation on the first kind of failure found.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, posix, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

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

const pageCount = checkPages()
const versions = checkDcloudVersions()
if (problems.length) {
  console.error(`小程序构建检查未通过，共 ${problems.length} 个问题：`)
  for (const p of problems) console.error(`  - ${p}`)
  process.exit(1)
}
console.log(
  `小程序构建检查通过：${pageCount} 个页面，${checkedComponents.size} 个组件，@dcloudio/* 版本 ${versions.join(', ')}`,
)
