/**
 * Tagged errors for every way a Backend API call can fail.
 *
 * API error responses form the {@link ClerkAPIResponseError} union (one member per kind of status), and transport,
 * timeout, decode and bad-input failures have their own tags. Every error has a readable `message` with no secret in
 * it.
 *
 * @module
 */
import * as Predicate from "effect/Predicate"
import * as Schema from "effect/Schema"

/**
 * One entry of a Clerk error response's `errors` array (camelCase, as `@clerk/backend` gives it).
 *
 * @since 0.1.0
 * @category Errors
 */
export const ClerkAPIErrorItem = Schema.Struct({
  code: Schema.String,
  message: Schema.String,
  longMessage: Schema.optional(Schema.String),
  meta: Schema.optional(Schema.Record({ key: Schema.String, value: Schema.Unknown }))
})
/** One entry of a Clerk error response's `errors` array. */
export type ClerkAPIErrorItem = typeof ClerkAPIErrorItem.Type

const apiErrorFields = {
  /** The HTTP status of the response. */
  status: Schema.Number,
  /** The HTTP status text (empty when the transport gives none). */
  statusText: Schema.String,
  /** The parsed `errors` array of the body; empty when the body had none (e.g. an HTML 502 page). */
  errors: Schema.Array(ClerkAPIErrorItem),
  /** `clerk_trace_id` from the body, else the `cf-ray` header. */
  clerkTraceId: Schema.optional(Schema.String),
  /** Seconds to wait, from a `Retry-After` header (seconds or an HTTP date). */
  retryAfter: Schema.optional(Schema.Number),
  /** The request method. */
  method: Schema.String,
  /** The request path (no host, no query). */
  path: Schema.String,
  /** The start of a body that was not a Clerk error document, for diagnosis. */
  bodySnippet: Schema.optional(Schema.String)
}

const apiMessage = (
  kind: string,
  e: {
    readonly status: number
    readonly method: string
    readonly path: string
    readonly errors: ReadonlyArray<ClerkAPIErrorItem>
    readonly clerkTraceId?: string | undefined
    readonly bodySnippet?: string | undefined
  }
): string => {
  const first = e.errors[0]
  const detail = first
    ? `: ${first.longMessage ?? first.message} (code=${first.code})`
    : e.bodySnippet !== undefined
      ? `: non-JSON body ${JSON.stringify(e.bodySnippet)}`
      : ""
  const trace = e.clerkTraceId ? ` [trace ${e.clerkTraceId}]` : ""
  return `${kind} (${e.status} ${e.method} ${e.path})${detail}${trace}`
}

/**
 * 400: the request was malformed or a parameter is invalid.
 *
 * @since 0.1.0
 * @category Errors
 */
export class ClerkBadRequestError extends Schema.TaggedError<ClerkBadRequestError>("effect-clerk/ClerkBadRequestError")(
  "ClerkBadRequestError",
  apiErrorFields
) {
  override get message(): string {
    return apiMessage("Bad request", this)
  }
}

/**
 * 401: the secret key is missing, malformed or revoked.
 *
 * @since 0.1.0
 * @category Errors
 */
export class ClerkAuthenticationError extends Schema.TaggedError<ClerkAuthenticationError>(
  "effect-clerk/ClerkAuthenticationError"
)("ClerkAuthenticationError", apiErrorFields) {
  override get message(): string {
    return apiMessage("Unauthorized", this)
  }
}

/**
 * 402: the instance's plan does not allow the operation.
 *
 * @since 0.1.0
 * @category Errors
 */
export class ClerkPaymentRequiredError extends Schema.TaggedError<ClerkPaymentRequiredError>(
  "effect-clerk/ClerkPaymentRequiredError"
)("ClerkPaymentRequiredError", apiErrorFields) {
  override get message(): string {
    return apiMessage("Payment required", this)
  }
}

/**
 * 403: the key is valid but may not do this.
 *
 * @since 0.1.0
 * @category Errors
 */
export class ClerkForbiddenError extends Schema.TaggedError<ClerkForbiddenError>("effect-clerk/ClerkForbiddenError")(
  "ClerkForbiddenError",
  apiErrorFields
) {
  override get message(): string {
    return apiMessage("Forbidden", this)
  }
}

/**
 * 404: the resource does not exist.
 *
 * @since 0.1.0
 * @category Errors
 */
export class ClerkNotFoundError extends Schema.TaggedError<ClerkNotFoundError>("effect-clerk/ClerkNotFoundError")(
  "ClerkNotFoundError",
  apiErrorFields
) {
  override get message(): string {
    return apiMessage("Not found", this)
  }
}

/**
 * 409: the request conflicts with the current state (e.g. a duplicate identifier).
 *
 * @since 0.1.0
 * @category Errors
 */
export class ClerkConflictError extends Schema.TaggedError<ClerkConflictError>("effect-clerk/ClerkConflictError")(
  "ClerkConflictError",
  apiErrorFields
) {
  override get message(): string {
    return apiMessage("Conflict", this)
  }
}

/**
 * 422: the parameters failed Clerk's validation (e.g. a weak password, a taken email address).
 *
 * @since 0.1.0
 * @category Errors
 */
export class ClerkValidationError extends Schema.TaggedError<ClerkValidationError>("effect-clerk/ClerkValidationError")(
  "ClerkValidationError",
  apiErrorFields
) {
  override get message(): string {
    return apiMessage("Unprocessable entity", this)
  }
}

/**
 * 429: rate limited. `retryAfter` says how many seconds to wait.
 *
 * @since 0.1.0
 * @category Errors
 */
export class ClerkRateLimitError extends Schema.TaggedError<ClerkRateLimitError>("effect-clerk/ClerkRateLimitError")(
  "ClerkRateLimitError",
  apiErrorFields
) {
  override get message(): string {
    return apiMessage("Rate limited", this)
  }
}

/**
 * 5xx: Clerk failed to answer.
 *
 * @since 0.1.0
 * @category Errors
 */
export class ClerkServerError extends Schema.TaggedError<ClerkServerError>("effect-clerk/ClerkServerError")(
  "ClerkServerError",
  apiErrorFields
) {
  override get message(): string {
    return apiMessage("Server error", this)
  }
}

/**
 * Any other non-2xx status (e.g. 405, 410, 413).
 *
 * @since 0.1.0
 * @category Errors
 */
export class ClerkUnexpectedStatusError extends Schema.TaggedError<ClerkUnexpectedStatusError>(
  "effect-clerk/ClerkUnexpectedStatusError"
)("ClerkUnexpectedStatusError", apiErrorFields) {
  override get message(): string {
    return apiMessage("Unexpected status", this)
  }
}

/**
 * An error response from the Backend API, one member per kind of status.
 *
 * @since 0.1.0
 * @category Errors
 */
export const ClerkAPIResponseError = Schema.Union(
  ClerkBadRequestError,
  ClerkAuthenticationError,
  ClerkPaymentRequiredError,
  ClerkForbiddenError,
  ClerkNotFoundError,
  ClerkConflictError,
  ClerkValidationError,
  ClerkRateLimitError,
  ClerkServerError,
  ClerkUnexpectedStatusError
)
/** An error response from the Backend API, one member per kind of status. */
export type ClerkAPIResponseError = typeof ClerkAPIResponseError.Type

/**
 * Removes credentials from free text taken from a lower layer (an underlying error's message): `Bearer …` values,
 * Clerk keys and tokens (`sk_…`, `ak_…`, `mt_…`, `oat_…`, `whsec_…`), JWTs and `name=value` cookie pairs of Clerk's
 * session cookies. The one redaction rule every error built from foreign text goes through.
 *
 * @since 0.1.0
 * @category Errors
 */
export const redactSecrets = (text: string): string =>
  text
    .replace(/\b(Bearer|Basic)\s+[^\s,;'"]+/gi, "$1 <redacted>")
    .replace(/\b(sk_live|sk_test|ak|mt|oat|whsec|rk_live|rk_test)_[A-Za-z0-9_\-+/=.]+/g, "$1_<redacted>")
    .replace(/\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*(\.[A-Za-z0-9_-]*)?/g, "<redacted jwt>")
    .replace(
      /\b(__session|__client|__clerk_db_jwt|__refresh|__client_uat)([A-Za-z0-9_-]*)=[^\s;,'"]+/g,
      "$1$2=<redacted>"
    )

/**
 * What a {@link ClerkTransportError} keeps of the failure under it: each level's name, message and system error code
 * (e.g. `ECONNREFUSED`), outermost first. Plain data: never the request, its headers or the key.
 *
 * @since 0.1.0
 * @category Errors
 */
export const TransportCause = Schema.Struct({
  name: Schema.String,
  message: Schema.String,
  code: Schema.optional(Schema.String)
})
/** One level of a transport failure, as kept by {@link ClerkTransportError}. */
export type TransportCause = typeof TransportCause.Type

/**
 * The request never got a response: DNS, connection refused or reset, TLS, an aborted body.
 *
 * @since 0.1.0
 * @category Errors
 */
export class ClerkTransportError extends Schema.TaggedError<ClerkTransportError>("effect-clerk/ClerkTransportError")(
  "ClerkTransportError",
  {
    method: Schema.String,
    path: Schema.String,
    /** The API host (no credentials), e.g. `api.clerk.com`. */
    host: Schema.optional(Schema.String),
    /** The system error code of the innermost failure (`ECONNREFUSED`, `ENOTFOUND`, `ECONNRESET`, ...). */
    code: Schema.optional(Schema.String),
    reason: Schema.String,
    /** The sanitized chain of underlying failures, outermost first. */
    causes: Schema.optional(Schema.Array(TransportCause))
  }
) {
  override get message(): string {
    return `Network error (${this.method} ${this.host === undefined ? "" : `${this.host} `}${this.path}): ${this.reason}`
  }
}

const causeChain = (error: unknown): ReadonlyArray<TransportCause> => {
  const chain: Array<TransportCause> = []
  let current: unknown = error
  while (Predicate.isObject(current) && chain.length < 8) {
    const name = Predicate.hasProperty(current, "name") && typeof current.name === "string" ? current.name : "Error"
    const message =
      Predicate.hasProperty(current, "message") && typeof current.message === "string"
        ? redactSecrets(current.message)
        : ""
    const code = Predicate.hasProperty(current, "code") && typeof current.code === "string" ? current.code : undefined
    chain.push(code === undefined ? { name, message } : { name, message, code })
    current = Predicate.hasProperty(current, "cause") ? current.cause : undefined
  }
  return chain
}

/**
 * Builds a {@link ClerkTransportError} from whatever the HTTP client failed with. Only names, redacted messages and
 * error codes are kept; the failure object itself (which holds the request and its `Authorization` header) is
 * dropped. `stage` says what failed: sending the request or reading the response body.
 *
 * @since 0.1.0
 * @category Errors
 */
export const transportErrorFrom = (options: {
  readonly method: string
  readonly path: string
  readonly apiUrl: string
  readonly stage: "request" | "body"
  /** The client's own classification, e.g. `Transport`, `Decode`. */
  readonly kind: string
  readonly error: unknown
}): ClerkTransportError => {
  // The client's own error (e.g. HttpClientError) is the first level; what it wraps follows.
  const below = Predicate.hasProperty(options.error, "cause") ? options.error.cause : undefined
  const causes = causeChain(below)
  const code = [...causes].reverse().find((c) => c.code !== undefined)?.code
  const innermost = causes[causes.length - 1]
  const detail = innermost === undefined || innermost.message === "" ? "" : innermost.message
  const reason =
    options.stage === "body"
      ? `could not read the response body (${options.kind}${detail === "" ? "" : `: ${detail}`})`
      : code !== undefined
        ? `${code}${detail === "" ? "" : ` ${detail}`}`
        : `${options.kind}${detail === "" ? "" : `: ${detail}`}`
  let host: string | undefined
  try {
    host = new URL(options.apiUrl).host
  } catch {
    host = undefined
  }
  return new ClerkTransportError({
    method: options.method,
    path: options.path,
    reason,
    ...(host !== undefined && host !== "" ? { host } : {}),
    ...(code !== undefined ? { code } : {}),
    ...(causes.length > 0 ? { causes } : {})
  })
}

/**
 * One attempt took longer than the configured timeout; the request was aborted.
 *
 * @since 0.1.0
 * @category Errors
 */
export class ClerkTimeoutError extends Schema.TaggedError<ClerkTimeoutError>("effect-clerk/ClerkTimeoutError")(
  "ClerkTimeoutError",
  { method: Schema.String, path: Schema.String, timeoutMillis: Schema.Number }
) {
  override get message(): string {
    return `Timed out after ${this.timeoutMillis} ms (${this.method} ${this.path})`
  }
}

/**
 * A 2xx response whose body is not JSON or does not match the expected schema. `issue` names the failing path.
 *
 * @since 0.1.0
 * @category Errors
 */
export class ClerkDecodeError extends Schema.TaggedError<ClerkDecodeError>("effect-clerk/ClerkDecodeError")(
  "ClerkDecodeError",
  { method: Schema.String, path: Schema.String, status: Schema.Number, issue: Schema.String }
) {
  override get message(): string {
    return `Unexpected response body (${this.status} ${this.method} ${this.path}): ${this.issue}`
  }
}

/**
 * The call was rejected before any request was sent: an empty or hostile id, a missing secret key, bad params.
 *
 * @since 0.1.0
 * @category Errors
 */
export class ClerkInvalidRequestError extends Schema.TaggedError<ClerkInvalidRequestError>(
  "effect-clerk/ClerkInvalidRequestError"
)("ClerkInvalidRequestError", { reason: Schema.String, param: Schema.optional(Schema.String) }) {
  override get message(): string {
    return this.param === undefined ? this.reason : `${this.reason} (param: ${this.param})`
  }
}

/**
 * Every failure a Backend API call can have.
 *
 * @since 0.1.0
 * @category Errors
 */
export type ClerkError =
  | ClerkAPIResponseError
  | ClerkTransportError
  | ClerkTimeoutError
  | ClerkDecodeError
  | ClerkInvalidRequestError

const apiTags: ReadonlySet<string> = new Set(ClerkAPIResponseError.members.map((member) => member._tag))

const allTags: ReadonlySet<string> = new Set([
  ...apiTags,
  ClerkTransportError._tag,
  ClerkTimeoutError._tag,
  ClerkDecodeError._tag,
  ClerkInvalidRequestError._tag
])

/**
 * True for any {@link ClerkError}.
 *
 * @since 0.1.0
 * @category Errors
 */
export const isClerkError = (u: unknown): u is ClerkError =>
  Predicate.hasProperty(u, "_tag") && typeof u._tag === "string" && allTags.has(u._tag)

/**
 * True for any member of the {@link ClerkAPIResponseError} union.
 *
 * @since 0.1.0
 * @category Errors
 */
export const isApiResponseError = (u: unknown): u is ClerkAPIResponseError =>
  Predicate.hasProperty(u, "_tag") && typeof u._tag === "string" && apiTags.has(u._tag)

/**
 * The plain data an API error is built from.
 *
 * @since 0.1.0
 * @category Errors
 */
export interface ApiErrorData {
  readonly status: number
  readonly statusText: string
  readonly errors: ReadonlyArray<ClerkAPIErrorItem>
  readonly clerkTraceId?: string | undefined
  readonly retryAfter?: number | undefined
  readonly method: string
  readonly path: string
  readonly bodySnippet?: string | undefined
}

/**
 * Picks the union member for a status and builds it from plain data.
 *
 * @since 0.1.0
 * @category Errors
 */
export const apiErrorForStatus = (fields: ApiErrorData): ClerkAPIResponseError => {
  // Server text is redacted too: a proxy or a buggy endpoint may echo the request's Authorization header back.
  const props = {
    status: fields.status,
    statusText: redactSecrets(fields.statusText),
    errors: fields.errors.map((e) => ({
      ...e,
      message: redactSecrets(e.message),
      ...(e.longMessage !== undefined ? { longMessage: redactSecrets(e.longMessage) } : {})
    })),
    method: fields.method,
    path: fields.path,
    ...(fields.clerkTraceId !== undefined ? { clerkTraceId: fields.clerkTraceId } : {}),
    ...(fields.retryAfter !== undefined ? { retryAfter: fields.retryAfter } : {}),
    ...(fields.bodySnippet !== undefined ? { bodySnippet: redactSecrets(fields.bodySnippet) } : {})
  }
  switch (fields.status) {
    case 400:
      return new ClerkBadRequestError(props, { disableValidation: true })
    case 401:
      return new ClerkAuthenticationError(props, { disableValidation: true })
    case 402:
      return new ClerkPaymentRequiredError(props, { disableValidation: true })
    case 403:
      return new ClerkForbiddenError(props, { disableValidation: true })
    case 404:
      return new ClerkNotFoundError(props, { disableValidation: true })
    case 409:
      return new ClerkConflictError(props, { disableValidation: true })
    case 422:
      return new ClerkValidationError(props, { disableValidation: true })
    case 429:
      return new ClerkRateLimitError(props, { disableValidation: true })
    default:
      return fields.status >= 500
        ? new ClerkServerError(props, { disableValidation: true })
        : new ClerkUnexpectedStatusError(props, { disableValidation: true })
  }
}
