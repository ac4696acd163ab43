import type { AfterSalesKind, AfterSalesReason } from '@contract'
import { AFTER_SALES_NOTE_MAX, AFTER_SALES_REASONS } from '@contract/limits'
import { Image, Input, Text, View } from '@tarojs/components'
import { useT } from '../../../shared/i18n'
import { formatFen, type Fen } from '../../../shared/money'
import { ActionButton, Price, Stepper, problemText } from '../../../shared/ui'
import { boundedQuantity, textLength, type ClaimDraft, type ClaimRow } from '../claim'
import { KIND_WORDS, REASON_WORDS } from '../status'
import './after-sales.scss'

interface ApplyFormProps {
  kinds: readonly AfterSalesKind[]
  rows: readonly ClaimRow[]
  draft: ClaimDraft
  estimate: Fen
  ready: boolean
  submitting: boolean
  error?: unknown
  onKind: (kind: AfterSalesKind) => void
  onQuantity: (lineNo: number, quantity: number) => void
  onReason: (reason: AfterSalesReason) => void
  onNote: (note: string) => void
  onSubmit: () => void
}

/** The apply screen: kind, lines and quantities, reason, note, the estimate, and submit. */
export function ApplyForm(props: ApplyFormProps) {
  const { kinds, rows, draft, estimate, ready, submitting, error } = props
  const t = useT()
  return (
    <View className='apply'>
      <View className='after-sales-card'>
        <Text className='after-sales-card__title'>{t('afterSales.kindLabel')}</Text>
        {kinds.map((kind) => (
          <View
            key={kind}
            className={`apply-option ${draft.kind === kind ? 'apply-option--chosen' : ''}`}
            onClick={() => props.onKind(kind)}
          >
            <Text className='apply-option__label'>{t(KIND_WORDS[kind].label)}</Text>
            <Text className='apply-option__hint'>{t(KIND_WORDS[kind].hint)}</Text>
          </View>
        ))}
      </View>

      <View className='after-sales-card'>
        <Text className='after-sales-card__title'>{t('afterSales.chooseItems')}</Text>
        {rows.map((row) => (
          <View
            key={row.line.lineNo}
            className={`apply-line ${row.claimable === 0 ? 'apply-line--disabled' : ''}`}
          >
            <Image className='apply-line__image' src={row.line.image} mode='aspectFill' />
            <View className='apply-line__body'>
              <Text className='apply-line__title'>{row.line.title}</Text>
              <Text className='apply-line__meta'>
                {[row.line.skuLabel, t('afterSales.unitPrice', { price: formatFen(row.line.unitPrice) })]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
              <Text className='apply-line__meta'>
                {row.open
                  ? t('afterSales.lineOpen')
                  : row.claimable === 0
                    ? t('afterSales.lineDone')
                    : t('afterSales.claimable', { count: row.claimable })}
              </Text>
            </View>
            {row.claimable > 0 && (
              <Stepper
                value={boundedQuantity(row, draft.quantities[row.line.lineNo] ?? 0)}
                min={0}
                max={row.claimable}
                onChange={(quantity) => props.onQuantity(row.line.lineNo, quantity)}
              />
            )}
          </View>
        ))}
      </View>

      <View className='after-sales-card'>
        <Text className='after-sales-card__title'>{t('afterSales.reasonLabel')}</Text>
        <View className='apply-reasons'>
          {AFTER_SALES_REASONS.map((reason) => (
            <Text
              key={reason}
              className={`apply-reason ${draft.reason === reason ? 'apply-reason--chosen' : ''}`}
              onClick={() => props.onReason(reason)}
            >
              {t(REASON_WORDS[reason])}
            </Text>
          ))}
        </View>
      </View>

      <View className='after-sales-card'>
        <Text className='after-sales-card__title'>{t('afterSales.noteLabel')}</Text>
        {/* One line: a textarea would add its template to every package's base template. */}
        <Input
          className='apply-note'
          value={draft.note}
          maxlength={AFTER_SALES_NOTE_MAX}
          placeholder={t('afterSales.notePlaceholder', { max: AFTER_SALES_NOTE_MAX })}
          onInput={(event) => props.onNote(event.detail.value)}
        />
        <Text className='apply-note__count'>
          {t('afterSales.noteCount', { count: textLength(draft.note), max: AFTER_SALES_NOTE_MAX })}
        </Text>
      </View>

      <View className='apply-bar'>
        <View className='apply-bar__estimate'>
          <Text>{t('afterSales.estimate')}</Text>
          <Price fen={estimate} size='large' />
        </View>
        <Text className='apply-bar__note'>{t('afterSales.estimateNote')}</Text>
        {error !== undefined && <Text className='apply-bar__error'>{problemText(error)}</Text>}
        {error === undefined && !ready && (
          <Text className='apply-bar__note'>{t('afterSales.incomplete')}</Text>
        )}
        <ActionButton
          kind='accent'
          className='apply-bar__button'
          disabled={!ready || submitting}
          onClick={props.onSubmit}
        >
          {submitting ? t('afterSales.submitting') : t('afterSales.submit')}
        </ActionButton>
      </View>
    </View>
  )
}
