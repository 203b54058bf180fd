export interface Segment {
  text: string
  hit: boolean
}

/**
 * Splits text into plain and highlighted parts without rendering HTML, from the character ranges the
 * search API gives ([start, end) pairs) or, without ranges, by matching the given terms.
 */
export function highlightSegments(text: string, ranges: Array<number[]> = [], terms: string[] = []): Segment[] {
  if (!text) return []
  const chars = Array.from(text)
  if (ranges.length) {
    const sorted = ranges.filter((r) => r.length >= 2 && r[1] > r[0]).sort((a, b) => a[0] - b[0])
    const segments: Segment[] = []
    let at = 0
    for (const [start, end] of sorted) {
      const s = Math.max(start, at)
      if (s >= end) continue
      if (s > at) segments.push({ text: chars.slice(at, s).join(''), hit: false })
      segments.push({ text: chars.slice(s, end).join(''), hit: true })
      at = end
    }
    if (at < chars.length) segments.push({ text: chars.slice(at).join(''), hit: false })
    return segments
  }
  const wanted = terms.map((t) => t.trim()).filter(Boolean)
  if (!wanted.length) return [{ text, hit: false }]
  const escaped = [...wanted].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  const re = new RegExp(`(${escaped.join('|')})`, 'gi')
  return text
    .split(re)
    .filter(Boolean)
    .map((part) => ({ text: part, hit: wanted.some((t) => t.toLowerCase() === part.toLowerCase()) }))
}
