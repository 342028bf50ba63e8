/**
 * Public verification keys: a PEM (`jwtKey`) or a JWK from the JWKS, imported once (a node `KeyObject` on Node, a
 * Web Crypto `CryptoKey` elsewhere; see `../crypto.ts`).
 *
 * Clerk instance keys are RSA and sign with RS256, so every key here is pinned to RS256.
 *
 * @module
 */
import * as Either from "effect/Either"
import { backend, type RsaKeyHandle } from "../crypto.js"
import { tokenFailure, TokenVerificationAction, type TokenVerificationFailure } from "../errors.js"

/**
 * An imported RSA public key, ready to verify RS256 signatures.
 *
 * @since 0.1.0
 * @category Tokens
 */
export interface PublicKey {
  /** The JWKS `kid`; `undefined` for a PEM key. */
  readonly kid: string | undefined
  /** The one algorithm this key verifies. */
  readonly alg: "RS256"
  /** The imported key (runtime-specific). */
  readonly handle: RsaKeyHandle
}

/**
 * A key, or why it could not be imported (reported at the signature step, as `token-verification-failed`).
 *
 * @since 0.1.0
 * @category Tokens
 */
export type KeyResult = Either.Either<PublicKey, TokenVerificationFailure>

const unusable = (what: string) =>
  Either.left(
    tokenFailure("token-verification-failed", `The ${what} is not a usable RSA public key.`, {
      action: TokenVerificationAction.SetJwtKey
    })
  )

const rsa = (handle: RsaKeyHandle | undefined, kid: string | undefined, what: string): KeyResult =>
  handle !== undefined ? Either.right({ kid, alg: "RS256", handle }) : unusable(what)

/**
 * Imports a PEM SPKI public key. Accepts what the Dashboard shows (with or without the BEGIN/END lines, with real or
 * escaped `\n` line breaks, or on one line).
 *
 * @since 0.1.0
 * @category Tokens
 */
export const importPemUncached = (pem: string): KeyResult => {
  const body = pem
    .replace(/-----(BEGIN|END) PUBLIC KEY-----/g, "")
    .replace(/\\[rn]/g, "")
    .replace(/\s+/g, "")
  if (body.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return unusable("jwtKey")
  return rsa(backend.importSpki(backend.base64ToBytes(body)), undefined, "jwtKey")
}

const PEM_CACHE_SIZE = 32
const pemCache = new Map<string, KeyResult>()

/**
 * `importPemUncached`, memoised per PEM string so a key is parsed once, not per token. The memo holds at most
 * 32 keys (oldest dropped first); it caches a pure function of its input, so it shares nothing between clients.
 *
 * @since 0.1.0
 * @category Tokens
 */
export const importPem = (pem: string): KeyResult => {
  const hit = pemCache.get(pem)
  if (hit !== undefined) return hit
  const result = importPemUncached(pem)
  if (pemCache.size >= PEM_CACHE_SIZE) {
    const oldest = pemCache.keys().next()
    if (oldest.done !== true) pemCache.delete(oldest.value)
  }
  pemCache.set(pem, result)
  return result
}

/**
 * The JWK fields a Clerk signing key has.
 *
 * @since 0.1.0
 * @category Tokens
 */
export interface RsaJwk {
  readonly kid: string
  readonly kty: string
  readonly alg?: string | undefined
  readonly n?: string | undefined
  readonly e?: string | undefined
}

/**
 * Imports one JWKS key. Only RSA keys whose `alg` is RS256 (or absent) are usable.
 *
 * @since 0.1.0
 * @category Tokens
 */
export const importJwk = (jwk: RsaJwk): KeyResult => {
  const what = `JWKS key ${JSON.stringify(jwk.kid)}`
  if (jwk.kty !== "RSA" || (jwk.alg !== undefined && jwk.alg !== "RS256")) return unusable(what)
  if (typeof jwk.n !== "string" || typeof jwk.e !== "string") return unusable(what)
  return rsa(backend.importJwk({ n: jwk.n, e: jwk.e }), jwk.kid, what)
}
