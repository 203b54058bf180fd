#!/usr/bin/env node
// The mini-program release build refuses to run without an https API base and a real appid (issue #16
// item 1): runs `uni build -p mp-weixin` with those variables removed (and an http base) and expects it to
// stop before compiling, naming what is missing. Fast: vite.config.ts throws while loading the config.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const cases = [
  { label: '未配置', env: {}, expect: ['VITE_API_BASE', 'CMT_MP_APPID'] },
  { label: 'http 接口 + 游客 AppID', env: { VITE_API_BASE: 'http://api.example.com', CMT_MP_APPID: 'touristappid' }, expect: ['https://', 'AppID'] },
]
let failed = 0
for (const c of cases) {
  const outDir = mkdtempSync(join(tmpdir(), 'cmt-mp-refusal-'))
  const env = { ...process.env, ...c.env, UNI_OUTPUT_DIR: outDir }
  for (const key of ['VITE_API_BASE', 'CMT_MP_APPID', 'CMT_MP_DEV']) if (!(key in c.env)) delete env[key]
  const run = spawnSync(process.execPath, [join(root, 'node_modules/@dcloudio/vite-plugin-uni/bin/uni.js'), 'build', '-p', 'mp-weixin'], {
    cwd: root,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  })
  rmSync(outDir, { recursive: true, force: true })
  const output = `${run.stdout}${run.stderr}`
  const ok = run.status !== 0 && output.includes('小程序正式版构建需要以下配置') && c.expect.every((word) => output.includes(word))
  if (!ok) {
    failed += 1
    console.error(`正式版构建未按预期拒绝（${c.label}）：exit ${run.status}\n${output.slice(-1500)}`)
  } else console.log(`正式版构建已拒绝（${c.label}）`)
}
process.exit(failed ? 1 : 0)
