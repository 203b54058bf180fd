import type { AccountType, PostStatus } from '@/api/types'
import { useBoardsStore } from '@/stores/boards'

/** A kind's label, from the board definitions (GET /api/boards). */
export function kindLabel(kind: string | undefined): string {
  return useBoardsStore().label(kind)
}

export const STATUS_LABELS: Record<PostStatus, string> = {
  draft: '草稿',
  pending: '审核中',
  published: '已发布',
  rejected: '已驳回',
  taken_down: '已下架',
  expired: '已过期',
}

export const ACCOUNT_TYPES: Array<{ value: AccountType; label: string; hint: string }> = [
  { value: 'trade', label: '外贸公司', hint: '发布采购需求，寻找工厂与库存（电商买家也选这里）' },
  { value: 'factory', label: '工厂', hint: '发布库存、用工、代加工信息，承接采购订单' },
  { value: 'worker', label: '临时工人', hint: '按地区和工种找工作，在线报名' },
]

export function accountTypeLabel(value: string | undefined): string {
  return ACCOUNT_TYPES.find((t) => t.value === value)?.label ?? '未选择'
}
