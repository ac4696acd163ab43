/**
 * `require` straight from Node's own module loader, bypassing jest's module sandbox.
 *
 * Some dependencies work under node/tsx but not inside jest's sandbox (without changing how jest
 * is launched): PGlite loads its WASM with dynamic `import()` (needs --experimental-vm-modules),
 * and fastify's newer dependencies (light-my-request 6.8 → cookie@2, @fastify/static 10 →
 * content-disposition@3) are ESM-only packages loaded via require(esm), which Node ≥ 20.19 supports
 * but jest 29 does not. package.json pins versions without them (for Node 20); loading fastify
 * natively keeps the suite working when they return.
 * Values from natively loaded modules live in Node's main realm: inside jest, compare errors by
 * `name`/`code`, not `instanceof` of built-in classes. `process.getBuiltinModule` (Node ≥ 20.16) returns the
 * real `module` builtin even inside jest; outside jest this is plain `require`.
 */
import { createRequire } from 'node:module'

type ProcessWithBuiltins = NodeJS.Process & { getBuiltinModule?: (id: string) => unknown }

const nodeModule = ((process as ProcessWithBuiltins).getBuiltinModule?.('node:module') ?? {
  createRequire,
}) as {
  createRequire: typeof createRequire
}

export const nativeRequire: NodeJS.Require = nodeModule.createRequire(__filename)
