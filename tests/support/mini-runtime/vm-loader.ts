/**
 * Runs a compiled mini-program's files in one `vm` context, the way the platform does: each file
 * is wrapped as `function (require, module, exports)`, `require` resolves relative to the file,
 * and every module runs once per context. Compiled scripts are cached across contexts, so a
 * relaunch costs a fresh run, not a fresh compile.
 */
import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'

const compiled = new Map<string, { mtimeMs: number; script: vm.Script }>()

function compile(file: string): vm.Script {
  const { mtimeMs } = fs.statSync(file)
  const cached = compiled.get(file)
  if (cached && cached.mtimeMs === mtimeMs) return cached.script
  const source = fs.readFileSync(file, 'utf8')
  const script = new vm.Script(`(function (require, module, exports) {${source}\n})`, { filename: file })
  compiled.set(file, { mtimeMs, script })
  return script
}

function resolveFile(request: string, fromDir: string): string {
  const base = path.resolve(fromDir, request)
  for (const candidate of [base, `${base}.js`, path.join(base, 'index.js')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate
  }
  throw new Error(`Cannot find module "${request}" from ${fromDir}`)
}

export interface ModuleLoader {
  /** Runs (once) the file at `relativePath` inside the mini-program directory. */
  load(relativePath: string): unknown
}

/**
 * `checkRequire(from, to)` (paths relative to `rootDir`) may refuse a require, as the platform
 * refuses a file of another subpackage.
 */
export function createModuleLoader(
  context: vm.Context,
  rootDir: string,
  checkRequire: (fromFile: string, toFile: string) => void = () => undefined,
): ModuleLoader {
  const relative = (file: string) => path.relative(rootDir, file).split(path.sep).join('/')
  const modules = new Map<string, { exports: unknown }>()
  const run = (file: string): unknown => {
    const existing = modules.get(file)
    if (existing) return existing.exports
    const module = { exports: {} as unknown }
    modules.set(file, module)
    const wrapper = compile(file).runInContext(context) as (
      require: (request: string) => unknown,
      module: { exports: unknown },
      exports: unknown,
    ) => void
    const requireFromHere = (request: string) => {
      const target = resolveFile(request, path.dirname(file))
      checkRequire(relative(file), relative(target))
      return run(target)
    }
    wrapper.call(module.exports, requireFromHere, module, module.exports)
    return module.exports
  }
  return { load: (relativePath) => run(resolveFile(`./${relativePath}`, rootDir)) }
}
