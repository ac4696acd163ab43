/**
 * "Launching" the app's client code in jest: its modules loaded afresh (as a restart loads them)
 * over the same device storage (tests/support/taro-node.ts keeps it on globalThis), with React and
 * the test renderer from the same module registry so hooks work.
 */
import type { ReactTestRenderer } from 'react-test-renderer'

Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true })

/** The app's modules, loaded as a launch loads them (React too, so hooks and renderer agree). */
export function launch() {
  let app!: {
    React: typeof import('react')
    renderer: typeof import('react-test-renderer')
    cart: typeof import('../../src/features/cart')
    session: typeof import('../../src/features/session')
    checkout: typeof import('../../src/features/checkout')
    products: typeof import('../../src/features/catalog/useProductList')
    request: typeof import('../../src/shared/request')
  }
  jest.isolateModules(() => {
    app = {
      React: require('react'),
      renderer: require('react-test-renderer'),
      cart: require('../../src/features/cart'),
      session: require('../../src/features/session'),
      checkout: require('../../src/features/checkout'),
      products: require('../../src/features/catalog/useProductList'),
      request: require('../../src/shared/request'),
    }
  })
  app.session.connectSessionToApi()
  return app
}
export type App = ReturnType<typeof launch>

/** Renders `useHook` in a component and exposes its latest value. */
export async function mountHook<T>(app: App, useHook: () => T) {
  const latest: { current?: T } = {}
  function Probe() {
    latest.current = useHook()
    return null
  }
  let renderer!: ReactTestRenderer
  await app.renderer.act(async () => {
    renderer = app.renderer.create(app.React.createElement(Probe))
  })
  return {
    value: () => latest.current as T,
    unmount: () => app.renderer.act(async () => renderer.unmount()),
  }
}

/** Renders a component once and returns its host tree as JSON text (for "it shows X"). */
export async function renderText<P extends object>(
  app: App,
  component: (props: P) => ReturnType<typeof import('react').createElement> | null,
  props: P,
): Promise<string> {
  let renderer!: ReactTestRenderer
  await app.renderer.act(async () => {
    renderer = app.renderer.create(app.React.createElement(component, props))
  })
  const text = JSON.stringify(renderer.toJSON())
  await app.renderer.act(async () => renderer.unmount())
  return text
}
