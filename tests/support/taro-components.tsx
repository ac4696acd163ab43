/**
 * `@tarojs/components` for jest: each component renders a host element of its mini-program
 * name ('view', 'text', ...) with its props, so React trees can be rendered and inspected
 * (react-test-renderer) without a mini-program or a DOM.
 */
import { createElement, type ReactNode } from 'react'

type Props = Record<string, unknown> & { children?: ReactNode }
const host = (name: string) => {
  const Component = (props: Props) => createElement(name, props)
  Component.displayName = name
  return Component
}

export const View = host('view')
export const Text = host('text')
export const Image = host('image')
export const Button = host('button')
export const Input = host('input')
export const ScrollView = host('scroll-view')
export const WebView = host('web-view')
