/**
 * JWKS stampede at load (`npm run test:load`): 1,000 concurrent `verifyToken` calls on a cold cache make exactly one
 * `GET /v1/jwks` at the loopback fake, through the Effect API and the Promise API; and while the endpoint fails, then
 * recovers, 1,000 callers still cost one failed fetch and then one successful one.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Either, TestClock } from "effect"
import { createTokenVerifier } from "../../src/promise/verifier.js"
import * as Fault from "../../src/testing/faults.js"
import { generateKeys } from "../../src/testing/tokens.js"

import { isJwks, jwksFake, verifyAll } from "../support/jwksFake.js"

const N = 1_000
const { server: fakeServer, jwksFetches, effectLayer } = jwksFake(generateKeys("ins_jwksLoad"))
/** N distinct tokens (distinct subjects), valid for ten minutes. */
const tokens = (tag: string) =>
  Array.from({ length: N }, (_, i) =>
    fakeServer().fake.mintSessionToken({ userId: `user_${tag}${i}`, expiresInSeconds: 600 })
  )

const reasons = (results: ReadonlyArray<Either.Either<unknown, { readonly reason: string }>>) => [
  ...new Set(results.map((e) => (Either.isLeft(e) ? e.left.reason : "ok")))
]

describe(`JWKS stampede, ${N} callers`, () => {
  it.effect(`Effect API: ${N} concurrent verifyToken on a cold cache make one fetch`, () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(Date.now())
      const started = performance.now()
      const cold = yield* verifyAll(tokens("cold"))
      console.log(
        `[load] ${N} concurrent verifyToken (Effect, cold cache): ${jwksFetches()} JWKS fetch, ${(performance.now() - started).toFixed(0)} ms`
      )
      assert.deepStrictEqual(reasons(cold), ["ok"])
      assert.strictEqual(jwksFetches(), 1)
    }).pipe(Effect.provide(effectLayer()))
  )

  it.effect(`Effect API: ${N} callers while the endpoint fails cost one fetch; after recovery, one more`, () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(Date.now())
      const all = tokens("outage")
      const outage = fakeServer().fake.inject(Fault.serverError(503), { match: isJwks })
      const down = yield* verifyAll(all)
      assert.deepStrictEqual(reasons(down), ["jwk-remote-failed-to-load"])
      assert.strictEqual(jwksFetches(), 1)
      const stillDown = yield* verifyAll(all)
      assert.deepStrictEqual(reasons(stillDown), ["jwk-remote-failed-to-load"])
      assert.strictEqual(jwksFetches(), 1, "inside the interval the failure is answered without a fetch")
      outage.remove()
      yield* TestClock.adjust("11 seconds")
      const recovered = yield* verifyAll(all)
      console.log(
        `[load] ${N} concurrent verifyToken (Effect) through an outage and recovery: ${jwksFetches()} JWKS fetches`
      )
      assert.deepStrictEqual(reasons(recovered), ["ok"])
      assert.strictEqual(jwksFetches(), 2)
    }).pipe(Effect.provide(effectLayer()))
  )

  it(`Promise API: ${N} concurrent verifyToken on a cold cache make one fetch; through an outage, one failed and one good`, async () => {
    const options = { secretKey: fakeServer().fake.secretKey, apiUrl: fakeServer().url }
    const cold = createTokenVerifier({ retry: false })
    try {
      const results = await Promise.allSettled(tokens("promise").map((t) => cold.verifyToken(t, options)))
      assert.deepStrictEqual(
        results.filter((r) => r.status === "rejected"),
        []
      )
      console.log(`[load] ${N} concurrent verifyToken (Promise, cold cache): ${jwksFetches()} JWKS fetch`)
      assert.strictEqual(jwksFetches(), 1)
    } finally {
      await cold.dispose()
    }

    // A fresh verifier whose failure interval is zero: the outage is one fetch for all N, recovery one more.
    const fresh = createTokenVerifier({ retry: false, jwks: { unknownKidRefetchInterval: 0 } })
    const before = jwksFetches()
    try {
      const all = tokens("promiseOutage")
      const outage = fakeServer().fake.inject(Fault.serverError(503), { match: isJwks })
      const down = await Promise.allSettled(all.map((t) => fresh.verifyToken(t, options)))
      assert.isTrue(down.every((r) => r.status === "rejected"))
      assert.strictEqual(jwksFetches() - before, 1)
      outage.remove()
      const up = await Promise.allSettled(all.map((t) => fresh.verifyToken(t, options)))
      assert.deepStrictEqual(
        up.filter((r) => r.status === "rejected"),
        []
      )
      assert.strictEqual(jwksFetches() - before, 2)
    } finally {
      await fresh.dispose()
    }
  })
})
