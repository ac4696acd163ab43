/** Reading a password on the terminal without echoing it. */

export class NoTerminalError extends Error {}

/** Ctrl-C at the prompt. */
export class PromptCancelledError extends Error {}

/** What was typed after the line the last prompt read (typed ahead): the next prompt starts with it. */
let typedAhead = ''

/** Asks on stderr and reads one line from stdin in raw mode, echoing nothing. Needs a TTY. */
export function promptHidden(question: string): Promise<string> {
  const { stdin, stderr } = process
  if (!stdin.isTTY) return Promise.reject(new NoTerminalError('stdin is not a terminal'))
  stderr.write(question)
  stdin.setRawMode(true)
  stdin.setEncoding('utf8')
  stdin.resume()
  return new Promise((resolve, reject) => {
    let value = ''
    const finish = (error?: Error) => {
      stdin.off('data', onData)
      stdin.setRawMode(false)
      stdin.pause()
      stderr.write('\n')
      if (error) reject(error)
      else resolve(value)
    }
    function onData(chunk: string): boolean {
      // Arrow keys and other escape sequences arrive as one chunk starting with ESC: ignored.
      if (chunk.startsWith('\u001b')) return false
      const chars = [...chunk]
      for (const [index, char] of chars.entries()) {
        if (char === '\r' || char === '\n' || char === '\u0004') {
          typedAhead = chars
            .slice(index + 1)
            .join('')
            .replace(/^\n/, '')
          finish()
          return true
        }
        if (char === '\u0003') {
          finish(new PromptCancelledError('Cancelled.'))
          return true
        }
        if (char === '\u007f' || char === '\b') value = [...value].slice(0, -1).join('')
        else if (char >= ' ') value += char
      }
      return false
    }
    const pending = typedAhead
    typedAhead = ''
    if (!pending || !onData(pending)) stdin.on('data', onData)
  })
}
