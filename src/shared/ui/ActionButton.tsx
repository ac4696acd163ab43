import { Button } from '@tarojs/components'
import type { ReactNode } from 'react'
import './ui.scss'

interface ActionButtonProps {
  kind?: 'primary' | 'accent' | 'plain'
  disabled?: boolean
  /** Extra class names, e.g. for width or margins. */
  className?: string
  onClick: () => void
  children: ReactNode
}

/**
 * The app's one button. `disabled` is passed only when true: Taro's H5 button styles any
 * `disabled` attribute as disabled, even `disabled="false"`.
 */
export function ActionButton({
  kind = 'plain',
  disabled = false,
  className = '',
  onClick,
  children,
}: ActionButtonProps) {
  return (
    <Button
      className={`ui-button ui-button--${kind} ${disabled ? 'ui-button--disabled' : ''} ${className}`}
      disabled={disabled || undefined}
      onClick={disabled ? undefined : onClick}
    >
      {children}
    </Button>
  )
}
