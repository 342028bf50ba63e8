// A test of your own code with effect-clerk's test kit: no Clerk account, no network.
// Needs vitest 3.2 and @effect/vitest 0.30 (tested with vitest 3.2.7 and @effect/vitest 0.30.0).
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { type ClerkClient, ClerkFrom, Users } from "effect-clerk"
import { ClerkTest, FakeBackend, FakeHttp, fixtures } from "effect-clerk/testing"

// Your code (Effect): mark a user as onboarded, once.
const completeOnboarding = (userId: string) =>
  Effect.gen(function* () {
    const users = yield* Users
    const user = yield* users.getUser(userId)
    if (user.publicMetadata["onboarded"] === true) return "already onboarded"
    yield* users.updateUserMetadata(userId, { publicMetadata: { onboarded: true } })
    return "onboarded"
  })

// Your code (Promise): a greeting for the user.
const greeting = async (clerk: ClerkClient, userId: string) => {
  const user = await clerk.users.getUser(userId)
  return `Hello, ${user.firstName ?? "there"}!`
}

describe("completeOnboarding", () => {
  // 1. Scripted answers (FakeHttp) built from fixtures, and the Recorder to check what your code sent.
  const Scripted = ClerkFrom({ secretKey: "sk_test_anyKeyWorks" }).pipe(
    Layer.provideMerge(
      FakeHttp.layer(
        FakeHttp.routes({
          "GET /v1/users/{user_id}": (req) => FakeHttp.json(200, fixtures.user.wire({ id: req.params["user_id"] })),
          "PATCH /v1/users/{user_id}/metadata": (req) =>
            FakeHttp.json(200, fixtures.user.wire({ id: req.params["user_id"], publicMetadata: { onboarded: true } }))
        })
      )
    )
  )

  it.effect("sets the flag with one metadata update", () =>
    Effect.gen(function* () {
      assert.strictEqual(yield* completeOnboarding("user_123"), "onboarded")
      const recorder = yield* FakeHttp.Recorder
      const sent = (yield* recorder.requests).map((req) => `${req.method} ${req.path}`)
      assert.deepStrictEqual(sent, ["GET /v1/users/user_123", "PATCH /v1/users/user_123/metadata"])
      const last = yield* recorder.last
      assert.deepStrictEqual(last.body, { public_metadata: { onboarded: true } })
    }).pipe(Effect.provide(Scripted))
  )

  // 2. A stateful fake backend (ClerkTest.layer): seed, run your code, inspect the state.
  it.effect("does nothing the second time", () =>
    Effect.gen(function* () {
      const ada = yield* FakeBackend.seed((seed) => seed.user({ firstName: "Ada" }))
      assert.strictEqual(yield* completeOnboarding(ada.id), "onboarded")
      assert.strictEqual(yield* completeOnboarding(ada.id), "already onboarded")
      const fake = yield* FakeBackend.FakeBackend
      assert.deepStrictEqual(fake.inspect.user(ada.id)?.public_metadata, { onboarded: true })
    }).pipe(Effect.provide(ClerkTest.layer()))
  )
})

describe("greeting", () => {
  // 3. A Promise client over a fresh fake (ClerkTest.client), with the fake at `clerk.fake`.
  it("greets the user by first name", async () => {
    const clerk = ClerkTest.client()
    try {
      const grace = clerk.fake.seed.user({ firstName: "Grace" })
      assert.strictEqual(await greeting(clerk, grace.id), "Hello, Grace!")
    } finally {
      await clerk.dispose()
    }
  })
})
