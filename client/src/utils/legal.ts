/**
 * Consent to the legal documents (issue #16 item 2). The server holds the versions in force and which
 * ones this user accepted; sign-in records the versions shown on the sign-in page, and whenever a new
 * version takes effect the app opens the consent page before the user can continue.
 */
import { legalApi } from '@/api'
import type { LegalKind, LegalSummary } from '@/api/types'
import { useAuthStore } from '@/stores/auth'

export const CONSENT_PAGE = '/pages/legal/consent'
export const LEGAL_KINDS: LegalKind[] = ['user_agreement', 'privacy_policy', 'publishing_rules']
export const LEGAL_TITLES: Record<LegalKind, string> = {
  user_agreement: '《用户协议》',
  privacy_policy: '《隐私政策》',
  publishing_rules: '《信息发布规则》',
}

/** Pages a user without consent may still open: sign-in and the documents themselves. */
const OPEN_ROUTES = ['pages/auth/sign-in', 'pages/legal/']

export function documentUrl(kind: string, version?: string): string {
  return `/pages/legal/document?kind=${kind}${version ? `&version=${encodeURIComponent(version)}` : ''}`
}

/** Records acceptance of exactly the versions the user was shown. */
export async function acceptVersions(documents: Array<Pick<LegalSummary, 'kind' | 'version'>>) {
  return legalApi.accept(documents.map((d) => ({ kind: d.kind, version: d.version })))
}

function currentRoute(): string {
  const pages = typeof getCurrentPages === 'function' ? getCurrentPages() : []
  const last = pages[pages.length - 1] as { route?: string } | undefined
  if (last?.route) return last.route
  const hash = (globalThis as { location?: { hash?: string } }).location?.hash || ''
  return hash.replace(/^#\/?/, '').split('?')[0]
}

let checking: Promise<boolean> | null = null

/**
 * Asks the server whether the signed-in user has to accept a new version. If so, opens the consent
 * page (the current page cannot be used until then) and resolves false; otherwise true. Network
 * failures let the user continue: the next launch asks again.
 */
export function checkConsent(options: { onAnyPage?: boolean } = {}): Promise<boolean> {
  const auth = useAuthStore()
  if (!auth.isSignedIn) return Promise.resolve(true)
  const route = currentRoute()
  if (!options.onAnyPage && OPEN_ROUTES.some((open) => route.startsWith(open))) return Promise.resolve(true)
  if (checking) return checking
  checking = legalApi
    .consents()
    .then((state) => {
      if (!state.outstanding.length) return true
      uni.reLaunch({ url: CONSENT_PAGE })
      return false
    })
    .catch(() => true)
    .finally(() => {
      checking = null
    })
  return checking
}
