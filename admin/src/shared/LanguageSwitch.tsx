import { Segmented } from 'antd'
import { useLocale, useT, type ConsoleLocale } from '../i18n'

const LANGUAGES: { value: ConsoleLocale; label: string }[] = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
]

/** zh-CN or en, for the whole console (antd's texts and dates included). */
export function LanguageSwitch() {
  const t = useT()
  const { locale, setLocale } = useLocale()
  return (
    <Segmented<ConsoleLocale>
      aria-label={t('header.language')}
      size='small'
      value={locale}
      options={LANGUAGES}
      onChange={setLocale}
      data-testid='language-switch'
    />
  )
}
