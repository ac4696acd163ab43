/**
 * The packages of a mini-program as app.json declares them, and what the platform does with them:
 * the main package is there at launch; a subpackage is downloaded when one of its pages first opens,
 * or earlier when a page's `preloadRule` names it; code in one package may require files of its own
 * package or of the main package, never of another subpackage.
 */
export interface AppJsonPackages {
  pages: string[]
  /** Alipay and WeChat both read `subPackages`; WeChat also accepts `subpackages`. */
  subPackages?: { root: string; name?: string; pages: string[] }[]
  subpackages?: { root: string; name?: string; pages: string[] }[]
  preloadRule?: Record<string, { packages: string[]; network?: string }>
}

export interface Subpackage {
  root: string
  name?: string
  /** Full routes: the root, then the page path app.json gives under it. */
  pages: string[]
}

/** How a subpackage got onto the phone: opened by a page, and whether a preload had fetched it first. */
export interface PackageLoad {
  root: string
  byRoute: string
  preloaded: boolean
}

const trimSlashes = (value: string) => value.replace(/^\/+|\/+$/g, '')

export class Packages {
  readonly subpackages: Subpackage[]
  /** Every page route: the main package's, then each subpackage's. */
  readonly routes: string[]
  /** Subpackage roots downloaded so far (opened or preloaded). */
  readonly downloaded = new Set<string>()
  /** Subpackages in the order their first page opened. */
  readonly loads: PackageLoad[] = []
  private readonly preloadRule: Record<string, { packages: string[] }>

  constructor(app: AppJsonPackages) {
    this.subpackages = [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((sub) => {
      const root = trimSlashes(sub.root)
      return { root, name: sub.name, pages: sub.pages.map((page) => `${root}/${trimSlashes(page)}`) }
    })
    this.routes = [...app.pages, ...this.subpackages.flatMap((sub) => sub.pages)]
    this.preloadRule = app.preloadRule ?? {}
    for (const [route, rule] of Object.entries(this.preloadRule)) {
      if (!this.routes.includes(route)) throw new Error(`preloadRule names "${route}", which is not a page`)
      for (const wanted of rule.packages) this.byRootOrName(wanted, route)
    }
  }

  private byRootOrName(wanted: string, route: string): Subpackage {
    const found = this.subpackages.find((sub) => sub.root === trimSlashes(wanted) || sub.name === wanted)
    if (!found) throw new Error(`preloadRule of ${route} names "${wanted}", which is no subpackage`)
    return found
  }

  /** The subpackage a route or a file (relative to the bundle root) belongs to; undefined = main. */
  subpackageOf(relativePath: string): Subpackage | undefined {
    const normalized = trimSlashes(relativePath.split('\\').join('/'))
    return this.subpackages.find((sub) => normalized.startsWith(`${sub.root}/`))
  }

  /** Before a page's file runs: its subpackage, if any, must be on the phone; record how it got there. */
  open(route: string): void {
    const sub = this.subpackageOf(route)
    if (!sub || this.loads.some((load) => load.root === sub.root)) return
    this.loads.push({ root: sub.root, byRoute: route, preloaded: this.downloaded.has(sub.root) })
    this.downloaded.add(sub.root)
  }

  /** A page opened: the platform downloads the subpackages its preloadRule names. */
  preloadFor(route: string): void {
    for (const wanted of this.preloadRule[route]?.packages ?? []) {
      this.downloaded.add(this.byRootOrName(wanted, route).root)
    }
  }

  /** Throws when a file requires a file of another subpackage, which the platform cannot load. */
  checkRequire(fromFile: string, toFile: string): void {
    const target = this.subpackageOf(toFile)
    if (target && target !== this.subpackageOf(fromFile)) {
      throw new Error(`${fromFile} requires ${toFile}, a file of subpackage ${target.root}`)
    }
  }
}
