/**
 * Token verification for Effect users (`Tokens` in the package root): session tokens, machine tokens, the JWKS cache
 * and the synchronous core. Promise users call `verifyToken` / `verifyMachineToken` from the package root.
 *
 * ```ts
 * const claims = yield* Tokens.verifyToken(token, { authorizedParties: ["https://app.example.com"] })
 * // needs Tokens.JwksCache: part of the client layer, or Tokens.layerLocal(pem) for networkless setups
 * ```
 *
 * @module
 */
export {
  isMachineTokenVerificationError,
  isTokenVerificationError,
  MachineTokenVerificationError,
  MachineTokenVerificationErrorCode,
  MachineTokenVerificationFailure,
  TimeClaimDetail,
  TokenCarrier,
  TokenVerificationAction,
  TokenVerificationError,
  TokenVerificationErrorReason,
  TokenVerificationFailure
} from "../errors.js"
export { type ClaimOptions, DEFAULT_CLOCK_SKEW_MS, type JwtPayload } from "../jwt/claims.js"
export { type DecodedJwt, decodeJwt, MAX_TOKEN_LENGTH } from "../jwt/decode.js"
export { importJwk, importPem, type KeyResult, type PublicKey } from "../jwt/keys.js"
export { type JwtVerifyOptions, verifyJwt } from "../jwt/verify.js"
export {
  API_KEY_PREFIX,
  isMachineToken,
  M2M_SUBJECT_PREFIX,
  M2M_TOKEN_PREFIX,
  machineJwtType,
  machineTokenType,
  type MachineTokenType,
  OAUTH_JWT_TYPES,
  OAUTH_TOKEN_PREFIX
} from "../machine/detect.js"
export type {
  MachineTokenLifecycle,
  MachineTokenResult,
  VerifiedAPIKey,
  VerifiedIdPOAuthAccessToken,
  VerifiedM2MToken
} from "../machine/results.js"
export { type MachineVerifyServices, verifyMachineToken, type VerifyMachineTokenOptions } from "../machine/verify.js"
export {
  IGNORED_CATEGORY,
  isNonSessionCategory,
  JWT_TEMPLATE_CATEGORY,
  M2M_TOKEN_CATEGORY,
  SESSION_TOKEN_CATEGORY
} from "./categories.js"
export {
  JwksCache,
  type JwksCacheOptions,
  type JwksCacheShape,
  layer as jwksCacheLayer,
  layerLocal
} from "./JwksCache.js"
export {
  decodeSessionToken,
  type SessionTokenOptions,
  verifySessionToken,
  verifyToken,
  type VerifyTokenOptions
} from "./verifyToken.js"
