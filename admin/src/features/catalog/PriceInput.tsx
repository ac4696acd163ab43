import { InputNumber, type InputNumberProps } from 'antd'
import { PRICE_FEN_RANGE } from '@contract/limits'
import { shopConfig } from '../../../../src/shop.config'
import { formatFen, parseYuan, type Fen } from '../../shared/money'

/** The yuan text of an amount in fen, as the price inputs show it ("79.00"). */
export const fenToYuanText = (fen: Fen): string => formatFen(fen, '').replace(/,/g, '')

const PRICE_MIN = fenToYuanText(PRICE_FEN_RANGE.min)
const PRICE_MAX = fenToYuanText(PRICE_FEN_RANGE.max)

/** Yuan text → fen within the console's price range, or undefined when it is not one. */
export function priceFenOf(text: string | null | undefined): Fen | undefined {
  if (!text) return undefined
  try {
    const fen = parseYuan(text)
    return fen >= PRICE_FEN_RANGE.min && fen <= PRICE_FEN_RANGE.max ? fen : undefined
  } catch {
    return undefined
  }
}

/** A price in yuan with two decimals, kept as text (stringMode) so no float ever holds it. */
export function PriceInput(
  props: Omit<InputNumberProps<string>, 'stringMode' | 'precision' | 'min' | 'max'>,
) {
  return (
    <InputNumber<string>
      {...props}
      stringMode
      precision={2}
      min={PRICE_MIN}
      max={PRICE_MAX}
      step='1'
      prefix={shopConfig.currencyLabel}
      style={{ width: 150, ...props.style }}
      className='tabular'
    />
  )
}
