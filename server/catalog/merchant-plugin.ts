/**
 * The catalog for the shop's staff (the console's Catalog page), registered under `/api/merchant`:
 * every product, published or not, with all its SKUs; creating and editing products; prices
 * (owner only); stock adjustments; image uploads. Every route needs staff (checked on `onRequest`,
 * before the body is read); the owner-only ones refuse staff there too, with 403 `forbidden`.
 * Categories come from the public `GET /api/categories`.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import {
  ApiErrorBody,
  ConsoleProduct,
  ConsoleProductListQuery,
  ConsoleProductPage,
  ConsoleProductParams,
  ConsoleSkuParams,
  CreateProductInput,
  PRODUCT_IMAGE_MAX_BYTES,
  PRODUCT_IMAGE_TYPES,
  SkuPriceInput,
  StockAdjustmentInput,
  UpdateProductInput,
  UploadedImage,
} from '../../contract'
import type { ServerConfig } from '../config'
import type { Db } from '../db/types'
import { HttpError, notFound } from '../http/errors'
import { pickLanguage } from '../http/language'
import { imageUrlFor } from '../http/public-urls'
import { toPage } from '../http/paging'
import { localizedAndPrivate } from '../http/vary'
import { requireRole, requireStaff, staffOf } from '../staff/guard'
import { MERCHANT_ROUTE } from '../staff/plugin'
import { audit } from '../staff/repository'
import { adjustStock, changeSkuPrice, createProduct, updateProduct } from './console-actions'
import { findConsoleProduct, listConsoleProducts } from './console-repository'
import { IMAGES_DIR, uploadsDirOf } from './images'
import { acceptedImageType, sniffImageType, storeUpload } from './uploads'

export interface MerchantCatalogRoutesOptions {
  db: Db
  config: ServerConfig
  /** The sample images (tests); default server/catalog/images. Uploads go to DATA_DIR/images. */
  imagesDir?: string
}

const errors = { 400: ApiErrorBody, 401: ApiErrorBody, 403: ApiErrorBody, 404: ApiErrorBody }

export const merchantCatalogRoutes: FastifyPluginAsyncTypebox<MerchantCatalogRoutesOptions> = async (
  app,
  { db, config, imagesDir },
) => {
  const imageUrl = imageUrlFor(config)
  const uploadsDir = uploadsDirOf(config.dataDir)
  const imageDirectories = [imagesDir ?? IMAGES_DIR, uploadsDir]

  app.addHook('onRequest', requireStaff(db))
  localizedAndPrivate(app)
  const ownerOnly = requireRole('owner')

  async function answerProduct(request: FastifyRequest, id: string): Promise<ConsoleProduct> {
    const product = await findConsoleProduct(
      db,
      id,
      pickLanguage(request.headers['accept-language']),
      imageUrl,
    )
    if (!product) throw notFound(`No product with id "${id}".`)
    return product
  }

  app.get(
    '/products',
    {
      schema: {
        ...MERCHANT_ROUTE,
        summary: 'Every product, published or not, with all its SKUs; by category, state or search, paged',
        querystring: ConsoleProductListQuery,
        response: { 200: ConsoleProductPage, ...errors },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query
      const lang = pickLanguage(request.headers['accept-language'])
      const { items, total } = await listConsoleProducts(db, request.query, lang, imageUrl)
      return toPage(items, total, { page, pageSize })
    },
  )

  app.get(
    '/products/:id',
    {
      schema: {
        ...MERCHANT_ROUTE,
        summary: 'One product with all its SKUs',
        params: ConsoleProductParams,
        response: { 200: ConsoleProduct, ...errors },
      },
    },
    async (request) => answerProduct(request, request.params.id),
  )

  app.post(
    '/products',
    {
      schema: {
        ...MERCHANT_ROUTE,
        summary: 'A new unpublished product with one SKU, its id made from the English title (owner only)',
        body: CreateProductInput,
        response: { 201: ConsoleProduct, ...errors },
      },
      onRequest: ownerOnly,
    },
    async (request, reply) => {
      const id = await createProduct(db, request.body, staffOf(request).id, imageDirectories)
      return reply.status(201).send(await answerProduct(request, id))
    },
  )

  app.patch(
    '/products/:id',
    {
      schema: {
        ...MERCHANT_ROUTE,
        summary: "A product's category, titles, descriptions, images; `active` publishes or unpublishes",
        params: ConsoleProductParams,
        body: UpdateProductInput,
        response: { 200: ConsoleProduct, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params
      await updateProduct(db, id, request.body, staffOf(request).id, imageDirectories)
      return answerProduct(request, id)
    },
  )

  app.put(
    '/skus/:id/price',
    {
      schema: {
        ...MERCHANT_ROUTE,
        summary: "A SKU's price in fen (owner only); answers its product",
        params: ConsoleSkuParams,
        body: SkuPriceInput,
        response: { 200: ConsoleProduct, ...errors },
      },
      onRequest: ownerOnly,
    },
    async (request) => {
      const productId = await changeSkuPrice(db, request.params.id, request.body.price, staffOf(request).id)
      return answerProduct(request, productId)
    },
  )

  app.post(
    '/skus/:id/stock-adjustments',
    {
      schema: {
        ...MERCHANT_ROUTE,
        summary: "Moves a SKU's stock by delta, with a reason; never below 0 (409); answers its product",
        params: ConsoleSkuParams,
        body: StockAdjustmentInput,
        response: { 200: ConsoleProduct, ...errors, 409: ApiErrorBody },
      },
    },
    async (request) => {
      const productId = await adjustStock(db, request.params.id, request.body, staffOf(request).id)
      return answerProduct(request, productId)
    },
  )

  // Raw image bodies, in a scope of their own so no other route accepts them.
  await app.register(async (uploads) => {
    uploads.addContentTypeParser([...PRODUCT_IMAGE_TYPES], { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    )
    // Before the body is read: another type would meet the JSON parser or Fastify's own 415.
    const checkDeclaredType = async (request: FastifyRequest, _reply: FastifyReply) => {
      if (!acceptedImageType(request.headers['content-type']))
        throw new HttpError(
          415,
          'unsupported_media_type',
          `Send the image's bytes with Content-Type ${PRODUCT_IMAGE_TYPES.join(', ')}.`,
        )
    }
    uploads.post(
      '/images',
      {
        schema: {
          ...MERCHANT_ROUTE,
          summary: `Uploads a product image: the raw bytes, Content-Type ${PRODUCT_IMAGE_TYPES.join(' | ')}, at most ${PRODUCT_IMAGE_MAX_BYTES} bytes`,
          response: { 201: UploadedImage, ...errors, 413: ApiErrorBody, 415: ApiErrorBody },
        },
        bodyLimit: PRODUCT_IMAGE_MAX_BYTES,
        onRequest: checkDeclaredType,
      },
      async (request, reply) => {
        const declared = acceptedImageType(request.headers['content-type'])
        const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0)
        const sniffed = sniffImageType(bytes)
        if (!declared || sniffed !== declared)
          throw new HttpError(
            415,
            'image_content_mismatch',
            `The body is ${sniffed ? `a ${sniffed} image` : 'not a PNG, JPEG or WebP image'}, not the ${declared} its Content-Type says.`,
          )
        const file = await storeUpload(uploadsDir, bytes, declared)
        await audit(db, {
          staffId: staffOf(request).id,
          action: 'image.upload',
          target: { type: 'image', id: file },
          after: { file, type: declared, bytes: bytes.length },
        })
        return reply.status(201).send({ file, url: imageUrl(file) })
      },
    )
  })
}
