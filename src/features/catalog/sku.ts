import type { Sku, SkuOption } from '@contract'

/** The buyer's choice so far: one value (or nothing yet) per option, in option order. */
export type SkuSelection = readonly (string | undefined)[]

export function emptySelection(options: readonly SkuOption[]): SkuSelection {
  return options.map((option) => (option.values.length === 1 ? option.values[0] : undefined))
}

const matches = (sku: Sku, selection: SkuSelection, except?: number) =>
  selection.every((value, index) => index === except || value === undefined || sku.values[index] === value)

/** Whether choosing `value` for option `optionIndex` still leads to a SKU in stock. */
export function isValueAvailable(
  skus: readonly Sku[],
  selection: SkuSelection,
  optionIndex: number,
  value: string,
) {
  return skus.some(
    (sku) => sku.stock > 0 && sku.values[optionIndex] === value && matches(sku, selection, optionIndex),
  )
}

/** Chooses a value, or clears it when chosen again. */
export function choose(selection: SkuSelection, optionIndex: number, value: string): SkuSelection {
  return selection.map((current, index) =>
    index === optionIndex ? (current === value ? undefined : value) : current,
  )
}

/** The SKU the selection designates, once every option has a value. */
export function selectedSku(skus: readonly Sku[], selection: SkuSelection): Sku | undefined {
  if (selection.some((value) => value === undefined)) return undefined
  return skus.find((sku) => matches(sku, selection))
}

export function missingOptionNames(options: readonly SkuOption[], selection: SkuSelection): string[] {
  return options.filter((_, index) => selection[index] === undefined).map((option) => option.name)
}

export const skuLabel = (sku: Sku) => sku.values.join(' / ')
