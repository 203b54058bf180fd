#!/usr/bin/env node
// Runs vue-tsc over the project and fails on errors in our own code (src/, tests/, scripts/).
// `checkUnknownComponents` is on so a component used but never imported is caught; vue-tsc then also
// reports two such findings inside wot-design-uni's own sources (components its templates name through
// uni-app's easycom), which are not ours to fix and are listed as a note only.
import { spawnSync } from 'node:child_process'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const result = spawnSync(process.execPath, [resolve(root, 'node_modules/vue-tsc/bin/vue-tsc.js'), '--noEmit', '--pretty', 'false'], {
  cwd: root,
  encoding: 'utf8',
})
const lines = `${result.stdout}${result.stderr}`.split('\n').filter(Boolean)
const isError = (line) => /error TS\d+/.test(line)
const ours = lines.filter((line) => isError(line) && !line.startsWith('node_modules/'))
const theirs = lines.filter((line) => isError(line) && line.startsWith('node_modules/'))

if (theirs.length) console.log(`（提示）第三方组件源码中的类型提示 ${theirs.length} 条，已忽略`)
if (ours.length || (result.status !== 0 && !theirs.length)) {
  for (const line of lines) if (!line.startsWith('node_modules/')) console.error(line)
  console.error(`类型检查失败：${ours.length} 个错误`)
  process.exit(1)
}
console.log('类型检查通过')
