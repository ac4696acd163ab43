/** Catalog API, registered under `/api`: categories, paged product lists and product details. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  ApiErrorBody,
  CategoryList,
  ProductDetail,
  ProductIdParams,
  ProductPage,
  ProductQuery,
} from '../../contract'
import type { ServerConfig } from '../config'
import type { Db } from '../db/types'
import { notFound } from '../http/errors'
import { pickLanguage } from '../http/language'
import { imageUrlFor } from '../http/public-urls'
import { appendVary } from '../http/vary'
import { getProduct, listCategories, listProducts } from './repository'
import { toPage } from '../http/paging'

export const catalogRoutes: FastifyPluginAsyncTypebox<{ db: Db; config: ServerConfig }> = async (
  app,
  { db, config },
) => {
  // Responses depend on Accept-Language, so caches must key on it (next to CORS's `Origin`).
  app.addHook('onSend', async (_request, reply) => {
    appendVary(reply, 'Accept-Language')
  })

  app.get(
    '/categories',
    {
      schema: {
        tags: ['catalog'],
        summary: 'All categories with their product counts',
        response: { 200: CategoryList },
      },
    },
    async (request) => ({
      items: await listCategories(db, pickLanguage(request.headers['accept-language'])),
    }),
  )

  app.get(
    '/products',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Products, optionally by category and/or title search (both languages), paged',
        querystring: ProductQuery,
        response: { 200: ProductPage, 400: ApiErrorBody },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query
      const { items, total } = await listProducts(
        db,
        { categoryId: request.query.categoryId, q: request.query.q, page, pageSize },
        pickLanguage(request.headers['accept-language']),
        imageUrlFor(config),
      )
      return toPage(items, total, { page, pageSize })
    },
  )

  app.get(
    '/products/:id',
    {
      schema: {
        tags: ['catalog'],
        summary: 'One product with its options and SKUs',
        params: ProductIdParams,
        response: { 200: ProductDetail, 400: ApiErrorBody, 404: ApiErrorBody },
      },
    },
    async (request) => {
      const product = await getProduct(
        db,
        request.params.id,
        pickLanguage(request.headers['accept-language']),
        imageUrlFor(config),
      )
      if (!product) throw notFound(`No product with id "${request.params.id}".`)
      return product
    },
  )
}
