/**
 * The answer for every spec operation the fake keeps no state for: the response schema's example fixture (ids taken
 * from the path), with the operation's success status. Required query parameters are still checked, so a malformed
 * call gets the 422 Clerk would send.
 *
 * @internal
 */
import * as Either from "effect/Either"
import * as FakeHttp from "../FakeHttp.js"
import { fixtures } from "../../models/generated/fixtures.js"
import { list, missing, type Route } from "./http.js"

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  u !== null && typeof u === "object" && !Array.isArray(u)

/** The fixture of a schema with path ids filled in: `id` from the last path parameter, and same-named keys. */
const example = (schema: string | null, path: string, params: Readonly<Record<string, string>>): unknown => {
  const fixture = schema === null ? undefined : fixtures[schema]
  if (!isRecord(fixture)) return fixture === undefined ? {} : structuredClone(fixture)
  const out: Record<string, unknown> = structuredClone({ ...fixture })
  for (const [name, value] of Object.entries(params)) {
    if (name in out && typeof out[name] === "string") out[name] = value
  }
  const last = /\{([^}]+)\}$/.exec(path)?.[1]
  const id = last === undefined ? undefined : params[last]
  if (id !== undefined && typeof out.id === "string") out.id = id
  return out
}

/** Answers an operation from its fixture. */
export const generic: Route = (ctx) => {
  for (const param of ctx.op.queryParams) {
    if (param.required && (ctx.req.query[param.name] ?? []).length === 0) return missing(param.name)
  }
  const { kind, schema, status } = ctx.op.response
  switch (kind) {
    case "void":
      return Either.right({ status })
    case "array":
      return list(ctx, [example(schema, ctx.op.path, ctx.params)])
    default:
      return Either.right(FakeHttp.json(status, example(schema, ctx.op.path, ctx.params)))
  }
}
