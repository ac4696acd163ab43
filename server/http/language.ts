export type Language = 'zh-CN' | 'en'

/**
 * Picks the response language from Accept-Language: English when the most preferred language
 * we support is en*, Chinese (the default) otherwise.
 */
export function pickLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'zh-CN'
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      const quality = q ? Number(q.slice(2)) : 1
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index }
    })
    .filter((entry) => entry.quality > 0 && (entry.tag.startsWith('en') || entry.tag.startsWith('zh')))
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
  return ranked[0]?.tag.startsWith('en') ? 'en' : 'zh-CN'
}
