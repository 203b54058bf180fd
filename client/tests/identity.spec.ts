import { describe, expect, it } from 'vitest'
import type { PostCard } from '@/api/types'
import { ownerName } from '@/utils/post-display'

/** Issue #15 item 4: the card shows the server's one public name (the licence name once verified),
 * not the factory page's name or a generated placeholder. */
describe('ownerName', () => {
  const card = (owner: Partial<PostCard['owner']>) => ({ owner: { id: 1, account_type: 'factory', ...owner } }) as PostCard

  it('prefers the public name the server picked over the factory page name', () => {
    expect(ownerName(card({ display_name: '宁波永达日用品有限公司', factory_name: '永达保温杯厂', verified: true }))).toBe(
      '宁波永达日用品有限公司',
    )
  })

  it('falls back to the factory page name when the server sent no name', () => {
    expect(ownerName(card({ display_name: '', factory_name: '永达保温杯厂' }))).toBe('永达保温杯厂')
  })
})
