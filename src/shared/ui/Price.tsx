import { Text } from '@tarojs/components'
import { formatFen, type Fen } from '../money'
import './ui.scss'

export function Price({ fen, size = 'normal' }: { fen: Fen; size?: 'small' | 'normal' | 'large' }) {
  return <Text className={`price price--${size}`}>{formatFen(fen)}</Text>
}
