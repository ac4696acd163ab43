import type { FormInstance } from 'antd'

/** The form's values once they pass its rules; undefined when they do not (the form shows why). */
export async function validValues<Values>(form: FormInstance<Values>): Promise<Values | undefined> {
  try {
    return await form.validateFields()
  } catch {
    return undefined
  }
}
