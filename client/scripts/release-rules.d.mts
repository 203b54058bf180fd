export const DEV_API_BASE: string
export const DEV_APPID: string
export const APPID_RE: RegExp
export function isDevBuild(env: Record<string, string | undefined>): boolean
export function releaseConfigProblems(env: Record<string, string | undefined>): string[]
