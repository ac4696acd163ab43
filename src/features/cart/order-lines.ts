import { ORDER_LINES_MAX } from '@contract/limits'
import { t } from '../../shared/i18n'

/**
 * Why this many lines cannot be one order (the API refuses more than ORDER_LINES_MAX), for the
 * buyer to read; undefined when they can.
 */
export const orderLinesProblem = (lineCount: number): string | undefined =>
  lineCount > ORDER_LINES_MAX ? t('cart.tooManyLines', { max: ORDER_LINES_MAX, count: lineCount }) : undefined
