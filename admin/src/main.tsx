import { App as AntApp } from 'antd'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import './app/console.css'
import { LocaleProvider } from './i18n'
import { ErrorBoundary } from './shared/ErrorBoundary'
import { SessionProvider } from './shared/session'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root')

createRoot(container).render(
  <StrictMode>
    <LocaleProvider>
      <AntApp>
        <ErrorBoundary>
          <SessionProvider>
            <App />
          </SessionProvider>
        </ErrorBoundary>
      </AntApp>
    </LocaleProvider>
  </StrictMode>,
)
