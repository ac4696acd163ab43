/**
 * `GET /`: a small page for whoever opens the URL `npm start` prints, pointing at what this server
 * offers people (the API docs) and tools (the OpenAPI document, the health check). Static HTML,
 * no script, so its Content-Security-Policy allows nothing but its own inline style.
 */
import type { FastifyPluginAsync } from 'fastify'
import { HEALTH_PATH } from './health'
import { DOCS_PATH, OPENAPI_JSON_PATH } from './openapi'

const TITLE = 'Shop reference API'

const DOCS_LINKS = `<li><a href="${DOCS_PATH}">${DOCS_PATH}</a>: the API, browsable and callable (Swagger UI)</li>
<li><a href="${OPENAPI_JSON_PATH}">${OPENAPI_JSON_PATH}</a>: the OpenAPI 3 document, for tools</li>
`

const page = (docs: boolean) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${TITLE}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#222}a{color:#1677ff}code{background:#f3f3f3;padding:0 .25rem}</style>
</head>
<body>
<h1>${TITLE}</h1>
<p>The backend of the Alipay shop mini-program. Its endpoints live under <code>/api</code>.</p>
<ul>
${docs ? DOCS_LINKS : ''}<li><a href="${HEALTH_PATH}">${HEALTH_PATH}</a>: the health check</li>
</ul>
</body>
</html>
`

export const homeRoute: FastifyPluginAsync = async (app) => {
  // Links the API docs only where they are served (API_DOCS, see openapi.ts).
  const body = page(app.hasRoute({ method: 'GET', url: OPENAPI_JSON_PATH }))
  app.get('/', { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
      .header('x-content-type-options', 'nosniff')
      .send(body),
  )
}
