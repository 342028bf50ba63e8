import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, TestClock } from "effect"
import { MachineTokenVerificationError, MachineTokenVerificationFailure } from "../src/auth/errors.js"
import { isMachineToken, machineTokenType } from "../src/auth/machine/detect.js"
import { verifyMachineToken, type VerifyMachineTokenOptions } from "../src/auth/machine/verify.js"
import * as JwksCache from "../src/auth/tokens/JwksCache.js"
import { createTokenVerifier } from "../src/promise/verifier.js"
import * as FakeHttp from "../src/testing/FakeHttp.js"
import { ApiKeys } from "../src/resources/ApiKeys.js"
import { IdPOAuthAccessToken } from "../src/resources/IdPOAuthAccessToken.js"
import { Jwks } from "../src/resources/Jwks.js"
import { M2M } from "../src/resources/M2M.js"
import * as BackendApi from "../src/services/BackendApi.js"
import * as ClerkConfig from "../src/services/ClerkConfig.js"
import { makeKey, NOW, NOW_MS, sign, unsignedToken } from "./auth-verify-keys.js"
import * as fixtures from "./auth-request-fixtures.js"

const KEY = makeKey("ins_machine_key")
const SECRET = "sk_test_machineSuiteSecret1"
const MACHINE_SECRET = "ak_machineSuiteSecret1"

const m2mBody = (extra: Record<string, unknown> = {}) => fixtures.m2mBody(NOW_MS, extra)
const apiKeyBody = (extra: Record<string, unknown> = {}) => fixtures.apiKeyBody(NOW_MS, { claims: null, ...extra })
const oauthBody = (extra: Record<string, unknown> = {}) =>
  fixtures.oauthBody(NOW_MS, {
    aud: ["https://api.example.com"],
    act: { sub: "user_admin", act: { sub: "user_root", act: { sub: "too_deep" } } },
    ...extra
  })

const machineLayer = (handler: FakeHttp.FakeHandler, options: ClerkConfig.ClerkOptions = {}) =>
  Layer.mergeAll(JwksCache.layer(), M2M.Default, ApiKeys.Default, IdPOAuthAccessToken.Default).pipe(
    Layer.provideMerge(Jwks.Default),
    Layer.provideMerge(BackendApi.layer),
    Layer.provideMerge(
      ClerkConfig.layer({ secretKey: SECRET, machineSecretKey: MACHINE_SECRET, retry: false, ...options })
    ),
    Layer.provideMerge(FakeHttp.layer(handler))
  )

const routes = (answers: {
  m2m?: FakeHttp.FakeResponse
  apiKey?: FakeHttp.FakeResponse
  oauth?: FakeHttp.FakeResponse
}) =>
  FakeHttp.routes({
    "POST /m2m_tokens/verify": () => answers.m2m ?? FakeHttp.json(200, m2mBody()),
    "POST /api_keys/verify": () => answers.apiKey ?? FakeHttp.json(200, apiKeyBody()),
    "POST /oauth_applications/access_tokens/verify": () => answers.oauth ?? FakeHttp.json(200, oauthBody()),
    "GET /v1/jwks": () => FakeHttp.json(200, { keys: [KEY.jwk] })
  })

const requests = Effect.flatMap(FakeHttp.Recorder, (r) => r.requests)

const failure = (token: string, options: VerifyMachineTokenOptions = {}) =>
  Effect.gen(function* () {
    yield* TestClock.setTime(NOW_MS)
    const error = yield* Effect.flip(verifyMachineToken(token, options))
    assert.instanceOf(error, MachineTokenVerificationFailure)
    return error
  })

const m2mClaims = (extra: Record<string, unknown> = {}) => ({
  sub: "mch_1",
  jti: "mt_jwt_1",
  iat: NOW - 5,
  exp: NOW + 600,
  scopes: "mch_2 mch_3",
  tier: "gold",
  ...extra
})

describe("machineTokenType", () => {
  it("detects the type locally by prefix or JWT shape", async () => {
    assert.strictEqual(machineTokenType("mt_abc"), "m2m_token")
    assert.strictEqual(machineTokenType("oat_abc"), "oauth_token")
    assert.strictEqual(machineTokenType("ak_abc"), "api_key")
    assert.strictEqual(machineTokenType(await sign(KEY, m2mClaims())), "m2m_token")
    assert.strictEqual(machineTokenType(await sign(KEY, { sub: "user_1", exp: NOW }, { typ: "at+jwt" })), "oauth_token")
    assert.strictEqual(
      machineTokenType(await sign(KEY, { sub: "user_1", exp: NOW }, { typ: "application/at+jwt" })),
      "oauth_token"
    )
    assert.strictEqual(machineTokenType(await sign(KEY, { sub: "user_1", exp: NOW })), undefined)
    assert.strictEqual(machineTokenType("garbage"), undefined)
    assert.strictEqual(machineTokenType(undefined as unknown as string), undefined)
    assert.isFalse(isMachineToken("sess_token"))
  })
})

describe("verifyMachineToken: opaque tokens through the Backend API", () => {
  it.effect("verifies an M2M token with the machine secret key, versionless", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(NOW_MS)
      const result = yield* verifyMachineToken("mt_secret_1")
      assert.deepStrictEqual(result, {
        tokenType: "m2m_token",
        data: {
          id: "mt_id_1",
          subject: "mch_1",
          scopes: ["mch_2"],
          claims: { tier: "gold" },
          revoked: false,
          revocationReason: null,
          expired: false,
          expiration: NOW_MS + 3_600_000,
          createdAt: NOW_MS - 1000,
          updatedAt: NOW_MS - 1000
        }
      })
      const [req] = yield* requests
      assert.strictEqual(req!.url.href, "https://api.clerk.com/m2m_tokens/verify")
      assert.strictEqual(req!.headers["authorization"], `Bearer ${MACHINE_SECRET}`)
      assert.deepStrictEqual(req!.body, { token: "mt_secret_1" })
    }).pipe(Effect.provide(machineLayer(routes({}))))
  )

  it.effect("verifies an API key with the secret key", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(NOW_MS)
      const result = yield* verifyMachineToken("ak_live_key")
      assert.strictEqual(result.tokenType, "api_key")
      if (result.tokenType === "api_key") {
        assert.strictEqual(result.data.name, "CI")
        assert.strictEqual(result.data.subject, "user_1")
        assert.strictEqual(result.data.createdBy, "user_1")
        assert.isFalse("object" in result.data)
      }
      const [req] = yield* requests
      assert.strictEqual(req!.url.href, "https://api.clerk.com/api_keys/verify")
      assert.strictEqual(req!.headers["authorization"], `Bearer ${SECRET}`)
      assert.deepStrictEqual(req!.body, { secret: "ak_live_key" })
    }).pipe(Effect.provide(machineLayer(routes({}))))
  )

  it.effect("verifies an OAuth token, checks the audience and keeps one nested actor", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(NOW_MS)
      const result = yield* verifyMachineToken("oat_abc", { audience: "https://api.example.com" })
      assert.strictEqual(result.tokenType, "oauth_token")
      if (result.tokenType === "oauth_token") {
        assert.strictEqual(result.data.clientId, "client_1")
        assert.deepStrictEqual(result.data.aud, ["https://api.example.com"])
        assert.deepStrictEqual(result.data.act, { sub: "user_admin", act: { sub: "user_root" } })
      }
      const [req] = yield* requests
      assert.deepStrictEqual(req!.body, { access_token: "oat_abc" })
      const mismatch = yield* failure("oat_abc", { audience: "https://other.example" })
      assert.strictEqual(mismatch.code, "token-verification-failed")
    }).pipe(Effect.provide(machineLayer(routes({}))))
  )

  const closed: ReadonlyArray<readonly [string, string, Parameters<typeof routes>[0]]> = [
    [
      "a revoked API key",
      "ak_x",
      { apiKey: FakeHttp.json(200, apiKeyBody({ revoked: true, revocation_reason: "leak" })) }
    ],
    ["an expired API key", "ak_x", { apiKey: FakeHttp.json(200, apiKeyBody({ expired: true })) }],
    ["an API key past its expiration", "ak_x", { apiKey: FakeHttp.json(200, apiKeyBody({ expiration: NOW_MS - 1 })) }],
    ["a revoked M2M token", "mt_x", { m2m: FakeHttp.json(200, m2mBody({ revoked: true })) }],
    ["an inactive OAuth token", "oat_x", { oauth: FakeHttp.json(200, { active: false }) }],
    ["an expired OAuth token", "oat_x", { oauth: FakeHttp.json(200, oauthBody({ expired: true })) }]
  ]
  for (const [name, token, answers] of closed) {
    it.effect(`fails closed on ${name} answered with 200`, () =>
      Effect.gen(function* () {
        const error = yield* failure(token)
        assert.strictEqual(error.code, "token-invalid")
        assert.strictEqual(error.status, 200)
      }).pipe(Effect.provide(machineLayer(routes(answers))))
    )
  }

  const statuses: ReadonlyArray<readonly [string, FakeHttp.FakeResponse, string, number | undefined]> = [
    [
      "401",
      FakeHttp.clerkError(401, [{ code: "authentication_invalid", message: "Bad key" }]),
      "secret-key-invalid",
      401
    ],
    ["404", FakeHttp.clerkError(404, [{ code: "resource_not_found", message: "nope" }]), "token-invalid", 404],
    ["500", FakeHttp.json(500, {}), "unexpected-error", 500],
    ["429", FakeHttp.clerkError(429, [{ code: "too_many_requests", message: "slow" }]), "unexpected-error", 429],
    ["a network error", FakeHttp.networkError(), "unexpected-error", undefined],
    ["a malformed body", FakeHttp.json(200, { object: "api_key" }), "unexpected-error", undefined]
  ]
  for (const [name, response, code, status] of statuses) {
    it.effect(`maps ${name} to ${code}`, () =>
      Effect.gen(function* () {
        const error = yield* failure("ak_x")
        assert.strictEqual(error.code, code)
        assert.strictEqual(error.status, status)
        if (code === "token-invalid") assert.strictEqual(error.message, "API key not found")
        assert.notInclude(error.getFullMessage(), SECRET)
      }).pipe(Effect.provide(machineLayer(routes({ apiKey: response }), { retry: false })))
    )
  }

  it.effect("rejects malformed and unknown tokens before any request", () =>
    Effect.gen(function* () {
      for (const token of ["ak_has space", `ak_${"x".repeat(5000)}`, "mt_\nx", "whatever", "", "a.b"]) {
        const error = yield* failure(token)
        assert.strictEqual(error.code, "token-invalid", token.slice(0, 20))
      }
      assert.strictEqual((yield* requests).length, 0)
    }).pipe(Effect.provide(machineLayer(routes({}))))
  )
})

describe("verifyMachineToken: JWT forms, networkless", () => {
  it.effect("verifies an M2M JWT with a jwtKey", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(NOW_MS)
      const token = yield* Effect.promise(() => sign(KEY, m2mClaims(), { cat: "cl_B7d4PD333AAA" }))
      const result = yield* verifyMachineToken(token, { jwtKey: KEY.pem })
      assert.deepStrictEqual(result, {
        tokenType: "m2m_token",
        data: {
          id: "mt_jwt_1",
          subject: "mch_1",
          scopes: ["mch_2", "mch_3"],
          claims: { scopes: "mch_2 mch_3", tier: "gold" },
          revoked: false,
          revocationReason: null,
          expired: false,
          expiration: (NOW + 600) * 1000,
          createdAt: (NOW - 5) * 1000,
          updatedAt: (NOW - 5) * 1000
        }
      })
      assert.strictEqual((yield* requests).length, 0)
    }).pipe(Effect.provide(machineLayer(routes({}))))
  )

  it.effect("rejects bad M2M JWTs", () =>
    Effect.gen(function* () {
      const wrongCategory = yield* Effect.promise(() => sign(KEY, m2mClaims(), { cat: "cl_B7d4PD111AAA" }))
      assert.strictEqual((yield* failure(wrongCategory, { jwtKey: KEY.pem })).code, "token-invalid")
      const expired = yield* Effect.promise(() => sign(KEY, m2mClaims({ exp: NOW - 60 })))
      assert.strictEqual((yield* failure(expired, { jwtKey: KEY.pem })).code, "token-verification-failed")
      assert.strictEqual(
        (yield* failure(unsignedToken(m2mClaims()), { jwtKey: KEY.pem })).code,
        "token-verification-failed"
      )
      const audience = yield* Effect.promise(() => sign(KEY, m2mClaims({ aud: "svc_a" })))
      assert.strictEqual(
        (yield* failure(audience, { jwtKey: KEY.pem, audience: "svc_b" })).code,
        "token-verification-failed"
      )
      const session = yield* Effect.promise(() => sign(KEY, { sub: "user_1", exp: NOW + 60 }))
      assert.strictEqual((yield* failure(session, { jwtKey: KEY.pem })).code, "token-verification-failed")
    }).pipe(Effect.provide(machineLayer(routes({}))))
  )

  it.effect("verifies an OAuth JWT (typ at+jwt) and its audience", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(NOW_MS)
      const claims = {
        sub: "user_1",
        client_id: "client_9",
        jti: "oat_jwt",
        scp: ["a", "b"],
        aud: "api",
        iat: NOW,
        exp: NOW + 60
      }
      const token = yield* Effect.promise(() => sign(KEY, claims, { typ: "at+jwt" }))
      const result = yield* verifyMachineToken(token, { jwtKey: KEY.pem, audience: "api" })
      assert.strictEqual(result.tokenType, "oauth_token")
      if (result.tokenType === "oauth_token") {
        assert.strictEqual(result.data.clientId, "client_9")
        assert.deepStrictEqual(result.data.scopes, ["a", "b"])
        assert.deepStrictEqual(result.data.aud, ["api"])
      }
      assert.strictEqual(
        (yield* failure(token, { jwtKey: KEY.pem, audience: "other" })).code,
        "token-verification-failed"
      )
    }).pipe(Effect.provide(machineLayer(routes({}))))
  )

  it.effect("uses the JWKS when no jwtKey is given", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(NOW_MS)
      const token = yield* Effect.promise(() => sign(KEY, m2mClaims()))
      yield* verifyMachineToken(token)
      yield* verifyMachineToken(token)
      const all = yield* requests
      assert.deepStrictEqual(
        all.map((r) => r.path),
        ["/v1/jwks"]
      )
    }).pipe(Effect.provide(machineLayer(routes({}))))
  )
})

describe("Promise verifyMachineToken", () => {
  it("resolves the result and rejects MachineTokenVerificationError with code and status", async () => {
    const verifier = createTokenVerifier({
      retry: false,
      httpClient: FakeHttp.layer(
        FakeHttp.routes({
          "POST /api_keys/verify": (req) =>
            (req.body as { secret?: string }).secret === "ak_good"
              ? FakeHttp.json(200, apiKeyBody({ expiration: null }))
              : FakeHttp.clerkError(404, [{ code: "resource_not_found", message: "nope" }])
        })
      )
    })
    const ok = await verifier.verifyMachineToken("ak_good", { secretKey: SECRET })
    assert.strictEqual(ok.tokenType, "api_key")
    const error = await verifier.verifyMachineToken("ak_bad", { secretKey: SECRET }).then(
      () => undefined,
      (e: unknown) => e
    )
    assert.instanceOf(error, MachineTokenVerificationError)
    if (error instanceof MachineTokenVerificationError) {
      assert.strictEqual(error.code, "token-invalid")
      assert.strictEqual(error.status, 404)
      assert.strictEqual(error.getFullMessage(), "API key not found (code=token-invalid, status=404)")
      assert.instanceOf(error.cause, MachineTokenVerificationFailure)
    }
    const malformed = await verifier.verifyMachineToken("ak_good", { secretKey: "pk_test_bad" }).then(
      () => undefined,
      (e: unknown) => e
    )
    assert.instanceOf(malformed, MachineTokenVerificationError)
    if (malformed instanceof MachineTokenVerificationError) assert.strictEqual(malformed.code, "secret-key-invalid")
    for (const junk of [undefined, null, 7, {}, "", "mt_", "ak_\u0000", "x.y.z", `oat_${"a".repeat(10_000)}`]) {
      const error = await verifier.verifyMachineToken(junk as string).then(
        () => undefined,
        (e: unknown) => e
      )
      assert.instanceOf(error, MachineTokenVerificationError, String(junk).slice(0, 20))
    }
    await verifier.dispose()
  })
})
