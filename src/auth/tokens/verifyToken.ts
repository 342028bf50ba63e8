/**
 * Session token verification.
 *
 * - {@link verifyToken}: the Effect API. Keys come from `options.jwtKey`, else the client's {@link JwksCache}.
 * - {@link verifySessionToken}: the synchronous core for hot paths that already hold a key (e.g. `authenticateRequest`).
 *
 * Checks, in `@clerk/backend` 3.25.0's order: decoding (`token-invalid`), the M2M category (`token-invalid`), header
 * `typ` and `alg`, the key (networkless `jwtKey` or JWKS by `kid`), the signature, then `sub`, `aud`, `azp`, `iss`,
 * `exp`, `nbf`, `iat`. One deliberate difference: `typ`/`alg` are checked before the key is looked up, so an obviously
 * bad token never causes a JWKS fetch.
 *
 * @module
 */
import type * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { tokenFailure, TokenVerificationAction, type TokenVerificationFailure } from "../errors.js"
import type { JwtPayload } from "../jwt/claims.js"
import { decodeJwt, type DecodedJwt } from "../jwt/decode.js"
import { importPem, type PublicKey } from "../jwt/keys.js"
import { checkHeader, type JwtVerdict, type JwtVerifyOptions, verifyCheckedJwt, verifyJwt } from "../jwt/verify.js"
import { M2M_TOKEN_CATEGORY } from "./categories.js"
import { JwksCache, type JwksCacheShape } from "./JwksCache.js"
import { withSpanWhenTraced } from "./tracing.js"

/**
 * Options of {@link verifyToken}: `@clerk/backend`'s, minus what the client's layer already knows.
 *
 * @since 0.1.0
 * @category Tokens
 */
export interface VerifyTokenOptions extends JwtVerifyOptions {
  /** PEM public key for networkless verification; wins over the client's jwtKey and the JWKS. */
  readonly jwtKey?: string | undefined
  /** Refetch the JWKS even when the `kid` is cached. */
  readonly skipJwksCache?: boolean | undefined
}

const isDecodedJwt = (u: unknown): u is DecodedJwt =>
  typeof u === "object" && u !== null && "signingInput" in u && "header" in u && "payload" in u

/**
 * Decodes a session token and rejects the M2M category (`token-invalid`).
 *
 * @since 0.1.0
 * @category Tokens
 */
export const decodeSessionToken = (token: string | DecodedJwt): Either.Either<DecodedJwt, TokenVerificationFailure> => {
  const decoded = isDecodedJwt(token) ? Either.right(token) : decodeJwt(token)
  if (Either.isRight(decoded) && decoded.right.header.cat === M2M_TOKEN_CATEGORY) {
    return Either.left(
      tokenFailure("token-invalid", "An M2M token is not a session token.", {
        action: TokenVerificationAction.EnsureClerkJwt
      })
    )
  }
  return decoded
}

/**
 * Options of {@link verifySessionToken}: the claim checks plus the key (a PEM string or an imported key).
 *
 * @since 0.1.0
 * @category Tokens
 */
export interface SessionTokenOptions extends JwtVerifyOptions {
  readonly key: string | PublicKey
}

/**
 * Verifies a session token with a known key, reading the time once from `clock`: synchronously (an `Either`) where the
 * runtime has `node:crypto`, as an Effect on Web Crypto. Accepts the raw
 * token or one already decoded by {@link decodeJwt} (so callers that inspect the header first decode only once).
 * A PEM key is imported once and memoised.
 *
 * @since 0.1.0
 * @category Tokens
 */
export const verifySessionToken = (
  token: string | DecodedJwt,
  options: SessionTokenOptions,
  clock: Clock.Clock
): JwtVerdict => {
  const decoded = decodeSessionToken(token)
  if (Either.isLeft(decoded)) return Either.left(decoded.left)
  const key = typeof options.key === "string" ? importPem(options.key) : Either.right(options.key)
  return verifyJwt(decoded.right, key, options, clock.unsafeCurrentTimeMillis())
}

/**
 * A verdict reached without the network, or the Effect that must look the key up first.
 *
 * @since 0.1.0
 * @category Tokens
 */
export type VerificationPlan = JwtVerdict

/**
 * Plans the verification of a decoded JWT: a verdict when no network is needed (a jwtKey, or the `kid` is cached),
 * else the Effect that looks the key up first. The header is checked before any lookup. Shared by the session and
 * machine verifiers of both APIs.
 *
 * @since 0.1.0
 * @category Tokens
 */
export const planWithKeys = (
  decoded: DecodedJwt,
  options: VerifyTokenOptions,
  keys: JwksCacheShape,
  now: number
): VerificationPlan => {
  const headerFailure = checkHeader(decoded.header, options.headerType)
  if (headerFailure !== undefined) return Either.left(headerFailure)
  const jwtKey = options.jwtKey || keys.jwtKey
  if (jwtKey) return verifyCheckedJwt(decoded, importPem(jwtKey), options, now)
  const kid = decoded.header.kid
  const skipCache = options.skipJwksCache === true
  const cached = skipCache || typeof kid !== "string" ? undefined : keys.peek(kid, now)
  if (cached !== undefined) return verifyCheckedJwt(decoded, Either.right(cached), options, now)
  return Effect.flatMap(keys.getKey(kid, { skipCache }), (key) =>
    Effect.clockWith(
      (clock): Effect.Effect<JwtPayload, TokenVerificationFailure> =>
        verifyCheckedJwt(decoded, Either.right(key), options, clock.unsafeCurrentTimeMillis())
    )
  )
}

/**
 * {@link planWithKeys} for a session token (decoding and the category check first).
 *
 * @since 0.1.0
 * @category Tokens
 */
export const planVerification = (
  token: string | DecodedJwt,
  options: VerifyTokenOptions,
  keys: JwksCacheShape,
  now: number
): VerificationPlan => {
  const decoded = decodeSessionToken(token)
  return Either.isLeft(decoded) ? Either.left(decoded.left) : planWithKeys(decoded.right, options, keys, now)
}

/**
 * Verifies a Clerk session token and returns its claims. Networkless with `options.jwtKey` or the client's jwtKey;
 * otherwise the key comes from the client's JWKS cache. Fails with a {@link TokenVerificationFailure} whose `reason`
 * is `@clerk/backend`'s. Time comes from the Effect `Clock` (use `TestClock` in tests). Traced as `clerk.verifyToken`
 * when a tracer is installed.
 *
 * @since 0.1.0
 * @category Tokens
 */
export const verifyToken = (
  token: string,
  options: VerifyTokenOptions = {}
): Effect.Effect<JwtPayload, TokenVerificationFailure, JwksCache> =>
  Effect.flatMap(JwksCache, (keys) =>
    Effect.clockWith((clock) => planVerification(token, options, keys, clock.unsafeCurrentTimeMillis()))
  ).pipe(withSpanWhenTraced("clerk.verifyToken"))
