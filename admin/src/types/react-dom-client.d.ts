/**
 * The one entry of react-dom the console uses. The workspace has no @types/react-dom (the
 * mini-program never needed it), so its shape is declared here.
 */
declare module 'react-dom/client' {
  import type { ReactNode } from 'react'

  export interface Root {
    render(children: ReactNode): void
    unmount(): void
  }
  export function createRoot(container: Element | DocumentFragment): Root
}
