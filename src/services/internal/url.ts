/**
 * URL building for the request pipeline: path templates with encoded ids, and query strings.
 *
 * @internal
 */
import * as Either from "effect/Either"
import { snakeCase } from "./casing.js"

/** A query value: arrays become repeated keys; `undefined` and `null` are left out; every other value is sent. */
export type QueryValue =
  | string
  | number
  | boolean
  | Date
  | null
  | undefined
  | ReadonlyArray<string | number | boolean | Date>

/** A path problem found before any request is sent. */
export interface PathProblem {
  readonly param: string
  readonly reason: string
}

/** No lone UTF-16 surrogate. */
const isWellFormed = (text: string): boolean => !/\p{Surrogate}/u.test(text)

/**
 * Fills `{name}` placeholders with URL-encoded values. An empty, missing or non-string id, or a `.`/`..` segment, is
 * rejected (encoding alone would let `..` walk up the path).
 */
export const fillPath = (
  template: string,
  params: Readonly<Record<string, unknown>>
): Either.Either<string, PathProblem> => {
  const parts = templateParts(template)
  let filled = parts[0] ?? ""
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] ?? ""
    const value = params[name]
    // The usual id (letters, digits, `_`, `-`) is sent as it is: encoding would not change it.
    const segment = typeof value === "string" && PLAIN_ID.test(value) ? value : encodeSegment(name, value)
    if (typeof segment !== "string") return Either.left(segment)
    filled += segment + (parts[i + 1] ?? "")
  }
  return Either.right(filled)
}

/** An id that needs no encoding and no further check. */
const PLAIN_ID = /^[\w-]+$/

/** A path value encoded, or why it cannot be sent. */
const encodeSegment = (name: string, value: unknown): string | PathProblem => {
  if (typeof value !== "string" && typeof value !== "number") {
    return { param: name, reason: "A valid resource ID is required." }
  }
  const text = String(value)
  if (text.length === 0 || text.trim().length === 0) return { param: name, reason: "A valid resource ID is required." }
  if (text === "." || text === "..") return { param: name, reason: "A resource ID may not be a dot segment." }
  // A lone surrogate cannot be percent-encoded (encodeURIComponent throws): refuse it instead of dying.
  if (!isWellFormed(text)) return { param: name, reason: "A resource ID must be well-formed Unicode." }
  return encodeURIComponent(text)
}

/** Templates split once: literal text at even indexes, placeholder names at odd ones. */
const templates = new Map<string, ReadonlyArray<string>>()
const templateParts = (template: string): ReadonlyArray<string> => {
  let parts = templates.get(template)
  if (parts === undefined) {
    parts = template.split(/\{([^}]+)\}/)
    // Templates come from the generated descriptors (a few hundred); a caller's own paths are not kept.
    if (templates.size < 4_096) templates.set(template, parts)
  }
  return parts
}

/** Joins URL parts with single slashes, dropping empty parts. */
export const joinUrl = (...parts: ReadonlyArray<string>): string =>
  parts
    .filter((p) => p.length > 0)
    .map((p, i) => (i === 0 ? p.replace(/\/+$/, "") : p.replace(/^\/+|\/+$/g, "")))
    .filter((p) => p.length > 0)
    .join("/")

type QueryScalar = string | number | boolean | Date

const isList = (value: QueryScalar | ReadonlyArray<QueryScalar>): value is ReadonlyArray<QueryScalar> =>
  Array.isArray(value)

const queryText = (v: string | number | boolean | Date): string => (v instanceof Date ? v.toISOString() : String(v))

/** Encodes a query: keys snake_cased, arrays as repeated keys, falsy values such as `0` and `false` kept. */
export const encodeQuery = (query: Readonly<Record<string, QueryValue>> | undefined): string => {
  if (query === undefined) return ""
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue
    const name = snakeCase(key)
    if (isList(value)) {
      for (const item of value) params.append(name, queryText(item))
    } else {
      params.append(name, queryText(value))
    }
  }
  const text = params.toString()
  return text.length === 0 ? "" : `?${text}`
}
