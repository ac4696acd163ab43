import Taro from '@tarojs/taro'
import { addressBook } from '../../../../tests/support/taro-node'
import { alipayAddressSource, detailOf, readGetAddressAnswer, readGetAddressFailure } from './alipay'
import { ALIPAY_ADDRESS_RESULT } from '../../../../tests/support/sample-address'

describe('readGetAddressAnswer', () => {
  it.each([9000, '9000'])('reads a chosen address (resultStatus %p)', (resultStatus) => {
    expect(readGetAddressAnswer({ resultStatus, result: ALIPAY_ADDRESS_RESULT })).toEqual({
      kind: 'chosen',
      address: {
        name: ALIPAY_ADDRESS_RESULT.fullname,
        phone: '18100000000',
        province: '浙江省',
        city: '杭州市',
        district: '西湖区',
        detail: '西溪路556号',
      },
    })
  })

  it.each([6001, '6001'])('reads going back without a choice (resultStatus %p)', (resultStatus) => {
    expect(readGetAddressAnswer({ resultStatus, result: '' })).toEqual({ kind: 'cancelled' })
  })

  it('calls a 9000 without an address a failure, not an empty fill', () => {
    expect(readGetAddressAnswer({ resultStatus: 9000, result: '' })).toEqual({ kind: 'failed', code: '9000' })
  })

  it('reports another code, or none, as a failure', () => {
    expect(readGetAddressAnswer({ resultStatus: 4000 })).toEqual({ kind: 'failed', code: '4000' })
    expect(readGetAddressAnswer(undefined)).toEqual({ kind: 'failed', code: 'unknown' })
  })

  it('writes the phone without spaces or dashes', () => {
    const answer = readGetAddressAnswer({
      resultStatus: 9000,
      result: { ...ALIPAY_ADDRESS_RESULT, mobilePhone: '181 0000-0000' },
    })
    expect(answer.kind === 'chosen' && answer.address.phone).toBe('18100000000')
  })
})

describe('detailOf', () => {
  it('drops the region the address starts with, and keeps an address without it', () => {
    expect(detailOf(ALIPAY_ADDRESS_RESULT)).toBe('西溪路556号')
    expect(detailOf({ ...ALIPAY_ADDRESS_RESULT, address: '西溪路556号' })).toBe('西溪路556号')
    expect(detailOf({ ...ALIPAY_ADDRESS_RESULT, address: '浙江省 杭州市 西湖区 西溪路556号' })).toBe(
      '西溪路556号',
    )
  })

  it('puts a legacy street first when the address lacks it', () => {
    expect(detailOf({ ...ALIPAY_ADDRESS_RESULT, street: '蒋村街道', address: '西溪路556号' })).toBe(
      '蒋村街道西溪路556号',
    )
    expect(detailOf({ ...ALIPAY_ADDRESS_RESULT, street: '西溪路', address: '西溪路556号' })).toBe(
      '西溪路556号',
    )
  })
})

describe('readGetAddressFailure', () => {
  it('keeps Alipay’s error code and message', () => {
    expect(readGetAddressFailure({ error: 4, errorMessage: '无权限调用该接口。' })).toEqual({
      kind: 'failed',
      code: '4',
      message: '无权限调用该接口。',
    })
    expect(readGetAddressFailure(new Error('boom'))).toEqual({ kind: 'failed', code: 'unknown' })
  })
})

describe('alipayAddressSource', () => {
  afterEach(() => {
    addressBook.answer = async () => ({ resultStatus: 6001, result: '' })
  })

  it('reads what my.getAddress resolves with, and what it rejects with', async () => {
    addressBook.answer = async () => ({ resultStatus: 9000, result: ALIPAY_ADDRESS_RESULT })
    expect((await alipayAddressSource.pick()).kind).toBe('chosen')
    addressBook.answer = () => Promise.reject({ error: 11, errorMessage: '用户取消' })
    expect(await alipayAddressSource.pick()).toEqual({ kind: 'failed', code: '11', message: '用户取消' })
  })

  it('says an Alipay without my.getAddress is unsupported instead of throwing', async () => {
    const taro = Taro as unknown as { getAddress?: unknown }
    const getAddress = taro.getAddress
    delete taro.getAddress
    try {
      expect(await alipayAddressSource.pick()).toEqual({ kind: 'failed', code: 'unsupported' })
    } finally {
      taro.getAddress = getAddress
    }
  })
})
