/**
 * Per-attempt timeouts enforced by the transport itself (a timer on the socket request) instead of an Effect race,
 * for transports that support it: a call that succeeds first time then forks no fiber for its timeout. The pipeline
 * falls back to `Effect.timeoutFail` for every other HttpClient (test layers, custom transports, TestClock).
 *
 * @internal
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"

/** HttpClients that read {@link attemptTimeouts} and fail with {@link AttemptTimedOut} when one expires. */
export const nativeTimeoutClients: WeakSet<HttpClient.HttpClient> = new WeakSet()

/** The timeout, in milliseconds, of the attempt about to send this request. */
export const attemptTimeouts: WeakMap<HttpClientRequest.HttpClientRequest, number> = new WeakMap()

/** The cause a transport gives when an attempt's timeout expired (headers or body still outstanding). */
export class AttemptTimedOut extends Error {
  constructor(readonly timeoutMillis: number) {
    super(`attempt timed out after ${timeoutMillis} ms`)
  }
  override get name(): string {
    return "AttemptTimedOut"
  }
}
