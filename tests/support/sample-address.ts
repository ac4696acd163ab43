/** The buyer's shipping address in every flow through the app, as data and as the form's inputs. */
import type { Address } from '@contract'
import { text } from './texts'

export const SAMPLE_ADDRESS: Address = {
  name: '张三',
  phone: '13800138000',
  region: '浙江省 杭州市 西湖区',
  detail: '文三路 100 号',
}

/** The checkout form's inputs by placeholder (the app's zh-CN texts), with SAMPLE_ADDRESS's values. */
export const SAMPLE_ADDRESS_FORM: [placeholder: string, value: string][] = (
  ['name', 'phone', 'region', 'detail'] as const
).map((field) => [text[`address.${field}`], SAMPLE_ADDRESS[field]])
