import { defineStore } from 'pinia'
import { headerValue } from '@/api/request'
import { api } from '@/api/typed'
import type { AttributeGroup, IdName, Industry, Taxonomy } from '@/api/types'

export const TAXONOMY_KEY = 'cmt.taxonomy'

interface CachedTaxonomy {
  etag: string
  data: Taxonomy
}

const EMPTY: Taxonomy = { version: 0, industries: [], attribute_groups: [], job_types: [], process_types: [] }

/** Accepts the list shapes the API may use (bare arrays or {items}) so the pages see one shape. */
export function normaliseTaxonomy(raw: unknown): Taxonomy {
  const r = (raw || {}) as Record<string, unknown>
  const list = <T>(v: unknown): T[] => (Array.isArray(v) ? v : ((v as { items?: T[] })?.items ?? [])) as T[]
  return {
    version: Number(r.version ?? 0),
    industries: list<Industry>(r.industries).map((i) => ({ ...i, categories: list<IdName>(i.categories) })),
    attribute_groups: list<AttributeGroup>(r.attribute_groups).map((g) => ({ ...g, tags: list<AttributeGroup['tags'][number]>(g.tags) })),
    job_types: list<Taxonomy['job_types'][number]>(r.job_types),
    process_types: list<Taxonomy['process_types'][number]>(r.process_types),
  }
}

function readCache(): CachedTaxonomy | null {
  try {
    const cached = uni.getStorageSync(TAXONOMY_KEY) as CachedTaxonomy | ''
    return cached && cached.data ? cached : null
  } catch {
    return null
  }
}

/**
 * Industries, category and attribute tags, job and process types. Cached on the device with the
 * server's ETag: a revalidation answers 304 while nothing changed, and fresh data the moment an
 * operator edits a tag (R-ADM-4).
 */
export const useTaxonomyStore = defineStore('taxonomy', {
  state: () => {
    const cached = readCache()
    return {
      etag: cached?.etag || '',
      data: cached?.data || EMPTY,
      loadedAt: 0,
      loading: null as Promise<Taxonomy> | null,
    }
  },
  getters: {
    version: (state) => state.data.version,
    industries: (state) => state.data.industries,
    attributeGroups: (state) => state.data.attribute_groups,
    jobTypes: (state) => state.data.job_types,
    processTypes: (state) => state.data.process_types,
    isLoaded: (state) => state.data.industries.length > 0,
  },
  actions: {
    categoriesOf(industryId: number | null | undefined): IdName[] {
      return this.data.industries.find((i) => i.id === industryId)?.categories ?? []
    },
    industryName(industryId: number | null | undefined): string {
      return this.data.industries.find((i) => i.id === industryId)?.name ?? ''
    },
    /** Revalidates with the server; `maxAgeMs` skips the round trip when it was checked very recently. */
    load(options: { maxAgeMs?: number } = {}): Promise<Taxonomy> {
      const maxAge = options.maxAgeMs ?? 0
      if (maxAge > 0 && this.loadedAt && Date.now() - this.loadedAt < maxAge && this.isLoaded) {
        return Promise.resolve(this.data)
      }
      if (this.loading) return this.loading
      const header: Record<string, string> = {}
      if (this.etag && this.isLoaded) header['If-None-Match'] = this.etag
      this.loading = api.getRaw('/api/taxonomy', { header, acceptStatus: [304], silent: true })
        .then((res) => {
          if (res.status !== 304) {
            const data = normaliseTaxonomy(res.data)
            this.data = data
            this.etag = headerValue(res.headers, 'etag') || String(data.version ?? '')
            uni.setStorageSync(TAXONOMY_KEY, { etag: this.etag, data } satisfies CachedTaxonomy)
          }
          this.loadedAt = Date.now()
          return this.data
        })
        .finally(() => {
          this.loading = null
        })
      return this.loading
    },
  },
})
