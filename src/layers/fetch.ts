/**
 * The fetch transport: platform's fetch HttpClient, plus the pipeline's direct sender (see `directTransport.ts`): the
 * request and its body read in one async step, aborted on interruption or when the attempt's timeout expires.
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
  directTransports
} from "../services/internal/directTransport.js"

/**
 * One attempt over `fetch` (the global one, read at call time, unless `custom` is given): the request and the body
 * read in one async step, aborted on interruption or when the attempt's timeout expires.
 *
 * @since 0.1.0
 * @category Layers
 */
export const fetchSend =
  (custom: typeof globalThis.fetch | undefined): DirectSend =>
  (request) =>
    Effect.async<DirectResponse, DirectFailure>((resume) => {
      const controller = new AbortController()
      const millis = request.timeoutMillis
      let timedOut = false
      let timer: ReturnType<typeof setTimeout> | undefined
      const fail = (stage: "request" | "body", reason: string, cause: unknown) => {
        if (timer !== undefined) clearTimeout(timer)
        resume(
          Effect.fail(
            timedOut && millis !== undefined ? new AttemptTimedOut(millis) : directFailure(stage, reason, cause)
          )
        )
      }
      let url: URL
      try {
        url = new URL(request.url)
      } catch (cause) {
        return fail("request", "InvalidUrl", cause)
      }
      if (millis !== undefined) {
        timer = setTimeout(() => {
          timedOut = true
          controller.abort(new AttemptTimedOut(millis))
        }, millis)
      }
      let sent: Promise<Response>
      try {
        sent = (custom ?? globalThis.fetch)(url, {
          method: request.method,
          headers: request.headers,
          body: request.body ?? null,
          signal: controller.signal
        })
      } catch (cause) {
        return fail("request", "Transport", cause)
      }
      sent.then(
        (response) =>
          response.text().then(
            (text) => {
              if (timer !== undefined) clearTimeout(timer)
              resume(
                Effect.succeed({
                  status: response.status,
                  statusText: response.statusText,
                  header: (name) => response.headers.get(name) ?? undefined,
                  text
                })
              )
            },
            (cause: unknown) => fail("body", "Decode", cause)
          ),
        (cause: unknown) => fail("request", "Transport", cause)
      )
      return Effect.sync(() => {
        if (timer !== undefined) clearTimeout(timer)
        controller.abort()
      })
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
