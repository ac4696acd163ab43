import { Button, Result } from 'antd'
import { Component, type ErrorInfo, type ReactNode } from 'react'
import { useT } from '../i18n'
import { Link, useLocation } from './router'

interface BoundaryProps {
  /** A new value (the page's path) clears the error: going to another page leaves it behind. */
  resetKey: string
  children: ReactNode
}

interface BoundaryState {
  failed: boolean
  failedAt?: string
}

/**
 * A render error shows a message with Retry instead of a white screen. Class-based because only a
 * class component's getDerivedStateFromError catches errors thrown while rendering below it.
 */
class Boundary extends Component<BoundaryProps, BoundaryState> {
  static getDerivedStateFromError(): Partial<BoundaryState> {
    return { failed: true }
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    if (!state.failed) return { failedAt: props.resetKey }
    return state.failedAt === props.resetKey ? null : { failed: false, failedAt: props.resetKey }
  }

  state: BoundaryState = { failed: false }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('The console failed to render', error, info.componentStack)
  }

  render() {
    if (!this.state.failed) return this.props.children
    return <RenderFailed onRetry={() => this.setState({ failed: false })} />
  }
}

function RenderFailed({ onRetry }: { onRetry: () => void }) {
  const t = useT()
  return (
    <Result
      status='error'
      title={t('app.renderFailed')}
      subTitle={t('app.renderFailedHint')}
      extra={[
        <Button key='retry' type='primary' onClick={onRetry} data-testid='render-retry'>
          {t('common.retry')}
        </Button>,
        <Link key='home' to='/'>
          <Button>{t('common.backHome')}</Button>
        </Link>,
      ]}
      data-testid='render-failed'
    />
  )
}

/** The console's error boundary, cleared when the page changes. */
export function ErrorBoundary({ children }: { children: ReactNode }) {
  const { path } = useLocation()
  return <Boundary resetKey={path}>{children}</Boundary>
}
