/**
 * Names `authenticateRequest` reads and writes: cookies, query parameters, headers, statuses and reasons. The values
 * are Clerk's wire names; they must not change.
 *
 * @module
 */

/**
 * Cookie names (the session, client-uat, dev-browser and refresh cookies also exist suffixed: `<name>_<suffix>`).
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const Cookies = {
  Session: "__session",
  Refresh: "__refresh",
  ClientUat: "__client_uat",
  Handshake: "__clerk_handshake",
  DevBrowser: "__clerk_db_jwt",
  RedirectCount: "__clerk_redirect_count",
  HandshakeNonce: "__clerk_handshake_nonce"
} as const

/**
 * Query parameter names.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const QueryParameters = {
  ClerkSynced: "__clerk_synced",
  SuffixedCookies: "suffixed_cookies",
  ClerkRedirectUrl: "__clerk_redirect_url",
  DevBrowser: "__clerk_db_jwt",
  Handshake: "__clerk_handshake",
  HandshakeHelp: "__clerk_help",
  LegacyDevBrowser: "__dev_session",
  HandshakeReason: "__clerk_hs_reason",
  HandshakeNonce: "__clerk_handshake_nonce",
  HandshakeFormat: "format",
  Session: "__session"
} as const

/**
 * Header names (lower case).
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const HeaderNames = {
  Accept: "accept",
  AuthMessage: "x-clerk-auth-message",
  Authorization: "authorization",
  AuthReason: "x-clerk-auth-reason",
  AuthStatus: "x-clerk-auth-status",
  CacheControl: "cache-control",
  CloudFrontForwardedProto: "cloudfront-forwarded-proto",
  ForwardedHost: "x-forwarded-host",
  ForwardedProto: "x-forwarded-proto",
  Host: "host",
  Location: "location",
  Origin: "origin",
  Referrer: "referer",
  SecFetchDest: "sec-fetch-dest",
  SetCookie: "set-cookie"
} as const

/**
 * `__clerk_synced` values.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const SyncStatus = { NeedsSync: "false", Completed: "true" } as const

/**
 * The three outcomes of `authenticateRequest`.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const AuthStatus = { SignedIn: "signed-in", SignedOut: "signed-out", Handshake: "handshake" } as const
/** The three outcomes of `authenticateRequest`. */
export type AuthStatus = (typeof AuthStatus)[keyof typeof AuthStatus]

/**
 * Why a request is signed out or needs a handshake (besides token verification reasons).
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const AuthErrorReason = {
  ClientUATWithoutSessionToken: "client-uat-but-no-session-token",
  DevBrowserMissing: "dev-browser-missing",
  DevBrowserSync: "dev-browser-sync",
  PrimaryRespondsToSyncing: "primary-responds-to-syncing",
  PrimaryDomainCrossOriginSync: "primary-domain-cross-origin-sync",
  SatelliteCookieNeedsSyncing: "satellite-needs-syncing",
  SessionTokenAndUATMissing: "session-token-and-uat-missing",
  SessionTokenMissing: "session-token-missing",
  SessionTokenExpired: "session-token-expired",
  SessionTokenIATBeforeClientUAT: "session-token-iat-before-client-uat",
  SessionTokenNBF: "session-token-nbf",
  SessionTokenIatInTheFuture: "session-token-iat-in-the-future",
  SessionTokenWithoutClientUAT: "session-token-but-no-client-uat",
  ActiveOrganizationMismatch: "active-organization-mismatch",
  TokenTypeMismatch: "token-type-mismatch",
  UnexpectedError: "unexpected-error"
} as const
/** Why a request is signed out or needs a handshake (besides token verification reasons). */
export type AuthErrorReason = (typeof AuthErrorReason)[keyof typeof AuthErrorReason]

/**
 * Why a session refresh with the `__refresh` cookie did not happen; appended to `session-token-expired-refresh-`.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const RefreshErrorReason = {
  NonEligibleNoCookie: "non-eligible-no-refresh-cookie",
  NonEligibleNonGet: "non-eligible-non-get",
  InvalidSessionToken: "invalid-session-token",
  MissingSessionToken: "missing-session-token",
  MissingRefreshToken: "missing-refresh-token",
  ExpiredSessionTokenDecodeFailed: "expired-session-token-decode-failed",
  ExpiredSessionTokenMissingSidClaim: "expired-session-token-missing-sid-claim",
  FetchError: "fetch-error",
  UnexpectedSDKError: "unexpected-sdk-error",
  UnexpectedBAPIError: "unexpected-bapi-error"
} as const

/**
 * Handshake redirects allowed in a row before the request is treated as signed out.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const MAX_HANDSHAKE_REDIRECTS = 3
