import { defineStore } from 'pinia'
import { messagingApi, notificationsApi } from '@/api'
import { useAuthStore } from './auth'

/** Index of 消息 in the tab bar. */
export const MESSAGES_TAB_INDEX = 3

function showBadge(count: number) {
  try {
    if (count > 0) uni.setTabBarBadge({ index: MESSAGES_TAB_INDEX, text: count > 99 ? '99+' : String(count), fail: () => {} })
    else uni.removeTabBarBadge({ index: MESSAGES_TAB_INDEX, fail: () => {} })
  } catch {
    // Only tab pages have a tab bar; elsewhere there is nothing to mark.
  }
}

/** Unread notifications and messages, shown as the 消息 tab's badge. */
export const useNotificationStore = defineStore('notifications', {
  state: () => ({ unreadNotifications: 0, unreadMessages: 0 }),
  getters: {
    total: (state) => state.unreadNotifications + state.unreadMessages,
  },
  actions: {
    async refresh() {
      if (!useAuthStore().isSignedIn) {
        this.unreadNotifications = 0
        this.unreadMessages = 0
        showBadge(0)
        return 0
      }
      const [notices, messages] = await Promise.allSettled([notificationsApi.unreadCount(), messagingApi.unreadCount()])
      // The badge is a hint; a failed refresh keeps the last known number.
      if (notices.status === 'fulfilled') this.unreadNotifications = Number(notices.value.count) || 0
      if (messages.status === 'fulfilled') this.unreadMessages = Number(messages.value.unread) || 0
      showBadge(this.total)
      return this.total
    },
    setUnreadMessages(count: number) {
      this.unreadMessages = count
      showBadge(this.total)
    },
    async markAllRead() {
      await notificationsApi.markRead()
      this.unreadNotifications = 0
      showBadge(this.total)
    },
  },
})
