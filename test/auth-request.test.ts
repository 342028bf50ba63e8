import { assert, describe, it } from "@effect/vitest"
import { Effect, Either, Exit, Option, TestClock } from "effect"
import {
  authenticatedMachineObject,
  signedOutAuthObject,
  unauthenticatedMachineObject
} from "../src/auth/auth-object/AuthObject.js"
import { sessionAuthFields } from "../src/auth/auth-object/claims.js"
import { CurrentAuth, currentSession } from "../src/auth/auth-object/CurrentAuth.js"
import { createCheckAuthorization } from "../src/auth/auth-object/has.js"
import { AuthenticateRequestError } from "../src/auth/request/AuthenticateRequestError.js"
import { authenticateRequest, decide, decideSync, handshakeLocation } from "../src/auth/request/authenticateRequest.js"
import { tokenFromAuthorization } from "../src/auth/request/context.js"
import { cookieSuffix, parseCookieHeader } from "../src/auth/request/cookies.js"
import { compilePatterns } from "../src/auth/request/organizationSync.js"
import { prepare } from "../src/auth/request/prepare.js"
import { debugRequestState, emptyEcho, signedOutSessionState } from "../src/auth/request/RequestState.js"
import { JwksCache } from "../src/auth/tokens/JwksCache.js"
import * as FakeHttp from "../src/testing/FakeHttp.js"
import { createClerkClient } from "../src/promise/createClerkClient.js"
import { ClerkAPIResponseError } from "../src/promise/errors.js"
import { Clients } from "../src/resources/Clients.js"
import { Sessions } from "../src/resources/Sessions.js"
import { ClerkConfig } from "../src/services/ClerkConfig.js"
import { ClerkNotFoundError } from "../src/services/ClerkErrors.js"
import {
  APP,
  KEY,
  PK_LIVE,
  request,
  type RequestSpec,
  servicesLayer,
  sessionToken,
  SK_LIVE,
  suffixOf
} from "./auth-request-fixtures.js"
import { NOW, NOW_MS } from "./auth-verify-keys.js"

const LIVE = { secretKey: SK_LIVE, publishableKey: PK_LIVE, jwtKey: KEY.pem }
const bearer = (token: string, extra: Partial<RequestSpec> = {}): RequestSpec => ({
  headers: { authorization: `Bearer ${token}` },
  ...extra
})

/** Mints a token at the test clock's NOW. */
const token = (extra: Readonly<Record<string, unknown>> = {}, header: Readonly<Record<string, unknown>> = {}) =>
  Effect.promise(() => sessionToken(NOW, extra, header))

const atNow = <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.zipRight(TestClock.setTime(NOW_MS), effect)

describe("authenticateRequest (Effect API)", () => {
  it.effect("a bearer token is signed in; has() reads the organization claims", () =>
    atNow(
      Effect.gen(function* () {
        const jwt = yield* token({ org_id: "org_1", org_role: "org:admin", org_permissions: ["org:reports:read"] })
        const state = yield* authenticateRequest(request(bearer(jwt)))
        assert.strictEqual(state.status, "signed-in")
        assert.strictEqual(state.tokenType, "session_token")
        assert.strictEqual(state.token, jwt)
        assert.isFalse(state.headers.has("x-clerk-auth-status"))
        const auth = state.toAuth()
        assert.isNotNull(auth)
        if (auth === null || !auth.isAuthenticated) return assert.fail("expected a signed-in Auth object")
        assert.strictEqual(auth.userId, "user_1")
        assert.strictEqual(auth.sessionId, "sess_1")
        assert.isTrue(auth.has({ role: "admin" }))
        assert.isTrue(auth.has({ permission: "reports:read" }))
        assert.isFalse(auth.has({ permission: "org:reports:write" }))
        assert.isFalse(auth.has({ role: "admin", permission: "org:reports:write" }))
        assert.strictEqual(yield* Effect.promise(() => auth.getToken()), jwt)
      }).pipe(Effect.provide(servicesLayer(LIVE)))
    )
  )

  it.effect("getToken({ template }) mints through the Backend API; failures reject with the tagged error", () =>
    atNow(
      Effect.gen(function* () {
        const state = yield* authenticateRequest(request(bearer(yield* token())))
        const auth = state.toAuth()
        if (auth === null || !auth.isAuthenticated) return assert.fail("expected signed in")
        assert.strictEqual(yield* Effect.promise(() => auth.getToken({ template: "supabase" })), "jwt_supabase")
        assert.strictEqual(yield* Effect.promise(() => auth.getToken({ expiresInSeconds: 60 })), "jwt_default")
        const recorder = yield* FakeHttp.Recorder
        const [templated, lifetime] = yield* recorder.requests
        assert.strictEqual(templated!.path, "/v1/sessions/sess_1/tokens/supabase")
        assert.strictEqual(templated!.method, "POST")
        assert.strictEqual(templated!.headers["authorization"], `Bearer ${SK_LIVE}`)
        assert.strictEqual(lifetime!.path, "/v1/sessions/sess_1/tokens")
        assert.deepStrictEqual(lifetime!.body, { expires_in_seconds: 60 })
        const error = yield* Effect.promise(() =>
          auth.getToken({ template: "missing" }).then(
            () => undefined,
            (e: unknown) => e
          )
        )
        assert.instanceOf(error, ClerkNotFoundError)
      }).pipe(
        Effect.provide(
          servicesLayer(
            LIVE,
            FakeHttp.routes({
              "POST /v1/sessions/{id}/tokens/supabase": () =>
                FakeHttp.json(200, { object: "token", jwt: "jwt_supabase" }),
              "POST /v1/sessions/{id}/tokens": () => FakeHttp.json(200, { object: "token", jwt: "jwt_default" })
            })
          )
        )
      )
    )
  )

  it.effect("without jwtKey the JWKS is fetched once, then the cached key serves the synchronous path", () =>
    atNow(
      Effect.gen(function* () {
        const jwt = yield* token()
        const first = yield* authenticateRequest(request(bearer(jwt)))
        const second = yield* authenticateRequest(request(bearer(jwt)))
        assert.strictEqual(first.status, "signed-in")
        assert.strictEqual(second.status, "signed-in")
        const requests = yield* Effect.flatMap(FakeHttp.Recorder, (r) => r.requests)
        assert.deepStrictEqual(
          requests.map((r) => r.path),
          ["/v1/jwks"]
        )
      }).pipe(
        Effect.provide(
          servicesLayer(
            { secretKey: SK_LIVE, publishableKey: PK_LIVE },
            FakeHttp.routes({ "GET /v1/jwks": () => FakeHttp.json(200, { keys: [KEY.jwk] }) })
          )
        )
      )
    )
  )

  it.effect("time comes from the Effect Clock: the same token expires when the TestClock moves", () =>
    atNow(
      Effect.gen(function* () {
        const jwt = yield* token()
        assert.strictEqual((yield* authenticateRequest(request(bearer(jwt)))).status, "signed-in")
        yield* TestClock.adjust("2 minutes")
        const later = yield* authenticateRequest(request(bearer(jwt)))
        assert.strictEqual(later.status, "signed-out")
        assert.strictEqual(later.reason, "session-token-expired-refresh-non-eligible-no-refresh-cookie")
        assert.strictEqual(later.headers.get("x-clerk-auth-status"), "signed-out")
        assert.match(later.message ?? "", /\(reason=token-expired, token-carrier=header\)$/)
      }).pipe(Effect.provide(servicesLayer(LIVE)))
    )
  )

  it.effect("the synchronous bearer path decides exactly as the full flow", () =>
    atNow(
      Effect.gen(function* () {
        const jwt = yield* token({
          v: 2,
          o: { id: "org_9", slg: "nine", rol: "member", per: "read", fpm: "1" },
          fea: "o:docs"
        })
        const config = yield* ClerkConfig
        const services = { sessions: yield* Sessions, clients: yield* Clients, runner: { run: Effect.runPromise } }
        const flow = Either.getOrThrow(prepare(request(bearer(jwt)), {}, config, services, NOW_MS))
        const fast = decideSync(flow, yield* JwksCache)
        const full = yield* decide(flow)
        assert.isDefined(fast)
        const strip = (s: typeof full) => ({ ...s, headers: [...s.headers], toAuth: undefined })
        assert.deepStrictEqual(strip(fast!), strip(full))
        const a = fast!.toAuth()
        const b = full.toAuth()
        assert.deepStrictEqual(a && "orgPermissions" in a ? a.orgPermissions : "none", ["org:docs:read"])
        assert.deepStrictEqual(b && "orgPermissions" in b ? b.orgPermissions : "none", ["org:docs:read"])
      }).pipe(Effect.provide(servicesLayer(LIVE)))
    )
  )

  it.effect(
    "refresh: the __refresh cookie is sent to the Backend API; a network failure is reported as fetch-error",
    () =>
      atNow(
        Effect.gen(function* () {
          const suffix = suffixOf(PK_LIVE)
          const expired = yield* token({ iat: NOW - 120, nbf: NOW - 120, exp: NOW - 60 })
          const cookies = {
            [`__session_${suffix}`]: expired,
            [`__client_uat_${suffix}`]: String(NOW - 300),
            [`__refresh_${suffix}`]: "refresh_1"
          }
          const state = yield* authenticateRequest(request({ document: true, cookies }))
          assert.strictEqual(state.status, "handshake")
          assert.strictEqual(state.reason, "session-token-expired-refresh-fetch-error")
          const [sent] = yield* Effect.flatMap(FakeHttp.Recorder, (r) => r.requests)
          assert.strictEqual(sent!.path, "/v1/sessions/sess_1/refresh")
          assert.deepStrictEqual(sent!.query["suffixed_cookies"], ["true"])
          assert.deepInclude(sent!.body as object, {
            format: "cookie",
            expired_token: expired,
            refresh_token: "refresh_1",
            request_origin: APP
          })
        }).pipe(Effect.provide(servicesLayer(LIVE, () => FakeHttp.networkError())))
      )
  )

  it.effect("a failing handshake-payload call ends signed out with session-token-missing, not an error", () =>
    atNow(
      Effect.gen(function* () {
        const state = yield* authenticateRequest(request({ document: true, url: `${APP}/?__clerk_handshake_nonce=n1` }))
        assert.strictEqual(state.status, "signed-out")
        assert.strictEqual(state.reason, "session-token-missing")
        assert.strictEqual(state.headers.get("access-control-allow-credentials"), "true")
      }).pipe(Effect.provide(servicesLayer(LIVE, () => FakeHttp.clerkError(500, [{ code: "boom", message: "x" }]))))
    )
  )

  it.effect("handshake redirects carry the reason and count; the location names the public URL", () =>
    atNow(
      Effect.gen(function* () {
        const state = yield* authenticateRequest(
          request({
            document: true,
            url: "http://internal:3000/path?x=1",
            headers: { "x-forwarded-host": "app.example.test", "x-forwarded-proto": "https" },
            cookies: { __client_uat: String(NOW) }
          })
        )
        assert.strictEqual(state.status, "handshake")
        const location = new URL(handshakeLocation(state) ?? "")
        assert.strictEqual(location.searchParams.get("redirect_url"), `${APP}/path?x=1`)
        assert.strictEqual(location.searchParams.get("__clerk_hs_reason"), "client-uat-but-no-session-token")
        assert.strictEqual(state.headers.get("cache-control"), "no-store")
      }).pipe(Effect.provide(servicesLayer(LIVE)))
    )
  )
})

describe("authenticateRequest: hostile input always ends in a state", () => {
  const hostile: ReadonlyArray<readonly [string, RequestSpec]> = [
    [
      "garbage cookies",
      {
        document: true,
        headers: {
          cookie: "__session=%E0%A4%A; __client_uat=abc;;; =; ; __session=second; \t__clerk_redirect_count=NaN"
        }
      }
    ],
    ["a 100 KB session cookie", { cookies: { __session: `a.${"b".repeat(100_000)}.c`, __client_uat: "1" } }],
    ["two Authorization headers", { headers: { authorization: "Bearer a.b.c, Bearer d.e.f" } }],
    ["a JWT-shaped token with binary JSON", { headers: { authorization: "Bearer AAAA.AAAA.AAAA" } }],
    ["an empty Bearer", { headers: { authorization: "Bearer " } }],
    [
      "a hostile forwarded host",
      { document: true, headers: { "x-forwarded-host": "evil host:99999/../", "x-forwarded-proto": "javascript" } }
    ],
    [
      "a hostile referer and sync params",
      {
        document: true,
        url: `${APP}/?__clerk_synced=false&__clerk_redirect_url=%%&__clerk_handshake=x.y.z`,
        headers: { referer: "::::" }
      }
    ]
  ]
  for (const [name, spec] of hostile) {
    it.effect(name, () =>
      atNow(
        Effect.gen(function* () {
          const exit = yield* Effect.exit(authenticateRequest(request(spec)))
          assert.isTrue(Exit.isSuccess(exit), `failed: ${String(exit)}`)
          if (Exit.isSuccess(exit)) {
            assert.include(["signed-out", "handshake"], exit.value.status)
            assert.isString(exit.value.reason)
          }
        }).pipe(Effect.provide(servicesLayer(LIVE)))
      )
    )
  }

  it("a debug header value that is not a ByteString is skipped, not thrown", () => {
    const state = signedOutSessionState(emptyEcho, "token-invalid", "caf\u00e9 \u2603", new Headers(), () =>
      signedOutAuthObject()
    )
    assert.isNull(state.headers.get("x-clerk-auth-message"))
    assert.strictEqual(state.headers.get("x-clerk-auth-reason"), "token-invalid")
  })
})

describe("authenticateRequest: configuration errors are typed and carry no secret", () => {
  const failureOf = (
    options: Parameters<typeof servicesLayer>[0],
    call: Parameters<typeof authenticateRequest>[1] = {}
  ) =>
    atNow(
      Effect.gen(function* () {
        const error = yield* Effect.flip(authenticateRequest(request(), call))
        assert.instanceOf(error, AuthenticateRequestError)
        assert.notInclude(error.message, SK_LIVE)
        assert.notInclude(String(error), SK_LIVE)
        return error.reason
      }).pipe(Effect.provide(servicesLayer(options)))
    )

  it.effect("missing keys, bad publishable key, satellite gaps, bad organization pattern", () =>
    Effect.gen(function* () {
      assert.strictEqual(yield* failureOf({ publishableKey: PK_LIVE }), "missing-secret-key")
      assert.strictEqual(yield* failureOf({ secretKey: SK_LIVE }), "missing-publishable-key")
      assert.strictEqual(yield* failureOf(LIVE, { publishableKey: "pk_live_%%%" }), "invalid-publishable-key")
      assert.strictEqual(yield* failureOf(LIVE, { isSatellite: true }), "satellite-missing-domain")
      assert.strictEqual(
        yield* failureOf(LIVE, { isSatellite: true, domain: "s.example", signInUrl: "/sign-in" }),
        "satellite-invalid-sign-in-url"
      )
      assert.strictEqual(
        yield* failureOf({ publishableKey: PK_LIVE }, { acceptsToken: "m2m_token" }),
        "missing-machine-secret-key"
      )
      assert.strictEqual(
        yield* failureOf(LIVE, { organizationSyncOptions: { organizationPatterns: ["/orgs/(unclosed"] } }),
        "invalid-organization-pattern"
      )
    })
  )

  it.effect("machine-only acceptsToken needs no publishable key", () =>
    atNow(
      Effect.gen(function* () {
        const state = yield* authenticateRequest(request(), { acceptsToken: "api_key" })
        assert.strictEqual(state.reason, "No token in header")
        assert.strictEqual(state.tokenType, "api_key")
      }).pipe(Effect.provide(servicesLayer({ secretKey: SK_LIVE })))
    )
  )
})

describe("Auth objects", () => {
  it("v2 claims: permissions come from the organization features and the fpm bitmaps", () => {
    const fields = sessionAuthFields({
      sub: "user_1",
      sid: "sess_1",
      v: 2,
      o: { id: "org_1", slg: "acme", rol: "admin", per: "read,write,manage", fpm: "5,0,2" },
      fea: "o:reports,u:chat,o:billing,ou:shared"
    })
    assert.strictEqual(fields.orgRole, "org:admin")
    // fpm entries map, in order, onto the organization features: reports=5 (read, manage), billing=0, shared=2 (write).
    assert.deepStrictEqual(fields.orgPermissions, ["org:reports:read", "org:reports:manage", "org:shared:write"])
  })

  it("has(): features, plans and reverification fail closed", () => {
    const has = createCheckAuthorization({
      userId: "user_1",
      orgId: "org_1",
      orgRole: "org:member",
      orgPermissions: [],
      factorVerificationAge: [5, -1],
      features: "o:reports,u:chat",
      plans: "u:pro"
    })
    assert.isTrue(has({ feature: "reports" }))
    assert.isTrue(has({ feature: "org:reports" }))
    assert.isFalse(has({ feature: "user:reports" }))
    assert.isTrue(has({ feature: "u:chat" }))
    assert.isFalse(has({ feature: "bogus:chat" }))
    assert.isTrue(has({ plan: "pro" }))
    assert.isTrue(has({ reverification: "strict" }))
    assert.isTrue(has({ reverification: "strict_mfa" }))
    assert.isFalse(has({ reverification: { level: "first_factor", afterMinutes: 5 } }))
    assert.isFalse(has({ reverification: { level: "nope" as "first_factor", afterMinutes: 5 } }))
    assert.isFalse(has({}))
    assert.isFalse(has({ role: null as unknown as string }))
    const broken = createCheckAuthorization({
      userId: "user_1",
      orgId: null,
      orgRole: null,
      orgPermissions: null,
      factorVerificationAge: [Number.NaN, 1] as unknown as [number, number],
      features: "garbage-without-scope",
      plans: null
    })
    assert.isFalse(broken({ feature: "garbage-without-scope" }))
    assert.isFalse(broken({ reverification: "lax" }))
    assert.isFalse(broken({ role: "admin" }))
  })

  it("machine Auth objects: getToken gives the raw token, has() is always false", async () => {
    const apiKey = authenticatedMachineObject("api_key", "ak_raw", {
      id: "ak_1",
      subject: "org_9",
      scopes: ["a"],
      name: "n"
    })
    assert.strictEqual(apiKey.orgId, "org_9")
    assert.isNull(apiKey.userId)
    assert.strictEqual(await apiKey.getToken(), "ak_raw")
    assert.isFalse(apiKey.has({ role: "admin" }))
    const none = unauthenticatedMachineObject("oauth_token")
    assert.isNull(none.clientId)
    assert.isNull(await none.getToken())
  })

  it.effect("CurrentAuth: handlers read the request's Auth object", () =>
    atNow(
      Effect.gen(function* () {
        const state = yield* authenticateRequest(request(bearer(yield* token())))
        const auth = state.toAuth()
        if (auth === null) return assert.fail("expected an Auth object")
        const session = yield* Effect.provideService(currentSession, CurrentAuth, auth)
        assert.strictEqual(Option.getOrThrow(session).userId, "user_1")
        const none = yield* Effect.provideService(currentSession, CurrentAuth, signedOutAuthObject())
        assert.isTrue(Option.isNone(none))
        assert.isTrue(Option.isNone(yield* currentSession))
        const debug = debugRequestState(state)
        assert.deepStrictEqual(Object.keys(debug).sort(), [
          "domain",
          "isAuthenticated",
          "isSatellite",
          "isSignedIn",
          "message",
          "proxyUrl",
          "publishableKey",
          "reason"
        ])
        const printed = JSON.stringify(auth.debug())
        assert.notInclude(printed, SK_LIVE)
        assert.notInclude(printed, state.token ?? "-")
      }).pipe(Effect.provide(servicesLayer(LIVE)))
    )
  )
})

describe("request reading", () => {
  it("cookies: split on ';' only, first one wins, bad escapes kept as sent", () => {
    const cookies = parseCookieHeader(" a = 1 ; b=%41%zz; a=2; c=x%3By; noequals; =empty")
    assert.strictEqual(cookies.get("a"), "1")
    assert.strictEqual(cookies.get("b"), "%41%zz")
    assert.strictEqual(cookies.get("c"), "x;y")
    assert.isFalse(cookies.has("noequals"))
    assert.strictEqual(parseCookieHeader(null).size, 0)
  })

  it("the cookie suffix is the first 8 characters of the URL-safe base64 SHA-1 of the publishable key", () => {
    assert.strictEqual(cookieSuffix(PK_LIVE), suffixOf(PK_LIVE))
    assert.lengthOf(cookieSuffix("pk_test_x"), 8)
  })

  it("Authorization: Bearer or a bare token; other schemes are ignored", () => {
    assert.strictEqual(tokenFromAuthorization("Bearer abc"), "abc")
    assert.strictEqual(tokenFromAuthorization("abc"), "abc")
    assert.isUndefined(tokenFromAuthorization("Basic abc"))
    assert.isUndefined(tokenFromAuthorization(null))
    assert.strictEqual(tokenFromAuthorization("Bearer a b"), "a")
  })

  it("organization patterns: parameters, unnamed groups, case and trailing slash", () => {
    const match = Either.getOrThrow(compilePatterns(["/orgs/:slug", "/orgs/:slug/(.*)", "/o/:id?"]))
    assert.deepStrictEqual(match("/orgs/acme"), { slug: "acme" })
    assert.deepStrictEqual(match("/ORGS/acme/"), { slug: "acme" })
    assert.deepStrictEqual(match("/orgs/acme/settings/x"), { slug: "acme", "0": "settings/x" })
    assert.deepStrictEqual(match("/o"), {})
    assert.deepStrictEqual(match("/o/org_1"), { id: "org_1" })
    assert.isUndefined(match("/orgs"))
    assert.isUndefined(match("/other/acme"))
    assert.isTrue(Either.isLeft(compilePatterns(["/x/:"])))
    assert.isTrue(Either.isLeft(compilePatterns(["/x/(a(b))"])))
  })
})

describe("client.authenticateRequest (Promise API)", () => {
  const fetchOf = (handler: (url: URL) => Response) => (input: RequestInfo | URL) =>
    Promise.resolve(handler(new URL(input instanceof Request ? input.url : String(input))))

  it("per-call options merge over the client's as @clerk/backend does; getToken errors are ClerkAPIResponseError", async () => {
    const client = createClerkClient({
      secretKey: SK_LIVE,
      jwtKey: KEY.pem,
      isSatellite: true,
      domain: "sat.example.test",
      retry: false,
      fetch: fetchOf(() =>
        Response.json({ errors: [{ code: "resource_not_found", message: "no template" }] }, { status: 404 })
      )
    })
    const jwt = await sessionToken(Math.floor(Date.now() / 1000))
    const missingKey = await client.authenticateRequest(request(bearer(jwt))).then(
      () => undefined,
      (e: unknown) => e
    )
    assert.instanceOf(missingKey, AuthenticateRequestError)
    // A falsy per-call value does not override the client's: the request stays a satellite.
    const state = await client.authenticateRequest(request(bearer(jwt)), {
      publishableKey: PK_LIVE,
      isSatellite: false
    })
    assert.strictEqual(state.status, "signed-in")
    assert.isTrue(state.isSatellite)
    assert.strictEqual(state.domain, "sat.example.test")
    const auth = state.toAuth()
    if (auth === null || !auth.isAuthenticated) return assert.fail("expected signed in")
    const error = await auth.getToken({ template: "nope" }).then(
      () => undefined,
      (e: unknown) => e
    )
    assert.instanceOf(error, ClerkAPIResponseError)
    assert.strictEqual((error as ClerkAPIResponseError).status, 404)
    assert.deepStrictEqual(client.debugRequestState(state).isSatellite, true)
    await client.dispose()
  })
})
