/**
 * The fake backend's signing key and the tokens it mints: RS256 session tokens (v2 claims, optional `o` organization
 * claim), machine tokens in JWT form, the JWKS that verifies them and a publishable key for the fake Frontend API.
 *
 * Signing is synchronous (`node:crypto`), so minting a token needs no Effect and no await.
 *
 * @module
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign } from "node:crypto"

/**
 * A public key in JWKS form, as `GET /v1/jwks` serves it.
 *
 * @since 0.1.0
 * @category Testing
 */
export interface FakeJwk {
  readonly kid: string
  readonly kty: "RSA"
  readonly alg: "RS256"
  readonly use: "sig"
  readonly n: string
  readonly e: string
}

/**
 * The fake's RSA key pair.
 *
 * @since 0.1.0
 * @category Testing
 */
export interface FakeKeys {
  readonly kid: string
  /** The private key as PKCS#8 PEM (the fake signs with it). */
  readonly privateKeyPem: string
  /** The public key as SPKI PEM: pass it as `jwtKey` for networkless verification. */
  readonly publicKeyPem: string
  readonly jwk: FakeJwk
}

/**
 * Generates a 2048-bit RSA key pair (about 50–200 ms); share one between fakes with the `keys` option.
 *
 * @since 0.1.0
 * @category Testing
 */
export const generateKeys = (kid = "ins_fakeEffectClerkSigningKey01"): FakeKeys => {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 })
  return fromPrivateKey(privateKey.export({ format: "pem", type: "pkcs8" }).toString(), kid)
}

/**
 * Builds the key set from an existing RSA private key (PEM).
 *
 * @since 0.1.0
 * @category Testing
 */
export const fromPrivateKey = (privateKeyPem: string, kid: string): FakeKeys => {
  const publicKey = createPublicKey(privateKeyPem)
  const jwk = publicKey.export({ format: "jwk" })
  return {
    kid,
    privateKeyPem,
    publicKeyPem: publicKey.export({ format: "pem", type: "spki" }).toString(),
    jwk: { kid, kty: "RSA", alg: "RS256", use: "sig", n: jwk.n ?? "", e: jwk.e ?? "" }
  }
}

/** Parsed private keys, by PEM (parsing once per key, not per token). */
const parsedKeys = new Map<string, KeyObject>()
const privateKeyOf = (pem: string): KeyObject => {
  let key = parsedKeys.get(pem)
  if (key === undefined) {
    key = createPrivateKey(pem)
    parsedKeys.set(pem, key)
  }
  return key
}

const b64url = (value: string | Buffer): string => Buffer.from(value).toString("base64url")

/**
 * Signs `payload` as an RS256 JWT with the fake's key; `header` adds to `{ alg, kid, typ: "JWT" }`.
 *
 * @since 0.1.0
 * @category Testing
 */
export const signJwt = (
  keys: FakeKeys,
  payload: Readonly<Record<string, unknown>>,
  header: Readonly<Record<string, unknown>> = {}
): string => {
  const input = `${b64url(JSON.stringify({ alg: "RS256", kid: keys.kid, typ: "JWT", ...header }))}.${b64url(
    JSON.stringify(payload)
  )}`
  return `${input}.${sign("RSA-SHA256", Buffer.from(input), privateKeyOf(keys.privateKeyPem)).toString("base64url")}`
}

/**
 * A publishable key (`pk_test_…`) that decodes to `frontendApi`.
 *
 * @since 0.1.0
 * @category Testing
 */
export const publishableKeyFor = (frontendApi: string, instance: "test" | "live" = "test"): string =>
  `pk_${instance}_${b64url(`${frontendApi}$`)}`

/**
 * The active organization of a session token.
 *
 * @since 0.1.0
 * @category Testing
 */
export interface TokenOrganization {
  readonly id: string
  readonly slug?: string | undefined
  /** The role key, e.g. `org:admin` (the `org:` prefix is dropped in the v2 `o.rol` claim). */
  readonly role?: string | undefined
  /** Permission keys such as `org:invoices:read`; encoded into `fea`/`o.per`/`o.fpm` (v2) or `org_permissions` (v1). */
  readonly permissions?: ReadonlyArray<string> | undefined
}

/**
 * What a minted session token says. Only `userId` is required.
 *
 * @since 0.1.0
 * @category Testing
 */
export interface SessionTokenOptions {
  /** `sub`. */
  readonly userId: string
  /** `sid` (default a fixed fake session id). */
  readonly sessionId?: string | undefined
  /** `azp`, the origin that asked for the token (default `http://localhost:3000`). */
  readonly azp?: string | undefined
  /** The active organization (`o` claim in v2, `org_*` claims in v1). */
  readonly organization?: TokenOrganization | undefined
  /** `fva`: minutes since the first and second factor verification (default `[0, -1]`). */
  readonly fva?: readonly [number, number] | undefined
  /** `sts`, the session status (default `active`; `pending` for sessions with open tasks). */
  readonly status?: "active" | "pending" | undefined
  /** `act`, for impersonation. */
  readonly actor?: Readonly<Record<string, unknown>> | undefined
  /** Lifetime in seconds (default 60, as Clerk's). */
  readonly expiresInSeconds?: number | undefined
  /** `iat` in seconds (default now). `nbf` is 10 s earlier, as Clerk's. */
  readonly issuedAt?: number | undefined
  /** Claims format (default 2). */
  readonly version?: 1 | 2 | undefined
  /** Extra claims, merged last. */
  readonly claims?: Readonly<Record<string, unknown>> | undefined
}

const orgClaims = (org: TokenOrganization, version: 1 | 2): Record<string, unknown> => {
  const role = org.role ?? "org:member"
  const permissions = org.permissions ?? []
  if (version === 1) {
    return {
      org_id: org.id,
      org_role: role,
      ...(org.slug !== undefined ? { org_slug: org.slug } : {}),
      org_permissions: permissions
    }
  }
  // v2: features `fea` ("o:<feature>"), permission names `o.per`, and one bitmask per feature `o.fpm`.
  const features: Array<string> = []
  const names: Array<string> = []
  const grants: Array<readonly [string, string]> = []
  for (const key of permissions) {
    const [, feature, name] = key.split(":")
    if (feature === undefined || name === undefined) continue
    if (!features.includes(feature)) features.push(feature)
    if (!names.includes(name)) names.push(name)
    grants.push([feature, name])
  }
  const fpm = features.map((feature) =>
    grants.filter(([f]) => f === feature).reduce((mask, [, name]) => mask | (1 << names.indexOf(name)), 0)
  )
  return {
    ...(features.length > 0 ? { fea: features.map((f) => `o:${f}`).join(",") } : {}),
    o: {
      id: org.id,
      rol: role.replace(/^org:/, ""),
      ...(org.slug !== undefined ? { slg: org.slug } : {}),
      ...(names.length > 0 ? { per: names.join(","), fpm: fpm.join(",") } : {})
    }
  }
}

/**
 * The claims of a session token, before signing.
 *
 * @since 0.1.0
 * @category Testing
 */
export const sessionClaims = (
  issuer: string,
  options: SessionTokenOptions,
  nowSeconds: number
): Record<string, unknown> => {
  const iat = options.issuedAt ?? nowSeconds
  const version = options.version ?? 2
  return {
    azp: options.azp ?? "http://localhost:3000",
    exp: iat + (options.expiresInSeconds ?? 60),
    fva: options.fva ?? [0, -1],
    iat,
    iss: issuer,
    nbf: iat - 10,
    sid: options.sessionId ?? "sess_fakeEffectClerkSession000001",
    sts: options.status ?? "active",
    sub: options.userId,
    ...(version === 2 ? { v: 2 } : {}),
    ...(options.actor !== undefined ? { act: options.actor } : {}),
    ...(options.organization !== undefined ? orgClaims(options.organization, version) : {}),
    ...options.claims
  }
}

/**
 * The kinds of machine token the fake mints.
 *
 * @since 0.1.0
 * @category Testing
 */
export type MachineTokenKind = "m2m_token" | "api_key" | "oauth_token"

/**
 * What a minted machine token says.
 *
 * @since 0.1.0
 * @category Testing
 */
export interface MachineTokenOptions {
  readonly kind: MachineTokenKind
  /**
   * `opaque` (default) registers a `mt_`/`ak_`/`oat_` secret that the verify endpoints accept; `jwt` signs a token
   * for networkless verification (M2M: `sub` is the machine; OAuth: header `typ: at+jwt`). API keys are opaque only.
   */
  readonly format?: "opaque" | "jwt" | undefined
  /** The machine (`mch_…`), user (`user_…`) or organization (`org_…`) the token acts for. */
  readonly subject?: string | undefined
  readonly scopes?: ReadonlyArray<string> | undefined
  readonly claims?: Readonly<Record<string, unknown>> | undefined
  /** Lifetime in seconds (default: no expiry for opaque tokens, 1 hour for JWTs). */
  readonly expiresInSeconds?: number | undefined
  /** API key name (default `fake key`). */
  readonly name?: string | undefined
  /** OAuth client id (default `fake_client_id`). */
  readonly clientId?: string | undefined
}

/**
 * The claims and header of a machine token in JWT form.
 *
 * @since 0.1.0
 * @category Testing
 */
export const machineJwtParts = (
  issuer: string,
  options: MachineTokenOptions,
  id: string,
  subject: string,
  nowSeconds: number
): { readonly payload: Record<string, unknown>; readonly header: Record<string, unknown> } => {
  const base = {
    iss: issuer,
    sub: subject,
    jti: id,
    iat: nowSeconds,
    nbf: nowSeconds - 5,
    exp: nowSeconds + (options.expiresInSeconds ?? 3600)
  }
  const scopes = options.scopes ?? []
  if (options.kind === "oauth_token") {
    return {
      header: { typ: "at+jwt" },
      payload: {
        ...base,
        client_id: options.clientId ?? "fake_client_id",
        ...(scopes.length > 0 ? { scope: scopes.join(" ") } : {}),
        ...options.claims
      }
    }
  }
  return {
    header: {},
    payload: { ...base, ...(scopes.length > 0 ? { scopes: scopes.join(" ") } : {}), ...options.claims }
  }
}
