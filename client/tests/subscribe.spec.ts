import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadSubscriptionTemplates, requestSubscriptions, templateId } from '@/utils/subscribe'
import { fake, respond, uniMock } from './setup'

describe('WeChat subscription requests (R-APP-6)', () => {
  const platform = process.env.UNI_PLATFORM
  beforeEach(() => {
    setActivePinia(createPinia())
    process.env.UNI_PLATFORM = 'mp-weixin'
  })
  afterEach(() => {
    process.env.UNI_PLATFORM = platform
  })

  it('uses the template ids the server sends and reports the accepted purposes back', async () => {
    respond((req) =>
      req.method === 'GET'
        ? {
            statusCode: 200,
            data: [
              { purpose: 'review_result', template_id: 'tpl-review', remaining: 0, label: '审核结果' },
              { purpose: 'new_match', template_id: 'tpl-match', remaining: 0, label: '新的匹配' },
            ],
          }
        : { statusCode: 200, data: [] },
    )
    await loadSubscriptionTemplates()
    expect(templateId('review_result')).toBe('tpl-review')

    uniMock().requestSubscribeMessage.mockImplementation((options: { success: (r: unknown) => void }) =>
      options.success({ 'tpl-review': 'accept', 'tpl-match': 'reject' }),
    )
    const accepted = await requestSubscriptions(['review_result', 'new_match'])
    expect(accepted).toEqual(['review_result'])
    await new Promise((resolve) => setTimeout(resolve, 0))
    const report = fake.requests.at(-1)!
    expect(report.method).toBe('POST')
    expect(report.url).toContain('/api/notifications/subscriptions')
    expect(report.data).toEqual({ purposes: ['review_result'] })
  })

  it('asks for nothing outside the mini-program', async () => {
    process.env.UNI_PLATFORM = 'h5'
    expect(await requestSubscriptions(['review_result'])).toEqual([])
    expect(uniMock().requestSubscribeMessage).not.toHaveBeenCalled()
  })
})
