import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { ActionButton } from './ActionButton'
import { useT } from '../i18n'
import { describeError } from '../request'
import './ui.scss'

interface StateViewProps {
  loading?: boolean
  error?: unknown
  empty?: boolean
  emptyText?: string
  onRetry?: () => void
  /** What to show once loaded, not failed and not empty. */
  children?: ReactNode
  emptyAction?: ReactNode
}

/** The loading, error (with retry) and empty states every page shares. */
export function StateView({
  loading,
  error,
  empty,
  emptyText,
  onRetry,
  children,
  emptyAction,
}: StateViewProps) {
  const t = useT()
  if (error) {
    return (
      <View className='state state--error'>
        <Text className='state__text'>{describeError(error)}</Text>
        {onRetry && (
          <ActionButton kind='primary' onClick={onRetry}>
            {t('state.retry')}
          </ActionButton>
        )}
      </View>
    )
  }
  if (loading) {
    return (
      <View className='state state--loading'>
        <Text className='state__text'>{t('state.loading')}</Text>
      </View>
    )
  }
  if (empty) {
    return (
      <View className='state state--empty'>
        <Text className='state__text'>{emptyText ?? t('state.empty')}</Text>
        {emptyAction}
      </View>
    )
  }
  return <>{children}</>
}
