/**
 * The fetch transport: platform's fetch HttpClient, plus the pipeline's direct sender (see `directTransport.ts`): the
 * request and its body read in one async step, aborted on interruption (through the pipeline) or when the attempt's
 * timeout expires.
 *
 * @module
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as Effect from "effect/Effect"
import { identity } from "effect/Function"
import * as Layer from "effect/Layer"
import {
  AttemptTimedOut,
  type DirectFailure,
  directFailure,
  type DirectResponse,
  type DirectSend,
  directTransports,
  type InFlight
} from "../services/internal/directTransport.js"
import { clearDeadline, type Deadline, setDeadline } from "../services/internal/deadlines.js"

/** Why an attempt failed (its deadline cleared, `inFlight` released): its own timeout, or the transport's error. */
const failure = (
  controller: AbortController,
  deadline: Deadline | undefined,
  inFlight: InFlight,
  url: string,
  stage: "request" | "body",
  cause: unknown
): DirectFailure => {
  settle(controller, deadline, inFlight)
  const reason: unknown = controller.signal.reason
  if (reason instanceof AttemptTimedOut) return reason
  return directFailure(stage, stage === "body" ? "Decode" : parses(url) ? "Transport" : "InvalidUrl", cause)
}

/** Whether `url` parses (asked only once a request failed: fetch got the string and parsed it itself). */
const parses = (url: string): boolean => {
  try {
    new URL(url)
    return true
  } catch {
    return false
  }
}

const settle = (controller: AbortController, deadline: Deadline | undefined, inFlight: InFlight): void => {
  if (deadline !== undefined) clearDeadline(deadline)
  if (inFlight.current === controller) inFlight.current = undefined
}

/**
 * One attempt over `fetch` (the global one, read at call time, unless `custom` is given): the request and the body
 * read in one async step, aborted when the attempt's timeout expires, or by the pipeline through `inFlight` when the
 * call is interrupted.
 *
 * @since 0.1.0
 * @category Layers
 */
export const fetchSend =
  (custom: typeof globalThis.fetch | undefined): DirectSend =>
  (request, inFlight) =>
    Effect.async<DirectResponse, DirectFailure>((resume) => {
      const controller = new AbortController()
      const url = request.url
      const millis = request.timeoutMillis
      // The attempt's timeout aborts the request with the reason `failure` recognises.
      const deadline =
        millis === undefined ? undefined : setDeadline(millis, () => controller.abort(new AttemptTimedOut(millis)))
      inFlight.current = controller
      let sent: Promise<Response>
      try {
        // The URL as a string: fetch parses it once (a URL object would be printed and parsed again).
        sent = (custom ?? globalThis.fetch)(url, {
          method: request.method,
          headers: request.headers,
          body: request.body ?? null,
          signal: controller.signal
        })
      } catch (cause) {
        return resume(Effect.fail(failure(controller, deadline, inFlight, url, "request", cause)))
      }
      sent.then(
        (response) =>
          response.text().then(
            (text) => {
              settle(controller, deadline, inFlight)
              resume(
                Effect.succeed({
                  status: response.status,
                  statusText: response.statusText,
                  headers: response.headers,
                  text
                })
              )
            },
            (cause: unknown) => resume(Effect.fail(failure(controller, deadline, inFlight, url, "body", cause)))
          ),
        (cause: unknown) => resume(Effect.fail(failure(controller, deadline, inFlight, url, "request", cause)))
      )
    })

/**
 * Platform's fetch HttpClient (with `custom` as its `fetch` when given), plus the pipeline's direct sender.
 *
 * @since 0.1.0
 * @category Layers
 */
export const fetchLayer = (custom?: typeof globalThis.fetch): Layer.Layer<HttpClient.HttpClient> => {
  const base =
    custom === undefined
      ? FetchHttpClient.layer
      : FetchHttpClient.layer.pipe(Layer.provide(Layer.succeed(FetchHttpClient.Fetch, custom)))
  const send = fetchSend(custom)
  return Layer.effect(
    HttpClient.HttpClient,
    Effect.map(HttpClient.HttpClient, (shared) => {
      // A client of our own (platform's fetch client is one shared object), registered with its direct sender.
      const client = HttpClient.transformResponse(shared, identity)
      directTransports.set(client, send)
      return client
    })
  ).pipe(Layer.provide(base))
}
