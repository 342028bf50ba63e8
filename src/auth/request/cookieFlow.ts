/**
 * The browser flow: no token in the Authorization header, so the session comes from the `__session` and
 * `__client_uat` cookies, with handshake resolution, multi-domain (satellite) sync, development-instance dev-browser
 * handling, cross-origin sync and organization sync.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type { SignedInAuthObject } from "../auth-object/AuthObject.js"
import { decodeJwt } from "../jwt/decode.js"
import { machineJwtType } from "../machine/detect.js"
import { isNonSessionCategory } from "../tokens/categories.js"
import type { JwksCache } from "../tokens/JwksCache.js"
import {
  AuthErrorReason,
  Cookies,
  HeaderNames,
  MAX_HANDSHAKE_REDIRECTS,
  QueryParameters,
  SyncStatus
} from "./constants.js"
import { directiveName, directiveValue } from "./cookies.js"
import {
  type Flow,
  fullMessage,
  handleTokenFailure,
  maybeHandshake,
  type SessionState,
  signedIn,
  signedOut,
  verifySession
} from "./flow.js"
import { verifyHandshakeToken } from "./handshake.js"

/** Clock skew accepted for a development handshake, whose machine clock is often off (one day). */
const DEV_HANDSHAKE_SKEW_MS = 86_400_000
const TIME_REASONS: ReadonlySet<string> = new Set(["token-expired", "token-not-active-yet", "token-iat-in-the-future"])

/**
 * Reads the cookies a handshake brought back (by nonce, or from the handshake token) and authenticates with the new
 * session token. `undefined` means the handshake could not be used and the normal flow continues.
 */
const resolveHandshake = (flow: Flow): Effect.Effect<SessionState | undefined, never, JwksCache> =>
  Effect.gen(function* () {
    const { ctx } = flow
    const development = ctx.instance?.instanceType === "development"
    let directives: ReadonlyArray<string> = []
    const nonce = ctx.handshakeNonce
    const handshakeToken = ctx.handshakeToken
    if (nonce) {
      const payload = yield* Effect.either(flow.clients.getHandshakePayload({ nonce }))
      if (Either.isRight(payload)) directives = payload.right.directives
      else yield* Effect.logError("Clerk: could not read the handshake payload", payload.left.message)
    } else if (handshakeToken) {
      const verified = yield* Effect.either(verifyHandshakeToken(handshakeToken, ctx.options.jwtKey))
      if (Either.isLeft(verified)) {
        const failure = verified.left
        // Development handshake tokens travel in the URL and cannot belong to another app: a bad one means the keys
        // changed. Answer signed out (no redirect, so no loop) with why.
        if (development) return signedOut(flow, failure.reason, fullMessage(failure, "cookie"))
        // In production the cookie may belong to another app on the same site; the flow continues and a later
        // handshake brings the right one.
        yield* Effect.logWarning("Clerk: ignoring a handshake token that does not verify", failure.reason)
        return undefined
      }
      directives = verified.right
    }
    const headers = new Headers({
      "Access-Control-Allow-Origin": "null",
      "Access-Control-Allow-Credentials": "true"
    })
    let sessionToken = ""
    for (const directive of directives) {
      headers.append(HeaderNames.SetCookie, directive)
      if (directiveName(directive).startsWith(Cookies.Session)) sessionToken = directiveValue(directive)
    }
    if (development) {
      const url = new URL(ctx.url)
      url.searchParams.delete(QueryParameters.Handshake)
      url.searchParams.delete(QueryParameters.HandshakeHelp)
      url.searchParams.delete(QueryParameters.DevBrowser)
      url.searchParams.delete(QueryParameters.HandshakeNonce)
      headers.append(HeaderNames.Location, url.toString())
      headers.set(HeaderNames.CacheControl, "no-store")
    }
    if (sessionToken === "") return signedOut(flow, AuthErrorReason.SessionTokenMissing, "", headers)
    const verified = yield* Effect.either(verifySession(flow, sessionToken))
    if (Either.isRight(verified)) return signedIn(flow, verified.right, sessionToken, headers)
    const failure = verified.left
    if (development && TIME_REASONS.has(failure.reason)) {
      yield* Effect.logWarning(
        "Clerk: clock skew detected while resolving a development handshake; retrying with a one-day tolerance. Sync your system clock.",
        fullMessage(failure, "cookie")
      )
      const retried = yield* Effect.either(verifySession(flow, sessionToken, { clockSkewInMs: DEV_HANDSHAKE_SKEW_MS }))
      if (Either.isRight(retried)) return signedIn(flow, retried.right, sessionToken, headers)
    }
    yield* Effect.logWarning("Clerk: the handshake session token does not verify", failure.reason)
    return undefined
  })

/**
 * Decides whether a signed-in request must be sent through a handshake to activate the organization its URL names.
 */
const organizationSync = (flow: Flow, auth: SignedInAuthObject): Effect.Effect<SessionState | undefined> =>
  Effect.suspend(() => {
    const { ctx } = flow
    const target = flow.organizations.findTarget(ctx.url)
    if (target === undefined) return Effect.succeed(undefined)
    const mustActivate =
      target.type === "personalAccount"
        ? Boolean(auth.orgId)
        : "organizationId" in target
          ? target.organizationId !== auth.orgId
          : target.organizationSlug !== auth.orgSlug
    if (!mustActivate) return Effect.succeed(undefined)
    if (ctx.handshakeRedirectLoopCounter >= MAX_HANDSHAKE_REDIRECTS) {
      return Effect.as(
        Effect.logWarning(
          "Clerk: organization activation keeps redirecting (is the organization id or slug in the URL valid?); skipping it."
        ),
        undefined
      )
    }
    return Effect.map(maybeHandshake(flow, AuthErrorReason.ActiveOrganizationMismatch, ""), (state) =>
      state.status === "handshake" ? state : undefined
    )
  })

/**
 * Authenticates a request with no token in the Authorization header, from its cookies.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const cookieFlow = (flow: Flow): Effect.Effect<SessionState, never, JwksCache> =>
  Effect.gen(function* () {
    const { ctx } = flow
    const instance = ctx.instance
    const development = instance?.instanceType === "development"
    const production = instance?.instanceType === "production"

    if (ctx.handshakeNonce || ctx.handshakeToken) {
      const resolved = yield* resolveHandshake(flow)
      if (resolved !== undefined) return resolved
    }

    const clientUat = ctx.clientUat
    const sessionCookie = ctx.sessionTokenInCookie
    const hasActiveClient = clientUat !== 0
    const hasSessionToken = Boolean(sessionCookie)

    // Multi-domain sync of satellites: `__clerk_synced=false` asks for it, `true` says it is done.
    const syncParam = ctx.url.searchParams.get(QueryParameters.ClerkSynced)
    const needsSync = syncParam === SyncStatus.NeedsSync
    const syncCompleted = syncParam === SyncStatus.Completed
    const hasCookies = hasSessionToken || hasActiveClient
    const skipSatelliteSync = !ctx.options.satelliteAutoSync && !hasCookies && !needsSync
    const satelliteNavigation = ctx.options.isSatellite && ctx.secFetchDest === "document" && ctx.method === "GET"

    if (satelliteNavigation && !syncCompleted && (production || development)) {
      if (skipSatelliteSync) return signedOut(flow, AuthErrorReason.SessionTokenAndUATMissing)
      if (!hasCookies || needsSync) {
        if (production) return yield* maybeHandshake(flow, AuthErrorReason.SatelliteCookieNeedsSyncing, "")
        // Development: sync through the primary's sign-in page (checked to be an absolute URL for satellites).
        const signInUrl = ctx.options.signInUrl
        if (signInUrl === undefined || !URL.canParse(signInUrl)) {
          return signedOut(flow, AuthErrorReason.SatelliteCookieNeedsSyncing, "signInUrl is not an absolute URL")
        }
        const signIn = new URL(signInUrl)
        signIn.searchParams.append(QueryParameters.ClerkRedirectUrl, ctx.url.toString())
        const headers = new Headers({ [HeaderNames.Location]: signIn.toString() })
        return yield* maybeHandshake(flow, AuthErrorReason.SatelliteCookieNeedsSyncing, "", headers)
      }
    }

    // Development primary answering a satellite's sync request: send the browser back with the dev-browser token.
    // This comes before the dev-browser checks so the primary does not start a handshake of its own mid-sync.
    const redirectBack = ctx.url.searchParams.get(QueryParameters.ClerkRedirectUrl)
    if (development && !ctx.options.isSatellite && redirectBack) {
      const back = URL.canParse(redirectBack) ? new URL(redirectBack) : undefined
      if (back !== undefined) {
        const devBrowser = ctx.devBrowserToken
        if (devBrowser) back.searchParams.append(QueryParameters.DevBrowser, devBrowser)
        back.searchParams.set(QueryParameters.ClerkSynced, SyncStatus.Completed)
        const headers = new Headers({ [HeaderNames.Location]: back.toString() })
        return yield* maybeHandshake(flow, AuthErrorReason.PrimaryRespondsToSyncing, "", headers)
      }
    }

    if (development && ctx.url.searchParams.has(QueryParameters.DevBrowser)) {
      return yield* maybeHandshake(flow, AuthErrorReason.DevBrowserSync, "")
    }
    if (development && !ctx.devBrowserToken) {
      return yield* maybeHandshake(flow, AuthErrorReason.DevBrowserMissing, "")
    }
    if (!hasActiveClient && !hasSessionToken) return signedOut(flow, AuthErrorReason.SessionTokenAndUATMissing)
    // `__client_uat` is SameSite=Strict in development, so a handshake can settle this eagerly.
    if (!hasActiveClient) return yield* maybeHandshake(flow, AuthErrorReason.SessionTokenWithoutClientUAT, "")
    if (!sessionCookie) return yield* maybeHandshake(flow, AuthErrorReason.ClientUATWithoutSessionToken, "")

    const decoded = decodeJwt(sessionCookie)
    if (Either.isLeft(decoded)) return yield* handleTokenFailure(flow, decoded.left, "cookie")
    // Machine JWTs and JWT-template tokens are signed by the same key but are not session tokens.
    if (machineJwtType(decoded.right) !== undefined || isNonSessionCategory(decoded.right.header.cat)) {
      return signedOut(flow, AuthErrorReason.TokenTypeMismatch, "")
    }
    const iat = decoded.right.payload["iat"]
    if (typeof iat === "number" && iat < clientUat) {
      return yield* maybeHandshake(flow, AuthErrorReason.SessionTokenIATBeforeClientUAT, "")
    }

    const verified = yield* Effect.either(verifySession(flow, sessionCookie))
    if (Either.isLeft(verified)) return yield* handleTokenFailure(flow, verified.left, "cookie")
    const claims = verified.right
    if (!claims.azp) {
      yield* Effect.logDebug("Clerk: the session token cookie has no azp claim; future versions will reject it.")
    }
    const state = signedIn(flow, claims, sessionCookie)

    // A primary-domain navigation arriving from another site (e.g. a satellite) needs a handshake to pick up the
    // session that site may have changed, unless it comes from Clerk itself or is already mid-redirect.
    if (
      !ctx.options.isSatellite &&
      ctx.method === "GET" &&
      ctx.secFetchDest === "document" &&
      ctx.isCrossOriginReferrer() &&
      !ctx.isKnownClerkReferrer() &&
      ctx.handshakeRedirectLoopCounter === 0
    ) {
      return yield* maybeHandshake(
        flow,
        AuthErrorReason.PrimaryDomainCrossOriginSync,
        "Cross-origin request from satellite domain requires handshake"
      )
    }

    const auth = state.toAuth()
    if (auth.isAuthenticated) {
      const synced = yield* organizationSync(flow, auth)
      if (synced !== undefined) return synced
    }
    return state
  })
