/**
 * A comment that cites a file by a relative path must name one that exists, so a reader can follow
 * it. Paths are resolved from the citing file's folder, with the usual endings (.ts, /index.ts…).
 */
import fs from 'node:fs'
import path from 'node:path'

// Placed in tests/repo/ (or any folder two levels below the root).
const ROOT = path.join(__dirname, '..', '..')
const FOLDERS = ['src', 'server', 'contract', 'tests', 'scripts']
const SOURCE = /\.(ts|tsx|js)$/
const COMMENT = /\/\/.*$|\/\*[\s\S]*?\*\//gm
const CITED = /(?<![\w/.])(\.{1,2}\/[\w@.-]+(?:\/[\w@.-]+)*)/g
const ENDINGS = ['', '.ts', '.tsx', '.js', '.md', '/index.ts', '/index.tsx']

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full)
    return SOURCE.test(entry.name) ? [full] : []
  })
}

it('every relative path cited in a comment exists', () => {
  const missing: string[] = []
  for (const file of FOLDERS.flatMap((folder) => sourceFiles(path.join(ROOT, folder)))) {
    const comments = fs.readFileSync(file, 'utf8').match(COMMENT) ?? []
    for (const cited of comments.flatMap((comment) => [...comment.matchAll(CITED)].map((m) => m[1]))) {
      const target = path.resolve(path.dirname(file), cited.replace(/[.,:;)]+$/, ''))
      if (!ENDINGS.some((ending) => fs.existsSync(target + ending)))
        missing.push(`${path.relative(ROOT, file)}: ${cited}`)
    }
  }
  expect(missing).toEqual([])
})
