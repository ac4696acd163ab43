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

/**
 * What my.getAddress hands over for a chosen address: the guide's sample answer
 * (AlipayDocs/open-docs support/支付宝小程序/案例分析/小程序接入获取会员收货地址介绍.md), with the
 * mini-program's own buyer name.
 */
export const ALIPAY_ADDRESS_RESULT = {
  address: '浙江省杭州市西湖区西溪路556号',
  country: '中国',
  prov: '浙江省',
  city: '杭州市',
  area: '西湖区',
  street: '',
  fullname: '支付宝用户',
  mobilePhone: '18100000000',
}

/** The checkout form once ALIPAY_ADDRESS_RESULT filled it (the street without the region). */
export const ALIPAY_ADDRESS_FILLED: Address = {
  name: '支付宝用户',
  phone: '18100000000',
  region: '浙江省 杭州市 西湖区',
  detail: '西溪路556号',
}
