import type { Rule } from 'antd/es/form'
import { STAFF_PASSWORD_LENGTH } from '@contract/limits'
import type { Translate } from '../../i18n'

/** Length in code points, as the server counts it (an emoji is one). */
export function passwordRules(t: Translate): Rule[] {
  const { min, max } = STAFF_PASSWORD_LENGTH
  return [
    {
      required: true,
      validator: async (_, value: string | undefined) => {
        const length = [...(value ?? '')].length
        if (length < min || length > max) throw new Error(t('staff.passwordRule', { min, max }))
      },
    },
  ]
}
