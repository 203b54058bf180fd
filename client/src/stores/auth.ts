import { defineStore } from 'pinia'
import { authApi } from '@/api'
import { connectAuth } from '@/api/request'
import type { AccountType, Me, SignInResult } from '@/api/types'

export const TOKEN_KEY = 'cmt.token'
export const USER_KEY = 'cmt.user'

function readStorage<T>(key: string): T | null {
  try {
    const value = uni.getStorageSync(key)
    return (value === '' || value === undefined ? null : value) as T | null
  } catch {
    return null
  }
}

/** The signed-in account: token (kept across launches in uni storage) and the user it belongs to. */
export const useAuthStore = defineStore('auth', {
  state: () => ({
    token: readStorage<string>(TOKEN_KEY) || '',
    user: readStorage<Me>(USER_KEY),
    /** True right after a first sign-in: the account still has to pick its type. */
    isNew: false,
  }),
  getters: {
    isSignedIn: (state) => !!state.token,
    accountType: (state): AccountType | '' => (state.user?.account_type || '') as AccountType | '',
    needsAccountType(): boolean {
      return this.isSignedIn && !!this.user && !this.user.account_type
    },
    isFactory: (state) => state.user?.account_type === 'factory',
    isTrade: (state) => state.user?.account_type === 'trade',
    isWorker: (state) => state.user?.account_type === 'worker',
  },
  actions: {
    setSession(result: SignInResult) {
      this.token = result.token
      this.user = result.user
      this.isNew = result.is_new
      uni.setStorageSync(TOKEN_KEY, result.token)
      uni.setStorageSync(USER_KEY, result.user)
    },
    setUser(user: Me) {
      this.user = user
      uni.setStorageSync(USER_KEY, user)
    },
    /** Forgets the session on this device only (the server already refused the token). */
    clearSession() {
      this.token = ''
      this.user = null
      this.isNew = false
      uni.removeStorageSync(TOKEN_KEY)
      uni.removeStorageSync(USER_KEY)
    },
    requestSmsCode(phone: string) {
      return authApi.requestSmsCode(phone)
    },
    async signInWithSms(phone: string, code: string) {
      const result = await authApi.smsSignIn(phone, code)
      this.setSession(result)
      return result
    },
    /** Mini-program sign-in: wx.login gives a one-time code the server trades for the session. */
    async signInWithWeChat() {
      const code = await new Promise<string>((resolve, reject) => {
        uni.login({
          provider: 'weixin',
          success: (res) => (res.code ? resolve(res.code) : reject(new Error('微信登录失败，请重试'))),
          fail: () => reject(new Error('微信登录失败，请重试')),
        })
      })
      const result = await authApi.wechatSignIn(code)
      this.setSession(result)
      return result
    },
    /** Refreshes the account; `background` keeps the user on the page if the token has expired. */
    async fetchMe(options: { background?: boolean } = {}) {
      if (!this.token) return null
      const user = await authApi.me(options.background)
      this.setUser(user)
      return user
    },
    async chooseAccountType(accountType: AccountType, names: { organisation_name?: string; display_name?: string } = {}) {
      const user = await authApi.chooseAccountType(accountType, names)
      this.setUser(user)
      this.isNew = false
      return user
    },
    async consentPrivacy() {
      const user = await authApi.consentPrivacy()
      this.setUser(user)
      return user
    },
    async updateProfile(data: { display_name?: string; avatar_url?: string; organisation_name?: string }) {
      const user = await authApi.updateMe(data)
      this.setUser(user)
      return user
    },
    /** Revokes the token on the server (best effort) and forgets it here either way. */
    async logout() {
      if (this.token) {
        try {
          await authApi.logout()
        } catch {
          // The token may already be invalid; signing out locally is what the user asked for.
        }
      }
      this.clearSession()
    },
  },
})

// The request wrapper reads the token and signs out through this bridge.
connectAuth({
  getToken: () => useAuthStore().token,
  clearSession: () => useAuthStore().clearSession(),
})
