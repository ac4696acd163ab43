/** Alipay's wire formats (server/alipay/wire-format.ts), shared by the payments code and the simulator. */
import {
  chinaDate,
  fenToYuan,
  fromChinaTime,
  idField,
  isAlipayIdKind,
  toChinaTime,
  yuanToFen,
  yuanToPayableFen,
} from '../alipay/wire-format'

describe('fen ↔ yuan', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [99, '0.99'],
    [100, '1.00'],
    [1999, '19.99'],
    [7900, '79.00'],
    [123456789, '1234567.89'],
    [10_000_000_000, '100000000.00'],
  ])('%i fen is "%s"', (fen, yuan) => {
    expect(fenToYuan(fen)).toBe(yuan)
    expect(yuanToFen(yuan)).toBe(fen)
  })

  it('never goes through floats (0.29 * 100 would be 28.999…)', () => {
    expect(yuanToFen('0.29')).toBe(29)
    expect(yuanToFen('19.99')).toBe(1999)
    expect(yuanToFen('0.1')).toBe(10)
    expect(yuanToFen('1.1')).toBe(110)
    expect(yuanToFen('79')).toBe(7900)
  })

  it.each([
    '',
    ' 1.00',
    '1.00 ',
    '+1.00',
    '-1.00',
    '1.001',
    '1e3',
    '01.00',
    '01',
    '.50',
    '1.',
    '0x10',
    '100000000.01',
    '1,00',
    'NaN',
  ])('refuses "%s"', (text) => expect(yuanToFen(text)).toBeUndefined())

  it('refuses non-strings, non-integers and negatives', () => {
    expect(() => fenToYuan(1.5)).toThrow()
    expect(() => fenToYuan(-1)).toThrow()
    expect(yuanToFen(undefined)).toBeUndefined()
    expect(yuanToFen(1)).toBeUndefined()
  })

  it('pays at least 0.01 yuan', () => {
    expect(yuanToPayableFen('0.00')).toBeUndefined()
    expect(yuanToPayableFen('0.01')).toBe(1)
    expect(yuanToPayableFen('100000000.01')).toBeUndefined()
  })
})

describe('China time', () => {
  it('formats and parses Alipay times in UTC+8 whatever the server zone', () => {
    expect(toChinaTime(new Date('2024-06-11T16:30:05Z'))).toBe('2024-06-12 00:30:05')
    expect(toChinaTime(Date.parse('2024-05-01T16:30:00Z'))).toBe('2024-05-02 00:30:00')
    expect(fromChinaTime('2024-06-12 00:30:05')?.toISOString()).toBe('2024-06-11T16:30:05.000Z')
    expect(chinaDate(new Date('2024-06-11T16:30:05Z'))).toBe('20240612')
  })

  it.each([
    undefined,
    12,
    '2024-06-12T00:30:05',
    '2024-13-01 00:00:00',
    '2024-02-30 00:00:00',
    '2024-06-12 24:00:00',
  ])('refuses %j', (text) => expect(fromChinaTime(text)).toBeUndefined())
})

describe('user_id / open_id', () => {
  it('knows the two kinds and nothing else', () => {
    expect(isAlipayIdKind('user_id')).toBe(true)
    expect(isAlipayIdKind('open_id')).toBe(true)
    expect(isAlipayIdKind('union_id')).toBe(false)
  })

  it('names the buyer field as each API does', () => {
    expect(idField('tradeBuyer', 'user_id', '2088000000000002')).toEqual({ buyer_id: '2088000000000002' })
    expect(idField('tradeBuyer', 'open_id', 'o1')).toEqual({ buyer_open_id: 'o1' })
    expect(idField('tradeQueryBuyer', 'user_id', '2088000000000002')).toEqual({
      buyer_user_id: '2088000000000002',
    })
    expect(idField('freezePayer', 'open_id', 'o1')).toEqual({ payer_open_id: 'o1' })
  })
})
