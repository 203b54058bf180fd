/** The mini-program release build's configuration rules (issue #16 item 1). */
import { describe, expect, it } from 'vitest'
import { isDevBuild, releaseConfigProblems } from '../scripts/release-rules.mjs'

describe('release build configuration', () => {
  it('accepts an https API base and a real appid', () => {
    expect(releaseConfigProblems({ VITE_API_BASE: 'https://api.changmaotong.cn', CMT_MP_APPID: 'wx1234567890abcdef' })).toEqual([])
  })

  it('refuses a missing base and appid', () => {
    const problems = releaseConfigProblems({})
    expect(problems.some((p) => p.includes('VITE_API_BASE'))).toBe(true)
    expect(problems.some((p) => p.includes('CMT_MP_APPID'))).toBe(true)
  })

  it('refuses http, loopback and private addresses, and the tourist appid', () => {
    expect(releaseConfigProblems({ VITE_API_BASE: 'http://api.changmaotong.cn', CMT_MP_APPID: 'wx1234567890abcdef' })[0]).toContain('https://')
    expect(releaseConfigProblems({ VITE_API_BASE: 'https://127.0.0.1:8000', CMT_MP_APPID: 'wx1234567890abcdef' })[0]).toContain('本机或内网')
    expect(releaseConfigProblems({ VITE_API_BASE: 'https://192.168.1.5', CMT_MP_APPID: 'wx1234567890abcdef' })).toHaveLength(1)
    expect(releaseConfigProblems({ VITE_API_BASE: 'https://api.changmaotong.cn', CMT_MP_APPID: 'touristappid' })[0]).toContain('AppID')
    expect(releaseConfigProblems({ VITE_API_BASE: 'https://api.changmaotong.cn', CMT_MP_APPID: 'wx123' })).toHaveLength(1)
  })

  it('a development build is only what CMT_MP_DEV=1 asks for', () => {
    expect(isDevBuild({ CMT_MP_DEV: '1' })).toBe(true)
    expect(isDevBuild({})).toBe(false)
    expect(isDevBuild({ CMT_MP_DEV: 'true' })).toBe(false)
  })
})
