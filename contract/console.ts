import { Type, type Static } from '@sinclair/typebox'
import { DateTime, Fen, OrderId, PageQueryFields, Paged, withDefaultsOptional } from './common'
import { CATALOG_ID_PATTERN } from './catalog'
import {
  NO_CONTROL_CHARACTERS_PATTERN,
  PRICE_FEN_RANGE,
  PRODUCT_IMAGES_MAX,
  SEARCH_TEXT_MAX,
  STAFF_PASSWORD_LENGTH,
  STOCK_ADJUSTMENT_MAX,
  IMAGE_FILE_NAME_PATTERN,
  STOCK_ADJUSTMENT_REASON_LENGTH,
  VISIBLE_TEXT_PATTERN,
} from './limits'
import { Staff, StaffName, StaffRole } from './merchant'
import { OrderStatus } from './orders'

/**
 * What the merchant console (admin/, served at /admin) adds to the merchant API. The console logs
 * in with a cookie (`/api/merchant/console/session`) instead of a bearer token; every other route
 * is the merchant API's own, and takes either.
 */

/** Where the reference server serves the console's production build. */
export const CONSOLE_BASE_PATH = '/admin/'

/** A text in both of the shop's languages, as the seed file and the console hold it. */
export const LocalizedText = Type.Object(
  { 'zh-CN': Type.String(), en: Type.String() },
  { title: 'LocalizedText' },
)
export type LocalizedText = Static<typeof LocalizedText>

// ── Session ──────────────────────────────────────────────────────────────────────────────────

/**
 * POST (log in, 201), GET (who is logged in, 200) and DELETE (log out, 204) on
 * `/api/merchant/console/session`. The session itself is the HttpOnly cookie; the console keeps
 * `csrfToken` in memory and sends it as CONSOLE_CSRF_HEADER on every POST, PUT, PATCH and DELETE.
 */
export const ConsoleSession = Type.Object(
  { staff: Staff, csrfToken: Type.String(), expiresAt: DateTime },
  { title: 'ConsoleSession' },
)
export type ConsoleSession = Static<typeof ConsoleSession>

// ── Dashboard ────────────────────────────────────────────────────────────────────────────────

/** One day in the shop's time zone: orders paid that day and what they came to. */
export const DashboardDay = Type.Object(
  {
    /** YYYY-MM-DD in the shop's time zone. */
    date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    paidOrders: Type.Integer({ minimum: 0 }),
    revenue: Fen,
  },
  { title: 'DashboardDay' },
)
export type DashboardDay = Static<typeof DashboardDay>

/** `GET /api/merchant/dashboard`. */
export const MerchantDashboard = Type.Object(
  {
    timeZone: Type.String({ description: 'IANA zone the days are cut in, e.g. Asia/Shanghai' }),
    today: DashboardDay,
    /** Paid, not yet shipped. */
    awaitingShipment: Type.Integer({ minimum: 0 }),
    /** After-sales requests staff still have to act on or finish. */
    openAfterSales: Type.Integer({ minimum: 0 }),
    /** DASHBOARD_DAYS days, oldest first, today last; days without orders are zeros. */
    days: Type.Array(DashboardDay),
  },
  { title: 'MerchantDashboard' },
)
export type MerchantDashboard = Static<typeof MerchantDashboard>

// ── Orders ───────────────────────────────────────────────────────────────────────────────────

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD, shop time zone' })

/** Query of `GET /api/merchant/orders` (extends the buyer's status + paging). */
export const ConsoleOrderListQuery = withDefaultsOptional(
  Type.Object(
    {
      status: Type.Optional(OrderStatus),
      /** Placed on or after this day. */
      from: Type.Optional(IsoDate),
      /** Placed on or before this day. */
      to: Type.Optional(IsoDate),
      /** An order number, an Alipay trade_no, or the phone of the address (exact match each). */
      q: Type.Optional(
        Type.String({ minLength: 1, maxLength: SEARCH_TEXT_MAX, pattern: NO_CONTROL_CHARACTERS_PATTERN }),
      ),
      ...PageQueryFields,
    },
    { additionalProperties: false },
  ),
)
export type ConsoleOrderListQuery = Static<typeof ConsoleOrderListQuery>

/**
 * `GET /api/merchant/orders/:id/alipay-trade`: alipay.trade.query asked live, as Alipay answers
 * now. `found: false` when Alipay has no trade for the order (ACQ.TRADE_NOT_EXIST). 502
 * `alipay_unavailable` when Alipay cannot be asked.
 */
export const ConsoleAlipayTrade = Type.Object(
  {
    found: Type.Boolean(),
    tradeNo: Type.Optional(Type.String()),
    /** WAIT_BUYER_PAY, TRADE_SUCCESS, TRADE_FINISHED, TRADE_CLOSED. */
    tradeStatus: Type.Optional(Type.String()),
    totalAmount: Type.Optional(Fen),
    /** Sum refunded so far, when Alipay reports it. */
    refundedAmount: Type.Optional(Fen),
    buyerLogonIdMasked: Type.Optional(Type.String()),
    queriedAt: DateTime,
  },
  { title: 'ConsoleAlipayTrade' },
)
export type ConsoleAlipayTrade = Static<typeof ConsoleAlipayTrade>

/** One refund of an order, from any after-sales request, as our ledger has it. */
export const ConsoleRefund = Type.Object(
  {
    afterSalesId: Type.String(),
    outRequestNo: Type.String(),
    amount: Fen,
    status: Type.Union([Type.Literal('pending'), Type.Literal('refunded'), Type.Literal('failed')]),
    createdAt: DateTime,
    refundedAt: Type.Optional(DateTime),
  },
  { title: 'ConsoleRefund' },
)
export type ConsoleRefund = Static<typeof ConsoleRefund>

/** One step of an order's life, oldest first: its own timestamps, payments, staff actions, after-sales. */
export const ConsoleTimelineEvent = Type.Object(
  {
    at: DateTime,
    /** e.g. created, paid, shipped, received, completed, closed, refund_sent, refunded, after_sales.approved. */
    kind: Type.String(),
    /** A staff name, or buyer / system / alipay. */
    actor: Type.String(),
    note: Type.Optional(Type.String()),
  },
  { title: 'ConsoleTimelineEvent' },
)
export type ConsoleTimelineEvent = Static<typeof ConsoleTimelineEvent>

/** `GET /api/merchant/orders/:id/history`: the refunds and the whole timeline of one order. */
export const ConsoleOrderHistory = Type.Object(
  {
    tradeNo: Type.Optional(Type.String({ description: 'Alipay trade_no, once known' })),
    refunds: Type.Array(ConsoleRefund),
    timeline: Type.Array(ConsoleTimelineEvent),
  },
  { title: 'ConsoleOrderHistory' },
)
export type ConsoleOrderHistory = Static<typeof ConsoleOrderHistory>

export const ConsoleOrderParams = Type.Object({ id: OrderId })

// ── Catalog ──────────────────────────────────────────────────────────────────────────────────

const CatalogId = Type.String({ pattern: CATALOG_ID_PATTERN })
const PriceFen = Type.Integer({ minimum: PRICE_FEN_RANGE.min, maximum: PRICE_FEN_RANGE.max })

export const ConsoleSku = Type.Object(
  {
    id: Type.String(),
    /** The option values' names in the console's language, e.g. ["Red", "M"]; [] for a single SKU. */
    values: Type.Array(Type.String()),
    price: Fen,
    stock: Type.Integer({ minimum: 0 }),
    active: Type.Boolean(),
  },
  { title: 'ConsoleSku' },
)
export type ConsoleSku = Static<typeof ConsoleSku>

export const ConsoleProduct = Type.Object(
  {
    id: Type.String(),
    categoryId: Type.String(),
    title: LocalizedText,
    description: LocalizedText,
    /** Image file names, first is the main one. */
    images: Type.Array(Type.String()),
    /** The same images as absolute URLs. */
    imageUrls: Type.Array(Type.String()),
    /** Published: buyers see it. */
    active: Type.Boolean(),
    skus: Type.Array(ConsoleSku),
    /** Set once the console has changed it; the seed file no longer overwrites it. */
    editedAt: Type.Optional(DateTime),
  },
  { title: 'ConsoleProduct' },
)
export type ConsoleProduct = Static<typeof ConsoleProduct>

export const ConsoleProductListQuery = withDefaultsOptional(
  Type.Object(
    {
      categoryId: Type.Optional(CatalogId),
      active: Type.Optional(Type.Boolean()),
      q: Type.Optional(
        Type.String({ minLength: 1, maxLength: SEARCH_TEXT_MAX, pattern: NO_CONTROL_CHARACTERS_PATTERN }),
      ),
      ...PageQueryFields,
    },
    { additionalProperties: false },
  ),
)
export type ConsoleProductListQuery = Static<typeof ConsoleProductListQuery>
export const ConsoleProductPage = Paged(ConsoleProduct, 'ConsoleProductPage')
export type ConsoleProductPage = Static<typeof ConsoleProductPage>

const LocalizedInput = Type.Object(
  {
    'zh-CN': Type.String({ minLength: 1, maxLength: 200, pattern: VISIBLE_TEXT_PATTERN }),
    en: Type.String({ minLength: 1, maxLength: 200, pattern: VISIBLE_TEXT_PATTERN }),
  },
  { additionalProperties: false },
)
const LocalizedLongInput = Type.Object(
  {
    'zh-CN': Type.String({ minLength: 1, maxLength: 2000 }),
    en: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
)
const ImageFiles = Type.Array(Type.String({ pattern: IMAGE_FILE_NAME_PATTERN }), {
  minItems: 1,
  maxItems: PRODUCT_IMAGES_MAX,
  uniqueItems: true,
})

/** `POST /api/merchant/products` (owner: it sets a price): a new product with one SKU, unpublished. */
export const CreateProductInput = Type.Object(
  {
    categoryId: CatalogId,
    title: LocalizedInput,
    description: LocalizedLongInput,
    images: ImageFiles,
    price: PriceFen,
    stock: Type.Integer({ minimum: 0, maximum: STOCK_ADJUSTMENT_MAX }),
  },
  { title: 'CreateProductInput', additionalProperties: false },
)
export type CreateProductInput = Static<typeof CreateProductInput>

/** `PATCH /api/merchant/products/:id`: any of these; `active` publishes or unpublishes. */
export const UpdateProductInput = Type.Object(
  {
    categoryId: Type.Optional(CatalogId),
    title: Type.Optional(LocalizedInput),
    description: Type.Optional(LocalizedLongInput),
    images: Type.Optional(ImageFiles),
    active: Type.Optional(Type.Boolean()),
  },
  { title: 'UpdateProductInput', additionalProperties: false, minProperties: 1 },
)
export type UpdateProductInput = Static<typeof UpdateProductInput>

export const ConsoleProductParams = Type.Object({ id: CatalogId })
export const ConsoleSkuParams = Type.Object({ id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,127}$' }) })

/** `PUT /api/merchant/skus/:id/price` (owner only). The console takes yuan and sends fen. */
export const SkuPriceInput = Type.Object(
  { price: PriceFen },
  { title: 'SkuPriceInput', additionalProperties: false },
)
export type SkuPriceInput = Static<typeof SkuPriceInput>

/** `POST /api/merchant/skus/:id/stock-adjustments`: stock moves by `delta`, never below 0 (409). */
export const StockAdjustmentInput = Type.Object(
  {
    delta: Type.Integer({ minimum: -STOCK_ADJUSTMENT_MAX, maximum: STOCK_ADJUSTMENT_MAX, not: { const: 0 } }),
    reason: Type.String({
      minLength: STOCK_ADJUSTMENT_REASON_LENGTH.min,
      maxLength: STOCK_ADJUSTMENT_REASON_LENGTH.max,
      pattern: VISIBLE_TEXT_PATTERN,
    }),
  },
  { title: 'StockAdjustmentInput', additionalProperties: false },
)
export type StockAdjustmentInput = Static<typeof StockAdjustmentInput>

/** `POST /api/merchant/images` (body: the image's bytes, Content-Type its type): 201. */
export const UploadedImage = Type.Object(
  { file: Type.String(), url: Type.String() },
  { title: 'UploadedImage' },
)
export type UploadedImage = Static<typeof UploadedImage>

// ── Staff (owner only) ───────────────────────────────────────────────────────────────────────

export const StaffAccount = Type.Object(
  {
    name: StaffName,
    role: StaffRole,
    createdAt: DateTime,
    disabledAt: Type.Optional(DateTime),
  },
  { title: 'StaffAccount' },
)
export type StaffAccount = Static<typeof StaffAccount>
export const StaffAccountList = Type.Object(
  { items: Type.Array(StaffAccount) },
  { title: 'StaffAccountList' },
)
export type StaffAccountList = Static<typeof StaffAccountList>

const NewPassword = Type.String({
  minLength: STAFF_PASSWORD_LENGTH.min,
  maxLength: STAFF_PASSWORD_LENGTH.max,
})

/** `POST /api/merchant/staff` (201; 409 `staff_name_taken`). */
export const CreateStaffInput = Type.Object(
  { name: StaffName, role: StaffRole, password: NewPassword },
  { title: 'CreateStaffInput', additionalProperties: false },
)
export type CreateStaffInput = Static<typeof CreateStaffInput>

/** `PUT /api/merchant/staff/:name/password`: sets it and ends that account's sessions (204). */
export const ResetStaffPasswordInput = Type.Object(
  { password: NewPassword },
  { title: 'ResetStaffPasswordInput', additionalProperties: false },
)
export type ResetStaffPasswordInput = Static<typeof ResetStaffPasswordInput>

/** `POST /api/merchant/staff/:name/disable` and `/enable`; nobody disables their own account. */
export const StaffNameParams = Type.Object({ name: StaffName })

// ── Audit log (owner only) ───────────────────────────────────────────────────────────────────

export const AuditEntry = Type.Object(
  {
    id: Type.String(),
    at: DateTime,
    /** The staff member; absent for the command line, the system or a failed login. */
    staff: Type.Optional(StaffName),
    action: Type.String({ description: 'e.g. order.ship, sku.price, staff.add, staff.login_failed' }),
    target: Type.Object({ type: Type.String(), id: Type.String() }),
    before: Type.Optional(Type.Unknown()),
    after: Type.Optional(Type.Unknown()),
  },
  { title: 'AuditEntry' },
)
export type AuditEntry = Static<typeof AuditEntry>

/** `GET /api/merchant/audit`, newest first. */
export const AuditListQuery = withDefaultsOptional(
  Type.Object(
    {
      staff: Type.Optional(StaffName),
      /** An action, or a prefix ending in "." (e.g. "order."). */
      action: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z_.]+$' })),
      targetType: Type.Optional(Type.String({ minLength: 1, maxLength: 32, pattern: '^[a-z_]+$' })),
      targetId: Type.Optional(
        Type.String({ minLength: 1, maxLength: 64, pattern: NO_CONTROL_CHARACTERS_PATTERN }),
      ),
      ...PageQueryFields,
    },
    { additionalProperties: false },
  ),
)
export type AuditListQuery = Static<typeof AuditListQuery>
export const AuditPage = Paged(AuditEntry, 'AuditPage')
export type AuditPage = Static<typeof AuditPage>
