import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { TAXONOMY_KEY, useTaxonomyStore } from '@/stores/taxonomy'
import { fake, respond } from './setup'

const v1 = {
  version: 1,
  industries: [{ id: 1, code: 'daily', name: '日用百货制造', categories: [{ id: 11, name: '保温杯' }] }],
  attribute_groups: [{ id: 1, code: 'capacity', name: '产能', tags: [{ id: 5, code: 'urgent_orders', name: '急单可接' }] }],
  job_types: [{ id: 1, name: '缝纫工' }],
  process_types: [{ id: 1, name: '注塑' }],
}

const v2 = {
  ...v1,
  version: 2,
  industries: [{ ...v1.industries[0], categories: [...v1.industries[0].categories, { id: 12, name: '收纳用品' }] }],
}

describe('taxonomy store', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('loads the taxonomy and caches it with its ETag', async () => {
    respond(() => ({ statusCode: 200, data: v1, header: { ETag: '"tax-1"' } }))
    const taxonomy = useTaxonomyStore()

    await taxonomy.load()

    expect(taxonomy.etag).toBe('"tax-1"')
    expect(taxonomy.categoriesOf(1).map((c) => c.name)).toEqual(['保温杯'])
    expect(taxonomy.jobTypes[0].name).toBe('缝纫工')
    expect(fake.storage.get(TAXONOMY_KEY)).toMatchObject({ etag: '"tax-1"', data: { version: 1 } })
  })

  it('revalidates with If-None-Match and keeps its data on 304', async () => {
    fake.storage.set(TAXONOMY_KEY, { etag: '"tax-1"', data: v1 })
    setActivePinia(createPinia())
    const taxonomy = useTaxonomyStore()
    expect(taxonomy.isLoaded).toBe(true) // usable at once from the device cache
    let seen: string | undefined
    respond((req) => {
      seen = req.header['If-None-Match']
      return { statusCode: 304, data: '' }
    })

    await taxonomy.load()

    expect(seen).toBe('"tax-1"')
    expect(taxonomy.version).toBe(1)
    expect(taxonomy.industries).toHaveLength(1)
  })

  it('takes new data and the new ETag the moment an operator changes a tag', async () => {
    fake.storage.set(TAXONOMY_KEY, { etag: '"tax-1"', data: v1 })
    setActivePinia(createPinia())
    const taxonomy = useTaxonomyStore()
    respond((req) =>
      req.header['If-None-Match'] === '"tax-2"'
        ? { statusCode: 304 }
        : { statusCode: 200, data: v2, header: { etag: '"tax-2"' } },
    )

    await taxonomy.load()

    expect(taxonomy.version).toBe(2)
    expect(taxonomy.categoriesOf(1).map((c) => c.name)).toContain('收纳用品')
    expect(fake.storage.get(TAXONOMY_KEY)).toMatchObject({ etag: '"tax-2"' })
  })

  it('does not send a stale ETag when it has no data to fall back on', async () => {
    fake.storage.set(TAXONOMY_KEY, { etag: '"tax-1"', data: { ...v1, industries: [] } })
    setActivePinia(createPinia())
    const taxonomy = useTaxonomyStore()
    let seen: string | undefined = 'unset'
    respond((req) => {
      seen = req.header['If-None-Match']
      return { statusCode: 200, data: v1, header: { ETag: '"tax-1"' } }
    })
    await taxonomy.load()
    expect(seen).toBeUndefined()
    expect(taxonomy.isLoaded).toBe(true)
  })

  it('shares one request between callers loading at the same time', async () => {
    respond(() => ({ statusCode: 200, data: v1, header: { ETag: '"tax-1"' } }))
    const taxonomy = useTaxonomyStore()
    await Promise.all([taxonomy.load(), taxonomy.load(), taxonomy.load()])
    expect(fake.requests).toHaveLength(1)
  })
})
