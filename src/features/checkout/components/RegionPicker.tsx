import type { Region } from '@contract'
import { Picker, ScrollView, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { useT, type MessageKey } from '../../../shared/i18n'
import { describeError } from '../../../shared/request'
import { fetchRegions, regionNames, regionText } from '../regions'
import './region-picker.scss'

/**
 * The province / city / district picker. Which one, by platform (researched for issue 13):
 * - WeChat: the platform's own `<picker mode="region">`, which carries its own division data;
 *   its change event gives the three names. Taro's Picker types (@tarojs/components
 *   types/Picker.d.ts, `PickerRegionProps`) mark mode `region` as supported on weapp, h5 and rn.
 * - Alipay: not in that list: Alipay's `picker` has no region mode, and `my.multiLevelSelect` is a
 *   cascade over data the caller passes in whole (as github.com/travelto/taro-region-picker uses
 *   it), so it would still need all ~3,300 divisions in the bundle.
 * - H5: Taro's region mode is reported not to work on H5 (github.com/jinpikaFE/taro-region-h5), and
 *   would ship the division data in the page.
 * So on Alipay and H5: this sheet, which loads one level at a time from the server's
 * `GET /api/regions` (built from the maintained `@vant/area-data` package, server/regions).
 * Either way the value stays the Address's text field, "浙江省 杭州市 西湖区".
 */
interface RegionPickerProps {
  value: string
  invalid: boolean
  onChange: (value: string) => void
  /** The picker closed, chosen or not: the field was visited. */
  onClose: () => void
}

const LEVELS: MessageKey[] = ['region.province', 'region.city', 'region.district']

function Trigger({ value, invalid, onTap }: { value: string; invalid: boolean; onTap?: () => void }) {
  const t = useT()
  return (
    <View
      className={`region-trigger ${invalid ? 'region-trigger--invalid' : ''} ${value ? '' : 'region-trigger--empty'}`}
      onClick={onTap}
    >
      <Text className='region-trigger__text'>{value || t('address.regionPick')}</Text>
      <Text className='region-trigger__arrow'>›</Text>
    </View>
  )
}

export function RegionPicker(props: RegionPickerProps) {
  if (process.env.TARO_ENV === 'weapp') {
    const names = regionNames(props.value)
    return (
      <Picker
        mode='region'
        value={names.length === 3 ? names : []}
        onChange={(event) => {
          props.onChange(regionText(event.detail.value as string[]))
          props.onClose()
        }}
        onCancel={props.onClose}
      >
        <Trigger value={props.value} invalid={props.invalid} />
      </Picker>
    )
  }
  return <RegionSheetPicker {...props} />
}

interface SheetState {
  /** The regions chosen so far, province first. */
  path: Region[]
  options?: Region[]
  error?: unknown
}

function RegionSheetPicker({ value, invalid, onChange, onClose }: RegionPickerProps) {
  const t = useT()
  const [sheet, setSheet] = useState<SheetState>()

  const load = async (path: Region[]) => {
    setSheet({ path })
    try {
      const options = await fetchRegions(path[path.length - 1]?.code)
      setSheet((current) => (current && current.path === path ? { path, options } : current))
    } catch (error) {
      setSheet((current) => (current && current.path === path ? { path, error } : current))
    }
  }

  const close = () => {
    setSheet(undefined)
    onClose()
  }

  const choose = (region: Region) => {
    if (!sheet) return
    const path = [...sheet.path, region]
    if (path.length < LEVELS.length) {
      void load(path)
      return
    }
    onChange(regionText(path.map((chosen) => chosen.name)))
    close()
  }

  return (
    <View>
      <Trigger value={value} invalid={invalid} onTap={() => void load([])} />
      {sheet && (
        <View className='region-sheet'>
          <View className='region-sheet__mask' onClick={close} />
          <View className='region-sheet__panel'>
            <View className='region-sheet__header'>
              <Text className='region-sheet__title'>{t(LEVELS[sheet.path.length])}</Text>
              <Text className='region-sheet__cancel' onClick={close}>
                {t('region.cancel')}
              </Text>
            </View>
            <View className='region-sheet__tabs'>
              {sheet.path.map((chosen, level) => (
                <Text
                  key={chosen.code}
                  className='region-sheet__tab'
                  onClick={() => void load(sheet.path.slice(0, level))}
                >
                  {chosen.name}
                </Text>
              ))}
              <Text className='region-sheet__tab region-sheet__tab--current'>{t('region.choose')}</Text>
            </View>
            <ScrollView scrollY className='region-sheet__list'>
              {sheet.error !== undefined && (
                <Text className='region-sheet__error' onClick={() => void load(sheet.path)}>
                  {describeError(sheet.error)}
                </Text>
              )}
              {sheet.options?.map((region) => (
                <View key={region.code} className='region-sheet__option' onClick={() => choose(region)}>
                  <Text>{region.name}</Text>
                </View>
              ))}
            </ScrollView>
          </View>
        </View>
      )}
    </View>
  )
}
