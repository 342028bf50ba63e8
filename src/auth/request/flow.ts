/**
 * The per-request pieces the decision flow is built from: the request state constructors bound to one request,
 * session token verification, the handshake-or-signed-out decision, the `__refresh` cookie refresh, and what a token
 * verification failure turns into.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type { Clients } from "../../resources/Clients.js"
import type { Sessions } from "../../resources/Sessions.js"
import { ClerkDecodeError, isApiResponseError } from "../../services/ClerkErrors.js"
import { type DebugData, signedInAuthObject, signedOutAuthObject, tokenPrefix } from "../auth-object/AuthObject.js"
import type { SessionClaims } from "../auth-object/claims.js"
import { tokenFailure, TokenVerificationAction, TokenVerificationFailure } from "../errors.js"
import type { JwtPayload } from "../jwt/claims.js"
import { decodeJwt } from "../jwt/decode.js"
import { JwksCache } from "../tokens/JwksCache.js"
import { planVerification, type VerifyTokenOptions } from "../tokens/verifyToken.js"
import type { PromiseRunner } from "./AuthPromiseRunner.js"
import { AuthErrorReason, AuthStatus, Cookies, HeaderNames, RefreshErrorReason } from "./constants.js"
import type { RequestContext } from "./context.js"
import { directiveName, directiveValue } from "./cookies.js"
import { handshakeRedirect, isEligibleForHandshake, trackRedirectLoop } from "./handshake.js"
import type { OrganizationMatcher } from "./organizationSync.js"
import {
  type AuthReason,
  handshakeState,
  type HandshakeState,
  signedInSessionState,
  type SignedInSessionState,
  signedOutSessionState,
  type SignedOutSessionState,
  type StateEcho
} from "./RequestState.js"

/**
 * A session flow outcome.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export type SessionState = SignedInSessionState | SignedOutSessionState | HandshakeState

/**
 * One request being authenticated.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export interface Flow {
  readonly ctx: RequestContext
  readonly echo: StateEcho
  readonly sessions: Sessions
  readonly clients: Clients
  readonly runner: PromiseRunner
  readonly organizations: OrganizationMatcher
  readonly verifyOptions: VerifyTokenOptions
}

/**
 * The state echo of a request: its configuration, as `@clerk/backend` returns it.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const echoOf = (ctx: RequestContext): StateEcho => {
  const o = ctx.options
  return {
    proxyUrl: ctx.proxyUrl ?? "",
    publishableKey: o.publishableKey ?? "",
    isSatellite: o.isSatellite,
    domain: o.domain ?? "",
    signInUrl: o.signInUrl ?? "",
    signUpUrl: o.signUpUrl ?? "",
    afterSignInUrl: o.afterSignInUrl ?? "",
    afterSignUpUrl: o.afterSignUpUrl ?? ""
  }
}

/**
 * Debug data of a request: its configuration and state, with every credential cut to a short prefix.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const debugData =
  (ctx: RequestContext, extra: Readonly<Record<string, unknown>> = {}): DebugData =>
  () => ({
    ...echoOf(ctx),
    instanceType: ctx.instance?.instanceType,
    frontendApi: ctx.instance?.frontendApi,
    acceptsToken: ctx.options.acceptsToken,
    method: ctx.method,
    url: ctx.url.href.replace(
      /([?&](?:__clerk_db_jwt|__clerk_handshake|__clerk_handshake_nonce|__session)=)[^&]*/g,
      "$1…"
    ),
    tokenInHeader: tokenPrefix(ctx.tokenInHeader),
    sessionTokenInCookie: tokenPrefix(ctx.sessionTokenInCookie),
    refreshTokenInCookie: tokenPrefix(ctx.refreshTokenInCookie),
    devBrowserToken: tokenPrefix(ctx.devBrowserToken),
    handshakeToken: tokenPrefix(ctx.handshakeToken),
    clientUat: ctx.clientUat,
    handshakeRedirectLoopCounter: ctx.handshakeRedirectLoopCounter,
    ...extra
  })

/**
 * A signed-out session state for this request.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const signedOut = (
  flow: Flow,
  reason: AuthReason,
  message = "",
  headers: Headers = new Headers()
): SignedOutSessionState =>
  signedOutSessionState(flow.echo, reason, message, headers, () =>
    signedOutAuthObject(debugData(flow.ctx, { status: AuthStatus.SignedOut, reason, message }))
  )

/**
 * A signed-in session state for this request.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const signedIn = (
  flow: Flow,
  claims: SessionClaims & { readonly sid: string },
  token: string,
  headers: Headers = new Headers()
): SignedInSessionState => {
  const fetchToken = (sessionId: string, template: string | undefined, expiresInSeconds: number | undefined) =>
    flow.runner.run(
      Effect.flatMap(flow.sessions.getToken(sessionId, template, expiresInSeconds), (response) =>
        response.jwt === undefined
          ? Effect.fail(
              new ClerkDecodeError({
                method: "POST",
                path: `/sessions/${sessionId}/tokens`,
                status: 200,
                issue: "the response has no jwt"
              })
            )
          : Effect.succeed(response.jwt)
      )
    )
  const debug = debugData(flow.ctx, { status: AuthStatus.SignedIn })
  return signedInSessionState(flow.echo, token, headers, (options) => {
    const auth = signedInAuthObject({ token, claims, fetchToken, debugData: debug })
    if ((options?.treatPendingAsSignedOut ?? true) && auth.sessionStatus === "pending") {
      return signedOutAuthObject(debug, auth.sessionStatus)
    }
    return auth
  })
}

/**
 * Whether verified claims carry a session id.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const hasSessionId = (claims: JwtPayload): claims is JwtPayload & { readonly sid: string } =>
  typeof claims.sid === "string" && claims.sid !== ""

const missingSid = () =>
  tokenFailure("token-invalid", "The session token has no session id (sid claim); it is not a session token.", {
    action: TokenVerificationAction.EnsureClerkJwt
  })

/**
 * Verifies a session token with the request's options. A verified token without a `sid` claim is not a session
 * token (e.g. an old JWT-template token) and fails with `token-invalid`.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const verifySession = (
  flow: Flow,
  token: string,
  overrides: Partial<VerifyTokenOptions> = {}
): Effect.Effect<JwtPayload & { readonly sid: string }, TokenVerificationFailure, JwksCache> =>
  Effect.flatMap(JwksCache, (keys) =>
    requireSessionId(planVerification(token, { ...flow.verifyOptions, ...overrides }, keys, flow.ctx.now))
  )

/**
 * A verification that fails with `token-invalid` when the verified claims carry no `sid`.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const requireSessionId = <R>(
  plan: Effect.Effect<JwtPayload, TokenVerificationFailure, R>
): Effect.Effect<JwtPayload & { readonly sid: string }, TokenVerificationFailure, R> =>
  Effect.flatMap(plan, (claims) => (hasSessionId(claims) ? Effect.succeed(claims) : Effect.fail(missingSid())))

const HANDSHAKE_LOOP_MESSAGE =
  "Clerk: the handshake redirected too many times in a row; answering signed out. This usually means the publishable and secret keys are from different instances."
const SATELLITE_LOOP_MESSAGE =
  "Clerk: satellite sync redirected too many times in a row; answering signed out. Check that this request is on a configured primary or satellite domain of the instance."

/**
 * Answers with a handshake redirect when the request can follow one (a GET document navigation) and the redirect
 * limit is not reached; otherwise signed out with the same reason. `headers` replaces the default handshake redirect
 * (satellite sync redirects elsewhere).
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const maybeHandshake = (
  flow: Flow,
  reason: AuthReason,
  message: string,
  headers?: Headers
): Effect.Effect<SignedOutSessionState | HandshakeState> =>
  Effect.suspend((): Effect.Effect<SignedOutSessionState | HandshakeState> => {
    const { ctx } = flow
    if (!isEligibleForHandshake(ctx) || ctx.instance === undefined) {
      return Effect.succeed(signedOut(flow, reason, message))
    }
    const redirect =
      headers ?? handshakeRedirect(ctx, ctx.instance.frontendApi, reason, flow.organizations.findTarget(ctx.url))
    // Browsers cache 307s of background tabs; without this the handshake can loop forever.
    if (redirect.get(HeaderNames.Location)) redirect.set(HeaderNames.CacheControl, "no-store")
    if (trackRedirectLoop(ctx, redirect)) {
      const warning =
        reason === AuthErrorReason.SatelliteCookieNeedsSyncing ? SATELLITE_LOOP_MESSAGE : HANDSHAKE_LOOP_MESSAGE
      return Effect.as(Effect.logWarning(warning), signedOut(flow, reason, message))
    }
    return Effect.succeed(handshakeState(flow.echo, reason, message, redirect))
  })

/** The reason a refresh failed, from a Backend API error. */
const refreshCallFailure = (error: Parameters<typeof isApiResponseError>[0]): string => {
  if (isApiResponseError(error)) return error.errors[0]?.code ?? RefreshErrorReason.UnexpectedBAPIError
  if (typeof error === "object" && error !== null && "_tag" in error) {
    if (error._tag === "ClerkTransportError" || error._tag === "ClerkTimeoutError") return RefreshErrorReason.FetchError
  }
  return RefreshErrorReason.UnexpectedBAPIError
}

/**
 * Refreshes an expired session with the `__refresh` cookie (`POST /sessions/{sid}/refresh`) and verifies the new
 * session token. Fails with the refresh error reason.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const attemptRefresh = (flow: Flow): Effect.Effect<SignedInSessionState, string, JwksCache> =>
  Effect.gen(function* () {
    const { ctx } = flow
    const expired = ctx.sessionToken
    if (!expired) return yield* Effect.fail(RefreshErrorReason.MissingSessionToken)
    const refreshToken = ctx.refreshTokenInCookie
    if (!refreshToken) return yield* Effect.fail(RefreshErrorReason.MissingRefreshToken)
    const decoded = decodeJwt(expired)
    if (Either.isLeft(decoded)) return yield* Effect.fail(RefreshErrorReason.ExpiredSessionTokenDecodeFailed)
    const sid = decoded.right.payload["sid"]
    if (typeof sid !== "string" || sid === "") {
      return yield* Effect.fail(RefreshErrorReason.ExpiredSessionTokenMissingSidClaim)
    }
    const requestHeaders: Record<string, ReadonlyArray<string>> = {}
    ctx.request.headers.forEach((value, key) => {
      requestHeaders[key] = [value]
    })
    const response = yield* Effect.mapError(
      flow.sessions.refreshSession(sid, {
        format: "cookie",
        expired_token: expired,
        refresh_token: refreshToken,
        request_origin: ctx.url.origin,
        request_headers: requestHeaders,
        suffixed_cookies: ctx.usesSuffixedCookies()
      }),
      refreshCallFailure
    )
    if (response.cookies.length === 0) return yield* Effect.fail(RefreshErrorReason.UnexpectedSDKError)
    const headers = new Headers()
    let sessionToken = ""
    for (const directive of response.cookies) {
      headers.append(HeaderNames.SetCookie, directive)
      if (directiveName(directive).startsWith(Cookies.Session)) sessionToken = directiveValue(directive)
    }
    const claims = yield* Effect.mapError(
      verifySession(flow, sessionToken),
      () => RefreshErrorReason.InvalidSessionToken
    )
    return signedIn(flow, claims, sessionToken, headers)
  })

const HANDSHAKE_REASONS: ReadonlySet<string> = new Set([
  "token-expired",
  "token-not-active-yet",
  "token-iat-in-the-future"
])

const handshakeReasonFor = (failure: TokenVerificationFailure, refreshError: string | null): string => {
  switch (failure.reason) {
    case "token-expired":
      return `${AuthErrorReason.SessionTokenExpired}-refresh-${refreshError}`
    case "token-not-active-yet":
      return AuthErrorReason.SessionTokenNBF
    case "token-iat-in-the-future":
      return AuthErrorReason.SessionTokenIatInTheFuture
    default:
      return AuthErrorReason.UnexpectedError
  }
}

/**
 * What a session token verification failure becomes: an expired token on a GET with a `__refresh` cookie is
 * refreshed; expired, not-yet-valid and future-issued tokens go to the handshake (or signed out when not a document
 * request); any other failure is signed out with its reason and full message.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const handleTokenFailure = (
  flow: Flow,
  failure: TokenVerificationFailure,
  carrier: "header" | "cookie"
): Effect.Effect<SessionState, never, JwksCache> =>
  Effect.gen(function* () {
    const { ctx } = flow
    let refreshError: string | null = null
    if (failure.reason === "token-expired" && ctx.refreshTokenInCookie && ctx.method === "GET") {
      const refreshed = yield* Effect.either(attemptRefresh(flow))
      if (Either.isRight(refreshed)) return refreshed.right
      refreshError = refreshed.left
    } else if (ctx.method !== "GET") {
      refreshError = RefreshErrorReason.NonEligibleNonGet
    } else if (!ctx.refreshTokenInCookie) {
      refreshError = RefreshErrorReason.NonEligibleNoCookie
    }
    const message = fullMessage(failure, carrier)
    if (HANDSHAKE_REASONS.has(failure.reason)) {
      return yield* maybeHandshake(flow, handshakeReasonFor(failure, refreshError), message)
    }
    return signedOut(flow, failure.reason, message)
  })

/**
 * `"<message> <action> (reason=<reason>, token-carrier=<carrier>)"`.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const fullMessage = (failure: TokenVerificationFailure, carrier: "header" | "cookie"): string =>
  new TokenVerificationFailure(
    {
      reason: failure.reason,
      message: failure.message,
      tokenCarrier: carrier,
      ...(failure.action === undefined ? {} : { action: failure.action })
    },
    { disableValidation: true }
  ).getFullMessage()
