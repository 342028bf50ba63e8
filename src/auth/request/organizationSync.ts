/**
 * Organization sync: URL patterns that say which organization (or the personal account) a page belongs to.
 *
 * Patterns use the path-to-regexp (v6) syntax Clerk documents: `:name` parameters (one path segment), `(regex)`
 * groups, the modifiers `?`, `*` and `+`, and `\` escapes. Matching is case-insensitive, anchored, and allows one
 * trailing `/`. An organization pattern names its parameter `:id` or `:slug`.
 *
 * @module
 */
import * as Either from "effect/Either"
import type { OrganizationSyncOptions } from "./options.js"

/**
 * What a URL asks to activate.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export type OrganizationSyncTarget =
  | { readonly type: "organization"; readonly organizationId: string }
  | { readonly type: "organization"; readonly organizationSlug: string }
  | { readonly type: "personalAccount" }

type Match = (path: string) => Readonly<Record<string, string>> | undefined

const DELIMITERS = "/#?"
const escapeRegExp = (s: string): string => s.replace(/[.+*?=^!:${}()[\]|/\\]/g, "\\$&")
const SEGMENT = `[^${escapeRegExp(DELIMITERS)}]+?`

interface Param {
  readonly name: string
  readonly prefix: string
  readonly pattern: string
  readonly modifier: "" | "?" | "*" | "+"
}

/** Compiles one pattern to a regular expression source and its parameter names; fails with a reason. */
const compileOne = (
  pattern: string,
  counter: { n: number }
): Either.Either<
  {
    readonly source: string
    readonly names: ReadonlyArray<string>
  },
  string
> => {
  let source = "^"
  let literal = ""
  const names: Array<string> = []
  const flush = () => {
    source += escapeRegExp(literal)
    literal = ""
  }
  const pushParam = (param: Param) => {
    names.push(param.name)
    const prefix = escapeRegExp(param.prefix)
    if (prefix === "") {
      if (param.modifier === "*" || param.modifier === "+") {
        return `Can not repeat "${param.name}" without a prefix`
      }
      source += `(${param.pattern})${param.modifier}`
    } else if (param.modifier === "*" || param.modifier === "+") {
      source += `(?:${prefix}((?:${param.pattern})(?:${prefix}(?:${param.pattern}))*))${param.modifier === "*" ? "?" : ""}`
    } else {
      source += `(?:${prefix}(${param.pattern}))${param.modifier}`
    }
    return undefined
  }
  let i = 0
  while (i < pattern.length) {
    const ch = pattern[i]!
    if (ch === "\\") {
      if (i + 1 >= pattern.length) return Either.left(`Dangling escape at ${i}`)
      literal += pattern[i + 1]
      i += 2
      continue
    }
    if (ch === "{" || ch === "}") return Either.left(`Groups ({...}) are not supported, at ${i}`)
    if (ch !== ":" && ch !== "(") {
      literal += ch
      i++
      continue
    }
    let name = ""
    if (ch === ":") {
      let j = i + 1
      while (j < pattern.length && /[A-Za-z0-9_]/.test(pattern[j]!)) j++
      name = pattern.slice(i + 1, j)
      if (name === "") return Either.left(`Missing parameter name at ${i}`)
      i = j
    }
    let custom: string | undefined
    if (pattern[i] === "(") {
      let depth = 1
      let j = i + 1
      let body = ""
      if (pattern[j] === "?") return Either.left(`Pattern cannot start with "?" at ${j}`)
      while (j < pattern.length && depth > 0) {
        const c = pattern[j]!
        if (c === "\\") {
          body += c + (pattern[j + 1] ?? "")
          j += 2
          continue
        }
        if (c === ")") {
          depth--
          if (depth === 0) break
        } else if (c === "(") {
          depth++
          if (pattern[j + 1] !== "?") return Either.left(`Capturing groups are not allowed at ${j}`)
        }
        body += c
        j++
      }
      if (depth !== 0) return Either.left(`Unbalanced pattern at ${i}`)
      if (body === "") return Either.left(`Missing pattern at ${i}`)
      custom = body
      i = j + 1
    }
    const next = pattern[i]
    const modifier: Param["modifier"] = next === "?" || next === "*" || next === "+" ? next : ""
    if (modifier !== "") i++
    // A "/" or "." right before the parameter is its prefix (so an optional parameter makes it optional too).
    let prefix = ""
    const last = literal[literal.length - 1]
    if (last === "/" || last === ".") {
      prefix = last
      literal = literal.slice(0, -1)
    }
    flush()
    const failure = pushParam({
      name: name === "" ? String(counter.n++) : name,
      prefix,
      pattern: custom ?? SEGMENT,
      modifier
    })
    if (failure !== undefined) return Either.left(failure)
  }
  flush()
  source += `[${escapeRegExp(DELIMITERS)}]?$`
  return Either.right({ source, names })
}

/**
 * Compiles a list of patterns into one matcher; fails with a message naming the bad pattern.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const compilePatterns = (patterns: ReadonlyArray<string>): Either.Either<Match, string> => {
  const counter = { n: 0 }
  const sources: Array<string> = []
  const names: Array<string> = []
  for (const pattern of patterns) {
    if (typeof pattern !== "string") return Either.left(`Invalid pattern ${JSON.stringify(pattern)}: not a string`)
    const compiled = compileOne(pattern, counter)
    if (Either.isLeft(compiled)) return Either.left(`Invalid pattern "${pattern}": ${compiled.left}`)
    sources.push(compiled.right.source)
    names.push(...compiled.right.names)
  }
  let regex: RegExp
  try {
    regex = new RegExp(`(?:${sources.join("|")})`, "i")
  } catch (error) {
    return Either.left(`Invalid pattern "${patterns.join(", ")}": ${String(error)}`)
  }
  return Either.right((path) => {
    const m = regex.exec(path)
    if (m === null) return undefined
    const params: Record<string, string> = {}
    names.forEach((name, k) => {
      const value = m[k + 1]
      if (value !== undefined) params[name] = value
    })
    return params
  })
}

/**
 * Finds the organization sync target of URLs.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export interface OrganizationMatcher {
  readonly findTarget: (url: URL) => OrganizationSyncTarget | undefined
}

/**
 * Builds the matcher; fails with a message when a pattern is invalid.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const makeOrganizationMatcher = (
  options: OrganizationSyncOptions | undefined
): Either.Either<OrganizationMatcher, string> =>
  Either.gen(function* () {
    const org =
      options?.organizationPatterns === undefined ? undefined : yield* compilePatterns(options.organizationPatterns)
    const personal =
      options?.personalAccountPatterns === undefined
        ? undefined
        : yield* compilePatterns(options.personalAccountPatterns)
    return {
      findTarget: (url: URL): OrganizationSyncTarget | undefined => {
        const params = org?.(url.pathname)
        if (params?.["id"]) return { type: "organization", organizationId: params["id"] }
        if (params?.["slug"]) return { type: "organization", organizationSlug: params["slug"] }
        return personal?.(url.pathname) !== undefined ? { type: "personalAccount" } : undefined
      }
    }
  })
