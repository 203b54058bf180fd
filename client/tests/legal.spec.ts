/** Consent to the versioned legal documents (issue #16 item 2). */
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import type { LegalKind } from '@/api/types'
import { useAuthStore } from '@/stores/auth'
import { acceptVersions, checkConsent, CONSENT_PAGE } from '@/utils/legal'
import { fake, lastRequest, respond, uniMock } from './setup'

const summary = (kind: LegalKind, version: string) => ({
  kind,
  kind_label: kind,
  version,
  title: kind,
  effective_date: '2026-12-01',
  summary: '',
})

function signIn() {
  useAuthStore().setSession({ token: 'tok', is_new: false, user: { id: 1 } as never })
}

describe('re-consent when a new version takes effect', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
  })

  it('opens the consent page when the server lists outstanding documents', async () => {
    signIn()
    fake.pages = [{ route: 'pages/me/index', options: {} }]
    respond(() => ({ statusCode: 200, data: { documents: [], outstanding: [summary('privacy_policy', '1.1')] } }))
    expect(await checkConsent()).toBe(false)
    expect(uniMock().reLaunch).toHaveBeenCalledWith({ url: CONSENT_PAGE })
  })

  it('lets the user continue when every version in force is accepted', async () => {
    signIn()
    fake.pages = [{ route: 'pages/home/index', options: {} }]
    respond(() => ({ statusCode: 200, data: { documents: [], outstanding: [] } }))
    expect(await checkConsent()).toBe(true)
    expect(uniMock().reLaunch).not.toHaveBeenCalled()
  })

  it('never interrupts the sign-in page or the documents themselves, nor signed-out users', async () => {
    respond(() => ({ statusCode: 200, data: { documents: [], outstanding: [summary('privacy_policy', '1.1')] } }))
    expect(await checkConsent()).toBe(true) // signed out
    signIn()
    fake.pages = [{ route: 'pages/legal/document', options: { kind: 'privacy_policy' } }]
    expect(await checkConsent()).toBe(true)
    expect(fake.requests).toHaveLength(0)
    expect(await checkConsent({ onAnyPage: true })).toBe(false)
  })

  it('records exactly the versions that were shown', async () => {
    signIn()
    respond(() => ({ statusCode: 200, data: { documents: [], outstanding: [] } }))
    await acceptVersions([summary('user_agreement', '1.0'), summary('privacy_policy', '1.1')])
    const sent = lastRequest()
    expect(sent.method).toBe('POST')
    expect(sent.url).toContain('/api/legal/consents')
    expect(sent.data).toEqual({
      documents: [
        { kind: 'user_agreement', version: '1.0' },
        { kind: 'privacy_policy', version: '1.1' },
      ],
    })
  })
})
