/**
 * Fixtures for the authenticateRequest suites: instance keys, publishable keys for a fake Frontend API host, session
 * token minting and request building. Not a test file.
 */
import { Buffer } from "node:buffer"
import { createHash } from "node:crypto"
import { Layer } from "effect"
import * as JwksCache from "../src/auth/tokens/JwksCache.js"
import * as FakeHttp from "../src/testing/FakeHttp.js"
import { ResourcesLive } from "../src/resources/index.js"
import * as BackendApi from "../src/services/BackendApi.js"
import * as ClerkConfig from "../src/services/ClerkConfig.js"
import { makeKey, sign } from "./auth-verify-keys.js"

/** The instance signing key. */
export const KEY = makeKey("ins_request_1")
/** Another instance's key. */
export const OTHER_KEY = makeKey("ins_request_2")

/** The Frontend API host of the fake instance. */
export const FAPI = "clerk.example.test"
/** Development publishable key of {@link FAPI}. */
export const PK_TEST = `pk_test_${Buffer.from(`${FAPI}$`).toString("base64").replace(/=+$/, "")}`
/** Production publishable key of {@link FAPI}. */
export const PK_LIVE = `pk_live_${Buffer.from(`${FAPI}$`).toString("base64").replace(/=+$/, "")}`
/** Secret keys. */
export const SK_TEST = "sk_test_requestSecretKeyValue0123456789"
export const SK_LIVE = "sk_live_requestSecretKeyValue0123456789"

/** The cookie suffix of a publishable key, computed independently of the code under test. */
export const suffixOf = (pk: string): string =>
  createHash("sha1").update(pk).digest("base64").replace(/\+/g, "-").replace(/\//g, "_").slice(0, 8)

/** The app origin requests go to. */
export const APP = "https://app.example.test"

/** Session token claims around `nowSeconds`. */
export const claimsAt = (nowSeconds: number, extra: Readonly<Record<string, unknown>> = {}) => ({
  sub: "user_1",
  sid: "sess_1",
  azp: APP,
  iss: `https://${FAPI}`,
  iat: nowSeconds - 10,
  nbf: nowSeconds - 10,
  exp: nowSeconds + 60,
  ...extra
})

/** Signs a session token with {@link KEY} (or `key`). */
export const sessionToken = (
  nowSeconds: number,
  extra: Readonly<Record<string, unknown>> = {},
  header: Readonly<Record<string, unknown>> = {},
  key = KEY
): Promise<string> => sign(key, claimsAt(nowSeconds, extra), header)

/** What a test request carries. */
export interface RequestSpec {
  readonly url?: string
  readonly method?: string
  readonly headers?: Readonly<Record<string, string>>
  readonly cookies?: Readonly<Record<string, string>>
  /** A browser document navigation (`sec-fetch-dest: document`). */
  readonly document?: boolean
}

/** Builds a Fetch Request. */
export const request = (spec: RequestSpec = {}): Request => {
  const headers = new Headers(spec.headers)
  if (spec.cookies !== undefined) {
    headers.set(
      "cookie",
      Object.entries(spec.cookies)
        .map(([k, v]) => `${k}=${v}`)
        .join("; ")
    )
  }
  if (spec.document === true) {
    headers.set("sec-fetch-dest", "document")
    headers.set("accept", "text/html")
  }
  return new Request(spec.url ?? `${APP}/dashboard`, { method: spec.method ?? "GET", headers })
}

/** Every service authenticateRequest needs, over a scripted fake Backend API. */
export const servicesLayer = (options: ClerkConfig.ClerkOptions, handler: FakeHttp.FakeHandler = FakeHttp.routes({})) =>
  JwksCache.layer().pipe(
    Layer.provideMerge(ResourcesLive),
    Layer.provideMerge(BackendApi.layer),
    Layer.provideMerge(ClerkConfig.layer({ retry: false, ...options })),
    Layer.provideMerge(FakeHttp.layer(handler))
  )

/** `POST /api_keys/verify` answer at `nowMs`. */
export const apiKeyBody = (nowMs: number, extra: Readonly<Record<string, unknown>> = {}) => ({
  object: "api_key",
  id: "ak_id_1",
  type: "api_key",
  name: "CI",
  subject: "user_1",
  description: null,
  claims: { team: "core" },
  scopes: ["read"],
  revoked: false,
  revocation_reason: null,
  expired: false,
  expiration: null,
  created_by: "user_1",
  last_used_at: nowMs - 5000,
  created_at: nowMs - 9000,
  updated_at: nowMs - 9000,
  ...extra
})

/** `POST /m2m_tokens/verify` answer at `nowMs`. */
export const m2mBody = (nowMs: number, extra: Readonly<Record<string, unknown>> = {}) => ({
  object: "machine_to_machine_token",
  id: "mt_id_1",
  subject: "mch_1",
  claims: { tier: "gold" },
  scopes: ["mch_2"],
  revoked: false,
  revocation_reason: null,
  expired: false,
  expiration: nowMs + 3_600_000,
  last_used_at: null,
  created_at: nowMs - 1000,
  updated_at: nowMs - 1000,
  ...extra
})

/** `POST /oauth_applications/access_tokens/verify` answer at `nowMs`. */
export const oauthBody = (nowMs: number, extra: Readonly<Record<string, unknown>> = {}) => ({
  object: "clerk_idp_oauth_access_token",
  id: "oat_id_1",
  client_id: "client_1",
  type: "oauth_token",
  subject: "user_1",
  scopes: ["profile"],
  revoked: false,
  revocation_reason: null,
  expired: false,
  expiration: nowMs + 60_000,
  created_at: nowMs - 1000,
  updated_at: nowMs - 1000,
  ...extra
})
