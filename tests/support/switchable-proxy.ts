/**
 * A TCP proxy in front of the test server, for "the server is down" without stopping the server:
 * `down()` refuses connections (and cuts open ones), `up()` serves again on the same address, and
 * `loseAnswers(...)` forwards matching requests but hangs up before their answer reaches the
 * client: the request happened, the client never hears of it (a dropped mobile connection).
 */
import net from 'node:net'

export interface SwitchableProxy {
  url: string
  down(): Promise<void>
  up(): Promise<void>
  /** The next `count` requests whose request line starts with `prefix` lose their answer. */
  loseAnswers(prefix: string, count?: number): void
  close(): Promise<void>
}

export async function startSwitchableProxy(target: string): Promise<SwitchableProxy> {
  const { hostname, port: targetPort } = new URL(target)
  const open = new Set<net.Socket>()
  let losing: { prefix: string; count: number } | undefined

  const server = net.createServer((client) => {
    const upstream = net.connect(Number(targetPort), hostname)
    open.add(client).add(upstream)
    let doomed = false
    client.on('data', (chunk: Buffer) => {
      if (losing && losing.count > 0 && chunk.toString('latin1').startsWith(losing.prefix)) {
        losing.count--
        doomed = true
      }
      upstream.write(chunk)
    })
    upstream.on('data', (chunk: Buffer) => {
      // The server answered a doomed request: the client is gone before the answer arrives.
      if (doomed) return void client.destroy()
      client.write(chunk)
    })
    const end = () => {
      client.destroy()
      upstream.destroy()
      open.delete(client)
      open.delete(upstream)
    }
    client.on('close', end).on('error', end)
    upstream.on('close', end).on('error', end)
  })

  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject)
        resolve()
      })
    })
  await listen(0)
  const { port } = server.address() as net.AddressInfo

  const down = async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()))
    for (const socket of open) socket.destroy()
    open.clear()
    await closed
  }
  return {
    url: `http://127.0.0.1:${port}`,
    down,
    up: () => listen(port),
    loseAnswers(prefix, count = 1) {
      losing = { prefix, count }
    },
    close: () => (server.listening ? down() : Promise.resolve()),
  }
}
