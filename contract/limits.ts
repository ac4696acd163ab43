/**
 * Limits both sides enforce, as plain values: the server builds its schemas from them and the
 * mini-program checks input against them before sending. This file imports nothing, so the app may
 * import it by value (`@contract/limits`) without pulling TypeBox into the bundle.
 */

/**
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): they
 * reorder how the text around them is shown, so a name could display as something else.
 */
const BIDI_CONTROLS = '\\u202a-\\u202e\\u2066-\\u2069'

/**
 * Characters that show nothing: soft hyphen, zero-width spaces and joiners, direction marks,
 * Hangul and Mongolian fillers, variation selectors, the byte-order mark. Escapes only (no `\\p{…}`),
 * so the patterns below mean the same with or without the regular expression `u` flag.
 */
const INVISIBLE_CHARACTERS =
  '\\u00ad\\u034f\\u061c\\u115f\\u1160\\u17b4\\u17b5\\u180b-\\u180f\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u206f\\u3164\\ufe00-\\ufe0f\\ufeff\\uffa0\\ufff9-\\ufffb'

/** Lookahead: somewhere a character that is neither white space nor invisible. */
const HAS_VISIBLE_CHARACTER = `(?=.*[^\\s${INVISIBLE_CHARACTERS}])`

/**
 * Free text typed by people: no control characters (C0, DEL, C1; NUL cannot even be stored in
 * PostgreSQL text) and no bidirectional controls.
 */
export const NO_CONTROL_CHARACTERS_PATTERN = `^[^\\u0000-\\u001f\\u007f-\\u009f${BIDI_CONTROLS}]*$`

/** Text that must say something: a visible character (not only spaces, zero-width or direction marks), no control characters. */
export const VISIBLE_TEXT_PATTERN = `^${HAS_VISIBLE_CHARACTER}${NO_CONTROL_CHARACTERS_PATTERN.slice(1)}`

/** Optional text (a note): empty, or as VISIBLE_TEXT_PATTERN. */
export const OPTIONAL_VISIBLE_TEXT_PATTERN = `^(?:$|${HAS_VISIBLE_CHARACTER})${NO_CONTROL_CHARACTERS_PATTERN.slice(1)}`

/** Address text: not blank, no control characters. */
export const ADDRESS_TEXT_PATTERN = VISIBLE_TEXT_PATTERN

/** Length bounds of each address text field, in Unicode code points (as JSON Schema counts them). */
export const ADDRESS_FIELD_LENGTHS = {
  name: { min: 1, max: 40 },
  region: { min: 2, max: 80 },
  detail: { min: 4, max: 120 },
} as const

/** E.164: an international number has at most 15 digits after the +. */
const INTERNATIONAL_PHONE_DIGITS_MAX = 15
/** Mainland mobile number (11 digits starting with 1) or an international number with +. */
export const PHONE_PATTERN = `^(1\\d{10}|\\+\\d{6,${INTERNATIONAL_PHONE_DIGITS_MAX}})$`
/** The longest phone text PHONE_PATTERN accepts: '+' and 15 digits. */
export const PHONE_LENGTH_MAX = 1 + INTERNATIONAL_PHONE_DIGITS_MAX

/** Most units of one SKU in one order (lines of the same SKU are merged first). */
export const QUANTITY_PER_LINE_MAX = 99

/** Most lines in one order. */
export const ORDER_LINES_MAX = 50

/** Page sizes of every paged list. */
export const PAGE_SIZE_DEFAULT = 20
export const PAGE_SIZE_MAX = 50
export const PAGE_MAX = 10_000

/** A shipment's carrier name (e.g. 顺丰速运), in code points; VISIBLE_TEXT_PATTERN applies. */
export const CARRIER_LENGTH = { min: 2, max: 40 } as const

/** A shipment's tracking number: letters, digits and '-', this many of them. */
export const TRACKING_NO_LENGTH = { min: 4, max: 40 } as const
export const TRACKING_NO_PATTERN = `^[A-Za-z0-9-]{${TRACKING_NO_LENGTH.min},${TRACKING_NO_LENGTH.max}}$`

/** Longest catalog search text. */
export const SEARCH_TEXT_MAX = 50

/** Staff login names: lowercase letters, digits, '.', '_' and '-', starting with a letter or digit. */
export const STAFF_NAME_PATTERN = '^[a-z0-9][a-z0-9._-]*$'
export const STAFF_NAME_LENGTH = { min: 2, max: 32 } as const

/** Staff passwords, in Unicode code points: long enough to resist guessing, bounded to refuse absurd input. */
export const STAFF_PASSWORD_LENGTH = { min: 10, max: 256 } as const

/**
 * Why a buyer asks for after-sales, as codes (the app words them): changed their mind, not as
 * described, damaged or faulty, something missing, never arrived, something else.
 */
export const AFTER_SALES_REASONS = [
  'changed_mind',
  'not_as_described',
  'damaged',
  'missing_items',
  'not_received',
  'other',
] as const

/** The buyer's optional note on an after-sales request, in code points. */
export const AFTER_SALES_NOTE_MAX = 200

/** Why staff reject an after-sales request (shown to the buyer), in code points. */
export const AFTER_SALES_REJECT_REASON_LENGTH = { min: 2, max: 200 } as const

/**
 * The merchant console (admin/): its session lives in an HttpOnly cookie, so every state-changing
 * request carries the session's CSRF token in this header (403 `csrf_failed` without it).
 */
export const CONSOLE_CSRF_HEADER = 'x-csrf-token'
/** Where the merchant API lives: the staff's routes, and the only path the console's cookie is sent to. */
export const MERCHANT_API_PREFIX = '/api/merchant'
/** A stock adjustment's reason, as staff type it. */
export const STOCK_ADJUSTMENT_REASON_LENGTH = { min: 2, max: 200 } as const
/** One adjustment moves stock by at most this much either way. */
export const STOCK_ADJUSTMENT_MAX = 100_000
/** A SKU's stock never exceeds this (far below the column's int4 limit, which adjustments could overflow). */
export const SKU_STOCK_MAX = 10_000_000
/** Uploaded product images: these types (checked by their first bytes too), at most this size. */
export const PRODUCT_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
export const PRODUCT_IMAGE_MAX_BYTES = 2 * 1024 * 1024
export const PRODUCT_IMAGES_MAX = 9
/** The one rule for image file names (samples and uploads): the image route serves only these, products name only these. */
export const IMAGE_FILE_NAME_PATTERN = '^[a-z0-9][a-z0-9-]{0,63}\\.(png|jpg|webp)$'
/** A price the console accepts, in fen (¥0.01 to ¥99,999.99). */
export const PRICE_FEN_RANGE = { min: 1, max: 9_999_999 } as const
/** The dashboard's chart: this many days, today included. */
export const DASHBOARD_DAYS = 7
