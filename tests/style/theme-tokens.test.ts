/**
 * One visual language: every stylesheet takes its type sizes and corner radii from the theme
 * tokens (config/theme.ts), and its spacing too wherever the value is on the spacing scale, so
 * that restyling the shop is one edit there. A literal on the scale is a token someone forgot.
 */
import fs from 'node:fs'
import path from 'node:path'
import { THEME_TOKENS, themeScssVariables } from '../../config/theme'

const SRC = path.resolve(__dirname, '..', '..', 'src')

function stylesheets(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) return stylesheets(file)
    return entry.name.endsWith('.scss') ? [file] : []
  })
}

const SPACING = new Set<number>(Object.values(THEME_TOKENS.space))
const SPACING_PROPERTY = /^(padding|margin)(-(top|right|bottom|left))?$|^(row-|column-)?gap$/

/** Declarations that spell a token's value as a number, as "file:line property: value". */
function literalTokens(): string[] {
  const found: string[] = []
  for (const file of stylesheets(SRC)) {
    fs.readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        const declaration = /^\s*([a-z-]+):\s*([^;{]+);/.exec(line)
        if (!declaration) return
        const [, property, value] = declaration
        const numbers = [...value.matchAll(/(?<![-\w$])(\d+)px\b/g)].map((match) => Number(match[1]))
        const literal =
          property === 'font-size' || property === 'border-radius'
            ? numbers.length > 0
            : SPACING_PROPERTY.test(property) && numbers.some((px) => SPACING.has(px))
        if (literal) found.push(`${path.relative(SRC, file)}:${index + 1} ${property}: ${value.trim()}`)
      })
  }
  return found
}

it('stylesheets use the theme tokens for type, radius and on-scale spacing', () => {
  expect(literalTokens()).toEqual([])
})

it('every token reaches the stylesheets as an SCSS variable', () => {
  const variables = themeScssVariables({ primary: '#000' })
  expect(variables).toContain('$color-primary: #000;')
  for (const [group, values] of Object.entries(THEME_TOKENS)) {
    for (const [name, px] of Object.entries(values))
      expect(variables).toContain(`$${group}-${name}: ${px}px;`)
  }
})
