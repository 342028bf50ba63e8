/**
 * Machine token verification (Effect API): M2M tokens, OAuth access tokens and API keys.
 *
 * JWT forms (M2M JWTs, OAuth JWTs) are verified locally with the client's keys. Opaque forms (`mt_`, `oat_`, `ak_`)
 * are checked for shape locally, then verified through the `m2m`, `idPOAuthAccessToken` and `apiKeys` resources.
 * Fails closed: a 200 response for a revoked, expired or inactive token is a failure (`token-invalid`), unlike
 * `@clerk/backend`, which returns it as data.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { ApiKeys } from "../../resources/ApiKeys.js"
import { IdPOAuthAccessToken } from "../../resources/IdPOAuthAccessToken.js"
import { M2M } from "../../resources/M2M.js"
import { type ClerkError, isApiResponseError } from "../../services/ClerkErrors.js"
import {
  machineFailure,
  type MachineTokenVerificationFailure,
  TokenVerificationAction,
  type TokenVerificationFailure
} from "../errors.js"
import { oauthAudienceProblem } from "../../services/internal/audience.js"
import type { ClaimOptions } from "../jwt/claims.js"
import { decodeJwt, type DecodedJwt } from "../jwt/decode.js"
import { M2M_TOKEN_CATEGORY } from "../tokens/categories.js"
import { JwksCache } from "../tokens/JwksCache.js"
import { withSpanWhenTraced } from "../tokens/tracing.js"
import { planWithKeys } from "../tokens/verifyToken.js"
import { isM2MJwt, isOAuthJwt, OAUTH_JWT_TYPES, opaqueTokenType } from "./detect.js"
import {
  apiKeyFromResponse,
  m2mTokenFromJwt,
  m2mTokenFromResponse,
  type MachineTokenLifecycle,
  type MachineTokenResult,
  oauthTokenFromJwt,
  oauthTokenFromResponse
} from "./results.js"

/**
 * The services opaque-token verification calls.
 *
 * @since 0.1.0
 * @category Machine tokens
 */
export type MachineVerifyServices = M2M | ApiKeys | IdPOAuthAccessToken

/**
 * Options of {@link verifyMachineToken}.
 *
 * @since 0.1.0
 * @category Machine tokens
 */
export interface VerifyMachineTokenOptions {
  /** For M2M JWTs: accepted `aud` values. For OAuth tokens: the token's `aud` must include one of them. */
  readonly audience?: ClaimOptions["audience"]
  /** Tolerance for JWT time claims (default 5000 ms). */
  readonly clockSkewInMs?: number | undefined
  /** PEM public key for the JWT forms; wins over the client's jwtKey and the JWKS. */
  readonly jwtKey?: string | undefined
  /** Refetch the JWKS for the JWT forms. */
  readonly skipJwksCache?: boolean | undefined
}

/** Bearer tokens are token68 (RFC 6750); anything else is rejected before any request. */
const OPAQUE_TOKEN = /^[A-Za-z0-9._~+/=-]+$/
const MAX_OPAQUE_LENGTH = 4096

/** The OAuth audience rule for OAuth JWTs: with an audience configured, `aud` must name one of it. */
const checkOAuthAudience = (
  aud: string | ReadonlyArray<string> | undefined,
  audience: ClaimOptions["audience"]
): MachineTokenVerificationFailure | undefined => {
  const problem = oauthAudienceProblem(aud, audience)
  return problem === undefined ? undefined : machineFailure("token-verification-failed", problem)
}

/**
 * Maps a failed verify call: 401 → `secret-key-invalid`, 404 → `token-invalid`, anything else → `unexpected-error`.
 *
 * @since 0.1.0
 * @category Machine tokens
 */
export const verifyCallFailure =
  (notFound: string) =>
  (error: ClerkError | TokenVerificationFailure): MachineTokenVerificationFailure => {
    if (error._tag === "TokenVerificationError") return machineFailure("token-verification-failed", error.message)
    if (isApiResponseError(error)) {
      if (error.status === 401) {
        return machineFailure("secret-key-invalid", error.errors[0]?.message ?? "Invalid secret key", {
          status: 401,
          action: TokenVerificationAction.SetSecretKey
        })
      }
      if (error.status === 404) return machineFailure("token-invalid", notFound, { status: 404 })
      return machineFailure("unexpected-error", `Unexpected error: ${error.message}`, { status: error.status })
    }
    if (error._tag === "ClerkInvalidRequestError") {
      return machineFailure("secret-key-invalid", error.message, { action: TokenVerificationAction.SetSecretKey })
    }
    return machineFailure("unexpected-error", `Unexpected error: ${error.message}`)
  }

type Lifecycle = Pick<MachineTokenLifecycle, "revoked" | "expired" | "expiration">

/** Succeeds with `result` unless the Backend API reports the token revoked or expired (fail closed). */
const ensureLive = <A>(what: string, token: Lifecycle, result: A): Effect.Effect<A, MachineTokenVerificationFailure> =>
  Effect.clockWith((clock) =>
    // Strict where it protects: an answer that does not state the token's lifecycle fails closed.
    typeof token.revoked !== "boolean" ||
    typeof token.expired !== "boolean" ||
    (token.expiration !== null && typeof token.expiration !== "number")
      ? Effect.fail(
          machineFailure("unexpected-error", `Unexpected error: the ${what} answer lacks its revoked/expired state.`)
        )
      : token.revoked
        ? Effect.fail(machineFailure("token-invalid", `The ${what} is revoked.`, { status: 200 }))
        : token.expired || (token.expiration !== null && token.expiration <= clock.unsafeCurrentTimeMillis())
          ? Effect.fail(machineFailure("token-invalid", `The ${what} is expired.`, { status: 200 }))
          : Effect.succeed(result)
  )

const verifyOpaque = (
  token: string,
  options: VerifyMachineTokenOptions
): Effect.Effect<MachineTokenResult, MachineTokenVerificationFailure, MachineVerifyServices> => {
  if (token.length > MAX_OPAQUE_LENGTH || !OPAQUE_TOKEN.test(token)) {
    return Effect.fail(machineFailure("token-invalid", "The machine token is malformed."))
  }
  switch (opaqueTokenType(token)) {
    case "m2m_token":
      return M2M.verify({ token }).pipe(
        Effect.mapError(verifyCallFailure("Machine token not found")),
        Effect.flatMap((r) =>
          ensureLive("M2M token", r, { tokenType: "m2m_token" as const, data: m2mTokenFromResponse(r) })
        )
      )
    case "oauth_token":
      return IdPOAuthAccessToken.verify(token, { audience: options.audience }).pipe(
        Effect.mapError(verifyCallFailure("OAuth token not found")),
        Effect.flatMap((r) =>
          "active" in r
            ? Effect.fail(machineFailure("token-invalid", "The OAuth token is not active.", { status: 200 }))
            : ensureLive("OAuth token", r, { tokenType: "oauth_token" as const, data: oauthTokenFromResponse(r) })
        )
      )
    case "api_key":
      return ApiKeys.verify(token).pipe(
        Effect.mapError(verifyCallFailure("API key not found")),
        Effect.flatMap((r) => ensureLive("API key", r, { tokenType: "api_key" as const, data: apiKeyFromResponse(r) }))
      )
    default:
      return Effect.fail(machineFailure("token-invalid", "Unknown machine token type."))
  }
}

const verifyMachineJwt = (
  decoded: DecodedJwt,
  options: VerifyMachineTokenOptions
): Effect.Effect<MachineTokenResult, MachineTokenVerificationFailure, JwksCache> => {
  const m2m = isM2MJwt(decoded)
  if (!m2m && !isOAuthJwt(decoded)) {
    return Effect.fail(
      machineFailure(
        "token-verification-failed",
        `Invalid JWT type ${JSON.stringify(decoded.header.typ)}: expected ${OAUTH_JWT_TYPES.join(" or ")} (OAuth), or a sub starting with mch_ (M2M).`
      )
    )
  }
  if (m2m && decoded.header.cat !== undefined && decoded.header.cat !== M2M_TOKEN_CATEGORY) {
    return Effect.fail(machineFailure("token-invalid", "Invalid M2M JWT category."))
  }
  const jwtOptions = {
    clockSkewInMs: options.clockSkewInMs,
    jwtKey: options.jwtKey,
    skipJwksCache: options.skipJwksCache,
    ...(m2m ? { audience: options.audience } : { headerType: OAUTH_JWT_TYPES })
  }
  return Effect.flatMap(JwksCache, (keys) =>
    Effect.clockWith((clock) => {
      const plan = planWithKeys(decoded, jwtOptions, keys, clock.unsafeCurrentTimeMillis())
      return Effect.mapError(plan, (e) => machineFailure("token-verification-failed", e.message))
    })
  ).pipe(
    Effect.flatMap((payload): Effect.Effect<MachineTokenResult, MachineTokenVerificationFailure> => {
      if (m2m) return Effect.succeed({ tokenType: "m2m_token", data: m2mTokenFromJwt(payload) })
      const audience = checkOAuthAudience(payload.aud, options.audience)
      return audience === undefined
        ? Effect.succeed({ tokenType: "oauth_token", data: oauthTokenFromJwt(payload) })
        : Effect.fail(audience)
    })
  )
}

/**
 * Verifies an M2M token, OAuth access token or API key (opaque or JWT) and returns it with its type. The type is
 * decided once, locally; a token of no machine type fails with `token-invalid` before any request.
 *
 * @since 0.1.0
 * @category Machine tokens
 */
export const verifyMachineToken = (
  token: string,
  options: VerifyMachineTokenOptions = {}
): Effect.Effect<MachineTokenResult, MachineTokenVerificationFailure, MachineVerifyServices | JwksCache> => {
  if (typeof token !== "string" || token === "") {
    return Effect.fail(machineFailure("token-invalid", "The machine token is empty."))
  }
  const effect: Effect.Effect<MachineTokenResult, MachineTokenVerificationFailure, MachineVerifyServices | JwksCache> =
    opaqueTokenType(token) !== undefined
      ? verifyOpaque(token, options)
      : Either.match(decodeJwt(token), {
          onLeft: (e) => Effect.fail(machineFailure("token-invalid", e.message)),
          onRight: (decoded) => verifyMachineJwt(decoded, options)
        })
  return withSpanWhenTraced("clerk.verifyMachineToken")(effect)
}
