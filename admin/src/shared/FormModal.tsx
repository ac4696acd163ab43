import { Form, Modal, type FormProps } from 'antd'
import { useState, type ReactNode } from 'react'
import { useT } from '../i18n'
import { validValues } from './forms'
import { testId } from './ui'

interface FormModalProps<Values> {
  open: boolean
  title: string
  okText: string
  /** The OK button's data-testid, for the browser suite. */
  okTestId: string
  /** OK undoes or refuses something (rejecting a request): a red button. */
  danger?: boolean
  width?: number
  initialValues?: FormProps<Values>['initialValues']
  /**
   * Sends the values once they pass the form's rules; OK spins until it settles. Closing the modal
   * on success is the caller's, as what else changes is.
   */
  onSubmit: (values: Values) => Promise<unknown>
  onClose: () => void
  /** The form's items. */
  children: ReactNode
}

/**
 * A form in a modal with Cancel and OK: OK checks the fields first (they say what is wrong) and
 * spins while the values are sent; the fields start empty each time it opens.
 */
export function FormModal<Values>({
  open,
  title,
  okText,
  okTestId,
  danger,
  width,
  initialValues,
  onSubmit,
  onClose,
  children,
}: FormModalProps<Values>) {
  const t = useT()
  const [form] = Form.useForm<Values>()
  const [sending, setSending] = useState(false)

  const submit = async () => {
    const values = await validValues(form)
    if (!values) return
    setSending(true)
    try {
      await onSubmit(values)
    } finally {
      setSending(false)
    }
  }

  return (
    <Modal
      open={open}
      title={title}
      width={width}
      okText={okText}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={sending}
      okButtonProps={{ danger, ...testId(okTestId) }}
      destroyOnHidden
    >
      <Form<Values> form={form} layout='vertical' preserve={false} initialValues={initialValues}>
        {children}
      </Form>
    </Modal>
  )
}
