/**
 * The direct transport protocol: a transport built by this package (undici, fetch) registers, beside its HttpClient,
 * a function that sends one attempt and reads its whole body in a single async step. The pipeline uses it when the
 * HttpClient it was given has one, and skips the generic HttpClient machinery (request objects, a Scope per attempt,
 * separate body reads) and the Effect race for the timeout: the attempt's timeout is a timer in the transport, so a
 * call that succeeds first time forks no fiber. Interruption reaches the request through an {@link InFlight} slot the
 * pipeline keeps for the whole call: the call's one exit hook (the one that ends its span) aborts whatever attempt is
 * outstanding, so an attempt registers no interruption handler of its own. Every other HttpClient (test layers,
 * custom transports, TestClock suites) goes through `HttpClient.execute` and `Effect.timeoutFail`.
 *
 * @internal
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as Effect from "effect/Effect"

/** One attempt, as the pipeline built it. */
export interface DirectRequest {
  readonly method: string
  /** The full URL, query included. */
  readonly url: string
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>
  readonly body: string | FormData | undefined
  /** Abort the attempt after this many milliseconds (headers and body together); `undefined` for no limit. */
  readonly timeoutMillis: number | undefined
}

/** Response headers, read by lower-case name (a Fetch `Headers` is one). */
export interface DirectHeaders {
  readonly get: (name: string) => string | null | undefined
}

/** A response with its body read as text. */
export interface DirectResponse {
  readonly status: number
  readonly statusText: string
  readonly headers: DirectHeaders
  readonly text: string
}

/** Why an attempt failed: the attempt's timeout, or the transport's own error at one stage. */
export type DirectFailure =
  | AttemptTimedOut
  | {
      readonly _tag: "DirectTransportFailure"
      readonly stage: "request" | "body"
      /** The client's classification, as `HttpClientError` names it (`Transport`, `Decode`, `InvalidUrl`). */
      readonly reason: string
      readonly cause: unknown
    }

/** An outstanding request (an `AbortController` is one). */
export interface Abortable {
  readonly abort: () => void
}

/**
 * Where a call keeps its outstanding attempt. A transport sets `current` when it sends and clears it when the attempt
 * settles; whoever runs the attempt aborts `current` when the attempt is interrupted.
 */
export interface InFlight {
  current: Abortable | undefined
}

/**
 * Sends one attempt. The Effect does not cancel the request itself when interrupted: the caller aborts it through
 * `inFlight`.
 */
export type DirectSend = (request: DirectRequest, inFlight: InFlight) => Effect.Effect<DirectResponse, DirectFailure>

/** The direct senders of the HttpClients that have one. */
export const directTransports: WeakMap<HttpClient.HttpClient, DirectSend> = new WeakMap()

/** A {@link DirectFailure} of the transport itself. */
export const directFailure = (stage: "request" | "body", reason: string, cause: unknown): DirectFailure => ({
  _tag: "DirectTransportFailure",
  stage,
  reason,
  cause
})

/** The cause a transport gives when an attempt's timeout expired (headers or body still outstanding). */
export class AttemptTimedOut extends Error {
  readonly _tag = "AttemptTimedOut"
  constructor(readonly timeoutMillis: number) {
    super(`attempt timed out after ${timeoutMillis} ms`)
  }
  override get name(): string {
    return "AttemptTimedOut"
  }
}
