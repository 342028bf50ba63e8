/**
 * effect-clerk: a Clerk Backend SDK on Effect 3.
 *
 * - Effect users: the resource services (`Users`, `Organizations`, ...) and the layers (`ClerkLive`, `ClerkFrom`).
 * - Promise users: `createClerkClient`, `clerkClient` and the errors, with `@clerk/backend`'s names.
 *
 * @module
 */

// Promise API (drop-in names)
export {
  type CallOptions,
  clerkClient,
  type ClerkClient,
  ClerkOptionsError,
  createClerkClient,
  type CreateClerkClientOptions
} from "./promise/createClerkClient.js"
export { ClerkAPIResponseError, ClerkRequestError, isClerkAPIResponseError } from "./promise/errors.js"
export type { ClerkAPIError } from "./promise/errors.js"
export {
  isMachineTokenVerificationError,
  isTokenVerificationError,
  MachineTokenVerificationError,
  TokenVerificationError,
  type TokenVerificationErrorReason
} from "./auth/errors.js"
export type { JwtPayload } from "./auth/jwt/claims.js"
export { isMachineToken, machineTokenType, type MachineTokenType } from "./auth/machine/detect.js"
export type { MachineTokenResult } from "./auth/machine/results.js"
export type {
  AuthenticatedMachineObject,
  AuthObject,
  InvalidTokenAuthObject,
  SignedInAuthObject,
  SignedOutAuthObject,
  TokenType,
  UnauthenticatedMachineObject
} from "./auth/auth-object/AuthObject.js"
export { CurrentAuth } from "./auth/auth-object/CurrentAuth.js"
export { AuthenticateRequestError } from "./auth/request/AuthenticateRequestError.js"
export { AuthErrorReason, AuthStatus } from "./auth/request/constants.js"
export type { AuthenticateRequestOptions, OrganizationSyncOptions } from "./auth/request/options.js"
export type { AuthReason, HandshakeState, RequestState, RequestStateFor } from "./auth/request/RequestState.js"
export {
  createTokenVerifier,
  type TokenVerifier,
  verifyMachineToken,
  verifyToken,
  type VerifyTokenPromiseOptions as VerifyTokenOptions
} from "./promise/verifier.js"
export {
  verifyWebhook,
  verifyWebhookPayload,
  type VerifyWebhookOptions,
  type WebhookEvent,
  type WebhookEventType,
  WebhookVerificationError
} from "./auth/webhooks/index.js"
export {
  type AuthFunction,
  clerkMiddleware,
  type ClerkMiddlewareOptions,
  getAuth,
  requireAuth,
  type RequestWithAuth,
  toWebRequest
} from "./auth/middleware/index.js"

// Effect API
export * as BackendApi from "./services/BackendApi.js"
export * as ClerkConfig from "./services/ClerkConfig.js"
export type { DriftEntry, DriftIssue, DriftKind, DriftReport } from "./services/DriftReport.js"
export * as Errors from "./services/ClerkErrors.js"
export * as Tokens from "./auth/tokens/index.js"
export * as Auth from "./auth/request/index.js"
export { WebhookVerifier } from "./auth/webhooks/index.js"
export { ClerkMiddleware } from "./auth/middleware/index.js"
export { ClerkFrom, ClerkLive, ClerkLiveConfig, ClerkLiveFromEnv } from "./layers/live.js"
export * from "./resources/exports.js"
export { type Operation, operations, promiseNames } from "./operations.js"
