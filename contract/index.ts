/**
 * The API contract shared by the mini-program (src/) and the reference server (server/).
 * Schemas are TypeBox: the server validates with them and publishes them as OpenAPI;
 * the client imports only the types (`import type`), so nothing here reaches the bundle.
 */
export * from './errors'
export * from './catalog'
export * from './session'
export * from './orders'
export * from './payments'
