export { login, logout, ensureSession, connectSessionToApi } from './session'
export { useSessionStore, currentToken, SESSION_STORAGE_KEY } from './store'
export { SessionCard } from './components/SessionCard'
