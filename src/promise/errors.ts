/**
 * The errors Promise users catch: the same names, fields and type guards as `@clerk/backend`, with the tagged Effect
 * error kept as `cause`.
 *
 * @module
 */
import type { ClerkAPIErrorItem, ClerkError } from "../services/ClerkErrors.js"
import { isApiResponseError } from "../services/ClerkErrors.js"

/**
 * One entry of `ClerkAPIResponseError.errors`.
 *
 * @since 0.1.0
 * @category Promise client
 */
export interface ClerkAPIError {
  readonly code: string
  readonly message: string
  readonly longMessage?: string | undefined
  readonly meta?: Readonly<Record<string, unknown>> | undefined
}

/**
 * Options of the {@link ClerkAPIResponseError} constructor, as in `@clerk/backend`.
 *
 * @since 0.1.0
 * @category Promise client
 */
export interface ClerkAPIResponseErrorOptions {
  readonly data: ReadonlyArray<ClerkAPIErrorItem>
  readonly status: number
  readonly clerkTraceId?: string | undefined
  readonly retryAfter?: number | undefined
  readonly cause?: unknown
  /** The tag of the Effect error this was made from. */
  readonly kind?: string | undefined
  readonly longMessage?: string | undefined
}

/**
 * Thrown by every Promise method when a call fails: API error responses, and also network failures, timeouts and
 * undecodable responses (those have `status` 0 and one `errors` entry naming what happened, like `@clerk/backend`'s
 * `unexpected_error`). `cause` holds the tagged Effect error.
 *
 * @since 0.1.0
 * @category Promise client
 */
export class ClerkAPIResponseError extends Error {
  /** Used by {@link isClerkAPIResponseError} across copies of the package. */
  static readonly kind = "ClerkAPIResponseError"
  readonly clerkError = true as const
  readonly code = "api_response_error" as const
  readonly status: number
  readonly clerkTraceId: string | undefined
  readonly retryAfter: number | undefined
  readonly errors: ReadonlyArray<ClerkAPIError>
  readonly longMessage: string | undefined
  readonly docsUrl: string | undefined = undefined
  /** The `_tag` of the Effect error (e.g. `ClerkNotFoundError`, `ClerkTimeoutError`). */
  readonly kind: string | undefined

  constructor(message: string, options: ClerkAPIResponseErrorOptions) {
    super(message, { cause: options.cause })
    this.status = options.status
    this.clerkTraceId = options.clerkTraceId
    this.retryAfter = options.retryAfter
    this.errors = options.data.map((e) => ({ ...e }))
    this.longMessage = options.longMessage
    this.kind = options.kind
  }

  override get name(): string {
    return "ClerkAPIResponseError"
  }

  override toString(): string {
    let text = `[${this.name}]\nMessage:${this.message}\nStatus:${this.status}\nSerialized errors: ${this.errors.map(
      (e) => JSON.stringify(e)
    )}`
    if (this.clerkTraceId) text += `\nClerk Trace ID: ${this.clerkTraceId}`
    return text
  }
}

/**
 * Type guard for {@link ClerkAPIResponseError}; also recognises one from another copy of the package.
 *
 * @since 0.1.0
 * @category Promise client
 */
export const isClerkAPIResponseError = (error: unknown): error is ClerkAPIResponseError =>
  error instanceof ClerkAPIResponseError ||
  (typeof error === "object" &&
    error !== null &&
    "constructor" in error &&
    typeof error.constructor === "function" &&
    "kind" in error.constructor &&
    error.constructor.kind === ClerkAPIResponseError.kind)

/**
 * Thrown for a call rejected before any request was sent (an empty id, a missing secret key). `cause` is tagged.
 *
 * @since 0.1.0
 * @category Promise client
 */
export class ClerkRequestError extends Error {
  override get name(): string {
    return "ClerkRequestError"
  }
}

const FAILURE_CODES: Readonly<Record<string, string>> = {
  ClerkTransportError: "network_error",
  ClerkTimeoutError: "timeout",
  ClerkDecodeError: "unexpected_response"
}

/**
 * Turns a tagged Effect error into the Error a Promise user catches.
 *
 * @since 0.1.0
 * @category Promise client
 */
export const toPromiseError = (error: ClerkError): Error => {
  if (isApiResponseError(error)) {
    return new ClerkAPIResponseError(error.statusText || error.message, {
      data: error.errors,
      status: error.status,
      clerkTraceId: error.clerkTraceId,
      retryAfter: error.retryAfter,
      cause: error,
      kind: error._tag,
      longMessage: error.message
    })
  }
  if (error._tag === "ClerkInvalidRequestError") {
    return new ClerkRequestError(error.message, { cause: error })
  }
  return new ClerkAPIResponseError(error.message, {
    data: [{ code: FAILURE_CODES[error._tag] ?? "unexpected_error", message: error.message }],
    status: error._tag === "ClerkDecodeError" ? error.status : 0,
    cause: error,
    kind: error._tag,
    longMessage: error.message
  })
}
