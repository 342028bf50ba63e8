/**
 * Checks a request's query against the spec before it is sent: a number where the spec wants one, a boolean where it
 * wants one, and the required parameters present. Keys the spec does not list pass through untouched (some
 * `@clerk/backend` calls send them, e.g. `paginated`).
 *
 * @internal
 */
import { type SpecQueryParam, specOperations } from "../../models/generated/operations.js"
import { snakeCase } from "./casing.js"
import type { QueryValue } from "./url.js"

/** A query problem found before any request is sent. */
export interface QueryProblem {
  readonly param: string
  readonly reason: string
}

let byRoute: ReadonlyMap<string, ReadonlyMap<string, SpecQueryParam>> | undefined

const routes = (): ReadonlyMap<string, ReadonlyMap<string, SpecQueryParam>> => {
  if (byRoute === undefined) {
    byRoute = new Map(
      specOperations.map((op) => [
        `${op.method} ${op.path}`,
        new Map(op.queryParams.map((param) => [snakeCase(param.name), param]))
      ])
    )
  }
  return byRoute
}

/** Whether a route has a required query parameter (looked up once per route). */
const required = new WeakMap<ReadonlyMap<string, SpecQueryParam>, boolean>()
const hasRequired = (params: ReadonlyMap<string, SpecQueryParam>): boolean => {
  let known = required.get(params)
  if (known === undefined) {
    known = [...params.values()].some((param) => param.required)
    required.set(params, known)
  }
  return known
}

const scalarProblem = (param: SpecQueryParam, value: unknown): string | undefined => {
  switch (param.type) {
    case "number":
      return (typeof value === "number" && Number.isFinite(value)) ||
        (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)))
        ? undefined
        : `must be a number, got ${JSON.stringify(value)}`
    case "boolean":
      return typeof value === "boolean" || value === "true" || value === "false"
        ? undefined
        : `must be a boolean, got ${JSON.stringify(value)}`
    default:
      return typeof value === "string" ||
        typeof value === "number" ||
        typeof value === "boolean" ||
        value instanceof Date
        ? undefined
        : `must be a string, got ${typeof value}`
  }
}

/** The first problem with `query` for the spec operation at `method path`, or `undefined`. */
export const checkQuery = (
  method: string,
  path: string,
  query: Readonly<Record<string, QueryValue>> | undefined
): QueryProblem | undefined => {
  const params = routes().get(`${method} ${path}`)
  if (params === undefined || params.size === 0) return undefined
  if (query === undefined && !hasRequired(params)) return undefined
  const given = new Map<string, QueryValue>()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null) given.set(snakeCase(key), value)
  }
  for (const [name, param] of params) {
    const value = given.get(name)
    if (value === undefined) {
      if (param.required) return { param: name, reason: `The query parameter ${name} is required.` }
      continue
    }
    const values: ReadonlyArray<unknown> = Array.isArray(value) ? value : [value]
    for (const item of values) {
      const problem = scalarProblem(param, item)
      if (problem !== undefined) return { param: name, reason: `The query parameter ${name} ${problem}.` }
    }
  }
  return undefined
}
