/**
 * The fetch transport's direct sender (one async step per attempt, its own timeout timer): it sends what the generic
 * HttpClient path sends, and interruption, timeouts and broken bodies end the same way.
 */
import { FetchHttpClient } from "@effect/platform"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Exit, Fiber, Layer, Schema } from "effect"
import { fetchLayer } from "../src/layers/fetch.js"
import type * as HttpClient from "@effect/platform/HttpClient"
import * as BackendApi from "../src/services/BackendApi.js"
import * as ClerkConfig from "../src/services/ClerkConfig.js"

const SECRET = "sk_test_directTransportSecret01"

interface Seen {
  readonly url: string
  readonly method: string
  readonly headers: Record<string, string>
  readonly body: string
}

const recorder = () => {
  const seen: Array<Seen> = []
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init)
    seen.push({
      url: request.url,
      method: request.method,
      headers: Object.fromEntries(request.headers.entries()),
      body: await request.text()
    })
    return new Response(JSON.stringify({ id: "x" }), { headers: { "content-type": "application/json" } })
  }
  return { seen, fetch }
}

const apiWith = (http: Layer.Layer<HttpClient.HttpClient>, options: ClerkConfig.ClerkOptions = {}) =>
  BackendApi.layer.pipe(
    Layer.provide(ClerkConfig.layer({ secretKey: SECRET, apiUrl: "https://api.example.test", ...options })),
    Layer.provide(http)
  )

const Obj = Schema.Struct({ id: Schema.String })

const call = (request: Partial<BackendApi.ApiRequest> = {}) =>
  Effect.flatMap(BackendApi.BackendApi, (api) =>
    api.execute(
      { operation: "t.call", method: "GET", path: "/things/{id}", pathParams: { id: "a b" }, ...request },
      Obj
    )
  )

/** A fetch that never answers; it records the signal it was given. */
const hanging = () => {
  const signals: Array<AbortSignal> = []
  const fetch: typeof globalThis.fetch = (_input, init) =>
    new Promise<Response>((_, reject) => {
      const signal = init?.signal
      if (signal === undefined || signal === null) return
      signals.push(signal)
      signal.addEventListener("abort", () => reject(signal.reason), { once: true })
    })
  return { signals, fetch }
}

describe("fetch direct sender", () => {
  it.effect("sends the same URL, method, headers and body as the generic HttpClient path", () =>
    Effect.gen(function* () {
      const direct = recorder()
      const generic = recorder()
      const request: Partial<BackendApi.ApiRequest> = {
        method: "POST",
        query: { orderBy: "-created_at", limit: 5 },
        body: { firstName: "Ada", publicMetadata: { plan: "pro" } },
        headers: { "x-extra": "1" }
      }
      yield* Effect.provide(call(request), apiWith(fetchLayer(direct.fetch)))
      yield* Effect.provide(
        call(request),
        apiWith(FetchHttpClient.layer.pipe(Layer.provide(Layer.succeed(FetchHttpClient.Fetch, generic.fetch))))
      )
      assert.strictEqual(direct.seen.length, 1)
      assert.deepStrictEqual(direct.seen, generic.seen)
      assert.strictEqual(direct.seen[0]?.url, "https://api.example.test/v1/things/a%20b?order_by=-created_at&limit=5")
      assert.strictEqual(direct.seen[0]?.headers.authorization, `Bearer ${SECRET}`)
    })
  )

  it.live("a timeout fails with ClerkTimeoutError and aborts the request's signal", () =>
    Effect.gen(function* () {
      const { fetch, signals } = hanging()
      const exit = yield* Effect.exit(
        Effect.provide(call(), apiWith(fetchLayer(fetch), { retry: false, timeout: "30 millis" }))
      )
      assert.isTrue(Exit.isFailure(exit) && exit.cause._tag === "Fail" && exit.cause.error._tag === "ClerkTimeoutError")
      if (Exit.isFailure(exit) && exit.cause._tag === "Fail" && exit.cause.error._tag === "ClerkTimeoutError") {
        assert.strictEqual(exit.cause.error.timeoutMillis, 30)
      }
      assert.strictEqual(signals.length, 1)
      assert.isTrue(signals[0]?.aborted)
    })
  )

  it.live("interrupting a call aborts its request's signal", () =>
    Effect.gen(function* () {
      const { fetch, signals } = hanging()
      const fiber = yield* Effect.fork(
        Effect.provide(call(), apiWith(fetchLayer(fetch), { retry: false, timeout: false }))
      )
      while (signals.length === 0) yield* Effect.sleep("1 millis")
      assert.isFalse(signals[0]?.aborted)
      const exit = yield* Fiber.interrupt(fiber)
      assert.isTrue(Exit.isInterrupted(exit))
      assert.isTrue(signals[0]?.aborted)
    })
  )

  it.live("interrupting a call during a retry aborts the retry's request, not only the first one", () =>
    Effect.gen(function* () {
      const signals: Array<AbortSignal> = []
      const fetch: typeof globalThis.fetch = (_input, init) => {
        const signal = init?.signal
        if (signal !== undefined && signal !== null) signals.push(signal)
        // The first attempt answers 503 (retried for a GET); the second never answers.
        if (signals.length === 1) return Promise.resolve(new Response("{}", { status: 503 }))
        return new Promise<Response>((_, reject) => {
          signal?.addEventListener("abort", () => reject(signal.reason), { once: true })
        })
      }
      const fiber = yield* Effect.fork(
        Effect.provide(
          call(),
          apiWith(fetchLayer(fetch), { retry: { maxRetries: 2, baseDelay: "1 millis" }, timeout: false })
        )
      )
      while (signals.length < 2) yield* Effect.sleep("1 millis")
      assert.isFalse(signals[1]?.aborted)
      const exit = yield* Fiber.interrupt(fiber)
      assert.isTrue(Exit.isInterrupted(exit))
      assert.isTrue(signals[1]?.aborted)
    })
  )

  it.effect("a body that breaks off is a ClerkTransportError at the body stage", () =>
    Effect.gen(function* () {
      const fetch: typeof globalThis.fetch = async () =>
        new Response(
          new ReadableStream({
            start: (controller) => {
              controller.enqueue(new TextEncoder().encode('{"id":'))
              controller.error(new Error("socket hang up"))
            }
          }),
          { headers: { "content-type": "application/json" } }
        )
      const exit = yield* Effect.exit(Effect.provide(call(), apiWith(fetchLayer(fetch), { retry: false })))
      assert.isTrue(Exit.isFailure(exit) && exit.cause._tag === "Fail")
      if (!Exit.isFailure(exit) || exit.cause._tag !== "Fail") return
      const error = exit.cause.error
      assert.strictEqual(error._tag, "ClerkTransportError")
      assert.include(error.message, "could not read the response body")
      assert.notInclude(JSON.stringify(error) + error.message, SECRET)
    })
  )
})
