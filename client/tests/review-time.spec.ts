import { describe, expect, it } from 'vitest'
import { formatReviewTime } from '@/utils/format'

describe('formatReviewTime (issue #14: median review time on the publish page)', () => {
  it('says minutes, hours or days as a publisher would read them', () => {
    expect(formatReviewTime(null)).toBe('')
    expect(formatReviewTime(0)).toBe('约 1 分钟')
    expect(formatReviewTime(25)).toBe('约 25 分钟')
    expect(formatReviewTime(190)).toBe('约 3 小时')
    expect(formatReviewTime(3 * 1440)).toBe('约 3 天')
  })
})
