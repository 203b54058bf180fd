import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { applicationsApi, listingsApi, messagingApi } from '@/api'
import { api, fillPath } from '@/api/typed'
import { useNotificationStore } from '@/stores/notifications'
import { TOKEN_KEY } from '@/stores/auth'
import { fake, lastRequest, respond } from './setup'

/** Issue #15 item 10: the client's calls are typed from the OpenAPI document (paths, params, bodies, answers). */
describe('typed API client', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('fills path parameters, drops empty query values and sends the body', async () => {
    respond(() => ({ statusCode: 200, data: { id: 3, title: '招缝纫工 20人' } }))
    const post = await api.get('/api/listings/posts/{post_id}', { path: { post_id: 3 } })
    const title: string = post.title // typed as PostOut
    expect(title).toBe('招缝纫工 20人')
    expect(lastRequest()).toMatchObject({ url: '/api/listings/posts/3', method: 'GET' })

    respond(() => ({ statusCode: 200, data: { items: [], count: 0, page: 1, page_size: 20 } }))
    await listingsApi.board('labour', { wage_unit: 'month', meals: true, region: undefined })
    expect(lastRequest().url).toBe('/api/discovery/labour?wage_unit=month&meals=true')

    await applicationsApi.mine({ post: 9 })
    expect(lastRequest().url).toBe('/api/applications/mine?post=9')

    respond(() => ({ statusCode: 200, data: { conversation_id: 5, connection_id: 6, created: true } }))
    await messagingApi.contact({ post_id: 4, message: '' })
    expect(lastRequest()).toMatchObject({ url: '/api/messaging/contact', method: 'POST', data: { post_id: 4, message: '' } })
  })

  it('refuses a path with a missing parameter instead of calling a wrong URL', () => {
    expect(() => fillPath('/api/factories/{factory_id}', {})).toThrow('factory_id')
    expect(fillPath('/api/regions/{adcode}', { adcode: '440300' })).toBe('/api/regions/440300')
  })

  it('reads the notification badge from the field the API sends (count), which the untyped code missed', async () => {
    fake.storage.set(TOKEN_KEY, 'tok')
    setActivePinia(createPinia())
    respond((req) =>
      req.url.startsWith('/api/notifications/unread-count')
        ? { statusCode: 200, data: { count: 4 } }
        : { statusCode: 200, data: { unread: 2 } },
    )
    const store = useNotificationStore()
    expect(await store.refresh()).toBe(6)
  })

  it('makes wrong calls type errors (checked by npm run check)', () => {
    const never = () => {
      // @ts-expect-error: not a path of the API
      void api.get('/api/nope')
      // @ts-expect-error: the path parameter is required
      void api.get('/api/listings/posts/{post_id}')
      // @ts-expect-error: the body has no field `phon`
      void api.post('/api/auth/sms-codes', { body: { phon: '13800138000' } })
      // @ts-expect-error: "week" is not a wage unit
      void listingsApi.board('labour', { wage_unit: 'week' })
    }
    expect(typeof never).toBe('function')
  })
})
