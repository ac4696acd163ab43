/**
 * The API contract shared by the mini-program (src/) and the reference server (server/).
 * Schemas are TypeBox: the server validates with them and publishes them as OpenAPI;
 * the client imports only the types (`import type`), so nothing here reaches the bundle, and takes
 * the limits it checks by value from `@contract/limits` (re-exported here for the server).
 */
export * from './limits'
export * from './common'
export * from './errors'
export * from './catalog'
export * from './session'
export * from './orders'
export * from './payments'
export * from './merchant'
export * from './after-sales'
export * from './regions'
export * from './messages'
export * from './console'
