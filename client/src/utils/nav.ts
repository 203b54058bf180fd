import { useAuthStore } from '@/stores/auth'

export const TAB_PAGES = ['/pages/home/index', '/pages/factories/index', '/pages/publish/index', '/pages/messages/index', '/pages/me/index']

/** Opens a page whether or not it is a tab page (tab pages need switchTab and take no query). */
export function go(url: string) {
  const path = url.split('?')[0]
  if (TAB_PAGES.includes(path)) uni.switchTab({ url: path })
  else uni.navigateTo({ url })
}

/** Sends the user to sign in first, coming back to `back` afterwards. Returns true when signed in. */
export function requireSignIn(back?: string): boolean {
  const auth = useAuthStore()
  if (auth.isSignedIn) return true
  const redirect = back ? `?redirect=${encodeURIComponent(back)}` : ''
  uni.navigateTo({ url: `/pages/auth/sign-in${redirect}` })
  return false
}

/** Where to go once signed in (and the account type chosen). */
export function afterSignIn(redirect?: string) {
  const auth = useAuthStore()
  if (auth.needsAccountType) {
    uni.redirectTo({ url: `/pages/auth/account-type${redirect ? `?redirect=${encodeURIComponent(redirect)}` : ''}` })
    return
  }
  const target = redirect ? decodeURIComponent(redirect) : '/pages/me/index'
  const path = target.split('?')[0]
  if (TAB_PAGES.includes(path)) uni.switchTab({ url: path })
  else uni.redirectTo({ url: target })
}

export function toast(title: string, icon: 'none' | 'success' = 'none') {
  uni.showToast({ title, icon, duration: 2000 })
}

export function confirm(title: string, content: string): Promise<boolean> {
  return new Promise((resolve) => {
    uni.showModal({ title, content, confirmText: '确定', cancelText: '取消', success: (r) => resolve(!!r.confirm), fail: () => resolve(false) })
  })
}

/** Asks for an appeal note (issue #14): resolves the typed note, or null when cancelled. */
export function askAppealNote(): Promise<string | null> {
  return new Promise((resolve) => {
    uni.showModal({
      title: '申诉（每项只能申诉一次）',
      editable: true,
      placeholderText: '请写明申诉理由（至少 5 个字），将由其他审核员复审',
      confirmText: '提交申诉',
      cancelText: '取消',
      success: (r) => resolve(r.confirm ? String(r.content || '').trim() : null),
      fail: () => resolve(null),
    })
  })
}
