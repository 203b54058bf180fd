import type { AccountType, PostKind, PostStatus } from '@/api/types'

export interface KindInfo {
  kind: PostKind
  label: string
  /** Short description shown when choosing what to publish. */
  hint: string
  publishers: AccountType[]
  icon: string
}

export const POST_KINDS: KindInfo[] = [
  { kind: 'procurement', label: '采购需求', hint: '外贸公司发布产品、数量、交期，匹配对口工厂', publishers: ['trade'], icon: 'cart' },
  { kind: 'stock', label: '库存信息', hint: '工厂发布库存尾货，面向外贸与电商买家', publishers: ['factory'], icon: 'goods' },
  { kind: 'labour', label: '用工需求', hint: '工厂招聘临时工：工种、工资、人数、工期', publishers: ['factory'], icon: 'user-talk' },
  { kind: 'processing_demand', label: '代加工需求', hint: '缺设备或产能？发布工艺、规格、数量与交期', publishers: ['factory'], icon: 'setting' },
  { kind: 'processing_service', label: '代加工服务', hint: '有闲置设备和产能？发布设备、产能与报价', publishers: ['factory'], icon: 'tools' },
]

export function kindInfo(kind: string | undefined): KindInfo | undefined {
  return POST_KINDS.find((k) => k.kind === kind)
}

export function kindLabel(kind: string | undefined): string {
  return kindInfo(kind)?.label ?? '信息'
}

/** The home page's five entries; 代加工 opens one board with demand and service tabs. */
export const BOARDS = [
  { key: 'procurement', label: '采购需求', url: '/pages/board/index?kind=procurement', icon: 'cart' },
  { key: 'stock', label: '库存信息', url: '/pages/board/index?kind=stock', icon: 'goods' },
  { key: 'labour', label: '用工需求', url: '/pages/board/index?kind=labour', icon: 'user-talk' },
  { key: 'processing', label: '代加工', url: '/pages/board/index?kind=processing_demand', icon: 'setting' },
  { key: 'factories', label: '工厂名录', url: '/pages/factories/index', icon: 'home' },
] as const

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
