import { assert, describe, it } from "@effect/vitest"
import { Duration, Effect, Exit, Fiber, Layer, TestClock } from "effect"
import * as BackendApi from "../src/services/BackendApi.js"
import * as ClerkConfig from "../src/services/ClerkConfig.js"
import * as FakeHttp from "../src/testing/FakeHttp.js"
import { call, failureOf, pipelineLayer } from "./support/pipeline.js"

const SECRET = "sk_test_pipelineSecretValue123"

const apiLayer = (handler: FakeHttp.FakeHandler, options: ClerkConfig.ClerkOptions = {}) =>
  pipelineLayer(handler, { secretKey: SECRET, ...options })

describe("BackendApi request building", () => {
  it.effect("sends the URL, auth, version and user-agent headers", () =>
    Effect.gen(function* () {
      const result = yield* call()
      assert.deepStrictEqual(result, { id: "t_1" })
      const req = yield* Effect.flatMap(FakeHttp.Recorder, (r) => r.last)
      assert.strictEqual(req.url.href, "https://api.clerk.com/v1/things/t_1")
      assert.strictEqual(req.headers["authorization"], `Bearer ${SECRET}`)
      assert.strictEqual(req.headers["clerk-api-version"], "2026-05-12")
      assert.match(req.headers["user-agent"]!, /^effect-clerk@\d+\.\d+\.\d+$/)
      assert.strictEqual(req.headers["content-type"], "application/json")
      assert.strictEqual(req.bodyText, undefined)
    }).pipe(Effect.provide(apiLayer(() => FakeHttp.json(200, { id: "t_1", extra: true }))))
  )

  it.effect("URL-encodes path ids and rejects empty or dot ids before any request", () =>
    Effect.gen(function* () {
      yield* call({ pathParams: { id: "a/b?c#d" } })
      const req = yield* Effect.flatMap(FakeHttp.Recorder, (r) => r.last)
      assert.strictEqual(req.url.pathname, "/v1/things/a%2Fb%3Fc%23d")
      for (const bad of ["", "   ", "..", ".", undefined]) {
        const error = yield* failureOf(call({ pathParams: { id: bad } }))
        assert.strictEqual(error._tag, "ClerkInvalidRequestError")
      }
      const encodedDots = yield* call({ pathParams: { id: "../x" } })
      assert.deepStrictEqual(encodedDots, { id: "t_1" })
      const last = yield* Effect.flatMap(FakeHttp.Recorder, (r) => r.last)
      assert.strictEqual(last.url.pathname, "/v1/things/..%2Fx")
      const all = yield* Effect.flatMap(FakeHttp.Recorder, (r) => r.requests)
      assert.strictEqual(all.length, 2)
    }).pipe(Effect.provide(apiLayer(() => FakeHttp.json(200, { id: "t_1" }))))
  )

  it.effect("encodes queries: snake_case keys, repeated arrays, falsy values kept, undefined dropped", () =>
    Effect.gen(function* () {
      yield* call({
        query: {
          limit: 0,
          offset: 0,
          includeMembersCount: false,
          emailAddress: ["a@x.io", "b@x.io"],
          orderBy: undefined,
          query: "",
          nothing: null
        }
      })
      const req = yield* Effect.flatMap(FakeHttp.Recorder, (r) => r.last)
      assert.deepStrictEqual(req.query, {
        limit: ["0"],
        offset: ["0"],
        include_members_count: ["false"],
        email_address: ["a@x.io", "b@x.io"],
        query: [""]
      })
    }).pipe(Effect.provide(apiLayer(() => FakeHttp.json(200, { id: "t_1" }))))
  )

  it.effect("checks the query against the spec before sending: types and required parameters", () =>
    Effect.gen(function* () {
      const list = (query: Record<string, BackendApi.QueryValue>, path = "/users") =>
        call({ path, pathParams: {}, query })
      const wrongNumber = yield* failureOf(list({ limit: "ten" }))
      assert.strictEqual(wrongNumber._tag, "ClerkInvalidRequestError")
      assert.include(wrongNumber.message, "limit must be a number")
      const wrongBoolean = yield* failureOf(
        call({ path: "/organizations", pathParams: {}, query: { includeMembersCount: "yes" } })
      )
      assert.include(wrongBoolean.message, "include_members_count must be a boolean")
      const missing = yield* failureOf(call({ path: "/api_keys", pathParams: {}, versionless: true, query: {} }))
      assert.include(missing.message, "subject is required")
      assert.strictEqual((yield* Effect.flatMap(FakeHttp.Recorder, (r) => r.requests)).length, 0)
      yield* list({ limit: 10, offset: "20", emailAddress: ["a@x.io"], paginated: true, unknownKey: "passes" })
      const sent = yield* Effect.flatMap(FakeHttp.Recorder, (r) => r.last)
      assert.deepStrictEqual(sent.query.unknown_key, ["passes"])
    }).pipe(Effect.provide(apiLayer(() => FakeHttp.json(200, { id: "t_1" }))))
  )

  it.effect("snake_cases JSON bodies shallowly by default and deeply on request", () =>
    Effect.gen(function* () {
      const body = { firstName: "Ada", publicMetadata: { favoriteColor: "blue" }, primaryEmailAddressID: "e_1" }
      yield* call({ method: "PATCH", body })
      const shallow = yield* Effect.flatMap(FakeHttp.Recorder, (r) => r.last)
      assert.deepStrictEqual(shallow.body, {
        first_name: "Ada",
        public_metadata: { favoriteColor: "blue" },
        primary_email_address_id: "e_1"
      })
      yield* call({ method: "POST", body, casing: "deep" })
      const deep = yield* Effect.flatMap(FakeHttp.Recorder, (r) => r.last)
      assert.deepStrictEqual(deep.body, {
        first_name: "Ada",
        public_metadata: { favorite_color: "blue" },
        primary_email_address_id: "e_1"
      })
      yield* call({ method: "POST", body: {} })
      const empty = yield* Effect.flatMap(FakeHttp.Recorder, (r) => r.last)
      assert.strictEqual(empty.bodyText, undefined)
    }).pipe(Effect.provide(apiLayer(() => FakeHttp.json(200, { id: "t_1" }))))
  )

  it.effect("leaves the version segment out for versionless endpoints and honours apiUrl/apiVersion", () =>
    Effect.gen(function* () {
      yield* call({ versionless: true })
      const req = yield* Effect.flatMap(FakeHttp.Recorder, (r) => r.last)
      assert.strictEqual(req.url.href, "http://127.0.0.1:9999/base/things/t_1")
      yield* call()
      const versioned = yield* Effect.flatMap(FakeHttp.Recorder, (r) => r.last)
      assert.strictEqual(versioned.url.href, "http://127.0.0.1:9999/base/v2/things/t_1")
    }).pipe(
      Effect.provide(
        apiLayer(() => FakeHttp.json(200, { id: "t_1" }), { apiUrl: "http://127.0.0.1:9999/base/", apiVersion: "v2" })
      )
    )
  )

  it.effect("uses the machine secret key when asked, falling back to the secret key", () =>
    Effect.gen(function* () {
      yield* call({ auth: "machineSecretKey" })
      const req = yield* Effect.flatMap(FakeHttp.Recorder, (r) => r.last)
      assert.strictEqual(req.headers["authorization"], "Bearer ak_machine123")
    }).pipe(Effect.provide(apiLayer(() => FakeHttp.json(200, { id: "t_1" }), { machineSecretKey: "ak_machine123" })))
  )

  it.effect("fails with a typed error, before any request, when no secret key is configured", () =>
    Effect.gen(function* () {
      const error = yield* failureOf(call())
      assert.strictEqual(error._tag, "ClerkInvalidRequestError")
      assert.match(error.message, /Missing Clerk Secret Key/)
      const all = yield* Effect.flatMap(FakeHttp.Recorder, (r) => r.requests)
      assert.strictEqual(all.length, 0)
    }).pipe(
      Effect.provide(
        BackendApi.layer.pipe(
          Layer.provideMerge(ClerkConfig.layer({})),
          Layer.provideMerge(FakeHttp.layer(() => FakeHttp.json(200, { id: "x" })))
        )
      )
    )
  )
})

describe("BackendApi error mapping", () => {
  const cases: ReadonlyArray<readonly [number, string]> = [
    [400, "ClerkBadRequestError"],
    [401, "ClerkAuthenticationError"],
    [402, "ClerkPaymentRequiredError"],
    [403, "ClerkForbiddenError"],
    [404, "ClerkNotFoundError"],
    [409, "ClerkConflictError"],
    [410, "ClerkUnexpectedStatusError"],
    [422, "ClerkValidationError"],
    [429, "ClerkRateLimitError"],
    [500, "ClerkServerError"],
    [503, "ClerkServerError"]
  ]
  for (const [status, tag] of cases) {
    it.effect(`maps ${status} to ${tag} with errors, trace id and retryAfter`, () =>
      Effect.gen(function* () {
        const error = yield* failureOf(BackendApi.withRetry(call({ method: "POST" }), false))
        assert.strictEqual(error._tag, tag)
        if (!("status" in error) || !("errors" in error)) return assert.fail("not an API error")
        assert.strictEqual(error.status, status)
        assert.deepStrictEqual(error.errors, [
          {
            code: "some_code",
            message: "short",
            longMessage: "long message",
            meta: { paramName: "email_address" }
          }
        ])
        assert.strictEqual(error.clerkTraceId, "trace_123")
        assert.strictEqual(error.retryAfter, 7)
        assert.notInclude(error.message, SECRET)
        assert.include(error.message, "long message")
      }).pipe(
        Effect.provide(
          apiLayer(() =>
            FakeHttp.clerkError(
              status,
              [
                {
                  code: "some_code",
                  message: "short",
                  long_message: "long message",
                  meta: { param_name: "email_address" }
                }
              ],
              { traceId: "trace_123", headers: { "retry-after": "7" } }
            )
          )
        )
      )
    )
  }

  it.effect("reads an HTML 502 page and a truncated JSON body without crashing; trace id from cf-ray", () =>
    Effect.gen(function* () {
      const html = yield* failureOf(BackendApi.withRetry(call({ path: "/html" }), false))
      assert.strictEqual(html._tag, "ClerkServerError")
      if (html._tag !== "ClerkServerError") return
      assert.deepStrictEqual(html.errors, [])
      assert.strictEqual(html.clerkTraceId, "ray-1")
      assert.include(html.message, "non-JSON body")
      const truncated = yield* failureOf(call({ path: "/truncated" }))
      assert.strictEqual(truncated._tag, "ClerkBadRequestError")
      const badRetryAfter = yield* failureOf(
        call({ path: "/ratelimit", method: "POST" }).pipe(BackendApi.withRetry(false))
      )
      assert.strictEqual(badRetryAfter._tag, "ClerkRateLimitError")
      if (badRetryAfter._tag === "ClerkRateLimitError") assert.strictEqual(badRetryAfter.retryAfter, undefined)
    }).pipe(
      Effect.provide(
        apiLayer(
          FakeHttp.routes({
            "GET /v1/html": () => FakeHttp.text(502, "<html><body>Bad gateway</body></html>", { "cf-ray": "ray-1" }),
            "GET /v1/truncated": () => FakeHttp.text(400, '{"errors": [{"code": "x"', {}),
            "POST /v1/ratelimit": () => FakeHttp.json(429, { errors: [] }, { "retry-after": "soon" })
          })
        )
      )
    )
  )

  it.effect("in strict mode, fails with a decode error naming the path when a 2xx body does not match", () =>
    Effect.gen(function* () {
      const error = yield* failureOf(call())
      assert.strictEqual(error._tag, "ClerkDecodeError")
      assert.include(error.message, "id")
      const notJson = yield* failureOf(call({ path: "/nojson" }))
      assert.strictEqual(notJson._tag, "ClerkDecodeError")
    }).pipe(
      Effect.provide(
        apiLayer(
          FakeHttp.routes({
            "GET /v1/things/{id}": () => FakeHttp.json(200, { id: 42 }),
            "GET /v1/nojson": () => FakeHttp.text(200, "OK")
          }),
          { responseValidation: "strict" }
        )
      )
    )
  )

  it.effect("in tolerant mode (the default), keeps a drifted field as received and reports it once", () =>
    Effect.gen(function* () {
      const first = yield* call()
      assert.deepStrictEqual<unknown>(first, { id: 42 })
      yield* call()
      const api = yield* BackendApi.BackendApi
      assert.deepStrictEqual(
        api.drift.entries().map((e) => [e.path, e.kind, e.expected, e.received]),
        [["id", "type", "string", "number"]]
      )
      const notJson = yield* failureOf(call({ path: "/nojson" }))
      assert.strictEqual(notJson._tag, "ClerkDecodeError")
      const wrongKind = yield* failureOf(call({ path: "/array" }))
      assert.strictEqual(wrongKind._tag, "ClerkDecodeError")
      assert.include(wrongKind.message, "expected a JSON object, received an array")
    }).pipe(
      Effect.provide(
        apiLayer(
          FakeHttp.routes({
            "GET /v1/things/{id}": () => FakeHttp.json(200, { id: 42 }),
            "GET /v1/nojson": () => FakeHttp.text(200, "OK"),
            "GET /v1/array": () => FakeHttp.json(200, [])
          })
        )
      )
    )
  )

  it.effect("maps network failures to ClerkTransportError", () =>
    Effect.gen(function* () {
      const error = yield* failureOf(BackendApi.withRetry(call(), false))
      assert.strictEqual(error._tag, "ClerkTransportError")
      assert.include(error.message, "connection refused")
    }).pipe(Effect.provide(apiLayer(() => FakeHttp.networkError())))
  )
})

describe("BackendApi retries and timeouts", () => {
  it.effect("retries a 429 after Retry-After seconds, for POST too", () =>
    Effect.gen(function* () {
      let attempts = 0
      const layer = apiLayer(() => {
        attempts++
        return attempts === 1
          ? FakeHttp.clerkError(429, [{ code: "too_many_requests", message: "slow down" }], {
              headers: { "retry-after": "3" }
            })
          : FakeHttp.json(200, { id: "ok" })
      })
      const fiber = yield* Effect.fork(Effect.provide(call({ method: "POST" }), layer))
      yield* TestClock.adjust(Duration.millis(2900))
      assert.strictEqual(attempts, 1)
      yield* TestClock.adjust(Duration.millis(200))
      const result = yield* Fiber.join(fiber)
      assert.deepStrictEqual(result, { id: "ok" })
      assert.strictEqual(attempts, 2)
    })
  )

  it.effect("retries 5xx for GET with backoff but never for POST", () =>
    Effect.gen(function* () {
      let attempts = 0
      const layer = apiLayer(
        () => {
          attempts++
          return FakeHttp.json(503, { errors: [{ code: "unavailable", message: "down" }] })
        },
        { retry: { maxRetries: 2, baseDelay: "100 millis", budget: "10 seconds" } }
      )
      const fiber = yield* Effect.fork(Effect.provide(Effect.exit(call()), layer))
      yield* TestClock.adjust(Duration.seconds(5))
      const exit = yield* Fiber.join(fiber)
      assert.isTrue(Exit.isFailure(exit))
      assert.strictEqual(attempts, 3)
      attempts = 0
      const post = yield* Effect.provide(Effect.exit(call({ method: "POST" })), layer)
      assert.isTrue(Exit.isFailure(post))
      assert.strictEqual(attempts, 1)
    })
  )

  it.effect("does not wait for a Retry-After longer than the budget", () =>
    Effect.gen(function* () {
      let attempts = 0
      const layer = apiLayer(() => {
        attempts++
        return FakeHttp.json(429, { errors: [] }, { "retry-after": "3600" })
      })
      const error = yield* failureOf(Effect.provide(call(), layer))
      assert.strictEqual(error._tag, "ClerkRateLimitError")
      assert.strictEqual(attempts, 1)
    })
  )

  it.effect("times out a hanging attempt, retries it for GET, then fails with ClerkTimeoutError", () =>
    Effect.gen(function* () {
      let attempts = 0
      const layer = apiLayer(
        () => {
          attempts++
          return Effect.never
        },
        { timeout: "1 second", retry: { maxRetries: 1, baseDelay: "10 millis" } }
      )
      const fiber = yield* Effect.fork(failureOf(Effect.provide(call(), layer)))
      yield* TestClock.adjust(Duration.seconds(5))
      const error = yield* Fiber.join(fiber)
      assert.strictEqual(error._tag, "ClerkTimeoutError")
      assert.strictEqual(attempts, 2)
    })
  )

  it.effect("per-call overrides: withRetry(false) and withTimeout", () =>
    Effect.gen(function* () {
      let attempts = 0
      const layer = apiLayer(() => {
        attempts++
        return attempts < 3 ? FakeHttp.json(500, {}) : FakeHttp.json(200, { id: "ok" })
      })
      const error = yield* failureOf(Effect.provide(BackendApi.withRetry(call(), false), layer))
      assert.strictEqual(error._tag, "ClerkServerError")
      assert.strictEqual(attempts, 1)
      const fiber = yield* Effect.fork(
        Effect.provide(call().pipe(BackendApi.withRetry({ maxRetries: 5, baseDelay: "1 millis" })), layer)
      )
      yield* TestClock.adjust(Duration.seconds(1))
      assert.deepStrictEqual(yield* Fiber.join(fiber), { id: "ok" })
    })
  )
})
