/**
 * The handshake: sending a browser through Clerk's Frontend API to refresh its session cookies, and reading the
 * cookies it brings back (by nonce through the Backend API, or from a signed handshake token).
 *
 * @module
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { CLERK_API_VERSION_HEADER } from "../../services/ClerkConfig.js"
import { tokenFailure, TokenVerificationAction, type TokenVerificationFailure } from "../errors.js"
import { decodeJwt } from "../jwt/decode.js"
import { importPem } from "../jwt/keys.js"
import { checkHeader, checkSignature, signatureEffect } from "../jwt/verify.js"
import { isNonSessionCategory } from "../tokens/categories.js"
import { JwksCache } from "../tokens/JwksCache.js"
import { Cookies, HeaderNames, MAX_HANDSHAKE_REDIRECTS, QueryParameters } from "./constants.js"
import type { RequestContext } from "./context.js"
import type { OrganizationSyncTarget } from "./organizationSync.js"

/**
 * Whether a handshake redirect can answer this request: only a GET that is a document (or iframe) navigation, or has
 * no `sec-fetch-dest` and accepts `text/html`. API calls and form POSTs are never redirected.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const isEligibleForHandshake = (ctx: RequestContext): boolean => {
  if (ctx.method !== "GET") return false
  const dest = ctx.secFetchDest
  if (dest === "document" || dest === "iframe") return true
  return dest === undefined && (ctx.header(HeaderNames.Accept)?.startsWith("text/html") ?? false)
}

const organizationParams = (target: OrganizationSyncTarget): ReadonlyArray<readonly [string, string]> =>
  target.type === "personalAccount"
    ? [["organization_id", ""]]
    : "organizationId" in target
      ? [["organization_id", target.organizationId]]
      : [["organization_id", target.organizationSlug]]

/**
 * The redirect to the Frontend API handshake endpoint: `<frontendApi>/v1/client/handshake?redirect_url=…` with the API
 * version, cookie suffix mode, reason, `format=nonce`, the current session token, the dev-browser token (development)
 * and the organization to activate.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const handshakeRedirect = (
  ctx: RequestContext,
  frontendApi: string,
  reason: string,
  organization: OrganizationSyncTarget | undefined
): Headers => {
  const redirect = new URL(ctx.url)
  redirect.searchParams.delete(QueryParameters.DevBrowser)
  redirect.searchParams.delete(QueryParameters.LegacyDevBrowser)
  const base = `${(frontendApi.startsWith("http") ? frontendApi : `https://${frontendApi}`).replace(/\/+$/, "")}/`
  const url = new URL("v1/client/handshake", base)
  url.searchParams.append("redirect_url", redirect.href)
  url.searchParams.append("__clerk_api_version", CLERK_API_VERSION_HEADER)
  url.searchParams.append(QueryParameters.SuffixedCookies, String(ctx.usesSuffixedCookies()))
  url.searchParams.append(QueryParameters.HandshakeReason, reason)
  url.searchParams.append(QueryParameters.HandshakeFormat, "nonce")
  const session = ctx.sessionToken
  if (session) url.searchParams.append(QueryParameters.Session, session)
  const devBrowser = ctx.devBrowserToken
  if (ctx.instance?.instanceType === "development" && devBrowser) {
    url.searchParams.append(QueryParameters.DevBrowser, devBrowser)
  }
  if (organization !== undefined) {
    for (const [key, value] of organizationParams(organization)) url.searchParams.append(key, value)
  }
  return new Headers({ [HeaderNames.Location]: url.href })
}

/**
 * Counts handshake redirects with the short-lived `__clerk_redirect_count` cookie. Returns true when the limit is
 * reached (the request must not be redirected again); otherwise adds the incremented cookie to `headers`.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const trackRedirectLoop = (ctx: RequestContext, headers: Headers): boolean => {
  const count = ctx.handshakeRedirectLoopCounter
  if (count >= MAX_HANDSHAKE_REDIRECTS) return true
  headers.append(HeaderNames.SetCookie, `${Cookies.RedirectCount}=${count + 1}; SameSite=Lax; HttpOnly; Max-Age=2`)
  return false
}

/**
 * Verifies a handshake token: a JWT signed by the instance key whose `handshake` claim lists cookie directives. Only
 * the header, category and signature are checked (it is short-lived and single-use).
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const verifyHandshakeToken = (
  token: string,
  jwtKey: string | undefined
): Effect.Effect<ReadonlyArray<string>, TokenVerificationFailure, JwksCache> =>
  Effect.gen(function* () {
    const decoded = yield* decodeJwt(token)
    const headerFailure = checkHeader(decoded.header, undefined)
    if (headerFailure !== undefined) return yield* headerFailure
    if (isNonSessionCategory(decoded.header.cat)) {
      return yield* tokenFailure("token-invalid", "Invalid handshake token category.", {
        action: TokenVerificationAction.EnsureClerkJwt
      })
    }
    const keys = yield* JwksCache
    const pem = jwtKey || keys.jwtKey
    const key = pem ? importPem(pem) : Either.right(yield* keys.getKey(decoded.header.kid))
    yield* signatureEffect(checkSignature(decoded, key))
    const directives = decoded.payload["handshake"]
    return Array.isArray(directives) ? directives.filter((d): d is string => typeof d === "string") : []
  })
