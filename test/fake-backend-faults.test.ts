import { assert, describe, it } from "@effect/vitest"
import { type Duration, Effect, Fiber, Layer, Option, Schema, TestClock } from "effect"
import * as FakeHttp from "../src/testing/FakeHttp.js"
import * as S from "../src/models/generated/schemas.js"
import * as BackendApi from "../src/services/BackendApi.js"
import * as ClerkConfig from "../src/services/ClerkConfig.js"
import * as FakeBackend from "../src/testing/FakeBackend.js"
import * as Fault from "../src/testing/faults.js"
import { generateKeys } from "../src/testing/tokens.js"

const keys = generateKeys()

const apiLayer = (config: ClerkConfig.ClerkOptions = {}) =>
  BackendApi.layer.pipe(
    Layer.provideMerge(ClerkConfig.layer({ secretKey: FakeBackend.DEFAULT_SECRET_KEY, ...config })),
    Layer.provideMerge(FakeBackend.layer({ keys }))
  )

const listUsers = Effect.flatMap(BackendApi.BackendApi, (api) =>
  api.execute({ operation: "users.getUserList", method: "GET", path: "/users" }, Schema.Array(S.User))
)

const getUser = (id: string) =>
  Effect.flatMap(BackendApi.BackendApi, (api) =>
    api.execute(
      { operation: "users.getUser", method: "GET", path: "/users/{user_id}", pathParams: { user_id: id } },
      S.User
    )
  )

const createUser = Effect.flatMap(BackendApi.BackendApi, (api) =>
  api.execute({ operation: "users.createUser", method: "POST", path: "/users", body: { firstName: "Ada" } }, S.User)
)

/** Runs `effect` in a fiber and moves the TestClock until it is done. */
const settle = <A, E, R>(effect: Effect.Effect<A, E, R>, step: Duration.DurationInput = "500 millis", maxSteps = 200) =>
  Effect.gen(function* () {
    const fiber = yield* Effect.fork(effect)
    for (let i = 0; i < maxSteps && Option.isNone(yield* Fiber.poll(fiber)); i++) yield* TestClock.adjust(step)
    return yield* Fiber.join(fiber)
  })

const requestCount = Effect.flatMap(FakeHttp.Recorder, (r) => Effect.map(r.requests, (all) => all.length))

describe("FakeBackend fault injection (HttpClient layer, TestClock)", () => {
  it.effect("2× 429 with Retry-After, then success: the pipeline retries after the advertised delay", () =>
    Effect.gen(function* () {
      const fake = yield* FakeBackend.FakeBackend
      fake.seed.user({ emailAddress: ["ada@example.com"] })
      const fault = fake.inject(Fault.rateLimited({ retryAfter: 2 }), { match: "GetUserList", times: 2 })
      const fiber = yield* Effect.fork(listUsers)
      yield* TestClock.adjust("1999 millis")
      assert.isTrue(Option.isNone(yield* Fiber.poll(fiber)), "waits for Retry-After")
      const users = yield* settle(Fiber.join(fiber), "1 second")
      assert.strictEqual(users.length, 1)
      assert.strictEqual(fault.hits(), 2)
      assert.strictEqual(yield* requestCount, 3)
    }).pipe(Effect.provide(apiLayer()))
  )

  it.effect("429 with retries off surfaces as ClerkRateLimitError with retryAfter and a trace id", () =>
    Effect.gen(function* () {
      const fake = yield* FakeBackend.FakeBackend
      fake.inject(Fault.rateLimited({ retryAfter: 7 }))
      const error = yield* Effect.flip(BackendApi.withRetry(listUsers, false))
      assert.strictEqual(error._tag, "ClerkRateLimitError")
      if (error._tag === "ClerkRateLimitError") {
        assert.strictEqual(error.retryAfter, 7)
        assert.strictEqual(error.errors[0]?.code, "too_many_requests")
        assert.isString(error.clerkTraceId)
      }
    }).pipe(Effect.provide(apiLayer()))
  )

  it.effect("5xx: a GET is retried, a POST is not", () =>
    Effect.gen(function* () {
      const fake = yield* FakeBackend.FakeBackend
      fake.inject(Fault.serverError(503), { match: "GET /users", times: 1 })
      assert.deepStrictEqual(yield* settle(listUsers), [])
      assert.strictEqual(yield* requestCount, 2)
      const post = fake.inject(Fault.serverError(500), { match: "CreateUser" })
      const error = yield* Effect.flip(settle(createUser))
      assert.strictEqual(error._tag, "ClerkServerError")
      assert.strictEqual(post.hits(), 1)
      post.remove()
      assert.strictEqual((yield* createUser).firstName, "Ada")
    }).pipe(Effect.provide(apiLayer()))
  )

  it.effect("an HTML 502, malformed JSON and a network error each map to their error", () =>
    Effect.gen(function* () {
      const fake = yield* FakeBackend.FakeBackend
      const noRetry = <A, E, R>(effect: Effect.Effect<A, E, R>) => BackendApi.withRetry(effect, false)
      const html = fake.inject(Fault.badGatewayHtml(), { times: 1 })
      const badGateway = yield* Effect.flip(noRetry(listUsers))
      assert.strictEqual(badGateway._tag, "ClerkServerError")
      if (badGateway._tag === "ClerkServerError") {
        assert.strictEqual(badGateway.status, 502)
        assert.deepStrictEqual(badGateway.errors, [])
        assert.include(badGateway.bodySnippet ?? "", "502 Bad Gateway")
      }
      assert.strictEqual(html.hits(), 1)
      fake.inject(Fault.malformedJson(), { times: 1 })
      assert.strictEqual((yield* Effect.flip(noRetry(listUsers)))._tag, "ClerkDecodeError")
      fake.inject(Fault.networkError("connection reset"), { times: 1 })
      const network = yield* Effect.flip(noRetry(listUsers))
      assert.strictEqual(network._tag, "ClerkTransportError")
      assert.deepStrictEqual(yield* listUsers, [])
    }).pipe(Effect.provide(apiLayer()))
  )

  it.effect("a hang ends with the client's timeout; a delay shorter than the timeout succeeds", () =>
    Effect.gen(function* () {
      const fake = yield* FakeBackend.FakeBackend
      const hang = fake.inject(Fault.hang(), { match: "GetUserList", times: 1 })
      const timedOut = yield* Effect.flip(settle(BackendApi.withRetry(listUsers, false)))
      assert.strictEqual(timedOut._tag, "ClerkTimeoutError")
      assert.strictEqual(hang.hits(), 1)
      fake.inject(Fault.delay("4 seconds"), { match: "GetUserList", times: 1 })
      const fiber = yield* Effect.fork(listUsers)
      yield* TestClock.adjust("3 seconds")
      assert.isTrue(Option.isNone(yield* Fiber.poll(fiber)))
      yield* TestClock.adjust("1 second")
      assert.deepStrictEqual(yield* Fiber.join(fiber), [])
    }).pipe(Effect.provide(apiLayer({ timeout: "5 seconds" })))
  )

  it.effect("faults match by operationId, spec route or predicate, and scoped faults go away", () =>
    Effect.gen(function* () {
      const fake = yield* FakeBackend.FakeBackend
      const user = fake.seed.user({ emailAddress: ["ada@example.com"] })
      const noRetry = <A, E, R>(effect: Effect.Effect<A, E, R>) => BackendApi.withRetry(effect, false)
      const onGet = fake.inject(Fault.serverError(500), { match: "GET /users/{user_id}" })
      assert.deepStrictEqual(
        (yield* listUsers).map((u) => u.id),
        [user.id]
      )
      assert.strictEqual((yield* Effect.flip(noRetry(getUser(user.id))))._tag, "ClerkServerError")
      onGet.remove()
      const byPredicate = fake.inject(Fault.serverError(500), {
        match: (request, operation) => operation.operationId === "GetUser" && request.params.user_id === "user_other"
      })
      assert.strictEqual((yield* getUser(user.id)).id, user.id)
      assert.strictEqual((yield* Effect.flip(noRetry(getUser("user_other"))))._tag, "ClerkServerError")
      assert.strictEqual(byPredicate.hits(), 1)
      byPredicate.remove()
      yield* Effect.scoped(
        Effect.gen(function* () {
          yield* FakeBackend.inject(Fault.serverError(500))
          assert.strictEqual((yield* Effect.flip(noRetry(listUsers)))._tag, "ClerkServerError")
        })
      )
      assert.strictEqual((yield* listUsers).length, 1)
      fake.inject(Fault.respond(FakeHttp.json(200, [])), { match: "GetUserList" })
      assert.deepStrictEqual(yield* listUsers, [])
      fake.clearFaults()
      assert.strictEqual((yield* listUsers).length, 1)
    }).pipe(Effect.provide(apiLayer()))
  )

  it.effect("the fake's clock is the Effect clock: timestamps and token times follow TestClock", () =>
    Effect.gen(function* () {
      yield* TestClock.adjust("1000 seconds")
      const user = yield* createUser
      assert.strictEqual(user.createdAt, 1_000_000)
      const token = yield* FakeBackend.mintSessionToken({ userId: user.id })
      const payload = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString("utf8"))
      assert.strictEqual(payload.iat, 1000)
      const seeded = yield* FakeBackend.seed((s) => s.user({ username: "seeded" }))
      assert.strictEqual(seeded.created_at, 1_000_000)
      const rejected = yield* Effect.flip(FakeBackend.seed((s) => s.user({ username: "seeded" })))
      assert.deepStrictEqual(
        [rejected._tag, rejected.status, rejected.code],
        ["FakeSeedError", 422, "form_identifier_exists"]
      )
    }).pipe(Effect.provide(apiLayer()))
  )
})
