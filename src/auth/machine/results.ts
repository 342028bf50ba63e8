/**
 * What a verified machine token resolves to: {@link VerifiedM2MToken}, {@link VerifiedIdPOAuthAccessToken} and
 * {@link VerifiedAPIKey}, the shapes of `@clerk/backend`'s `M2MToken`, `IdPOAuthAccessToken` and `APIKey` (plain
 * objects, camelCase), built from a verified JWT payload or from a Backend API verify response. (At the package root
 * those three names are the Backend API models and the OAuth token resource.)
 *
 * @module
 */
import * as Predicate from "effect/Predicate"
import type { ApiKey } from "../../resources/ApiKeys.js"
import type { ActiveOAuthAccessToken, OAuthTokenActor } from "../../resources/IdPOAuthAccessToken.js"
import type { MachineToMachineToken } from "../../resources/M2M.js"
import type { JwtPayload } from "../jwt/claims.js"
import type { MachineTokenType } from "./detect.js"

/**
 * The lifecycle fields every machine token has. Times are milliseconds since the epoch.
 *
 * @since 0.1.0
 * @category Machine tokens
 */
export interface MachineTokenLifecycle {
  readonly revoked: boolean
  readonly revocationReason: string | null
  readonly expired: boolean
  readonly expiration: number | null
  readonly createdAt: number
  readonly updatedAt: number
}

/**
 * A verified M2M token.
 *
 * @since 0.1.0
 * @category Machine tokens
 */
export interface VerifiedM2MToken extends MachineTokenLifecycle {
  readonly id: string
  /** The machine id (`mch_…`). */
  readonly subject: string
  readonly scopes: ReadonlyArray<string>
  /** Custom claims (`null` when there are none). */
  readonly claims: Readonly<Record<string, unknown>> | null
}

/**
 * A verified OAuth access token.
 *
 * @since 0.1.0
 * @category Machine tokens
 */
export interface VerifiedIdPOAuthAccessToken extends MachineTokenLifecycle {
  readonly id: string
  readonly clientId: string
  readonly type: string
  /** The user id the token acts for. */
  readonly subject: string
  readonly scopes: ReadonlyArray<string>
  readonly aud?: ReadonlyArray<string>
  readonly act?: OAuthTokenActor
}

/**
 * A verified API key.
 *
 * @since 0.1.0
 * @category Machine tokens
 */
export interface VerifiedAPIKey extends MachineTokenLifecycle {
  readonly id: string
  readonly type: string
  readonly name: string
  /** The owner: a user (`user_…`) or an organization (`org_…`). */
  readonly subject: string
  readonly scopes: ReadonlyArray<string>
  readonly claims: unknown
  readonly createdBy: string | null
  readonly description: string | null
  readonly lastUsedAt: number | null
}

/**
 * A verified machine token and its type.
 *
 * @since 0.1.0
 * @category Machine tokens
 */
export type MachineTokenResult =
  | { readonly tokenType: "m2m_token"; readonly data: VerifiedM2MToken }
  | { readonly tokenType: "oauth_token"; readonly data: VerifiedIdPOAuthAccessToken }
  | { readonly tokenType: "api_key"; readonly data: VerifiedAPIKey }

/**
 * The result type for a token type.
 *
 * @since 0.1.0
 * @category Machine tokens
 */
export type MachineTokenData<T extends MachineTokenType> = Extract<
  MachineTokenResult,
  { readonly tokenType: T }
>["data"]

const RESERVED_M2M_CLAIMS: ReadonlySet<string> = new Set(["iss", "sub", "exp", "nbf", "iat", "jti"])

const stringOr = (u: unknown, fallback: string): string => (typeof u === "string" ? u : fallback)
const millisOf = (seconds: number | undefined): number => (seconds === undefined ? 0 : seconds * 1000)

/**
 * An M2M token from a verified M2M JWT payload (scopes from `scopes`, else `aud`).
 *
 * @since 0.1.0
 * @category Machine tokens
 */
export const m2mTokenFromJwt = (payload: JwtPayload): VerifiedM2MToken => {
  const claims: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(payload)) {
    if (!RESERVED_M2M_CLAIMS.has(key)) claims[key] = value
  }
  const scopes =
    typeof payload.scopes === "string"
      ? payload.scopes.split(" ")
      : payload.aud === undefined
        ? []
        : typeof payload.aud === "string"
          ? [payload.aud]
          : payload.aud
  return {
    id: stringOr(payload.jti, ""),
    subject: payload.sub,
    scopes,
    claims: Object.keys(claims).length > 0 ? claims : null,
    revoked: false,
    revocationReason: null,
    expired: false,
    expiration: payload.exp * 1000,
    createdAt: millisOf(payload.iat),
    updatedAt: millisOf(payload.iat)
  }
}

const toActor = (value: unknown, depth: number): OAuthTokenActor | undefined => {
  if (!Predicate.isRecord(value)) return undefined
  const { act, iss, sub } = value
  if (typeof sub !== "string") return undefined
  const nested = depth > 0 ? toActor(act, depth - 1) : undefined
  return { ...(typeof iss === "string" ? { iss } : {}), sub, ...(nested !== undefined ? { act: nested } : {}) }
}

const stringList = (u: unknown): ReadonlyArray<string> | undefined =>
  Array.isArray(u) && u.every((v) => typeof v === "string") ? u : undefined

/**
 * An OAuth access token from a verified OAuth JWT payload (scopes from `scp`, else `scope`).
 *
 * @since 0.1.0
 * @category Machine tokens
 */
export const oauthTokenFromJwt = (payload: JwtPayload): VerifiedIdPOAuthAccessToken => {
  const act = toActor(payload.act, 1)
  return {
    id: stringOr(payload.jti, ""),
    clientId: stringOr(payload.client_id, ""),
    type: "oauth_token",
    subject: payload.sub,
    scopes: stringList(payload.scp) ?? (typeof payload.scope === "string" ? payload.scope.split(" ") : []),
    revoked: false,
    revocationReason: null,
    expired: false,
    expiration: payload.exp * 1000,
    createdAt: millisOf(payload.iat),
    updatedAt: millisOf(payload.iat),
    ...(payload.aud === undefined ? {} : { aud: typeof payload.aud === "string" ? [payload.aud] : payload.aud }),
    ...(act !== undefined ? { act } : {})
  }
}

const claimsRecord = (u: unknown): Readonly<Record<string, unknown>> | null => (Predicate.isRecord(u) ? u : null)

/**
 * An M2M token from a verify response.
 *
 * @since 0.1.0
 * @category Machine tokens
 */
export const m2mTokenFromResponse = (r: MachineToMachineToken): VerifiedM2MToken => ({
  id: r.id,
  subject: r.subject,
  scopes: r.scopes ?? [],
  claims: claimsRecord(r.claims),
  revoked: r.revoked,
  revocationReason: r.revocationReason,
  expired: r.expired,
  expiration: r.expiration,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt
})

/**
 * An API key from a verify response.
 *
 * @since 0.1.0
 * @category Machine tokens
 */
export const apiKeyFromResponse = (r: ApiKey): VerifiedAPIKey => ({
  id: r.id,
  type: r.type,
  name: r.name,
  subject: r.subject,
  scopes: r.scopes,
  claims: r.claims,
  revoked: r.revoked,
  revocationReason: r.revocationReason,
  expired: r.expired,
  expiration: r.expiration,
  createdBy: r.createdBy,
  description: r.description ?? null,
  lastUsedAt: r.lastUsedAt,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt
})

/**
 * An OAuth access token from a verify response's token member.
 *
 * @since 0.1.0
 * @category Machine tokens
 */
export const oauthTokenFromResponse = (r: ActiveOAuthAccessToken): VerifiedIdPOAuthAccessToken => {
  const act = toActor(r.act, 1)
  return {
    id: r.id,
    clientId: r.clientId,
    type: r.type ?? "oauth_token",
    subject: r.subject,
    scopes: r.scopes,
    revoked: r.revoked,
    revocationReason: r.revocationReason,
    expired: r.expired,
    expiration: r.expiration,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    ...(r.aud === undefined ? {} : { aud: typeof r.aud === "string" ? [r.aud] : r.aud }),
    ...(act !== undefined ? { act } : {})
  }
}
