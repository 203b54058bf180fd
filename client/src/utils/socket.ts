import { API_BASE } from '@/api/request'
import { useAuthStore } from '@/stores/auth'

/** Path of the chat WebSocket (Channels route of the messaging app). */
export const CHAT_SOCKET_PATH = '/ws/chat/'

export function socketUrl(path = CHAT_SOCKET_PATH): string {
  let base = API_BASE
  if (!base && typeof location !== 'undefined') base = `${location.protocol}//${location.host}`
  return `${base.replace(/^http/, 'ws')}${path}`
}

export interface SocketHandle {
  close: () => void
  send: (data: unknown) => boolean
  readonly open: boolean
}

/**
 * One live socket with reconnection (back-off up to 30 s). Messages are parsed JSON. The page falls
 * back to polling while `open` is false, so chat keeps working without the socket.
 */
export function connectChatSocket(onMessage: (data: Record<string, unknown>) => void, onState?: (open: boolean) => void): SocketHandle {
  let task: UniApp.SocketTask | null = null
  let open = false
  let closed = false
  let attempt = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  function setOpen(value: boolean) {
    open = value
    onState?.(value)
  }

  function connect() {
    if (closed || !useAuthStore().token) return
    task = uni.connectSocket({ url: socketUrl(), complete: () => undefined })
    task.onOpen(() => {
      attempt = 0
      // The token goes in the first frame, not the URL, so it never lands in access logs.
      task?.send({ data: JSON.stringify({ type: 'auth', token: useAuthStore().token }) })
    })
    task.onMessage((event) => {
      let frame: Record<string, unknown>
      try {
        frame = JSON.parse(String(event.data))
      } catch {
        return // Not JSON: ignore.
      }
      // Live only once the server has accepted the token; until then polling continues.
      if (frame.type === 'ready') setOpen(true)
      else onMessage(frame)
    })
    const retry = () => {
      setOpen(false)
      if (closed) return
      attempt += 1
      clearTimeout(timer)
      timer = setTimeout(connect, Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5)))
    }
    task.onClose(retry)
    task.onError(() => undefined)
  }

  connect()
  return {
    close() {
      closed = true
      clearTimeout(timer)
      task?.close({})
      setOpen(false)
    },
    send(data: unknown) {
      if (!open || !task) return false
      task.send({ data: JSON.stringify(data) })
      return true
    },
    get open() {
      return open
    },
  }
}
