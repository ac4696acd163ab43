import { describe, expect, it } from '@jest/globals'
import { en } from './en'
import { translate } from './translate'
import type { MessageKey } from './zh-CN'

describe('translate', () => {
  it('fills placeholders and leaves unknown ones as written', () => {
    expect(translate(en, 'common.total', { total: 3 })).toBe(en['common.total'].replace('{total}', '3'))
    expect(translate(en, 'common.total')).toBe(en['common.total'])
  })

  it('shows the key for a template key the server filled with a value it added later', () => {
    const role: string = 'auditor'
    expect(translate(en, `role.${role}` as MessageKey)).toBe('role.auditor')
  })
})
