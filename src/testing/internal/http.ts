/**
 * What a fake route handler works with: the request context, Clerk-shaped error responses, typed reading of body and
 * query parameters (each failure is a 4xx response, never an exception), pagination and metadata merging.
 *
 * Handlers are written with `Either.gen`: the left channel carries the error response.
 *
 * @internal
 */
import * as Either from "effect/Either"
import * as FakeHttp from "../FakeHttp.js"
import type { SpecOperation } from "../../models/generated/operations.js"
import type { Ids, State } from "./store.js"
import type { FakeKeys } from "../tokens.js"

/** The outcome of a handler: the response, or an error response on the left. */
export type Outcome = Either.Either<FakeHttp.FakeResponse, FakeHttp.FakeResponse>

/** How the request authenticated. */
export type Caller =
  | { readonly _tag: "Instance" }
  | { readonly _tag: "Machine"; readonly machineId: string }
  | { readonly _tag: "Public" }

/** Settings handlers read. */
export interface HandlerSettings {
  /** `https://<frontend api host>`, the `iss` of minted tokens. */
  readonly issuer: string
  /** Whether verifying a revoked or expired machine token answers 404 (`not-found`) or 200 with the flags set. */
  readonly revokedTokenVerification: "not-found" | "flagged"
}

/** Everything a route handler gets. */
export interface Ctx {
  readonly req: FakeHttp.RecordedRequest
  readonly params: Readonly<Record<string, string>>
  readonly op: SpecOperation
  readonly state: State
  readonly ids: Ids
  readonly keys: FakeKeys
  readonly now: number
  readonly caller: Caller
  readonly settings: HandlerSettings
}

/** A route handler. */
export type Route = (ctx: Ctx) => Outcome

/** Stateful routes keyed `"METHOD /spec/path/{param}"`, exactly as the spec spells the path. */
export type RouteTable = Readonly<Record<string, Route>>

/** One entry of a Clerk error body. */
export interface ErrorItem {
  readonly code: string
  readonly message: string
  readonly long_message: string
  readonly meta?: Readonly<Record<string, unknown>>
}

/** A Clerk-style error response (the trace id is added when the response leaves the fake). */
export const errorResponse = (status: number, item: ErrorItem): FakeHttp.FakeResponse =>
  FakeHttp.clerkError(status, [item])

/** A Clerk-style error as a failed outcome. */
export const fail = (status: number, item: ErrorItem): Either.Either<never, FakeHttp.FakeResponse> =>
  Either.left(errorResponse(status, item))

/** 404 `resource_not_found`. */
export const notFound = (what: string): Either.Either<never, FakeHttp.FakeResponse> =>
  fail(404, { code: "resource_not_found", message: "not found", long_message: `${what} not found` })

/** 422 `form_param_missing` for `param`. */
export const missing = (param: string): Either.Either<never, FakeHttp.FakeResponse> =>
  fail(422, {
    code: "form_param_missing",
    message: "is missing",
    long_message: `${param} is missing`,
    meta: { param_name: param }
  })

/** 422 `form_param_format_invalid` for `param`. */
export const invalid = (param: string, detail: string): Either.Either<never, FakeHttp.FakeResponse> =>
  fail(422, {
    code: "form_param_format_invalid",
    message: "is invalid",
    long_message: `${param} ${detail}`,
    meta: { param_name: param }
  })

/** 422 `form_identifier_exists` for a taken identifier. */
export const identifierExists = (param: string, what: string): Either.Either<never, FakeHttp.FakeResponse> =>
  fail(422, {
    code: "form_identifier_exists",
    message: `That ${what} is taken. Please try another.`,
    long_message: `That ${what} is taken. Please try another.`,
    meta: { param_name: param }
  })

/** 200 with a JSON body. */
export const ok = (body: unknown, status = 200): Outcome => Either.right(FakeHttp.json(status, body))

/** 200 (or the operation's success status) with a JSON body. */
export const okFor = (ctx: Ctx, body: unknown): Outcome => ok(body, ctx.op.response.status)

/** A JSON object body. */
export type Body = Readonly<Record<string, unknown>>

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  u !== null && typeof u === "object" && !Array.isArray(u)

/** The JSON body as an object (`{}` when there is none); a non-object or unparsable body is a 400. */
export const body = (ctx: Ctx): Either.Either<Body, FakeHttp.FakeResponse> => {
  const text = ctx.req.bodyText
  if (text === undefined || text.length === 0) return Either.right({})
  if (isRecord(ctx.req.body)) return Either.right(ctx.req.body)
  return fail(400, {
    code: "request_body_invalid",
    message: "Request body invalid",
    long_message:
      ctx.req.body === undefined ? "The request body is not valid JSON." : "The request body must be a JSON object."
  })
}

/** The JSON body as an array of objects (bulk endpoints). */
export const arrayBody = (ctx: Ctx): Either.Either<ReadonlyArray<Body>, FakeHttp.FakeResponse> => {
  const value = ctx.req.body
  if (Array.isArray(value) && value.every(isRecord)) return Either.right(value)
  return fail(400, {
    code: "request_body_invalid",
    message: "Request body invalid",
    long_message: "The request body must be a JSON array of objects."
  })
}

/** An optional string field (`null` reads as absent). */
export const optString = (b: Body, key: string): Either.Either<string | undefined, FakeHttp.FakeResponse> => {
  const value = b[key]
  if (value === undefined || value === null) return Either.right(undefined)
  return typeof value === "string" ? Either.right(value) : invalid(key, "must be a string")
}

/** A required, non-blank string field. */
export const reqString = (b: Body, key: string): Either.Either<string, FakeHttp.FakeResponse> =>
  Either.flatMap(optString(b, key), (value) =>
    value === undefined || value.trim().length === 0 ? missing(key) : Either.right(value)
  )

/** An optional boolean field. */
export const optBool = (b: Body, key: string): Either.Either<boolean | undefined, FakeHttp.FakeResponse> => {
  const value = b[key]
  if (value === undefined || value === null) return Either.right(undefined)
  return typeof value === "boolean" ? Either.right(value) : invalid(key, "must be a boolean")
}

/** An optional integer field. */
export const optInt = (b: Body, key: string): Either.Either<number | undefined, FakeHttp.FakeResponse> => {
  const value = b[key]
  if (value === undefined || value === null) return Either.right(undefined)
  return typeof value === "number" && Number.isInteger(value) ? Either.right(value) : invalid(key, "must be an integer")
}

/** An optional JSON object field (metadata, claims). */
export const optRecord = (
  b: Body,
  key: string
): Either.Either<Readonly<Record<string, unknown>> | undefined, FakeHttp.FakeResponse> => {
  const value = b[key]
  if (value === undefined || value === null) return Either.right(undefined)
  return isRecord(value) ? Either.right(value) : invalid(key, "must be an object")
}

/** An optional array-of-strings field. */
export const optStrings = (
  b: Body,
  key: string
): Either.Either<ReadonlyArray<string> | undefined, FakeHttp.FakeResponse> => {
  const value = b[key]
  if (value === undefined || value === null) return Either.right(undefined)
  if (typeof value === "string") return Either.right([value])
  return Array.isArray(value) && value.every((v): v is string => typeof v === "string")
    ? Either.right(value)
    : invalid(key, "must be an array of strings")
}

/** Every value of a query parameter (`key` and `key[]` both count; comma lists are not split). */
export const queryAll = (ctx: Ctx, key: string): ReadonlyArray<string> => [
  ...(ctx.req.query[key] ?? []),
  ...(ctx.req.query[`${key}[]`] ?? [])
]

/** The first value of a query parameter. */
export const query = (ctx: Ctx, key: string): string | undefined => queryAll(ctx, key)[0]

/** A boolean query parameter (`true`/`false`). */
export const queryBool = (ctx: Ctx, key: string): Either.Either<boolean | undefined, FakeHttp.FakeResponse> => {
  const value = query(ctx, key)
  if (value === undefined) return Either.right(undefined)
  if (value === "true" || value === "1") return Either.right(true)
  if (value === "false" || value === "0") return Either.right(false)
  return invalid(key, "must be true or false")
}

/** A non-negative integer query parameter. */
export const queryInt = (ctx: Ctx, key: string): Either.Either<number | undefined, FakeHttp.FakeResponse> => {
  const value = query(ctx, key)
  if (value === undefined) return Either.right(undefined)
  const n = Number(value)
  return value.trim() !== "" && Number.isInteger(n) && n >= 0
    ? Either.right(n)
    : invalid(key, "must be a non-negative integer")
}

/**
 * One page of `items` from `limit` (default 10, 1 to the operation's maximum) and `offset`. Operations whose spec has
 * no `limit` parameter answer with every item.
 */
export const page = <A>(ctx: Ctx, items: ReadonlyArray<A>): Either.Either<ReadonlyArray<A>, FakeHttp.FakeResponse> =>
  Either.gen(function* () {
    if (!ctx.op.queryParams.some((p) => p.name === "limit")) return items
    const max = ctx.op.maxLimit ?? 500
    const limit = (yield* queryInt(ctx, "limit")) ?? 10
    if (limit < 1 || limit > max) {
      return yield* fail(422, {
        code: "form_param_value_invalid",
        message: "is invalid",
        long_message: `limit must be between 1 and ${max}`,
        meta: { param_name: "limit" }
      })
    }
    const offset = (yield* queryInt(ctx, "offset")) ?? 0
    return items.slice(offset, offset + limit)
  })

/**
 * A list response as the operation's spec says: `{ data, total_count }` for paginated objects, a plain array for array
 * endpoints unless `paginated=true` was asked for.
 */
export const list = (ctx: Ctx, items: ReadonlyArray<unknown>): Outcome =>
  Either.gen(function* () {
    const data = yield* page(ctx, items)
    const paginated = ctx.op.response.kind !== "array" || (yield* queryBool(ctx, "paginated")) === true
    return FakeHttp.json(200, paginated ? { data, total_count: items.length } : data)
  })

/**
 * Sorts by an `order_by` value such as `-created_at` or `+name` (no sign means ascending). Unknown fields are a 422.
 * Ties keep insertion order (reversed for descending), so equal timestamps still sort newest first.
 */
export const orderBy = <A>(
  ctx: Ctx,
  items: ReadonlyArray<A>,
  fields: Readonly<Record<string, (item: A) => string | number | null | undefined>>,
  fallback = "-created_at"
): Either.Either<ReadonlyArray<A>, FakeHttp.FakeResponse> => {
  const raw = query(ctx, "order_by") ?? fallback
  const desc = raw.startsWith("-")
  const field = raw.replace(/^[+-]/, "")
  const key = fields[field]
  if (key === undefined) {
    return fail(422, {
      code: "form_param_value_invalid",
      message: "is invalid",
      long_message: `order_by must be one of ${Object.keys(fields).join(", ")} (optionally prefixed by + or -)`,
      meta: { param_name: "order_by" }
    })
  }
  const indexed = items.map((item, index) => ({ item, index, k: key(item) }))
  indexed.sort((a, b) => {
    const x = a.k ?? ""
    const y = b.k ?? ""
    const c = x < y ? -1 : x > y ? 1 : a.index - b.index
    return desc ? -c : c
  })
  return Either.right(indexed.map((e) => e.item))
}

/**
 * Clerk's metadata merge: nested objects merge recursively, `null` removes a key, anything else replaces the value.
 */
export const deepMerge = (
  base: Readonly<Record<string, unknown>>,
  patch: Readonly<Record<string, unknown>>
): Record<string, unknown> => {
  const out: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key]
    if (value === null) delete out[key]
    else if (isRecord(value) && isRecord(current)) out[key] = deepMerge(current, value)
    else out[key] = value
  }
  return out
}

/** A case-insensitive substring test, for `query` filters. */
export const matchesQuery = (needle: string, ...haystack: ReadonlyArray<string | null | undefined>): boolean => {
  const n = needle.toLowerCase()
  return haystack.some((h) => h?.toLowerCase().includes(n))
}

/** A `DeletedObject` body. */
export const deleted = (object: string, id: string, extra: Readonly<Record<string, string>> = {}): Outcome =>
  ok({ object, id, deleted: true, ...extra })

/** The uploaded file of a multipart request (400 when the body is not multipart, 422 when the field is missing). */
export const uploadedFile = (ctx: Ctx, field = "file"): Either.Either<Blob, FakeHttp.FakeResponse> => {
  if (ctx.req.formData === undefined) {
    return fail(400, {
      code: "request_body_invalid",
      message: "Request body invalid",
      long_message: "This endpoint expects a multipart/form-data body."
    })
  }
  const file = ctx.req.formData.get(field)
  return file === null || typeof file === "string" ? missing(field) : Either.right(file)
}

/**
 * An optional identifier field that must match `format` and not be `taken`: 422 `form_param_format_invalid` or
 * `form_identifier_exists` otherwise.
 */
export const uniqueString = (
  b: Body,
  key: string,
  options: {
    readonly what: string
    readonly taken: (value: string) => boolean
    readonly format?: RegExp | undefined
    readonly formatHint?: string | undefined
  }
): Either.Either<string | undefined, FakeHttp.FakeResponse> =>
  Either.flatMap(optString(b, key), (value) => {
    if (value === undefined) return Either.right(undefined)
    if (options.format !== undefined && !options.format.test(value)) {
      return invalid(key, options.formatHint ?? "is invalid.")
    }
    return options.taken(value) ? identifierExists(key, options.what) : Either.right(value)
  })

/**
 * The metadata fields of a body applied to the current values: merged deeply (PATCH `/metadata`) or replacing them
 * (PUT `/metadata`, and the metadata fields of PATCH on the resource). Fields the body leaves out are not in the result.
 */
export const metadataChange = <K extends string>(
  b: Body,
  keys: ReadonlyArray<K>,
  current: (key: K) => Readonly<Record<string, unknown>> | null | undefined,
  merge: boolean
): Either.Either<Partial<Record<K, Record<string, unknown>>>, FakeHttp.FakeResponse> =>
  Either.gen(function* () {
    const change: Partial<Record<K, Record<string, unknown>>> = {}
    for (const key of keys) {
      const value = yield* optRecord(b, key)
      if (value !== undefined) change[key] = merge ? deepMerge(current(key) ?? {}, value) : { ...value }
    }
    return change
  })
