import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { TOKEN_KEY, USER_KEY, useAuthStore } from '@/stores/auth'
import { qualificationWithMemory } from '@/utils/qualification'
import { fake, respond } from './setup'

const approved = { id: 1, kind: 'business_licence', status: 'approved', submitted_at: '2026-11-01T00:00:00Z' }

/** Issue #15 item 6: the last known profile is kept; offline, 我的 does not read 未认证 for a verified company. */
describe('last known profile while offline', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('remembers a verified licence and shows it while the network is down', async () => {
    respond(() => ({ statusCode: 200, data: { items: [approved], count: 1, page: 1, page_size: 50 } }))
    expect((await qualificationWithMemory(7, 'trade')).qualification?.status).toBe('approved')

    respond(() => 'network-error')
    const offline = await qualificationWithMemory(7, 'trade')
    expect(offline).toMatchObject({ stale: true, failed: false })
    expect(offline.qualification?.status).toBe('approved')
  })

  it('does not lend one account the remembered state of another, and says it failed', async () => {
    respond(() => ({ statusCode: 200, data: { items: [approved], count: 1, page: 1, page_size: 50 } }))
    await qualificationWithMemory(7, 'trade')
    respond(() => 'network-error')
    expect(await qualificationWithMemory(8, 'trade')).toEqual({ qualification: null, stale: false, failed: true })
  })

  it('keeps the signed-in profile when refreshing it fails offline', async () => {
    fake.storage.set(TOKEN_KEY, 'tok')
    fake.storage.set(USER_KEY, { id: 7, display_name: '宁波外贸', account_type: 'trade' })
    setActivePinia(createPinia())
    const auth = useAuthStore()
    respond(() => 'network-error')
    await expect(auth.fetchMe({ background: true })).rejects.toMatchObject({ code: 'network_error' })
    expect(auth.user?.display_name).toBe('宁波外贸')
    expect(auth.isSignedIn).toBe(true)
    expect(fake.storage.get(USER_KEY)).toMatchObject({ id: 7 })
  })
})
