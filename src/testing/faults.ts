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

/** What an injected fault does to a request. */
export type Fault = Data.TaggedEnum<{
  /** Answer with this response instead of the real one. */
  Respond: { readonly response: FakeHttp.FakeResponse }
  /** Wait, then answer normally (on the Effect clock: `TestClock` controls it in the layer variant). */
  Delay: { readonly duration: Duration.DurationInput }
  /** Never answer; only the client's timeout or an abort ends the request. */
  Hang: {}
}>

const { Delay, Hang, Respond } = Data.taggedEnum<Fault>()

/** Answers with `response` instead of the real answer. */
export const respond = (response: FakeHttp.FakeResponse): Fault => Respond({ response })

/** 429 `too_many_requests` with `Retry-After: <seconds>` (default 1). */
export const rateLimited = (options: { readonly retryAfter?: number | string | undefined } = {}): Fault =>
  respond(FakeHttp.clerkError(429, [{
    code: "too_many_requests",
    message: "Too many requests",
    long_message: "Too many requests, please try again later."
  }], { headers: { "retry-after": String(options.retryAfter ?? 1) } }))

/** A Clerk-style 5xx (default 500 `internal_clerk_error`). */
export const serverError = (status = 500): Fault =>
  respond(FakeHttp.clerkError(status, [{
    code: "internal_clerk_error",
    message: "Oops, an unexpected error occurred",
    long_message: "There was an internal error on our servers. We've been notified and are working on fixing it."
  }]))

/** A 502 with an HTML page, as a proxy in front of Clerk sends it. */
export const badGatewayHtml = (): Fault =>
  respond(FakeHttp.text(502, "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>"))

/** No response at all: the connection fails (the loopback server destroys the socket). */
export const networkError = (reason = "connection reset"): Fault => respond(FakeHttp.networkError(reason))

/** A success status whose body is cut-off JSON. */
export const malformedJson = (status = 200): Fault =>
  respond({ status, text: "{\"object\":\"user\",\"id\":", headers: { "content-type": "application/json" } })

/** Waits `duration`, then answers normally. */
export const delay = (duration: Duration.DurationInput): Fault => Delay({ duration })

/** Never answers. */
export const hang = (): Fault => Hang()

/**
 * Which requests a fault applies to: every request (omitted), an operationId (`"GetUserList"`), a spec route
 * (`"GET /users/{user_id}"`, without `/v1`), or a predicate over the request and its operation.
 */
export type FaultMatch =
  | string
  | ((request: FakeHttp.RecordedRequest, operation: { readonly operationId: string; readonly route: string }) => boolean)

/** Options of `inject`. */
export interface InjectOptions {
  readonly match?: FaultMatch | undefined
  /** How many matching requests get the fault (default: all of them until removed). */
  readonly times?: number | undefined
}

/** An injected fault, to count its hits or remove it. */
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

/** The faults of one fake, applied in the order they were injected. */
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

/** A new, empty registry. */
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
