import { describe, expect, it } from '@jest/globals'
import { createExclusive } from './exclusive'

describe('createExclusive', () => {
  it('refuses a second task while the first is under way, and runs the next one after', async () => {
    const exclusive = createExclusive()
    let finish: () => void = () => undefined
    let sent = 0
    const send = () =>
      new Promise<string>((resolve) => {
        sent += 1
        finish = () => resolve('done')
      })
    const first = exclusive.run(send)
    expect(exclusive.busy).toBe(true)
    await expect(exclusive.run(send)).resolves.toEqual({ started: false })
    expect(sent).toBe(1)
    finish()
    await expect(first).resolves.toEqual({ started: true, value: 'done' })
    expect(exclusive.busy).toBe(false)
    const next = exclusive.run(send)
    finish()
    await expect(next).resolves.toEqual({ started: true, value: 'done' })
    expect(sent).toBe(2)
  })

  it('is free again after a task fails', async () => {
    const exclusive = createExclusive()
    await expect(exclusive.run(() => Promise.reject(new Error('409')))).rejects.toThrow('409')
    expect(exclusive.busy).toBe(false)
    await expect(exclusive.run(async () => 1)).resolves.toEqual({ started: true, value: 1 })
  })
})
