/** Small display helpers shared by pages. */

export function formatDate(value: string | null | undefined): string {
  if (!value) return ''
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return String(value)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return ''
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return String(value)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${formatDate(value)} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** "刚刚 / 5 分钟前 / 今天 14:20 / 2025-03-02" as chat and notification lists show time. */
export function formatRelative(value: string | null | undefined, now: Date = new Date()): string {
  if (!value) return ''
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return ''
  const diff = (now.getTime() - d.getTime()) / 1000
  if (diff < 60) return '刚刚'
  if (diff < 3600) return `${Math.floor(diff / 60)} 分钟前`
  const pad = (n: number) => String(n).padStart(2, '0')
  if (d.toDateString() === now.toDateString()) return `今天 ${pad(d.getHours())}:${pad(d.getMinutes())}`
  return formatDate(value)
}

export function isValidPhone(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone.trim())
}

/** GB 32100 unified social credit code checksum, so typos are caught before upload. */
export function isValidCreditCode(code: string): boolean {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY'
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
  const value = code.trim().toUpperCase()
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(value)) return false
  let sum = 0
  for (let i = 0; i < 17; i++) sum += chars.indexOf(value[i]) * weights[i]
  const check = (31 - (sum % 31)) % 31
  return chars[check] === value[17]
}

/** GB 11643 resident ID checksum. */
export function isValidIdNumber(id: string): boolean {
  const value = id.trim().toUpperCase()
  if (!/^\d{17}[\dX]$/.test(value)) return false
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const codes = '10X98765432'
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * weights[i]
  return codes[sum % 11] === value[17]
}

export function yuan(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return ''
  const n = Number(value)
  return Number.isFinite(n) ? `¥${n.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}` : String(value)
}

/** The median review time the publish page shows (issue #14): "约 25 分钟", "约 3 小时", "约 2 天". */
export function formatReviewTime(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined || minutes < 0) return ''
  if (minutes < 60) return `约 ${Math.max(1, Math.round(minutes))} 分钟`
  if (minutes < 48 * 60) return `约 ${Math.round(minutes / 60)} 小时`
  return `约 ${Math.round(minutes / 1440)} 天`
}
