/**
 * OpenAPI 3 document generated from the routes' TypeBox schemas: `GET /openapi.json` for tools,
 * Swagger UI at `/docs` for people. Swagger UI's assets ship inside @fastify/swagger-ui, so the
 * page works offline. Must be registered before the routes it documents.
 *
 * Served when API_DOCS is on: by default in development, not in production, where the document
 * would list every route to strangers (the merchant API included) and the apps do not need it.
 */
import swagger from '@fastify/swagger'
import type { FastifyInstance } from 'fastify'
import type { ServerConfig } from '../config'
import { nativeRequire } from '../native-require'
import { CONSOLE_COOKIE } from '../console/cookie'
import { publicOrigin } from './public-urls'

// Loaded natively: its dependency chain includes an ESM-only package jest cannot require.
const swaggerUi = (nativeRequire('@fastify/swagger-ui') as typeof import('@fastify/swagger-ui')).default

/** Where people browse the API, and where tools fetch its description. */
export const DOCS_PATH = '/docs'
export const OPENAPI_JSON_PATH = '/openapi.json'

export async function registerOpenApi(app: FastifyInstance, config: ServerConfig): Promise<void> {
  if (!config.http.apiDocs) return
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Shop reference API',
        version: '0.1.0',
        description:
          'Reference backend of the Alipay shop mini-program. Money is integer fen. Every error is ' +
          '`{ code, message, requestId }`. Send `Accept-Language: en` for English, otherwise zh-CN.',
      },
      servers: [{ url: publicOrigin(config) }],
      tags: [
        { name: 'catalog', description: 'Categories and products' },
        { name: 'images', description: 'Product images served by this server' },
        { name: 'regions', description: "China's administrative divisions, for the address's region picker" },
        {
          name: 'messages',
          description: 'Alipay subscription messages the app may offer (e.g. when an order ships)',
        },
        { name: 'ops', description: 'Operations' },
        {
          name: 'after-sales',
          description:
            "A buyer's after-sales (售后): refunds and returns of paid orders (server/after-sales)",
        },
        {
          name: 'merchant',
          description:
            'Staff of the shop: sessions (server/staff), orders and shipping (server/merchant), after-sales decisions (server/after-sales)',
        },
      ],
      components: {
        securitySchemes: {
          // Staff tokens come from POST /api/merchant/session; a buyer's token is refused.
          staffToken: { type: 'http', scheme: 'bearer', description: 'Staff session token' },
          // The console's cookie (POST /api/merchant/console/session); state changes also need its CSRF token.
          consoleCookie: { type: 'apiKey', in: 'cookie', name: CONSOLE_COOKIE },
        },
      },
    },
  })
  await app.register(swaggerUi, { routePrefix: DOCS_PATH })
  app.get(OPENAPI_JSON_PATH, { schema: { hide: true } }, async () => app.swagger())
}
