import { Text, View } from '@tarojs/components'
import { useT } from '../../../shared/i18n'
import { ActionButton, Checkbox, Price, StateView } from '../../../shared/ui'
import { showStockLimit } from '../add-sku'
import { summarize } from '../cart-math'
import { orderLinesProblem } from '../order-lines'
import { useCartStore } from '../store'
import { CartLineItem } from './CartLineItem'
import './cart.scss'

/** The whole cart: its lines and a footer with select-all and the total of the selected lines. */
export function CartView({ onShop, onCheckout }: { onShop: () => void; onCheckout: () => void }) {
  const t = useT()
  const lines = useCartStore((state) => state.lines)
  const summary = summarize(lines)
  // The API refuses an order of more lines: say so here rather than fail at checkout.
  const tooManyLines = orderLinesProblem(summary.selectedLineCount)

  return (
    <StateView
      empty={lines.length === 0}
      emptyText={t('cart.empty')}
      emptyAction={
        <ActionButton kind='primary' onClick={onShop}>
          {t('cart.goShopping')}
        </ActionButton>
      }
    >
      <View className='cart'>
        {lines.map((line) => (
          <CartLineItem key={line.skuId} line={line} onLimit={showStockLimit} />
        ))}
      </View>
      <View className='cart-footer'>
        {tooManyLines && <Text className='cart-footer__notice'>{tooManyLines}</Text>}
        <Checkbox
          checked={summary.allSelected}
          label={t('cart.selectAll')}
          onChange={() => useCartStore.getState().selectAll(!summary.allSelected)}
        />
        <View className='cart-footer__total'>
          <Text className='cart-footer__count'>
            {t('cart.selectedCount', { count: summary.selectedCount })}
          </Text>
          <Text>{t('cart.total')}</Text>
          <Price fen={summary.selectedTotal} size='large' />
          <ActionButton
            kind='accent'
            className='cart-footer__checkout'
            disabled={summary.selectedCount === 0 || tooManyLines !== undefined}
            onClick={onCheckout}
          >
            {t('cart.checkout')}
          </ActionButton>
        </View>
      </View>
    </StateView>
  )
}
