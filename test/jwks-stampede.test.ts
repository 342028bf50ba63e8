/**
 * JWKS stampede: many concurrent verifications on a cold cache, a key rotation (unknown `kid`) and a failing, then
 * recovering, JWKS endpoint each cost one `GET /v1/jwks` at the fake server, through the Effect API and the Promise
 * API, over a real loopback socket.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Either, TestClock } from "effect"
import * as Tokens from "../src/auth/tokens/index.js"
import { createClerkClient } from "../src/promise/createClerkClient.js"
import { createTokenVerifier } from "../src/promise/verifier.js"
import * as FakeHttp from "../src/testing/FakeHttp.js"
import * as Fault from "../src/testing/faults.js"
import { generateKeys, sessionClaims, signJwt } from "../src/testing/tokens.js"

import { isJwks, jwksFake, verifyAll } from "./support/jwksFake.js"

const N = 200
const KEY = generateKeys("ins_stampedeKeyA")
const ROTATED = generateKeys("ins_stampedeKeyB")
const { server: fakeServer, jwksFetches, effectLayer } = jwksFake(KEY)
/** From now on the fake serves both the old and the rotated key. */
const rotate = () =>
  fakeServer().fake.inject(Fault.respond(FakeHttp.json(200, { keys: [KEY.jwk, ROTATED.jwk] })), { match: isJwks })
const rotatedToken = (userId: string) =>
  signJwt(ROTATED, sessionClaims(fakeServer().fake.issuer, { userId }, Math.floor(Date.now() / 1000)))
const tokens = (n: number, mint: (userId: string) => string) =>
  Array.from({ length: n }, (_, i) => mint(`user_stampede${i}`))

describe("JWKS stampede (Effect API)", () => {
  it.effect(`${N} concurrent verifyToken on a cold cache make one fetch; a rotation makes one more`, () =>
    Effect.gen(function* () {
      // TestClock drives the cache's intervals; tokens are checked against real time.
      yield* TestClock.setTime(Date.now())
      const cold = yield* verifyAll(tokens(N, (userId) => fakeServer().fake.mintSessionToken({ userId })))
      assert.isTrue(cold.every(Either.isRight), "every cold-cache verification succeeds")
      assert.strictEqual(jwksFetches(), 1)

      // A rotation inside the unknown-kid interval: no fetch at all, every call fails with jwk-kid-mismatch.
      rotate()
      const early = yield* verifyAll(tokens(N, rotatedToken))
      assert.deepStrictEqual(
        [...new Set(early.map((e) => (Either.isLeft(e) ? e.left.reason : "ok")))],
        ["jwk-kid-mismatch"]
      )
      assert.strictEqual(jwksFetches(), 1)

      // After the interval: one refetch for all N, and the new key verifies.
      yield* TestClock.adjust("11 seconds")
      const rotated = yield* verifyAll(tokens(N, rotatedToken))
      assert.isTrue(rotated.every(Either.isRight), "every rotated-key verification succeeds")
      assert.strictEqual(jwksFetches(), 2)
    }).pipe(Effect.provide(effectLayer()))
  )

  it.effect(`the count holds while the JWKS endpoint fails, then recovers`, () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(Date.now())
      const outage = fakeServer().fake.inject(Fault.serverError(503), { match: isJwks })
      const down = yield* verifyAll(tokens(N, (userId) => fakeServer().fake.mintSessionToken({ userId })))
      assert.deepStrictEqual(
        [...new Set(down.map((e) => (Either.isLeft(e) ? e.left.reason : "ok")))],
        ["jwk-remote-failed-to-load"]
      )
      assert.strictEqual(jwksFetches(), 1)
      // Inside the interval the failure is answered at once, with no new fetch.
      const stillDown = yield* verifyAll(tokens(N, (userId) => fakeServer().fake.mintSessionToken({ userId })))
      assert.isTrue(stillDown.every(Either.isLeft))
      assert.strictEqual(jwksFetches(), 1)

      outage.remove()
      yield* TestClock.adjust("11 seconds")
      const recovered = yield* verifyAll(tokens(N, (userId) => fakeServer().fake.mintSessionToken({ userId })))
      assert.isTrue(recovered.every(Either.isRight), "every verification succeeds after recovery")
      assert.strictEqual(jwksFetches(), 2)
    }).pipe(Effect.provide(effectLayer()))
  )

  it.effect(`a forced refetch (skipJwksCache) by ${N} callers is one fetch`, () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(Date.now())
      const all = tokens(N, (userId) => fakeServer().fake.mintSessionToken({ userId }))
      yield* verifyAll(all.slice(0, 1))
      assert.strictEqual(jwksFetches(), 1)
      const forced = yield* Effect.forEach(
        all,
        (token) => Effect.either(Tokens.verifyToken(token, { skipJwksCache: true })),
        { concurrency: "unbounded" }
      )
      assert.isTrue(forced.every(Either.isRight))
      assert.strictEqual(jwksFetches(), 2)
    }).pipe(Effect.provide(effectLayer()))
  )
})

describe("JWKS stampede (Promise API)", () => {
  it(`${N} concurrent verifyToken on a cold cache make one fetch; a rotation makes one more`, async () => {
    // No unknown-kid rate limit: the single refetch below comes from coalescing alone.
    const verifier = createTokenVerifier({ jwks: { unknownKidRefetchInterval: 0 }, retry: false })
    const options = { secretKey: fakeServer().fake.secretKey, apiUrl: fakeServer().url }
    try {
      const cold = await Promise.allSettled(
        tokens(N, (userId) => fakeServer().fake.mintSessionToken({ userId })).map((t) =>
          verifier.verifyToken(t, options)
        )
      )
      assert.deepStrictEqual(
        cold.filter((r) => r.status === "rejected"),
        []
      )
      assert.strictEqual(jwksFetches(), 1)
      rotate()
      const rotated = await Promise.allSettled(tokens(N, rotatedToken).map((t) => verifier.verifyToken(t, options)))
      assert.deepStrictEqual(
        rotated.filter((r) => r.status === "rejected"),
        []
      )
      assert.strictEqual(jwksFetches(), 2)
    } finally {
      await verifier.dispose()
    }
  })

  it(`${N} concurrent authenticateRequest on a cold cache make one fetch; a rotation makes one more`, async () => {
    const clerk = createClerkClient({
      secretKey: fakeServer().fake.secretKey,
      publishableKey: fakeServer().fake.publishableKey,
      apiUrl: fakeServer().url,
      retry: false
    })
    const requestWith = (token: string) =>
      new Request("https://app.example.com/api", { headers: { authorization: `Bearer ${token}` } })
    try {
      const cold = await Promise.all(
        tokens(N, (userId) => fakeServer().fake.mintSessionToken({ userId })).map((t) =>
          clerk.authenticateRequest(requestWith(t))
        )
      )
      assert.deepStrictEqual([...new Set(cold.map((s) => s.status))], ["signed-in"])
      assert.strictEqual(jwksFetches(), 1)
      // Inside the default unknown-kid interval, a rotation is answered without a fetch.
      rotate()
      const early = await Promise.all(tokens(N, rotatedToken).map((t) => clerk.authenticateRequest(requestWith(t))))
      assert.deepStrictEqual([...new Set(early.map((s) => s.reason))], ["jwk-kid-mismatch"])
      assert.strictEqual(jwksFetches(), 1)
    } finally {
      await clerk.dispose()
    }
  })
})
