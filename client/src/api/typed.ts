/**
 * The API typed end to end from the OpenAPI document (issue #15 item 10): `paths` in schema.d.ts (generated
 * by `npm run gen:api`) gives, per path and method, the path parameters, the query, the JSON body and the
 * success response. `api.get('/api/listings/posts/{post_id}', { path: { post_id: 3 } })` resolves to
 * `PostOut`; a wrong path, a missing path parameter, an unknown query key or a body of the wrong shape
 * is a type error. The calls still go through the one wrapper (`request.ts`: token, sign-out, toasts,
 * consent), so nothing about behaviour changes.
 */
import type { paths } from './schema'
import { request, requestRaw, type Query, type RawResponse, type RequestOptions } from './request'

type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete'

/** The paths that have an operation for `M`. */
export type PathsFor<M extends HttpMethod> = {
  [P in keyof paths]: paths[P] extends { [K in M]: infer O } ? ([O] extends [undefined] ? never : P) : never
}[keyof paths]

export type Operation<P extends keyof paths, M extends HttpMethod> = NonNullable<paths[P][M]>

type JsonOf<C> = C extends { content: { 'application/json': infer B } } ? B : void
type Responses<O> = O extends { responses: infer R } ? R : never

/** The body of the first 2xx answer the operation declares (204 → void). */
export type SuccessOf<O> =
  200 extends keyof Responses<O>
    ? JsonOf<Responses<O>[200]>
    : 201 extends keyof Responses<O>
      ? JsonOf<Responses<O>[201]>
      : 202 extends keyof Responses<O>
        ? JsonOf<Responses<O>[202]>
        : void

export type BodyOf<O> = O extends { requestBody: { content: { 'application/json': infer B } } }
  ? B
  : O extends { requestBody?: { content: { 'application/json': infer B } } }
    ? B | undefined
    : undefined
export type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? ([Q] extends [never] ? undefined : Q) : undefined
export type PathParamsOf<O> = O extends { parameters: { path: infer P } } ? ([P] extends [never] ? undefined : P) : undefined

type Extra = Omit<RequestOptions, 'url' | 'method' | 'data' | 'query'>

/** What a call takes besides the path: `path` when the path has parameters, `query` and `body` when declared. */
export type Init<O> = (PathParamsOf<O> extends undefined ? { path?: undefined } : { path: PathParamsOf<O> }) & {
  query?: QueryOf<O>
} & (BodyOf<O> extends undefined ? { body?: undefined } : undefined extends BodyOf<O> ? { body?: BodyOf<O> } : { body: BodyOf<O> }) &
  Extra

type InitArg<O> = PathParamsOf<O> extends undefined
  ? BodyOf<O> extends undefined
    ? [init?: Init<O>]
    : undefined extends BodyOf<O>
      ? [init?: Init<O>]
      : [init: Init<O>]
  : [init: Init<O>]

/** `/api/x/{id}` with `{ id: 3 }` → `/api/x/3` (each value URI-encoded; a missing one is an error). */
export function fillPath(template: string, params?: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name]
    if (value === undefined || value === null || value === '') throw new Error(`缺少路径参数 ${name}（${template}）`)
    return encodeURIComponent(String(value))
  })
}

function options(method: RequestOptions['method'], path: string, init?: Init<unknown> | Record<string, unknown>): RequestOptions {
  const { path: params, query, body, ...extra } = (init || {}) as {
    path?: Record<string, unknown>
    query?: unknown
    body?: unknown
  } & Extra
  return { ...extra, method, url: fillPath(path, params), query: query as Query | undefined, data: body }
}

function call<M extends HttpMethod>(method: M) {
  return <P extends PathsFor<M>>(path: P, ...[init]: InitArg<Operation<P, M>>) =>
    request<SuccessOf<Operation<P, M>>>(options(method.toUpperCase() as RequestOptions['method'], path, init))
}

export const api = {
  get: call('get'),
  post: call('post'),
  put: call('put'),
  patch: call('patch'),
  delete: call('delete'),
  /** GET with status and headers (ETags). */
  getRaw: <P extends PathsFor<'get'>>(path: P, ...[init]: InitArg<Operation<P, 'get'>>) =>
    requestRaw<SuccessOf<Operation<P, 'get'>>>(options('GET', path, init)) as Promise<
      RawResponse<SuccessOf<Operation<P, 'get'>>>
    >,
}
