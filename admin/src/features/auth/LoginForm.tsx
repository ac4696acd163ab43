import { LockOutlined, UserOutlined } from '@ant-design/icons'
import { Alert, Button, Form, Input } from 'antd'
import { useState } from 'react'
import { STAFF_NAME_LENGTH, STAFF_PASSWORD_LENGTH } from '@contract/limits'
import { useT } from '../../i18n'
import { errorText } from '../../shared/errors'
import { useSession } from '../../shared/session'

interface Credentials {
  name: string
  password: string
}

/** Name and password. A failure says only that the pair is wrong (or that attempts are paused). */
export function LoginForm({ onLoggedIn }: { onLoggedIn: () => void }) {
  const t = useT()
  const { logIn } = useSession()
  const [submitting, setSubmitting] = useState(false)
  const [failure, setFailure] = useState<string>()

  const submit = async (credentials: Credentials) => {
    setSubmitting(true)
    setFailure(undefined)
    try {
      await logIn({ name: credentials.name.trim(), password: credentials.password })
      onLoggedIn()
    } catch (error) {
      setFailure(errorText(t, error))
      setSubmitting(false)
    }
  }

  return (
    <Form<Credentials>
      layout='vertical'
      size='large'
      onFinish={submit}
      requiredMark={false}
      disabled={submitting}
    >
      {failure && (
        <Alert type='error' showIcon title={failure} style={{ marginBottom: 16 }} data-testid='login-error' />
      )}
      <Form.Item
        name='name'
        label={t('login.name')}
        rules={[{ required: true, whitespace: true, message: t('login.nameRequired') }]}
      >
        <Input
          prefix={<UserOutlined />}
          autoComplete='username'
          autoFocus
          maxLength={STAFF_NAME_LENGTH.max}
          data-testid='login-name'
        />
      </Form.Item>
      <Form.Item
        name='password'
        label={t('login.password')}
        rules={[{ required: true, message: t('login.passwordRequired') }]}
      >
        <Input.Password
          prefix={<LockOutlined />}
          autoComplete='current-password'
          maxLength={STAFF_PASSWORD_LENGTH.max}
          data-testid='login-password'
        />
      </Form.Item>
      <Button type='primary' htmlType='submit' block loading={submitting} data-testid='login-submit'>
        {t('login.submit')}
      </Button>
    </Form>
  )
}
