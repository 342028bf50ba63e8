import { assert, describe, it, layer } from "@effect/vitest"
import { Effect, Fiber, Option, TestClock } from "effect"
import * as jose from "jose"
import { ClerkTest, FakeBackend, FakeHttp, FakeServer, FakeTokens, Fault } from "../src/testing/index.js"
import { ClerkAPIResponseError } from "../src/promise/errors.js"
import { Users } from "../src/resources/Users.js"
import { BackendApi } from "../src/services/BackendApi.js"
import { ClerkConfig } from "../src/services/ClerkConfig.js"

const keys = FakeTokens.generateKeys()

describe("ClerkTest.layer", () => {
  layer(ClerkTest.layer({ keys }))((it) => {
    it.effect("provides the resource services, configured with the fake's keys, over the fake", () =>
      Effect.gen(function* () {
        const fake = yield* FakeBackend.FakeBackend
        const config = yield* ClerkConfig
        assert.strictEqual(config.publishableKey, fake.publishableKey)
        assert.strictEqual(config.jwtKey, fake.jwtKey)
        assert.strictEqual(config.frontendApi, fake.frontendApi)
        const users = yield* Users
        const created = yield* users.createUser({ emailAddress: ["kit@example.com"], firstName: "Kit" })
        assert.strictEqual(fake.inspect.user(created.id)?.first_name, "Kit")
        const merged = yield* users.updateUserMetadata(created.id, { publicMetadata: { a: { b: 1 } } })
        assert.deepStrictEqual(merged.publicMetadata, { a: { b: 1 } })
        const page = yield* users.getUserList({ emailAddress: ["kit@example.com"] })
        assert.deepStrictEqual([page.totalCount, page.data[0]?.id], [1, created.id])
        const recorder = yield* FakeHttp.Recorder
        const paths = (yield* recorder.requests).map((r) => `${r.method} ${r.path}`)
        assert.includeMembers(paths, ["POST /v1/users", "GET /v1/users", "GET /v1/users/count"])
        yield* BackendApi
      })
    )

    it.effect("retries an injected 429 under TestClock", () =>
      Effect.gen(function* () {
        const users = yield* Users
        const fault = yield* FakeBackend.inject(Fault.rateLimited({ retryAfter: 3 }), { match: "GetUser", times: 1 })
        const seeded = yield* FakeBackend.seed((s) => s.user({ username: "retry_me" }))
        const fiber = yield* Effect.fork(users.getUser(seeded.id))
        for (let i = 0; i < 10 && Option.isNone(yield* Fiber.poll(fiber)); i++) yield* TestClock.adjust("1 second")
        assert.strictEqual((yield* Fiber.join(fiber)).username, "retry_me")
        assert.strictEqual(fault.hits(), 1)
      }).pipe(Effect.scoped)
    )
  })

  it.effect("can wrap an existing fake", () => {
    const fake = FakeBackend.make({ keys, secretKey: "sk_test_sharedFake" })
    const user = fake.seed.user({ username: "shared" })
    return Effect.gen(function* () {
      const users = yield* Users
      assert.strictEqual((yield* users.getUser(user.id)).username, "shared")
      assert.strictEqual(yield* FakeBackend.FakeBackend, fake)
    }).pipe(Effect.provide(ClerkTest.layer({ fake })))
  })
})

describe("ClerkTest.client", () => {
  it("is a Promise client over a fake, with the fake at `client.fake`", async () => {
    const clerk = ClerkTest.client({ keys })
    try {
      const user = clerk.fake.seed.user({ emailAddress: ["promise@example.com"] })
      const got = await clerk.users.getUser(user.id)
      assert.strictEqual(got.primaryEmailAddress?.emailAddress, "promise@example.com")
      const session = clerk.fake.seed.session({ userId: user.id })
      const token = clerk.fake.mintSessionToken({ userId: user.id, sessionId: session.id })
      const { payload } = await jose.jwtVerify(token, await jose.importSPKI(clerk.config.jwtKey ?? "", "RS256"))
      assert.strictEqual(payload.sid, session.id)
      clerk.fake.inject(Fault.serverError(500), { match: "GetUser", times: 1 })
      const error = await clerk
        .withOptions({ retry: false })
        .users.getUser(user.id)
        .then(
          () => undefined,
          (e: unknown) => e
        )
      assert.instanceOf(error, ClerkAPIResponseError)
      assert.strictEqual((await clerk.users.getUser(user.id)).id, user.id)
    } finally {
      await clerk.dispose()
    }
  })

  it("the barrel exposes the scripted fake and the loopback server", () => {
    assert.isFunction(FakeHttp.routes)
    assert.isFunction(FakeServer.start)
    assert.isFunction(Fault.hang)
    assert.isString(FakeBackend.DEFAULT_SECRET_KEY)
  })
})
