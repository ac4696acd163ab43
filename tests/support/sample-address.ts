/** The buyer's shipping address in every flow through the app, as data and as the form's inputs. */
import type { Address } from '@contract'
import { text } from './texts'

export const SAMPLE_ADDRESS: Address = {
  name: '张三',
  phone: '13800138000',
  region: '浙江省 杭州市 西湖区',
  detail: '文三路 100 号',
}

/**
 * The checkout form's text inputs by placeholder (the app's zh-CN texts), with SAMPLE_ADDRESS's
 * values. The region is not typed: it is chosen in the picker (SAMPLE_REGION_PICKS).
 */
export const SAMPLE_ADDRESS_FORM: [placeholder: string, value: string][] = (
  ['name', 'phone', 'detail'] as const
).map((field) => [text[`address.${field}`], SAMPLE_ADDRESS[field]])

/** What the region picker shows before a region is chosen; tapping it opens the picker. */
export const REGION_PICKER_PROMPT = text['address.regionPick']

/** The names to tap in the region picker, province first, for SAMPLE_ADDRESS's region. */
export const SAMPLE_REGION_PICKS = SAMPLE_ADDRESS.region.split(' ')
