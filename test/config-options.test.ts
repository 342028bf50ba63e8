import { assert, describe, it } from "@effect/vitest"
import { Effect, Either, Logger, Redacted } from "effect"
import { createClerkClient as clerkBackendClient } from "@clerk/backend"
import { expect, it as vitestIt } from "vitest"
import { createClerkClient } from "../src/promise/createClerkClient.js"
import * as ClerkConfig from "../src/services/ClerkConfig.js"
import { userJson } from "./support/samples/users.js"

const PK = `pk_test_${Buffer.from("clerk.example.test$").toString("base64").replace(/=+$/, "")}`

/** Runs `ClerkConfig.make` and returns its result with the messages logged at Warning. */
const makeLogged = (options: ClerkConfig.ClerkOptions) =>
  Effect.gen(function* () {
    const warnings: Array<string> = []
    const logger = Logger.make(({ logLevel, message }) => {
      if (logLevel._tag === "Warning") warnings.push(Array.isArray(message) ? message.join(" ") : String(message))
    })
    const result = yield* Effect.either(ClerkConfig.make(options)).pipe(
      Effect.provide(Logger.replace(Logger.defaultLogger, logger))
    )
    return { result, warnings }
  })

describe("ClerkConfig key options", () => {
  it.effect("accepts unfamiliar key shapes with exactly one warning that never shows a key", () =>
    Effect.gen(function* () {
      for (const options of [
        { secretKey: "sk_xxxxx" },
        { secretKey: "test" },
        { secretKey: "deadbeef" },
        { publishableKey: "pk_test_xxx" },
        { secretKey: "deadbeef", publishableKey: "pk_test_xxx", machineSecretKey: "zzzzkey" }
      ]) {
        const { result, warnings } = yield* makeLogged(options)
        assert.isTrue(Either.isRight(result), JSON.stringify(Object.keys(options)))
        assert.strictEqual(warnings.length, 1)
        for (const name of Object.keys(options)) assert.include(warnings[0], name)
        for (const value of Object.values(options)) assert.notInclude(warnings[0], value.slice(0, 4))
      }
      const all = yield* makeLogged({ secretKey: "deadbeef", publishableKey: "pk_test_xxx" })
      if (Either.isRight(all.result)) {
        assert.strictEqual(Redacted.value(all.result.right.secretKey!), "deadbeef")
        assert.strictEqual(all.result.right.publishableKey, "pk_test_xxx")
        assert.strictEqual(all.result.right.frontendApi, undefined)
      }
    })
  )

  it.effect("familiar keys log nothing", () =>
    Effect.gen(function* () {
      const { result, warnings } = yield* makeLogged({
        secretKey: "sk_test_abc123",
        machineSecretKey: "ak_abc123",
        publishableKey: PK
      })
      assert.isTrue(Either.isRight(result))
      assert.deepStrictEqual(warnings, [])
      if (Either.isRight(result)) assert.strictEqual(result.right.frontendApi, "clerk.example.test")
    })
  )

  it.effect("a key of the wrong kind, a blank key or a non-string key fails, naming the option only", () =>
    Effect.gen(function* () {
      const cases: ReadonlyArray<readonly [ClerkConfig.ClerkOptions, string]> = [
        [{ secretKey: "pk_test_secretish" }, "secretKey"],
        [{ machineSecretKey: "pk_live_secretish" }, "machineSecretKey"],
        [{ publishableKey: "sk_test_secretish" }, "publishableKey"],
        [{ secretKey: "   " }, "secretKey"],
        [{ publishableKey: "\n\t" }, "publishableKey"],
        [{ machineSecretKey: " " }, "machineSecretKey"],
        [{ secretKey: 42 as unknown as string }, "secretKey"]
      ]
      for (const [options, name] of cases) {
        const { result } = yield* makeLogged(options)
        assert.isTrue(Either.isLeft(result), name)
        if (Either.isLeft(result)) {
          assert.include(String(result.left), name)
          assert.notInclude(String(result.left), "secretish")
        }
      }
    })
  )

  it.effect("an empty string key is no key, as @clerk/backend's createClerkClient treats it", () =>
    Effect.gen(function* () {
      const { result, warnings } = yield* makeLogged({ secretKey: "", publishableKey: "", machineSecretKey: "" })
      assert.deepStrictEqual(warnings, [])
      assert.isTrue(Either.isRight(result))
      if (Either.isRight(result)) {
        assert.strictEqual(result.right.secretKey, undefined)
        assert.strictEqual(result.right.publishableKey, undefined)
        assert.strictEqual(result.right.machineSecretKey, undefined)
      }
      expect(() => clerkBackendClient({ secretKey: "", publishableKey: "" })).not.toThrow()
    })
  )

  it.effect("a bad apiUrl is still rejected", () =>
    Effect.gen(function* () {
      const { result } = yield* makeLogged({ secretKey: "sk_xxxxx", apiUrl: "not a url" })
      assert.isTrue(Either.isLeft(result))
      if (Either.isLeft(result)) assert.include(String(result.left), "apiUrl")
    })
  )

  it.effect(
    "publishable keys are valid exactly when @clerk/backend's parser accepts them (and the host is a host)",
    () =>
      Effect.sync(() => {
        const b64 = (s: string) => Buffer.from(s).toString("base64").replace(/=+$/, "")
        assert.isDefined(ClerkConfig.parsePublishableKey(PK))
        assert.isUndefined(ClerkConfig.parsePublishableKey(`pk_test_${b64("localhost$")}`))
        assert.isUndefined(ClerkConfig.parsePublishableKey(`pk_test_${b64("clerk.example.test")}`))
        assert.isUndefined(ClerkConfig.parsePublishableKey(`pk_test_${b64("a.b$c$")}`))
        assert.isUndefined(ClerkConfig.parsePublishableKey("pk_test_xxx"))
        assert.isUndefined(ClerkConfig.parsePublishableKey(`pk_test_${b64("clerk.example.test$")}_x`))
      })
  )
})

describe("createClerkClient with an unfamiliar key (msw-style usage)", () => {
  vitestIt("sends the key as given as the Bearer token", async () => {
    const seen: Array<string | null> = []
    const fetch: typeof globalThis.fetch = (input, init) => {
      const request = new Request(input, init)
      seen.push(request.headers.get("authorization"))
      return Promise.resolve(
        new Response(JSON.stringify({ ...userJson, id: "user_1" }), {
          status: 200,
          headers: { "content-type": "application/json" }
        })
      )
    }
    const clerk = createClerkClient({ secretKey: "sk_xxxxx", fetch, retry: false })
    const user = await clerk.users.getUser("user_1")
    expect(user.id).toBe("user_1")
    expect(seen).toEqual(["Bearer sk_xxxxx"])
  })
})
