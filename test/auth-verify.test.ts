import { assert, describe, it } from "@effect/vitest"
import { Buffer } from "node:buffer"
import { generateKeyPairSync } from "node:crypto"
import { Deferred, Effect, Either, Exit, Fiber, Layer, TestClock, Tracer } from "effect"
import { TokenVerificationError, TokenVerificationFailure } from "../src/auth/errors.js"
import { decodeJwt, MAX_TOKEN_LENGTH } from "../src/auth/jwt/decode.js"
import { importPem } from "../src/auth/jwt/keys.js"
import * as JwksCache from "../src/auth/tokens/JwksCache.js"
import { createTokenVerifier } from "../src/promise/verifier.js"
import { verifySessionToken, verifyToken, type VerifyTokenOptions } from "../src/auth/tokens/verifyToken.js"
import * as FakeHttp from "../src/testing/FakeHttp.js"
import { Jwks } from "../src/resources/Jwks.js"
import * as BackendApi from "../src/services/BackendApi.js"
import * as ClerkConfig from "../src/services/ClerkConfig.js"
import {
  hs256WithPublicKey,
  makeKey,
  NOW,
  NOW_MS,
  sessionClaims,
  sign,
  tamperPayload,
  tamperSignature,
  unsignedToken
} from "./auth-verify-keys.js"

const KEY = makeKey("ins_key_1")
const OTHER = makeKey("ins_key_2")
const SECRET = "sk_test_verifySecretValue123"

/** Runs verifyToken at NOW with a local key source and returns the failure reason, or "ok". */
const verdict = (token: string, options: VerifyTokenOptions = {}) =>
  Effect.gen(function* () {
    yield* TestClock.setTime(NOW_MS)
    const exit = yield* Effect.exit(verifyToken(token, { jwtKey: KEY.pem, ...options }))
    if (Exit.isSuccess(exit)) return "ok"
    const failure = exit.cause._tag === "Fail" ? exit.cause.error : undefined
    assert.instanceOf(failure, TokenVerificationFailure)
    return failure.reason
  }).pipe(Effect.provide(JwksCache.layerLocal(undefined)))

describe("decodeJwt", () => {
  it("rejects malformed tokens with token-invalid", () => {
    const valid = `${Buffer.from('{"alg":"RS256"}').toString("base64url")}.${Buffer.from('{"sub":"u"}').toString("base64url")}.AA`
    assert.isTrue(Either.isRight(decodeJwt(valid)))
    const bad = [
      "",
      "abc",
      "a.b",
      "a.b.c.d",
      valid.replace(".", "*."),
      `${valid}=`,
      `e30.${Buffer.from("not json").toString("base64url")}.AA`,
      `${Buffer.from("[1]").toString("base64url")}.e30.AA`,
      `e30.${Buffer.from("null").toString("base64url")}.AA`,
      "e31.e30.AA", // non-canonical: stray bits in the last character
      "e30.e30.A", // impossible length
      `e30.${"A".repeat(MAX_TOKEN_LENGTH)}.AA`,
      42 as unknown as string
    ]
    for (const token of bad) {
      const result = decodeJwt(token)
      assert.isTrue(Either.isLeft(result), `expected ${String(token).slice(0, 40)} to fail`)
      if (Either.isLeft(result)) assert.strictEqual(result.left.reason, "token-invalid")
    }
  })
})

describe("verifyToken with a jwtKey", () => {
  it.effect("returns the claims of a valid token", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(NOW_MS)
      const claims = sessionClaims(NOW, { org_id: "org_1" })
      const token = yield* Effect.promise(() => sign(KEY, claims))
      const payload = yield* verifyToken(token, { jwtKey: KEY.pem, authorizedParties: ["http://localhost:3000"] })
      assert.deepStrictEqual<unknown>(payload, claims)
    }).pipe(Effect.provide(JwksCache.layerLocal(undefined)))
  )

  it.effect("checks exp, nbf and iat against the Clock with the skew", () =>
    Effect.gen(function* () {
      const at = (extra: Record<string, number>) => Effect.promise(() => sign(KEY, sessionClaims(NOW, extra)))
      assert.strictEqual(yield* verdict(yield* at({ exp: NOW - 10 })), "token-expired")
      assert.strictEqual(yield* verdict(yield* at({ exp: NOW - 3 })), "ok")
      assert.strictEqual(yield* verdict(yield* at({ exp: NOW - 3 }), { clockSkewInMs: 0 }), "token-expired")
      assert.strictEqual(yield* verdict(yield* at({ exp: NOW })), "ok")
      assert.strictEqual(yield* verdict(yield* at({ exp: NOW }), { clockSkewInMs: 0 }), "token-expired")
      assert.strictEqual(yield* verdict(yield* at({ exp: NOW - 3 }), { clockSkewInMs: Number.NaN }), "ok")
      assert.strictEqual(yield* verdict(yield* at({ nbf: NOW + 30 })), "token-not-active-yet")
      assert.strictEqual(yield* verdict(yield* at({ nbf: NOW + 4 })), "ok")
      assert.strictEqual(yield* verdict(yield* at({ iat: NOW + 30 })), "token-iat-in-the-future")
      assert.strictEqual(yield* verdict(yield* at({ iat: NOW + 30 }), { clockSkewInMs: 60_000 }), "ok")
    })
  )

  it.effect("reports the compared instants of a time failure", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(NOW_MS)
      const token = yield* Effect.promise(() => sign(KEY, sessionClaims(NOW, { exp: NOW - 100 })))
      const error = yield* Effect.flip(verifyToken(token, { jwtKey: KEY.pem }))
      assert.deepStrictEqual(error.time, { claim: "exp", at: (NOW - 100) * 1000, now: NOW_MS, clockSkewInMs: 5000 })
      assert.match(error.getFullMessage(), /\(reason=token-expired, token-carrier=undefined\)$/)
    }).pipe(Effect.provide(JwksCache.layerLocal(undefined)))
  )

  it.effect("follows TestClock: a valid token expires when time moves", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(NOW_MS)
      const token = yield* Effect.promise(() => sign(KEY, sessionClaims(NOW)))
      yield* verifyToken(token, { jwtKey: KEY.pem })
      yield* TestClock.adjust("66 seconds")
      const error = yield* Effect.flip(verifyToken(token, { jwtKey: KEY.pem }))
      assert.strictEqual(error.reason, "token-expired")
    }).pipe(Effect.provide(JwksCache.layerLocal(undefined)))
  )

  it.effect("rejects tampered tokens, checking the signature before the claims", () =>
    Effect.gen(function* () {
      const token = yield* Effect.promise(() => sign(KEY, sessionClaims(NOW)))
      assert.strictEqual(yield* verdict(tamperPayload(token)), "token-invalid-signature")
      assert.strictEqual(yield* verdict(tamperSignature(token)), "token-invalid-signature")
      const other = yield* Effect.promise(() => sign(OTHER, sessionClaims(NOW), { kid: KEY.kid }))
      assert.strictEqual(yield* verdict(other), "token-invalid-signature")
      const expired = yield* Effect.promise(() => sign(KEY, sessionClaims(NOW, { exp: NOW - 100 })))
      assert.strictEqual(yield* verdict(tamperPayload(expired)), "token-invalid-signature")
    })
  )

  it.effect("a memoised signature never vouches for another token or another key", () =>
    Effect.gen(function* () {
      const token = yield* Effect.promise(() => sign(KEY, sessionClaims(NOW)))
      assert.strictEqual(yield* verdict(token), "ok")
      assert.strictEqual(yield* verdict(token), "ok")
      assert.strictEqual(yield* verdict(tamperPayload(token)), "token-invalid-signature")
      assert.strictEqual(yield* verdict(tamperSignature(token)), "token-invalid-signature")
      assert.strictEqual(yield* verdict(token, { jwtKey: OTHER.pem }), "token-invalid-signature")
      assert.strictEqual(
        yield* verdict(token, { authorizedParties: ["https://other.example"] }),
        "token-invalid-authorized-parties"
      )
      const [h, p, sig] = token.split(".")
      const retyped = `${Buffer.from(JSON.stringify({ alg: "RS384", typ: "JWT", kid: KEY.kid })).toString("base64url")}.${p}.${sig}`
      assert.strictEqual(yield* verdict(retyped), "token-verification-failed")
      assert.strictEqual(yield* verdict(`${h}.${p}.${sig}`), "ok")
    })
  )

  it.effect("checks azp, aud and iss", () =>
    Effect.gen(function* () {
      const token = yield* Effect.promise(() => sign(KEY, sessionClaims(NOW, { aud: ["api", "web"] })))
      assert.strictEqual(
        yield* verdict(token, { authorizedParties: ["https://evil.example"] }),
        "token-invalid-authorized-parties"
      )
      assert.strictEqual(yield* verdict(token, { authorizedParties: [] }), "ok")
      const noAzp = yield* Effect.promise(() => sign(KEY, sessionClaims(NOW, { azp: undefined })))
      assert.strictEqual(
        yield* verdict(noAzp, { authorizedParties: ["http://localhost:3000"] }),
        "token-invalid-authorized-parties"
      )
      assert.strictEqual(yield* verdict(token, { audience: "web" }), "ok")
      assert.strictEqual(yield* verdict(token, { audience: ["other"] }), "token-verification-failed")
      assert.strictEqual(yield* verdict(token, { issuer: "https://clerk.example.com" }), "ok")
      assert.strictEqual(yield* verdict(token, { issuer: ["https://other.example"] }), "token-invalid-issuer")
      const numericAud = yield* Effect.promise(() => sign(KEY, sessionClaims(NOW, { aud: 7 as unknown as string })))
      assert.strictEqual(yield* verdict(numericAud, { audience: "web" }), "token-verification-failed")
    })
  )

  it.effect("accepts only RS256 signed by the key: none, HS256 with the public key, RS384 and RS512 all fail", () =>
    Effect.gen(function* () {
      const claims = sessionClaims(NOW)
      assert.strictEqual(yield* verdict(unsignedToken(claims)), "token-invalid-algorithm")
      assert.strictEqual(yield* verdict(hs256WithPublicKey(KEY, claims)), "token-invalid-algorithm")
      const rs384 = yield* Effect.promise(() => sign(KEY, claims, { alg: "RS384" }))
      assert.strictEqual(yield* verdict(rs384), "token-verification-failed")
      const rs512 = yield* Effect.promise(() => sign(KEY, claims, { alg: "RS512" }))
      assert.strictEqual(yield* verdict(rs512), "token-verification-failed")
      const ps256 = yield* Effect.promise(() => sign(KEY, claims, { alg: "PS256" }))
      assert.strictEqual(yield* verdict(ps256), "token-invalid-algorithm")
    })
  )

  it.effect("checks the header type, the category and the required claims", () =>
    Effect.gen(function* () {
      const claims = sessionClaims(NOW)
      const oauth = yield* Effect.promise(() => sign(KEY, claims, { typ: "at+jwt" }))
      assert.strictEqual(yield* verdict(oauth), "token-invalid")
      assert.strictEqual(yield* verdict(oauth, { headerType: ["at+jwt"] }), "ok")
      const noTyp = yield* Effect.promise(() => sign(KEY, claims, { typ: undefined }))
      assert.strictEqual(yield* verdict(noTyp), "ok")
      assert.strictEqual(yield* verdict(noTyp, { headerType: "JWT" }), "token-invalid")
      const m2m = yield* Effect.promise(() => sign(KEY, claims, { cat: "cl_B7d4PD333AAA" }))
      assert.strictEqual(yield* verdict(m2m), "token-invalid")
      const noSub = yield* Effect.promise(() => sign(KEY, { ...claims, sub: undefined }))
      assert.strictEqual(yield* verdict(noSub), "token-verification-failed")
      const noExp = yield* Effect.promise(() => sign(KEY, { ...claims, exp: undefined }))
      assert.strictEqual(yield* verdict(noExp), "token-verification-failed")
      const badSid = yield* Effect.promise(() => sign(KEY, { ...claims, sid: 12 }))
      assert.strictEqual(yield* verdict(badSid), "token-verification-failed")
    })
  )

  it.effect("reports unusable keys and a missing key source", () =>
    Effect.gen(function* () {
      const token = yield* Effect.promise(() => sign(KEY, sessionClaims(NOW)))
      assert.strictEqual(yield* verdict(token, { jwtKey: "not a pem" }), "token-verification-failed")
      const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({ type: "spki", format: "pem" })
      assert.strictEqual(yield* verdict(token, { jwtKey: ec.toString() }), "token-verification-failed")
      const oneLine = KEY.pem.replace(/\n/g, "")
      assert.strictEqual(yield* verdict(token, { jwtKey: oneLine }), "ok")
      assert.strictEqual(yield* verdict(token, { jwtKey: KEY.pem.replace(/\n/g, "\\n") }), "ok")
      assert.strictEqual(yield* verdict(token, { jwtKey: "" }), "jwk-failed-to-resolve")
    })
  )

  it.effect("opens a clerk.verifyToken span only when a tracer is installed", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(NOW_MS)
      const token = yield* Effect.promise(() => sign(KEY, sessionClaims(NOW)))
      const names: Array<string> = []
      const builtIn = yield* Effect.tracer
      const recording = Tracer.make({
        span: (name, parent, context, links, startTime, kind, options) => {
          names.push(name)
          return builtIn.span(name, parent, context, links, startTime, kind, options)
        },
        context: builtIn.context
      })
      yield* verifyToken(token, { jwtKey: KEY.pem })
      assert.deepStrictEqual(names, [])
      yield* Effect.withTracer(verifyToken(token, { jwtKey: KEY.pem }), recording)
      assert.deepStrictEqual(names, ["clerk.verifyToken"])
    }).pipe(Effect.provide(JwksCache.layerLocal(undefined)))
  )

  it("imports a PEM once per string", () => {
    assert.strictEqual(importPem(KEY.pem), importPem(KEY.pem))
  })

  it.effect("verifySessionToken is the synchronous core, reading the given Clock", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(NOW_MS)
      const token = yield* Effect.promise(() => sign(KEY, sessionClaims(NOW)))
      const clock = yield* Effect.clock
      const ok = verifySessionToken(token, { key: KEY.pem }, clock)
      // On node:crypto the verdict is synchronous: an Either, not an Effect.
      assert.isTrue(Either.isEither(ok) && Either.isRight(ok))
      const decoded = decodeJwt(token)
      assert.isTrue(Either.isRight(decoded))
      if (Either.isRight(decoded)) {
        const again = verifySessionToken(decoded.right, { key: KEY.pem, authorizedParties: ["x"] }, clock)
        assert.isTrue(
          Either.isEither(again) && Either.isLeft(again) && again.left.reason === "token-invalid-authorized-parties"
        )
      }
      yield* TestClock.adjust("2 minutes")
      const late = verifySessionToken(token, { key: KEY.pem }, clock)
      assert.isTrue(Either.isEither(late) && Either.isLeft(late) && late.left.reason === "token-expired")
    })
  )
})

// ---------------------------------------------------------------------------------------------------------------
// JWKS

const jwksBody = (...keys: ReadonlyArray<{ readonly jwk: object }>) => ({ keys: keys.map((k) => k.jwk) })

const jwksLayer = (handler: FakeHttp.FakeHandler, options: JwksCache.JwksCacheOptions = {}) =>
  JwksCache.layer(options).pipe(
    Layer.provideMerge(Jwks.Default),
    Layer.provideMerge(BackendApi.layer),
    Layer.provideMerge(ClerkConfig.layer({ secretKey: SECRET, retry: false })),
    Layer.provideMerge(FakeHttp.layer(handler))
  )

const requestCount = Effect.flatMap(FakeHttp.Recorder, (r) => Effect.map(r.requests, (all) => all.length))

const reasonOf = <A, R>(effect: Effect.Effect<A, TokenVerificationFailure, R>) =>
  Effect.map(Effect.flip(effect), (e) => e.reason)

const longLived = (key: typeof KEY, extra: Record<string, unknown> = {}) =>
  Effect.promise(() => sign(key, sessionClaims(NOW, { exp: NOW + 10 * 3600, ...extra })))

describe("verifyToken with the JWKS", () => {
  it.effect("fetches GET /v1/jwks once with the secret key, then verifies from the cache", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(NOW_MS)
      const token = yield* longLived(KEY)
      const payload = yield* verifyToken(token)
      assert.strictEqual(payload.sub, "user_2abc")
      yield* verifyToken(token)
      yield* verifyToken(token)
      const requests = yield* Effect.flatMap(FakeHttp.Recorder, (r) => r.requests)
      assert.strictEqual(requests.length, 1)
      assert.strictEqual(requests[0]!.url.href, "https://api.clerk.com/v1/jwks")
      assert.strictEqual(requests[0]!.headers["authorization"], `Bearer ${SECRET}`)
    }).pipe(Effect.provide(jwksLayer(() => FakeHttp.json(200, jwksBody(KEY, OTHER)))))
  )

  it.effect("shares one fetch between concurrent misses", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(NOW_MS)
      const gate = yield* Deferred.make<void>()
      const token = yield* longLived(KEY)
      const program = Effect.gen(function* () {
        const fiber = yield* Effect.fork(
          Effect.all(
            Array.from({ length: 20 }, () => verifyToken(token)),
            {
              concurrency: "unbounded"
            }
          )
        )
        yield* Effect.yieldNow()
        yield* Deferred.succeed(gate, undefined)
        const results = yield* Fiber.join(fiber)
        assert.strictEqual(results.length, 20)
        assert.strictEqual(yield* requestCount, 1)
      })
      yield* program.pipe(
        Effect.provide(jwksLayer(() => Effect.as(Deferred.await(gate), FakeHttp.json(200, jwksBody(KEY)))))
      )
    })
  )

  it.effect("refetches after the fixed 5 minute TTL, not before", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(NOW_MS)
      const token = yield* longLived(KEY)
      yield* verifyToken(token)
      yield* TestClock.adjust("4 minutes")
      yield* verifyToken(token)
      assert.strictEqual(yield* requestCount, 1)
      yield* TestClock.adjust("61 seconds")
      yield* verifyToken(token)
      assert.strictEqual(yield* requestCount, 2)
    }).pipe(Effect.provide(jwksLayer(() => FakeHttp.json(200, jwksBody(KEY)))))
  )

  it.effect("rate-limits refetches caused by unknown kids", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(NOW_MS)
      const good = yield* longLived(KEY)
      yield* verifyToken(good)
      const unknown = (kid: string) => Effect.promise(() => sign(OTHER, sessionClaims(NOW), { kid }))
      assert.strictEqual(yield* reasonOf(verifyToken(yield* unknown("kid_a"))), "jwk-kid-mismatch")
      assert.strictEqual(yield* requestCount, 1) // fetched less than 10 s ago
      yield* TestClock.adjust("11 seconds")
      assert.strictEqual(yield* reasonOf(verifyToken(yield* unknown("kid_b"))), "jwk-kid-mismatch")
      assert.strictEqual(yield* requestCount, 2)
      assert.strictEqual(yield* reasonOf(verifyToken(yield* unknown("kid_c"))), "jwk-kid-mismatch")
      assert.strictEqual(yield* reasonOf(verifyToken(yield* unknown("kid_d"))), "jwk-kid-mismatch")
      assert.strictEqual(yield* requestCount, 2)
      yield* verifyToken(good)
      assert.strictEqual(yield* requestCount, 2)
    }).pipe(Effect.provide(jwksLayer(() => FakeHttp.json(200, jwksBody(KEY)))))
  )

  it.effect("picks up a rotated key on an unknown kid", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(NOW_MS)
      let rotated = false
      const program = Effect.gen(function* () {
        yield* verifyToken(yield* longLived(KEY))
        rotated = true
        yield* TestClock.adjust("30 seconds")
        const payload = yield* verifyToken(yield* longLived(OTHER))
        assert.strictEqual(payload.sub, "user_2abc")
        assert.strictEqual(yield* requestCount, 2)
        // The old key left the JWKS, so it no longer verifies once the cache is refreshed.
        yield* TestClock.adjust("5 minutes")
        assert.strictEqual(yield* reasonOf(verifyToken(yield* longLived(KEY))), "jwk-kid-mismatch")
      })
      yield* program.pipe(
        Effect.provide(jwksLayer(() => FakeHttp.json(200, rotated ? jwksBody(OTHER) : jwksBody(KEY))))
      )
    })
  )

  it.effect("skipJwksCache forces a refetch", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(NOW_MS)
      const token = yield* longLived(KEY)
      yield* verifyToken(token)
      yield* verifyToken(token, { skipJwksCache: true })
      yield* verifyToken(token, { skipJwksCache: true })
      assert.strictEqual(yield* requestCount, 3)
    }).pipe(Effect.provide(jwksLayer(() => FakeHttp.json(200, jwksBody(KEY)))))
  )

  it.effect("a jwtKey in the options never touches the network", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(NOW_MS)
      yield* verifyToken(yield* longLived(KEY), { jwtKey: KEY.pem })
      assert.strictEqual(yield* requestCount, 0)
    }).pipe(Effect.provide(jwksLayer(() => FakeHttp.networkError())))
  )

  const failing: ReadonlyArray<readonly [string, FakeHttp.FakeResponse, string]> = [
    ["a 500", FakeHttp.json(500, { errors: [{ code: "internal", message: "boom" }] }), "jwk-remote-failed-to-load"],
    ["a network error", FakeHttp.networkError(), "jwk-remote-failed-to-load"],
    ["an HTML page", FakeHttp.text(200, "<html>oops</html>"), "jwk-remote-failed-to-load"],
    ["garbage JSON", FakeHttp.json(200, { keys: "nope" }), "jwk-remote-failed-to-load"],
    ["no keys", FakeHttp.json(200, { keys: [] }), "jwk-remote-failed-to-load"],
    [
      "an invalid secret key",
      FakeHttp.clerkError(401, [{ code: "clerk_key_invalid", message: "The secret key is invalid." }]),
      "secret-key-invalid"
    ]
  ]
  for (const [name, response, reason] of failing) {
    it.effect(`a JWKS endpoint answering ${name} fails with ${reason}`, () =>
      Effect.gen(function* () {
        yield* TestClock.setTime(NOW_MS)
        const error = yield* Effect.flip(verifyToken(yield* longLived(KEY)))
        assert.strictEqual(error.reason, reason)
        assert.notInclude(error.message, SECRET)
      }).pipe(Effect.provide(jwksLayer(() => response)))
    )
  }

  it.effect("keeps verifying with stale keys while the JWKS is down, within maxStale", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(NOW_MS)
      let down = false
      const program = Effect.gen(function* () {
        const token = yield* longLived(KEY)
        yield* verifyToken(token)
        down = true
        yield* TestClock.adjust("10 minutes")
        yield* verifyToken(token)
        assert.strictEqual(yield* requestCount, 2)
        // Right after a failed refresh, requests use the stale key at once instead of waiting on another fetch.
        yield* verifyToken(token)
        assert.strictEqual(yield* requestCount, 2)
        yield* TestClock.adjust("11 seconds")
        yield* verifyToken(token)
        assert.strictEqual(yield* requestCount, 3)
        yield* TestClock.adjust("1 hour")
        assert.strictEqual(yield* reasonOf(verifyToken(token)), "jwk-remote-failed-to-load")
        assert.strictEqual(yield* reasonOf(verifyToken(token)), "jwk-remote-failed-to-load")
        assert.strictEqual(yield* requestCount, 4)
        down = false
        yield* TestClock.adjust("11 seconds")
        yield* verifyToken(token)
        assert.strictEqual(yield* requestCount, 5)
      })
      yield* program.pipe(
        Effect.provide(jwksLayer(() => (down ? FakeHttp.json(503, {}) : FakeHttp.json(200, jwksBody(KEY)))))
      )
    })
  )

  it.effect("an interrupted caller does not cancel the shared fetch", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(NOW_MS)
      const gate = yield* Deferred.make<void>()
      const token = yield* longLived(KEY)
      const program = Effect.gen(function* () {
        const first = yield* Effect.fork(verifyToken(token))
        const second = yield* Effect.fork(verifyToken(token))
        yield* Effect.yieldNow()
        yield* Fiber.interrupt(first)
        yield* Deferred.succeed(gate, undefined)
        const payload = yield* Fiber.join(second)
        assert.strictEqual(payload.sub, "user_2abc")
        assert.strictEqual(yield* requestCount, 1)
      })
      yield* program.pipe(
        Effect.provide(jwksLayer(() => Effect.as(Deferred.await(gate), FakeHttp.json(200, jwksBody(KEY)))))
      )
    })
  )

  it.effect("without a secret key or jwtKey it fails with jwk-failed-to-resolve", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(NOW_MS)
      assert.strictEqual(yield* reasonOf(verifyToken(yield* longLived(KEY))), "jwk-failed-to-resolve")
    }).pipe(
      Effect.provide(
        JwksCache.layer().pipe(
          Layer.provideMerge(Jwks.Default),
          Layer.provideMerge(BackendApi.layer),
          Layer.provideMerge(ClerkConfig.layer({})),
          Layer.provideMerge(FakeHttp.layer(() => FakeHttp.networkError()))
        )
      )
    )
  )
})

// ---------------------------------------------------------------------------------------------------------------
// Promise API

describe("Promise verifyToken", () => {
  const counting = () => {
    const seen: Array<string> = []
    const verifier = createTokenVerifier({
      retry: false,
      httpClient: FakeHttp.layer((req) => {
        seen.push(`${req.method} ${req.url.href} ${req.headers["authorization"] ?? ""}`)
        return FakeHttp.json(200, jwksBody(KEY))
      })
    })
    return { seen, verifier }
  }
  const live = () => sign(KEY, sessionClaims(Math.floor(Date.now() / 1000)))

  it("resolves the payload with a jwtKey and never uses the network", async () => {
    const { seen, verifier } = counting()
    const payload = await verifier.verifyToken(await live(), { jwtKey: KEY.pem })
    assert.strictEqual(payload.sid, "sess_2abc")
    assert.deepStrictEqual(seen, [])
  })

  it("throws TokenVerificationError with the reason, the tagged cause and no secret", async () => {
    const { verifier } = counting()
    const error = await verifier.verifyToken("nope", { secretKey: SECRET }).then(
      () => undefined,
      (e: unknown) => e
    )
    assert.instanceOf(error, TokenVerificationError)
    assert.instanceOf(error, Error)
    if (error instanceof TokenVerificationError) {
      assert.strictEqual(error.reason, "token-invalid")
      assert.strictEqual(error.name, "TokenVerificationError")
      assert.instanceOf(error.cause, TokenVerificationFailure)
      assert.match(error.getFullMessage(), /reason=token-invalid/)
      assert.notInclude(`${error.message} ${error.getFullMessage()} ${String(error.stack)}`, SECRET)
    }
  })

  it("caches the JWKS per secret key", async () => {
    const { seen, verifier } = counting()
    const token = await live()
    await verifier.verifyToken(token, { secretKey: SECRET })
    await verifier.verifyToken(token, { secretKey: SECRET })
    await verifier.verifyToken(token, { secretKey: `${SECRET}2` })
    await verifier.verifyToken(token, { secretKey: SECRET, apiUrl: "https://api.clerk.test", apiVersion: "v2" })
    assert.deepStrictEqual(seen, [
      `GET https://api.clerk.com/v1/jwks Bearer ${SECRET}`,
      `GET https://api.clerk.com/v1/jwks Bearer ${SECRET}2`,
      `GET https://api.clerk.test/v2/jwks Bearer ${SECRET}`
    ])
    await verifier.dispose()
  })

  it("keeps at most maxClients runtimes", async () => {
    const seen: Array<string> = []
    const verifier = createTokenVerifier({
      maxClients: 1,
      httpClient: FakeHttp.layer((req) => {
        seen.push(req.headers["authorization"] ?? "")
        return FakeHttp.json(200, jwksBody(KEY))
      })
    })
    const token = await live()
    await verifier.verifyToken(token, { secretKey: `${SECRET}a` })
    await verifier.verifyToken(token, { secretKey: `${SECRET}b` })
    await verifier.verifyToken(token, { secretKey: `${SECRET}a` })
    assert.strictEqual(seen.length, 3)
    await verifier.dispose()
  })

  it("reports a wrong-kind secret key (a pk_) without a request, and token problems before option problems", async () => {
    const { seen, verifier } = counting()
    const reason = (token: string, options: Parameters<typeof verifier.verifyToken>[1]) =>
      verifier.verifyToken(token, options).then(
        () => "ok",
        (e: TokenVerificationError) => e.reason
      )
    assert.strictEqual(await reason(await live(), { secretKey: "pk_test_nope" }), "secret-key-invalid")
    assert.strictEqual(await reason("bad", { secretKey: "pk_test_nope" }), "token-invalid")
    assert.strictEqual(await reason(await live(), {}), "jwk-failed-to-resolve")
    assert.strictEqual(
      await reason(await live(), { secretKey: SECRET, apiUrl: "not a url" }),
      "jwk-remote-failed-to-load"
    )
    assert.deepStrictEqual(seen, [])
  })

  it("never crashes on hostile input: every failure is a TokenVerificationError", async () => {
    const { seen, verifier } = counting()
    const junk: ReadonlyArray<unknown> = [
      undefined,
      null,
      42,
      {},
      [],
      "",
      ".",
      "..",
      "a.b.c",
      "\u0000.\u0000.\u0000",
      "é.é.é",
      `${"x".repeat(100_000)}.y.z`,
      `${Buffer.from('{"alg":"RS256","kid":{"toString":1}}').toString("base64url")}.e30.AA`,
      `${Buffer.from('{"alg":"RS256","kid":"__proto__"}').toString("base64url")}.${Buffer.from('{"sub":"u","exp":1e400}').toString("base64url")}.AA`
    ]
    for (const token of junk) {
      for (const options of [{ jwtKey: KEY.pem }, { secretKey: SECRET }, {}, undefined]) {
        const error = await verifier.verifyToken(token as string, options).then(
          () => undefined,
          (e: unknown) => e
        )
        assert.instanceOf(error, TokenVerificationError, `token ${String(token).slice(0, 30)}`)
      }
    }
    assert.isTrue(seen.length <= 1)
    await verifier.dispose()
  })
})
