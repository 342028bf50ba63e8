/**
 * Machine token type detection, local and free: by prefix for opaque tokens, by claims/header for JWTs.
 *
 * @module
 */
import * as Either from "effect/Either"
import { decodeJwt, type DecodedJwt } from "../jwt/decode.js"

/**
 * The machine token kinds, named as `@clerk/backend` names them.
 *
 * @since 0.1.0
 * @category Machine tokens
 */
export type MachineTokenType = "m2m_token" | "oauth_token" | "api_key"

/**
 * Prefix of an opaque M2M token.
 *
 * @since 0.1.0
 * @category Machine tokens
 */
export const M2M_TOKEN_PREFIX = "mt_"
/**
 * Prefix of an opaque OAuth access token.
 *
 * @since 0.1.0
 * @category Machine tokens
 */
export const OAUTH_TOKEN_PREFIX = "oat_"
/**
 * Prefix of an API key.
 *
 * @since 0.1.0
 * @category Machine tokens
 */
export const API_KEY_PREFIX = "ak_"
/**
 * `sub` prefix of an M2M JWT (a machine id).
 *
 * @since 0.1.0
 * @category Machine tokens
 */
export const M2M_SUBJECT_PREFIX = "mch_"
/**
 * Header `typ` values of an OAuth access-token JWT.
 *
 * @since 0.1.0
 * @category Machine tokens
 */
export const OAUTH_JWT_TYPES: ReadonlyArray<string> = ["at+jwt", "application/at+jwt"]

/**
 * True for a decoded JWT whose `sub` is a machine id.
 *
 * @since 0.1.0
 * @category Machine tokens
 */
export const isM2MJwt = (jwt: DecodedJwt): boolean =>
  typeof jwt.payload.sub === "string" && jwt.payload.sub.startsWith(M2M_SUBJECT_PREFIX)

/**
 * True for a decoded JWT whose header `typ` marks an OAuth access token.
 *
 * @since 0.1.0
 * @category Machine tokens
 */
export const isOAuthJwt = (jwt: DecodedJwt): boolean =>
  typeof jwt.header.typ === "string" && OAUTH_JWT_TYPES.includes(jwt.header.typ)

/**
 * The type of an opaque token from its prefix, else `undefined`.
 *
 * @since 0.1.0
 * @category Machine tokens
 */
export const opaqueTokenType = (token: string): MachineTokenType | undefined =>
  token.startsWith(M2M_TOKEN_PREFIX)
    ? "m2m_token"
    : token.startsWith(OAUTH_TOKEN_PREFIX)
      ? "oauth_token"
      : token.startsWith(API_KEY_PREFIX)
        ? "api_key"
        : undefined

/**
 * The type of a decoded JWT (`m2m_token` before `oauth_token`), or `undefined` for a session or other JWT.
 *
 * @since 0.1.0
 * @category Machine tokens
 */
export const machineJwtType = (jwt: DecodedJwt): MachineTokenType | undefined =>
  isM2MJwt(jwt) ? "m2m_token" : isOAuthJwt(jwt) ? "oauth_token" : undefined

/**
 * The machine token type of `token` (`mt_`/M2M JWT, `oat_`/OAuth JWT, `ak_`), or `undefined` when it is not a machine
 * token (a session token, or garbage). Never throws and never calls the network.
 *
 * @since 0.1.0
 * @category Machine tokens
 */
export const machineTokenType = (token: string): MachineTokenType | undefined => {
  if (typeof token !== "string") return undefined
  const byPrefix = opaqueTokenType(token)
  if (byPrefix !== undefined) return byPrefix
  const decoded = decodeJwt(token)
  return Either.isRight(decoded) ? machineJwtType(decoded.right) : undefined
}

/**
 * True when {@link machineTokenType} finds a type.
 *
 * @since 0.1.0
 * @category Machine tokens
 */
export const isMachineToken = (token: string): boolean => machineTokenType(token) !== undefined
