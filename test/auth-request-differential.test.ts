/**
 * authenticateRequest, differential: the same Requests through @clerk/backend 3.25.0's client (networkless with
 * `jwtKey`; its Backend API calls go to a stubbed global fetch) and through ours. Same status, reason, token type,
 * debug headers, handshake Location (parsed), Set-Cookie and Auth fields. Where we are deliberately stricter the test
 * says so and asserts both sides.
 */
import { Buffer } from "node:buffer"
import { describe, expect, it } from "vitest"
import * as FakeHttp from "../src/testing/FakeHttp.js"
import {
  APP,
  apiKeyBody,
  FAPI,
  KEY,
  m2mBody,
  oauthBody,
  OTHER_KEY,
  PK_LIVE,
  PK_TEST,
  request,
  type RequestSpec,
  sessionToken,
  SK_LIVE,
  SK_TEST,
  suffixOf
} from "./auth-request-fixtures.js"
import { sign, tamperSignature } from "./auth-verify-keys.js"
import { type Responder, runBoth, type SideResult } from "./support/differential.js"

const nowS = () => Math.floor(Date.now() / 1000)

/** The fields every state is compared on. */
interface StateLike {
  readonly status: string
  readonly reason: string | null
  readonly message: string | null
  readonly tokenType: string | null
  readonly isAuthenticated: boolean
  readonly isSignedIn: boolean
  readonly token: string | null
  readonly proxyUrl?: string
  readonly publishableKey: string
  readonly isSatellite: boolean
  readonly domain: string
  readonly signInUrl: string
  readonly signUpUrl: string
  readonly afterSignInUrl: string
  readonly afterSignUpUrl: string
  readonly headers: Headers
  readonly toAuth: () => Record<string, unknown> | null
}

const AUTH_FIELDS = [
  "tokenType",
  "isAuthenticated",
  "userId",
  "sessionId",
  "sessionStatus",
  "actor",
  "orgId",
  "orgRole",
  "orgSlug",
  "orgPermissions",
  "factorVerificationAge",
  "sessionClaims",
  "id",
  "subject",
  "scopes",
  "name",
  "claims",
  "machineId",
  "clientId"
] as const

/** Token verification messages are worded differently; their `(reason=…, token-carrier=…)` tail is the contract. */
const normalizeMessage = (message: string | null): string | null => {
  if (message === null) return null
  const tail = /\(reason=[^)]*\)$/.exec(message)
  return tail ? `…${tail[0]}` : message
}

const normalizeLocation = (location: string | null) => {
  if (location === null) return null
  const url = new URL(location)
  return {
    origin: url.origin,
    pathname: url.pathname,
    params: [...url.searchParams.entries()].sort(([a], [b]) => a.localeCompare(b))
  }
}

const HAS_CHECKS = [
  { role: "org:admin" },
  { role: "admin" },
  { permission: "org:reports:read" },
  { permission: "org:reports:write" },
  { feature: "reports" },
  { plan: "pro" },
  { reverification: "strict" }
] as const

const summarize = async (value: unknown) => {
  const state = value as StateLike
  const headers = state.headers
  const auth = state.toAuth()
  const authFields: Record<string, unknown> = {}
  if (auth !== null) {
    for (const field of AUTH_FIELDS) if (field in auth) authFields[field] = auth[field]
    const has = auth["has"] as (p: unknown) => boolean
    authFields["has"] = HAS_CHECKS.map((check) => has(check))
    authFields["getToken"] = await (auth["getToken"] as () => Promise<unknown>)()
  }
  return {
    status: state.status,
    reason: state.reason,
    message: normalizeMessage(state.message),
    tokenType: state.tokenType,
    isAuthenticated: state.isAuthenticated,
    isSignedIn: state.isSignedIn,
    token: state.token,
    proxyUrl: state.proxyUrl,
    publishableKey: state.publishableKey,
    isSatellite: state.isSatellite,
    domain: state.domain,
    signInUrl: state.signInUrl,
    signUpUrl: state.signUpUrl,
    afterSignInUrl: state.afterSignInUrl,
    afterSignUpUrl: state.afterSignUpUrl,
    headers: {
      status: headers.get("x-clerk-auth-status"),
      reason: headers.get("x-clerk-auth-reason"),
      message: normalizeMessage(headers.get("x-clerk-auth-message")),
      cacheControl: headers.get("cache-control"),
      allowOrigin: headers.get("access-control-allow-origin"),
      allowCredentials: headers.get("access-control-allow-credentials"),
      setCookie: headers.getSetCookie().sort(),
      location: normalizeLocation(headers.get("location"))
    },
    auth: auth === null ? null : authFields
  }
}

const notFound: Responder = (req) =>
  FakeHttp.clerkError(404, [{ code: "resource_not_found", message: `no route ${req.method} ${req.path}` }])

const routes =
  (table: Readonly<Record<string, (url: URL) => FakeHttp.FakeResponse>>): Responder =>
  (req) =>
    table[`${req.method} ${req.path}`]?.(req.url) ?? notFound(req)

type Options = Readonly<Record<string, unknown>>

const BASE: Options = { publishableKey: PK_LIVE, secretKey: SK_LIVE, jwtKey: KEY.pem, telemetry: { disabled: true } }

const runPair = (
  spec: RequestSpec,
  options: Options = {},
  client: Options = {},
  responder: Responder = notFound
): Promise<{ readonly reference: SideResult; readonly ours: SideResult }> =>
  runBoth(
    responder,
    // The reference's types are narrower than the plain option records used here.
    (c) => c.authenticateRequest(request(spec), options as Parameters<typeof c.authenticateRequest>[1]),
    (c) => c.authenticateRequest(request(spec), options),
    { ...BASE, ...client }
  )

/** Runs both and expects the same summarized state; returns it. */
const same = async (
  spec: RequestSpec,
  options: Options = {},
  client: Options = {},
  responder: Responder = notFound
) => {
  const result = await runPair(spec, options, client, responder)
  expect(result.reference.error, String(result.reference.error)).toBeUndefined()
  expect(result.ours.error, String(result.ours.error)).toBeUndefined()
  const reference = await summarize(result.reference.result)
  const ours = await summarize(result.ours.result)
  expect(ours).toEqual(reference)
  return { state: reference, requests: result }
}

const bearer = (token: string): RequestSpec => ({ headers: { authorization: `Bearer ${token}` } })
const uat = (seconds: number) => String(seconds)

describe("authenticateRequest vs @clerk/backend: header tokens", () => {
  it("a valid bearer token is signed in with the same Auth fields", async () => {
    const now = nowS()
    const token = await sessionToken(now, { act: { sub: "user_admin" }, fva: [3, -1] })
    const { state } = await same(bearer(token))
    expect(state.status).toBe("signed-in")
    expect(state.auth).toMatchObject({ userId: "user_1", sessionId: "sess_1", factorVerificationAge: [3, -1] })
    expect(state.headers.status).toBeNull()
  })

  it("v1 organization claims", async () => {
    const now = nowS()
    const token = await sessionToken(now, {
      org_id: "org_1",
      org_role: "org:admin",
      org_slug: "acme",
      org_permissions: ["org:reports:read"]
    })
    const { state } = await same(bearer(token))
    expect(state.auth).toMatchObject({ orgId: "org_1", orgRole: "org:admin", orgSlug: "acme" })
  })

  it("v2 `o` claim: organization, role and permissions from the feature bitmaps", async () => {
    const now = nowS()
    const token = await sessionToken(now, {
      v: 2,
      o: { id: "org_2", slg: "beta", rol: "admin", per: "read,write", fpm: "1,3" },
      fea: "o:reports,o:billing,u:chat",
      pla: "u:pro"
    })
    const { state } = await same(bearer(token))
    expect(state.auth).toMatchObject({
      orgId: "org_2",
      orgRole: "org:admin",
      orgSlug: "beta",
      orgPermissions: ["org:reports:read", "org:billing:read", "org:billing:write"]
    })
  })

  it("a pending session is signed out in toAuth() by default", async () => {
    const { state } = await same(bearer(await sessionToken(nowS(), { sts: "pending" })))
    expect(state.status).toBe("signed-in")
    expect(state.auth).toMatchObject({ isAuthenticated: false, sessionStatus: "pending", userId: null })
  })

  it("expired API request: signed out, no handshake", async () => {
    const now = nowS()
    const { state } = await same(bearer(await sessionToken(now, { iat: now - 120, nbf: now - 120, exp: now - 60 })))
    expect(state.status).toBe("signed-out")
    expect(state.reason).toBe("session-token-expired-refresh-non-eligible-no-refresh-cookie")
  })

  it("tampered signature, token from another instance, garbage", async () => {
    const now = nowS()
    const tampered = await same(bearer(tamperSignature(await sessionToken(now))))
    expect(tampered.state.reason).toBe("token-invalid-signature")
    const other = await same(bearer(await sessionToken(now, {}, {}, OTHER_KEY)))
    expect(other.state.reason).toBe("token-invalid-signature")
    expect((await same(bearer("not-a-jwt"))).state.reason).toBe("token-invalid")
    expect((await same({ headers: { authorization: "Basic dXNlcjpwYXNz" } })).state.reason).toBe(
      "session-token-and-uat-missing"
    )
  })

  it("authorizedParties: a wrong azp is signed out", async () => {
    const token = await sessionToken(nowS(), { azp: "https://evil.example" })
    const { state } = await same(bearer(token), { authorizedParties: [APP] })
    expect(state.reason).toBe("token-invalid-authorized-parties")
  })

  it("JWT-template and M2M JWTs are not session tokens", async () => {
    const now = nowS()
    const template = await sessionToken(now, {}, { cat: "cl_B7d4PD222AAA" })
    expect((await same(bearer(template))).state.reason).toBe("token-type-mismatch")
    expect((await same(bearer(template), { acceptsToken: "any" })).state.reason).toBe("token-type-mismatch")
    expect((await same(bearer(template), { acceptsToken: ["session_token", "api_key"] })).state.reason).toBe(
      "token-type-mismatch"
    )
    const m2mJwt = await sign(KEY, { sub: "mch_1", iat: now - 5, exp: now + 60, jti: "mt_1" })
    expect((await same(bearer(m2mJwt))).state.reason).toBe("token-type-mismatch")
  })
})

describe("authenticateRequest vs @clerk/backend: machine tokens", () => {
  const machineRoutes = () =>
    routes({
      "POST /api_keys/verify": () => FakeHttp.json(200, apiKeyBody(Date.now())),
      "POST /m2m_tokens/verify": () => FakeHttp.json(200, m2mBody(Date.now())),
      "POST /oauth_applications/access_tokens/verify": () => FakeHttp.json(200, oauthBody(Date.now()))
    })

  it("each machine type with its acceptsToken", async () => {
    const apiKey = await same(bearer("ak_live_secret"), { acceptsToken: "api_key" }, {}, machineRoutes())
    expect(apiKey.state).toMatchObject({ status: "signed-in", tokenType: "api_key" })
    expect(apiKey.state.auth).toMatchObject({ id: "ak_id_1", name: "CI", userId: "user_1", scopes: ["read"] })
    const m2m = await same(bearer("mt_secret"), { acceptsToken: "m2m_token" }, {}, machineRoutes())
    expect(m2m.state.auth).toMatchObject({ machineId: "mch_1", claims: { tier: "gold" } })
    const oauth = await same(bearer("oat_secret"), { acceptsToken: "oauth_token" }, {}, machineRoutes())
    expect(oauth.state.auth).toMatchObject({ userId: "user_1", clientId: "client_1" })
  })

  it("'any' and lists", async () => {
    const now = nowS()
    expect((await same(bearer("ak_x"), { acceptsToken: "any" }, {}, machineRoutes())).state.tokenType).toBe("api_key")
    expect((await same(bearer(await sessionToken(now)), { acceptsToken: "any" })).state.status).toBe("signed-in")
    const listed = await same(bearer("mt_x"), { acceptsToken: ["m2m_token", "api_key"] }, {}, machineRoutes())
    expect(listed.state.tokenType).toBe("m2m_token")
  })

  it("token type mismatches", async () => {
    const now = nowS()
    const notListed = await same(bearer(await sessionToken(now)), { acceptsToken: ["api_key"] })
    expect(notListed.state).toMatchObject({ status: "signed-out", reason: "token-type-mismatch", tokenType: null })
    const wrongMachine = await same(bearer("mt_x"), { acceptsToken: "api_key" }, {}, machineRoutes())
    expect(wrongMachine.state).toMatchObject({ reason: "token-type-mismatch", tokenType: "api_key" })
    const session = await same(bearer(await sessionToken(now)), { acceptsToken: "oauth_token" })
    expect(session.state).toMatchObject({ reason: "token-type-mismatch", tokenType: "oauth_token" })
    const missing = await same({}, { acceptsToken: "m2m_token" })
    expect(missing.state).toMatchObject({ reason: "No token in header", tokenType: "m2m_token" })
    const noHeaderList = await same({}, { acceptsToken: ["api_key"] })
    expect(noHeaderList.state.tokenType).toBeNull()
  })

  it("a machine token the Backend API does not know", async () => {
    const unknown = routes({
      "POST /api_keys/verify": () => FakeHttp.clerkError(404, [{ code: "resource_not_found", message: "nope" }])
    })
    const { state } = await same(bearer("ak_unknown"), { acceptsToken: "api_key" }, {}, unknown)
    expect(state).toMatchObject({ status: "signed-out", reason: "token-invalid" })
  })
})

describe("authenticateRequest vs @clerk/backend: cookies and handshake", () => {
  const doc = (cookies: Readonly<Record<string, string>>, extra: Partial<RequestSpec> = {}): RequestSpec => ({
    document: true,
    cookies,
    ...extra
  })

  it("valid cookie + client_uat is signed in", async () => {
    const now = nowS()
    const token = await sessionToken(now)
    const { state } = await same(doc({ __session: token, __client_uat: uat(now - 30) }))
    expect(state.status).toBe("signed-in")
    expect(state.auth).toMatchObject({ userId: "user_1" })
  })

  it("suffixed cookies win and the handshake says suffixed_cookies=true", async () => {
    const now = nowS()
    const suffix = suffixOf(PK_LIVE)
    const token = await sessionToken(now)
    const ok = await same(doc({ [`__session_${suffix}`]: token, [`__client_uat_${suffix}`]: uat(now - 30) }))
    expect(ok.state.status).toBe("signed-in")
    const expired = await sessionToken(now, { iat: now - 120, nbf: now - 120, exp: now - 60 })
    const hs = await same(doc({ [`__session_${suffix}`]: expired, [`__client_uat_${suffix}`]: uat(now - 300) }))
    expect(hs.state.status).toBe("handshake")
    expect(hs.state.headers.location?.params).toContainEqual(["suffixed_cookies", "true"])
  })

  it("expired cookie: handshake for a document GET, signed out for fetch and POST", async () => {
    const now = nowS()
    const expired = await sessionToken(now, { iat: now - 120, nbf: now - 120, exp: now - 60 })
    const cookies = { __session: expired, __client_uat: uat(now - 300) }
    const hs = await same(doc(cookies, { url: `${APP}/dashboard?tab=1` }))
    expect(hs.state).toMatchObject({
      status: "handshake",
      reason: "session-token-expired-refresh-non-eligible-no-refresh-cookie"
    })
    expect(hs.state.headers.location).toMatchObject({ origin: `https://${FAPI}`, pathname: "/v1/client/handshake" })
    expect(hs.state.headers.setCookie).toEqual(["__clerk_redirect_count=1; SameSite=Lax; HttpOnly; Max-Age=2"])
    const api = await same({ cookies })
    expect(api.state.status).toBe("signed-out")
    const post = await same(doc(cookies, { method: "POST" }))
    expect(post.state).toMatchObject({
      status: "signed-out",
      reason: "session-token-expired-refresh-non-eligible-non-get"
    })
  })

  it("missing pieces: no cookies, uat without session, session without uat, iat before uat", async () => {
    const now = nowS()
    const token = await sessionToken(now)
    expect((await same(doc({}))).state.reason).toBe("session-token-and-uat-missing")
    expect((await same(doc({ __client_uat: uat(now) }))).state.reason).toBe("client-uat-but-no-session-token")
    expect((await same(doc({ __session: token }))).state.reason).toBe("session-token-but-no-client-uat")
    expect((await same(doc({ __session: token, __client_uat: uat(now) }))).state.reason).toBe(
      "session-token-iat-before-client-uat"
    )
    expect((await same({ cookies: { __client_uat: uat(now) } })).state.status).toBe("signed-out")
    expect((await same(doc({ __client_uat: "0", __session: "garbage" }))).state.reason).toBe(
      "session-token-but-no-client-uat"
    )
  })

  it("the redirect loop stops at 3", async () => {
    const now = nowS()
    const cookies = { __client_uat: uat(now), __clerk_redirect_count: "2" }
    const third = await same(doc(cookies))
    expect(third.state.status).toBe("handshake")
    expect(third.state.headers.setCookie).toEqual(["__clerk_redirect_count=3; SameSite=Lax; HttpOnly; Max-Age=2"])
    const stopped = await same(doc({ ...cookies, __clerk_redirect_count: "3" }))
    expect(stopped.state).toMatchObject({ status: "signed-out", reason: "client-uat-but-no-session-token" })
  })

  it("development: dev browser missing, dev-browser sync from the query", async () => {
    const now = nowS()
    const client = { publishableKey: PK_TEST, secretKey: SK_TEST }
    const missing = await same(doc({ __client_uat: uat(now) }), {}, client)
    expect(missing.state.reason).toBe("dev-browser-missing")
    const sync = await same(doc({ __client_uat: "0" }, { url: `${APP}/page?__clerk_db_jwt=dvb_123&x=1` }), {}, client)
    expect(sync.state.reason).toBe("dev-browser-sync")
    expect(sync.state.headers.location?.params).toContainEqual(["__clerk_db_jwt", "dvb_123"])
    expect(sync.state.headers.location?.params).toContainEqual(["redirect_url", `${APP}/page?x=1`])
    const signedIn = await same(
      doc({ __session: await sessionToken(now), __client_uat: uat(now - 30), __clerk_db_jwt: "dvb_1" }),
      {},
      client
    )
    expect(signedIn.state.status).toBe("signed-in")
  })

  it("satellites: sync needed, skipped without cookies, autosync, synced, development sign-in redirect", async () => {
    const now = nowS()
    const satellite = { isSatellite: true, domain: "satellite.example.test" }
    const needsSync = await same(doc({}, { url: `${APP}/?__clerk_synced=false` }), satellite)
    expect(needsSync.state.reason).toBe("satellite-needs-syncing")
    expect(needsSync.state.headers.location?.origin).toBe("https://clerk.satellite.example.test")
    expect((await same(doc({}), satellite)).state.reason).toBe("session-token-and-uat-missing")
    expect((await same(doc({}), { ...satellite, satelliteAutoSync: true })).state.reason).toBe(
      "satellite-needs-syncing"
    )
    // A production satellite's tokens are issued by its own Frontend API, clerk.<domain>.
    const satelliteToken = await sessionToken(now, { iss: "https://clerk.satellite.example.test" })
    const synced = await same(
      doc({ __session: satelliteToken, __client_uat: uat(now - 30) }, { url: `${APP}/?__clerk_synced=true` }),
      satellite
    )
    expect(synced.state.status).toBe("signed-in")
    // A token of the primary's issuer in the satellite's un-suffixed cookie is not this instance's.
    const foreign = await same(
      doc({ __session: await sessionToken(now), __client_uat: uat(now - 30) }, { url: `${APP}/?__clerk_synced=true` }),
      satellite
    )
    expect(foreign.state.reason).toBe("session-token-and-uat-missing")
    const dev = await same(
      doc({}, { url: `${APP}/?__clerk_synced=false` }),
      { ...satellite, signInUrl: "https://primary.example.test/sign-in" },
      { publishableKey: PK_TEST, secretKey: SK_TEST }
    )
    expect(dev.state.headers.location?.origin).toBe("https://primary.example.test")
    expect(dev.state.headers.location?.params).toContainEqual(["__clerk_redirect_url", `${APP}/?__clerk_synced=false`])
  })

  it("development primary answers a satellite's sync request", async () => {
    const { state } = await same(
      doc(
        { __clerk_db_jwt: "dvb_9" },
        { url: `${APP}/sign-in?__clerk_redirect_url=${encodeURIComponent("https://sat.example.test/x")}` }
      ),
      {},
      { publishableKey: PK_TEST, secretKey: SK_TEST }
    )
    expect(state.reason).toBe("primary-responds-to-syncing")
    expect(state.headers.location?.params).toEqual([
      ["__clerk_db_jwt", "dvb_9"],
      ["__clerk_synced", "true"]
    ])
  })

  it("cross-origin navigation to the primary, proxy URL, forwarded host", async () => {
    const now = nowS()
    const cookies = { __session: await sessionToken(now), __client_uat: uat(now - 30) }
    const cross = await same(doc(cookies, { headers: { referer: "https://satellite.example.test/page" } }))
    expect(cross.state.reason).toBe("primary-domain-cross-origin-sync")
    const fromClerk = await same(doc(cookies, { headers: { referer: `https://accounts.example.test/sign-in` } }))
    expect(fromClerk.state.status).toBe("signed-in")
    const proxied = await same(doc({ __client_uat: uat(now) }), { proxyUrl: "/__clerk" })
    expect(proxied.state.proxyUrl).toBe(`${APP}/__clerk`)
    expect(proxied.state.headers.location?.origin + (proxied.state.headers.location?.pathname ?? "")).toBe(
      `${APP}/__clerk/v1/client/handshake`
    )
    const forwarded = await same(
      doc(
        { __client_uat: uat(now) },
        { headers: { "x-forwarded-host": "public.example.test, internal", "x-forwarded-proto": "https" } }
      )
    )
    expect(forwarded.state.headers.location?.params).toContainEqual([
      "redirect_url",
      "https://public.example.test/dashboard"
    ])
  })

  it("organization sync: a URL naming another organization asks for a handshake", async () => {
    const now = nowS()
    const token = await sessionToken(now, { org_id: "org_1", org_slug: "acme", org_role: "org:admin" })
    const cookies = { __session: token, __client_uat: uat(now - 30) }
    const sync = {
      organizationSyncOptions: {
        organizationPatterns: ["/orgs/:slug", "/orgs/:slug/(.*)"],
        personalAccountPatterns: ["/me", "/me/(.*)"]
      }
    }
    const other = await same(doc(cookies, { url: `${APP}/orgs/beta/settings` }), sync)
    expect(other.state.reason).toBe("active-organization-mismatch")
    expect(other.state.headers.location?.params).toContainEqual(["organization_id", "beta"])
    expect((await same(doc(cookies, { url: `${APP}/orgs/acme` }), sync)).state.status).toBe("signed-in")
    const personal = await same(doc(cookies, { url: `${APP}/me/profile` }), sync)
    expect(personal.state.headers.location?.params).toContainEqual(["organization_id", ""])
    const stopped = await same(doc({ ...cookies, __clerk_redirect_count: "3" }, { url: `${APP}/orgs/beta` }), sync)
    expect(stopped.state.status).toBe("signed-in")
  })

  it("handshake nonce: cookies from the Backend API payload", async () => {
    const now = nowS()
    const fresh = await sessionToken(now)
    const payload = routes({
      "GET /v1/clients/handshake_payload": (url) =>
        url.searchParams.get("nonce") === "nonce_1"
          ? FakeHttp.json(200, { directives: [`__session=${fresh}; Path=/`, `__client_uat=${now}; Path=/`] })
          : FakeHttp.clerkError(404, [{ code: "not_found", message: "nonce" }])
    })
    const { requests, state } = await same(doc({}, { url: `${APP}/?__clerk_handshake_nonce=nonce_1` }), {}, {}, payload)
    expect(state.status).toBe("signed-in")
    expect(state.headers.setCookie).toHaveLength(2)
    expect(requests.ours.requests).toEqual(requests.reference.requests)
  })

  it("handshake token: cookies from the signed handshake JWT", async () => {
    const now = nowS()
    const fresh = await sessionToken(now)
    const handshake = await sign(KEY, { handshake: [`__session=${fresh}; Path=/`, `__client_uat=${now}; Path=/`] })
    const { state } = await same(doc({ __clerk_handshake: handshake }))
    expect(state.status).toBe("signed-in")
    const dev = await same(
      doc({}, { url: `${APP}/p?__clerk_handshake=${handshake}&__clerk_help=1&keep=1` }),
      {},
      { publishableKey: PK_TEST, secretKey: SK_TEST }
    )
    expect(dev.state.status).toBe("signed-in")
  })

  it("refresh with the __refresh cookie on an expired GET", async () => {
    const now = nowS()
    const suffix = suffixOf(PK_LIVE)
    const expired = await sessionToken(now, { iat: now - 120, nbf: now - 120, exp: now - 60 })
    const fresh = await sessionToken(now)
    const refresh = routes({
      "POST /v1/sessions/sess_1/refresh": () =>
        FakeHttp.json(200, {
          object: "cookies",
          cookies: [`__session_${suffix}=${fresh}; Path=/`, `__session=${fresh}; Path=/`]
        })
    })
    const cookies = {
      [`__session_${suffix}`]: expired,
      [`__client_uat_${suffix}`]: uat(now - 300),
      [`__refresh_${suffix}`]: "refresh_secret"
    }
    const { requests, state } = await same(doc(cookies), {}, {}, refresh)
    expect(state.status).toBe("signed-in")
    expect(state.token).toBe(fresh)
    expect(requests.ours.requests.map((r) => [r.method, r.path, r.query])).toEqual(
      requests.reference.requests.map((r) => [r.method, r.path, r.query])
    )
    const failing = routes({
      "POST /v1/sessions/sess_1/refresh": () =>
        FakeHttp.clerkError(400, [{ code: "refresh_token_invalid", message: "no" }])
    })
    const failed = await same(doc(cookies), {}, {}, failing)
    expect(failed.state.reason).toBe("session-token-expired-refresh-refresh_token_invalid")
  })
})

describe("authenticateRequest vs @clerk/backend: configuration errors throw on both", () => {
  it("missing publishable key, missing secret key, satellite without domain", async () => {
    const cases: ReadonlyArray<readonly [Options, Options]> = [
      [{}, { publishableKey: undefined }],
      [{ publishableKey: "pk_live_garbage" }, {}],
      [{ isSatellite: true }, {}],
      [{ isSatellite: true, domain: "sat.example.test" }, { secretKey: SK_TEST }]
    ]
    for (const [options, client] of cases) {
      const result = await runPair({}, options, client)
      expect(result.reference.error, JSON.stringify(options)).toBeInstanceOf(Error)
      expect(result.ours.error, JSON.stringify(options)).toBeInstanceOf(Error)
    }
  })
})

describe("authenticateRequest: deliberately stricter than @clerk/backend", () => {
  it("a verified token without sid is not a session token", async () => {
    const token = await sessionToken(nowS(), { sid: undefined })
    const result = await runPair(bearer(token))
    expect((await summarize(result.reference.result)).status).toBe("signed-in")
    expect(await summarize(result.ours.result)).toMatchObject({ status: "signed-out", reason: "token-invalid" })
  })

  it("a redirect counter above 3 stops the handshake too", async () => {
    const result = await runPair({
      document: true,
      cookies: { __client_uat: uat(nowS()), __clerk_redirect_count: "7" }
    })
    expect((await summarize(result.reference.result)).status).toBe("handshake")
    expect((await summarize(result.ours.result)).status).toBe("signed-out")
  })

  it("a bad development handshake token is signed out, not thrown", async () => {
    const bad = await sign(OTHER_KEY, { handshake: [] })
    const result = await runPair(
      { document: true, url: `${APP}/?__clerk_handshake=${bad}` },
      {},
      { publishableKey: PK_TEST, secretKey: SK_TEST }
    )
    expect(result.reference.error).toBeInstanceOf(Error)
    expect(await summarize(result.ours.result)).toMatchObject({
      status: "signed-out",
      reason: "token-invalid-signature"
    })
  })

  it("a hostile Origin or __clerk_redirect_url cannot make authenticateRequest throw", async () => {
    const satellite = {
      isSatellite: true,
      domain: "sat.example.test",
      signInUrl: "https://primary.example.test/sign-in"
    }
    const origin = await runPair({ headers: { origin: "https://primary.example.test" } }, satellite)
    expect(origin.reference.error).toBeInstanceOf(Error)
    expect(origin.ours.error).toBeUndefined()
    const redirect = await runPair(
      { document: true, cookies: { __clerk_db_jwt: "dvb" }, url: `${APP}/?__clerk_redirect_url=not%20a%20url` },
      {},
      { publishableKey: PK_TEST, secretKey: SK_TEST }
    )
    expect(redirect.reference.error).toBeInstanceOf(Error)
    expect(redirect.ours.error).toBeUndefined()
  })

  it("no secret prefix in debug(): the reference shows 7 characters of the secret key", async () => {
    const token = await sessionToken(nowS())
    const result = await runPair(bearer(token))
    const debugOf = (r: unknown) => {
      const debug = (r as StateLike).toAuth()?.["debug"] as (() => Record<string, unknown>) | undefined
      if (debug === undefined) throw new Error("the Auth object has no debug()")
      return debug()
    }
    expect(debugOf(result.reference.result)["secretKey"]).toBe(SK_LIVE.slice(0, 7))
    const ours = JSON.stringify(debugOf(result.ours.result))
    expect(ours).not.toContain(SK_LIVE.slice(8))
    expect(ours).not.toContain(token.slice(10))
    expect(Buffer.byteLength(ours)).toBeGreaterThan(0)
  })
})
