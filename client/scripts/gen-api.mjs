#!/usr/bin/env node
// Generates src/api/schema.d.ts (TypeScript types of the API) from the backend's OpenAPI document.
//
//   node scripts/gen-api.mjs                  take the schema from the backend code (uv + Django), else the snapshot
//   node scripts/gen-api.mjs --from URL|FILE  take it from a running server (…/api/openapi.json) or a saved file
//   node scripts/gen-api.mjs --check          fail when the types are stale: the snapshot differs from the
//                                             backend code, or schema.d.ts differs from the snapshot
//
// The snapshot (openapi/openapi.json) is committed so the client builds without Python; the check keeps
// it honest whenever the backend is present. CMT_SKIP_LIVE_API_CHECK=1 skips the backend comparison.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import openapiTS, { astToString } from 'openapi-typescript'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const repo = resolve(root, '..')
const snapshotPath = resolve(root, 'openapi/openapi.json')
const typesPath = resolve(root, 'src/api/schema.d.ts')
const HEADER = '/* 由 scripts/gen-api.mjs 从 openapi/openapi.json 生成，请勿手改；运行 npm run gen:api 更新。 */\n'

const args = process.argv.slice(2)
const checkOnly = args.includes('--check')
const fromIndex = args.indexOf('--from')
const from = fromIndex >= 0 ? args[fromIndex + 1] : undefined

function canonical(value) {
  if (Array.isArray(value)) return value.map(canonical)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical(value[k])]))
  }
  return value
}

const serialise = (schema) => JSON.stringify(canonical(schema), null, 2) + '\n'

/** The schema straight from the backend code, or undefined when Python/uv or the backend is absent. */
function schemaFromBackend() {
  if (!existsSync(resolve(repo, 'backend/manage.py'))) return undefined
  const script = [
    'import json, django',
    'django.setup()',
    'from config.api import api',
    'print(json.dumps(api.get_openapi_schema(), ensure_ascii=False))',
  ].join('\n')
  try {
    const stdout = execFileSync(process.env.UV || 'uv', ['run', '--frozen', '--quiet', 'python', '-c', script], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, PYTHONPATH: 'backend', DJANGO_SETTINGS_MODULE: 'config.settings' },
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 << 20,
    })
    return JSON.parse(stdout.slice(stdout.indexOf('{')))
  } catch (error) {
    // In CI the comparison with the live backend is the whole point of the check: never skip it there.
    if (process.env.CI === 'true') throw error
    console.warn(`（提示）无法从后端代码导出 OpenAPI，改用快照：${String(error.message).split('\n')[0]}`)
    return undefined
  }
}

async function schemaFrom(source) {
  if (/^https?:\/\//.test(source)) {
    const response = await fetch(source)
    if (!response.ok) throw new Error(`获取 ${source} 失败：HTTP ${response.status}`)
    return response.json()
  }
  return JSON.parse(readFileSync(resolve(process.cwd(), source), 'utf8'))
}

async function typesFor(schema) {
  const ast = await openapiTS(schema, { alphabetize: true })
  return HEADER + astToString(ast)
}

async function main() {
  if (checkOnly) {
    const problems = []
    if (!existsSync(snapshotPath)) problems.push('缺少 openapi/openapi.json，请运行 npm run gen:api')
    else {
      const snapshot = JSON.parse(readFileSync(snapshotPath, 'utf8'))
      if (process.env.CMT_SKIP_LIVE_API_CHECK !== '1') {
        const live = schemaFromBackend()
        if (live && serialise(live) !== serialise(snapshot)) {
          problems.push('后端接口已变化，openapi/openapi.json 已过期 (backend API changed; snapshot is stale)')
        }
      }
      const expected = await typesFor(snapshot)
      const actual = existsSync(typesPath) ? readFileSync(typesPath, 'utf8') : ''
      if (expected !== actual) problems.push('src/api/schema.d.ts 与快照不一致 (types differ from the snapshot)')
    }
    if (problems.length) {
      for (const p of problems) console.error(`接口类型检查失败：${p}`)
      console.error('运行 npm run gen:api 重新生成后再提交。')
      process.exit(1)
    }
    console.log('接口类型检查通过：src/api/schema.d.ts 与后端一致')
    return
  }

  const schema = from ? await schemaFrom(from) : (schemaFromBackend() ?? JSON.parse(readFileSync(snapshotPath, 'utf8')))
  mkdirSync(dirname(snapshotPath), { recursive: true })
  writeFileSync(snapshotPath, serialise(schema))
  writeFileSync(typesPath, await typesFor(JSON.parse(serialise(schema))))
  const count = Object.keys(schema.paths || {}).length
  console.log(`已生成 src/api/schema.d.ts（${count} 个接口路径），快照已写入 openapi/openapi.json`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
