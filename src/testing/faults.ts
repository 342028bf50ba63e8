/**
 * Fault injection for the fake backend: rate limits with `Retry-After`, 5xx errors, an HTML 502 from a proxy, delays,
 * hangs, network failures and malformed JSON, for every request or for chosen routes, a number of times or for good.
 *
 * ```ts
 * fake.inject(Fault.rateLimited({ retryAfter: 1 }), { match: "GetUserList", times: 2 })
 * ```
 *
 * @module
 */
import * as Data from "effect/Data"
import type * as Duration from "effect/Duration"
import * as FakeHttp from "./FakeHttp.js"

/**
 * What an injected fault does to a request.
 *
 * @since 0.1.0
 * @category Testing
 */
export type Fault = Data.TaggedEnum<{
  /** Answer with this response instead of the real one. */
  Respond: { readonly response: FakeHttp.FakeResponse }
  /** Wait, then answer normally (on the Effect clock: `TestClock` controls it in the layer variant). */
  Delay: { readonly duration: Duration.DurationInput }
  /** Never answer; only the client's timeout or an abort ends the request. */
  Hang: {}
}>

const { Delay, Hang, Respond } = Data.taggedEnum<Fault>()

/**
 * Answers with `response` instead of the real answer.
 *
 * @since 0.1.0
 * @category Testing
 */
export const respond = (response: FakeHttp.FakeResponse): Fault => Respond({ response })

/**
 * 429 `too_many_requests` with `Retry-After`: seconds (default 1), a `Date` (sent as an HTTP date), a raw header value,
 * or `null` for no header at all.
 *
 * @since 0.1.0
 * @category Testing
 */
export const rateLimited = (
  options: { readonly retryAfter?: number | string | Date | null | undefined } = {}
): Fault => {
  const value = options.retryAfter
  const headers: Record<string, string> =
    value === null ? {} : { "retry-after": value instanceof Date ? value.toUTCString() : String(value ?? 1) }
  return respond(
    FakeHttp.clerkError(
      429,
      [
        {
          code: "too_many_requests",
          message: "Too many requests",
          long_message: "Too many requests, please try again later."
        }
      ],
      { headers }
    )
  )
}

/**
 * A Clerk-style 5xx (default 500 `internal_clerk_error`).
 *
 * @since 0.1.0
 * @category Testing
 */
export const serverError = (status = 500): Fault =>
  respond(
    FakeHttp.clerkError(status, [
      {
        code: "internal_clerk_error",
        message: "Oops, an unexpected error occurred",
        long_message: "There was an internal error on our servers. We've been notified and are working on fixing it."
      }
    ])
  )

/**
 * A 502 with an HTML page, as a proxy in front of Clerk sends it.
 *
 * @since 0.1.0
 * @category Testing
 */
export const badGatewayHtml = (): Fault =>
  respond(
    FakeHttp.text(502, "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>")
  )

/**
 * No response at all: the connection fails (the loopback server destroys the socket).
 *
 * @since 0.1.0
 * @category Testing
 */
export const networkError = (reason = "connection reset"): Fault => respond(FakeHttp.networkError(reason))

/**
 * A success status whose body is cut-off JSON.
 *
 * @since 0.1.0
 * @category Testing
 */
export const malformedJson = (status = 200): Fault =>
  respond({ status, text: '{"object":"user","id":', headers: { "content-type": "application/json" } })

/**
 * A 200 whose body is not JSON at all.
 *
 * @since 0.1.0
 * @category Testing
 */
export const nonJson = (status = 200): Fault =>
  respond({ status, text: "OK, but not JSON", headers: { "content-type": "text/plain" } })

/**
 * A 200 with a JSON body that breaks the expected schema (`id` a number, `object` unknown).
 *
 * @since 0.1.0
 * @category Testing
 */
export const schemaBreaking = (body: unknown = { object: "user", id: 42, created_at: "yesterday" }): Fault =>
  respond({ status: 200, body })

/**
 * A 204 with no body, where the operation expects one.
 *
 * @since 0.1.0
 * @category Testing
 */
export const noContent = (): Fault => respond({ status: 204 })

/**
 * Header the loopback server reads to misbehave on the wire (it is stripped before sending):
 * `truncate` sends a `content-length` longer than the body and ends the response; `reset-mid-body` sends the headers
 * and half the body, then destroys the socket. The in-process fake answers such responses as they are.
 *
 * @since 0.1.0
 * @category Testing
 */
export const WIRE_HEADER = "x-fake-wire"

/**
 * Headers, then half the body, then the connection is reset (over the loopback server).
 *
 * @since 0.1.0
 * @category Testing
 */
export const resetMidBody = (
  response: FakeHttp.FakeResponse = FakeHttp.json(200, { object: "user", id: "user_mid" })
): Fault =>
  "networkError" in response
    ? respond(response)
    : respond({
        ...response,
        headers: { ...response.headers, [WIRE_HEADER]: "reset-mid-body" }
      })

/**
 * A body shorter than its `content-length` (over the loopback server); in process, JSON cut in the middle.
 *
 * @since 0.1.0
 * @category Testing
 */
export const truncatedBody = (): Fault =>
  respond({
    status: 200,
    text: '{"object":"user","id":"user_tr',
    headers: { "content-type": "application/json", [WIRE_HEADER]: "truncate" }
  })

/**
 * A reset before any header is sent (the loopback server destroys the socket).
 *
 * @since 0.1.0
 * @category Testing
 */
export const resetBeforeHeaders = (): Fault => networkError("connection reset before headers")

/**
 * Waits `duration`, then answers normally.
 *
 * @since 0.1.0
 * @category Testing
 */
export const delay = (duration: Duration.DurationInput): Fault => Delay({ duration })

/**
 * Never answers.
 *
 * @since 0.1.0
 * @category Testing
 */
export const hang = (): Fault => Hang()

/**
 * Which requests a fault applies to: every request (omitted), an operationId (`"GetUserList"`), a spec route
 * (`"GET /users/{user_id}"`, without `/v1`), or a predicate over the request and its operation.
 *
 * @since 0.1.0
 * @category Testing
 */
export type FaultMatch =
  | string
  | ((
      request: FakeHttp.RecordedRequest,
      operation: { readonly operationId: string; readonly route: string }
    ) => boolean)

/**
 * Scripts the next matching attempts, one fault per attempt; later attempts are answered normally
 * ("fail twice, then succeed": `script(fake, [Fault.serverError(503), Fault.serverError(502)], { match })`).
 *
 * @since 0.1.0
 * @category Testing
 */
export const script = (
  target: { readonly inject: (fault: Fault, options?: InjectOptions) => InjectedFault },
  faults: ReadonlyArray<Fault>,
  options: { readonly match?: FaultMatch | undefined } = {}
): InjectedFault => {
  const injected = faults.map((fault) => target.inject(fault, { match: options.match, times: 1 }))
  return {
    hits: () => injected.reduce((n, f) => n + f.hits(), 0),
    remove: () => {
      for (const f of injected) f.remove()
    }
  }
}

/**
 * Options of `inject`.
 *
 * @since 0.1.0
 * @category Testing
 */
export interface InjectOptions {
  readonly match?: FaultMatch | undefined
  /** How many matching requests get the fault (default: all of them until removed). */
  readonly times?: number | undefined
}

/**
 * An injected fault, to count its hits or remove it.
 *
 * @since 0.1.0
 * @category Testing
 */
export interface InjectedFault {
  /** Requests that got the fault so far. */
  readonly hits: () => number
  /** Stops the fault. */
  readonly remove: () => void
}

interface Entry {
  readonly fault: Fault
  readonly match: FaultMatch | undefined
  readonly times: number
  hits: number
  removed: boolean
}

/**
 * The faults of one fake, applied in the order they were injected.
 *
 * @since 0.1.0
 * @category Testing
 */
export interface FaultRegistry {
  /** Adds a fault; the returned handle counts hits and removes it. */
  readonly inject: (fault: Fault, options?: InjectOptions) => InjectedFault
  /** The first live fault matching the request (and counts the hit), if any. */
  readonly take: (
    request: FakeHttp.RecordedRequest,
    operation: { readonly operationId: string; readonly route: string }
  ) => Fault | undefined
  /** Removes every fault. */
  readonly clear: () => void
}

/**
 * A new, empty registry.
 *
 * @since 0.1.0
 * @category Testing
 */
export const makeRegistry = (): FaultRegistry => {
  let entries: Array<Entry> = []
  const matches = (
    entry: Entry,
    request: FakeHttp.RecordedRequest,
    operation: { readonly operationId: string; readonly route: string }
  ): boolean => {
    const m = entry.match
    if (m === undefined) return true
    if (typeof m === "function") return m(request, operation)
    return m === operation.operationId || m === operation.route
  }
  return {
    inject: (fault, options = {}) => {
      const entry: Entry = { fault, match: options.match, times: options.times ?? Infinity, hits: 0, removed: false }
      entries.push(entry)
      return {
        hits: () => entry.hits,
        remove: () => {
          entry.removed = true
          entries = entries.filter((e) => e !== entry)
        }
      }
    },
    take: (request, operation) => {
      const entry = entries.find((e) => !e.removed && e.hits < e.times && matches(e, request, operation))
      if (entry === undefined) return undefined
      entry.hits++
      return entry.fault
    },
    clear: () => {
      entries = []
    }
  }
}
