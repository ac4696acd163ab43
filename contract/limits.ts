/**
 * Limits both sides enforce, as plain values: the server builds its schemas from them and the
 * mini-program checks input against them before sending. This file imports nothing, so the app may
 * import it by value (`@contract/limits`) without pulling TypeBox into the bundle.
 */

/** Free text typed by people: no control characters (C0, DEL, C1); NUL cannot even be stored in PostgreSQL text. */
export const NO_CONTROL_CHARACTERS_PATTERN = '^[^\\u0000-\\u001f\\u007f-\\u009f]*$'

/** Address text: not blank, no control characters. */
export const ADDRESS_TEXT_PATTERN = `^(?=.*\\S)${NO_CONTROL_CHARACTERS_PATTERN.slice(1)}`

/** Length bounds of each address text field, in Unicode code points (as JSON Schema counts them). */
export const ADDRESS_FIELD_LENGTHS = {
  name: { min: 1, max: 40 },
  region: { min: 2, max: 80 },
  detail: { min: 4, max: 120 },
} as const

/** Mainland mobile number (11 digits starting with 1) or an international number with +. */
export const PHONE_PATTERN = '^(1\\d{10}|\\+\\d{6,15})$'

/** Most units of one SKU in one order (lines of the same SKU are merged first). */
export const QUANTITY_PER_LINE_MAX = 99

/** Most lines in one order. */
export const ORDER_LINES_MAX = 50

/** Page sizes of every paged list. */
export const PAGE_SIZE_DEFAULT = 20
export const PAGE_SIZE_MAX = 50
export const PAGE_MAX = 10_000

/** Longest catalog search text. */
export const SEARCH_TEXT_MAX = 50
