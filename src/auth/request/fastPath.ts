/**
 * The synchronous core for the common API case: a session token in the Authorization header that verifies with a key
 * already at hand (`jwtKey`, or a JWKS key in the client's cache). It decodes the token once and runs no Effect.
 * Anything else (a failure, a refresh, a JWKS fetch, a machine token, cookies) returns `undefined` and the full flow
 * decides, so the result is always the same as the full flow's.
 *
 * @module
 */
import * as Either from "effect/Either"
import { decodeJwt } from "../jwt/decode.js"
import { machineJwtType } from "../machine/detect.js"
import { isNonSessionCategory } from "../tokens/categories.js"
import type { JwksCacheShape } from "../tokens/JwksCache.js"
import { planWithKeys } from "../tokens/verifyToken.js"
import { AuthErrorReason } from "./constants.js"
import { type Flow, hasSessionId, signedIn, signedOut } from "./flow.js"
import type { SignedInSessionState, SignedOutSessionState } from "./RequestState.js"

/** The state of a verified bearer session token, or `undefined` when the full flow must decide. */
export const bearerSessionFastPath = (
  flow: Flow,
  keys: JwksCacheShape
): SignedInSessionState | SignedOutSessionState | undefined => {
  const { ctx } = flow
  const token = ctx.tokenInHeader
  if (token === undefined || ctx.options.acceptsToken !== "session_token") return undefined
  const decoded = decodeJwt(token)
  if (Either.isLeft(decoded)) return undefined
  const jwt = decoded.right
  if (machineJwtType(jwt) !== undefined || isNonSessionCategory(jwt.header.cat)) {
    return signedOut(flow, AuthErrorReason.TokenTypeMismatch, "")
  }
  // The same plan verifyToken follows; one that needs a JWKS fetch (an Effect, not an Either) goes to the full flow.
  const verified = planWithKeys(jwt, flow.verifyOptions, keys, ctx.now)
  if (!Either.isEither(verified) || Either.isLeft(verified)) return undefined
  return hasSessionId(verified.right) ? signedIn(flow, verified.right, token) : undefined
}
