/**
 * Request authentication for Effect users (`Auth` in the package root): `authenticateRequest`, its states, the Auth
 * objects, and the `CurrentAuth` service that middleware provides per request. Promise users call
 * `client.authenticateRequest(request, options)`.
 *
 * ```ts
 * const state = yield* Auth.authenticateRequest(request, { authorizedParties: ["https://app.example.com"] })
 * if (state.status === "handshake") return new Response(null, { status: 307, headers: state.headers })
 * const auth = state.toAuth()
 * // needs the client's services: ClerkLive(...) plus Tokens.jwksCacheLayer() (or Tokens.layerLocal(pem))
 * ```
 *
 * @module
 */
export {
  type ActClaim,
  type SessionAuthFields,
  sessionAuthFields,
  type SessionClaims,
  type SessionStatusClaim,
  splitByScope
} from "../auth-object/claims.js"
export {
  type AuthenticatedApiKeyObject,
  type AuthenticatedM2MObject,
  type AuthenticatedMachineObject,
  authenticatedMachineObject,
  type AuthenticatedOAuthObject,
  type AuthObject,
  type AuthObjectDebug,
  type CheckAuthorization,
  type DebugData,
  type GetTokenOptions,
  type InvalidTokenAuthObject,
  invalidTokenAuthObject,
  isAuthenticated,
  isMachineTokenType,
  type MachineAuthData,
  type MachineTokenType,
  type SignedInAuthObject,
  signedInAuthObject,
  type SignedOutAuthObject,
  signedOutAuthObject,
  type TokenFetcher,
  tokenPrefix,
  type TokenType,
  type UnauthenticatedMachineObject,
  unauthenticatedMachineObject
} from "../auth-object/AuthObject.js"
export { CurrentAuth, currentSession } from "../auth-object/CurrentAuth.js"
export {
  type AuthorizationData,
  type CheckAuthorizationParams,
  createCheckAuthorization,
  type ReverificationConfig
} from "../auth-object/has.js"
export {
  AuthenticateRequestError,
  AuthenticateRequestErrorReason
} from "./AuthenticateRequestError.js"
export {
  authenticateRequest,
  type AuthenticateRequestServices,
  decide,
  handshakeLocation,
  isHandshake,
  isTokenTypeAccepted
} from "./authenticateRequest.js"
export { AuthPromiseRunner, type PromiseRunner } from "./AuthPromiseRunner.js"
export {
  AuthErrorReason,
  AuthStatus,
  Cookies,
  HeaderNames,
  MAX_HANDSHAKE_REDIRECTS,
  QueryParameters,
  RefreshErrorReason
} from "./constants.js"
export { cookieSuffix, parseCookieHeader } from "./cookies.js"
export { compilePatterns, type OrganizationSyncTarget } from "./organizationSync.js"
export type { AcceptsToken, AuthenticateRequestOptions, OrganizationSyncOptions } from "./options.js"
export {
  type AuthReason,
  type DebugRequestState,
  debugRequestState,
  type HandshakeState,
  type InvalidTokenState,
  type PendingSessionOptions,
  type RequestState,
  type RequestStateFor,
  type SignedInMachineState,
  type SignedInSessionState,
  type SignedOutMachineState,
  type SignedOutSessionState
} from "./RequestState.js"
