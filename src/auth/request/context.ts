/**
 * Everything `authenticateRequest` reads from one request: the public URL (behind proxies), the headers, the
 * Authorization token, the cookies (suffixed or not), the handshake and dev-browser values, and the instance derived
 * from the publishable key. Cookie and URL work is done lazily, so a bearer-token request never parses cookies.
 *
 * Only the method, URL and headers are read: never the body.
 *
 * @module
 */
import * as Either from "effect/Either"
import { parsePublishableKey } from "../../services/ClerkConfig.js"
import type { InstanceType } from "../../services/ClerkConfig.js"
import { decodeJwt, type DecodedJwt } from "../jwt/decode.js"
import { Cookies, HeaderNames, QueryParameters } from "./constants.js"
import { cookieSuffix, parseCookieHeader, suffixedCookieName } from "./cookies.js"
import type { ResolvedOptions } from "./options.js"

/**
 * The instance a publishable key names, with the Frontend API host to send handshakes to.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export interface InstanceInfo {
  readonly publishableKey: string
  readonly instanceType: InstanceType
  /** The Frontend API: the proxy URL, `clerk.<domain>` for a production satellite, else the key's host. */
  readonly frontendApi: string
  /** The Frontend API before any proxy: what token issuers carry. */
  readonly originalFrontendApi: string
}

const firstValue = (value: string | null): string | undefined => (value === null ? undefined : value.split(",")[0])

/**
 * The request URL as the client saw it: `x-forwarded-host` (first value) or `host`, and `x-forwarded-proto` (first
 * value) or the URL's scheme. A header that does not make a valid origin is ignored.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const publicUrl = (request: Request): URL => {
  const initial = new URL(request.url)
  const host = firstValue(request.headers.get(HeaderNames.ForwardedHost)) ?? request.headers.get(HeaderNames.Host)
  const proto = firstValue(request.headers.get(HeaderNames.ForwardedProto)) ?? initial.protocol.replace(/[:/]/, "")
  const origin = host && proto ? `${proto}://${host}` : initial.origin
  if (origin === initial.origin) return initial
  try {
    return new URL(initial.pathname + initial.search, origin)
  } catch {
    return initial
  }
}

/**
 * The token of the Authorization header: `Bearer <token>`, or a value with no space taken whole. Other schemes are
 * ignored.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const tokenFromAuthorization = (value: string | null): string | undefined => {
  if (!value) return undefined
  const space = value.indexOf(" ")
  if (space === -1) return value
  const scheme = value.slice(0, space)
  const rest = value.slice(space + 1)
  const token = rest.split(" ", 1)[0]
  if (!token) return scheme
  return scheme === "Bearer" ? token : undefined
}

const decodeOrUndefined = (token: string | undefined): DecodedJwt | undefined => {
  if (!token) return undefined
  const decoded = decodeJwt(token)
  return Either.isRight(decoded) ? decoded.right : undefined
}

const numberClaim = (decoded: DecodedJwt | undefined, claim: string): number => {
  const value = decoded?.payload[claim]
  return typeof value === "number" ? value : 0
}

let lastKey: string | undefined
let lastParsed: ReturnType<typeof parsePublishableKey>

/**
 * {@link parsePublishableKey}, remembering the last key (a client parses the same key on every request).
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const parsePublishableKeyCached = (key: string): ReturnType<typeof parsePublishableKey> => {
  if (key !== lastKey) {
    lastParsed = parsePublishableKey(key)
    lastKey = key
  }
  return lastParsed
}

/**
 * Parses the publishable key of the options; `undefined` when missing or malformed.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const instanceInfo = (options: ResolvedOptions, proxyUrl: string | undefined): InstanceInfo | undefined => {
  if (options.publishableKey === undefined) return undefined
  const parsed = parsePublishableKeyCached(options.publishableKey)
  if (parsed === undefined) return undefined
  // A production satellite's Frontend API (and so its tokens' issuer) is on its own domain.
  const instanceFrontendApi =
    parsed.instanceType === "production" && options.domain !== undefined && options.isSatellite
      ? `clerk.${options.domain}`
      : parsed.frontendApi
  return {
    publishableKey: options.publishableKey,
    instanceType: parsed.instanceType,
    frontendApi: proxyUrl ?? instanceFrontendApi,
    originalFrontendApi: instanceFrontendApi
  }
}

/**
 * The per-request view `authenticateRequest` decides on.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export class RequestContext {
  readonly method: string
  readonly tokenInHeader: string | undefined
  /** The instance; `undefined` when only machine tokens are accepted (the publishable key is then not read). */
  readonly instance: InstanceInfo | undefined
  private urlMemo: URL | undefined
  private cookiesMemo: ReadonlyMap<string, string> | undefined
  private suffixedMemo: boolean | undefined

  constructor(
    readonly request: Request,
    readonly options: ResolvedOptions,
    /** Whether to read the publishable key (every flow but `m2m_token`/`api_key`). */
    withInstance: boolean,
    /** The clock, in milliseconds, when the request started being authenticated. */
    readonly now: number
  ) {
    this.method = request.method
    this.tokenInHeader = tokenFromAuthorization(request.headers.get(HeaderNames.Authorization))
    this.instance = withInstance ? instanceInfo(options, this.proxyUrl) : undefined
  }

  /** The request URL as the client saw it. */
  get url(): URL {
    return (this.urlMemo ??= publicUrl(this.request))
  }

  /** The proxy URL with a relative path resolved against the request's public origin. */
  get proxyUrl(): string | undefined {
    const proxy = this.options.proxyUrl
    return proxy?.startsWith("/") ? `${this.url.origin}${proxy}` : proxy
  }

  /** A request header, `undefined` when absent or empty. */
  header(name: string): string | undefined {
    return this.request.headers.get(name) || undefined
  }

  /** A query parameter of the public URL, `undefined` when absent or empty. */
  query(name: string): string | undefined {
    return this.url.searchParams.get(name) || undefined
  }

  /** A cookie by exact name, `undefined` when absent or empty. */
  cookie(name: string): string | undefined {
    this.cookiesMemo ??= parseCookieHeader(this.request.headers.get("cookie"))
    return this.cookiesMemo.get(name) || undefined
  }

  private get suffix(): string {
    return this.instance === undefined ? "" : cookieSuffix(this.instance.publishableKey)
  }

  /** A cookie by its suffixed name. */
  suffixedCookie(name: string): string | undefined {
    return this.cookie(suffixedCookieName(name, this.suffix))
  }

  /** Whether this request's Clerk cookies are the suffixed ones (decided once, from both sets). */
  usesSuffixedCookies(): boolean {
    return (this.suffixedMemo ??= this.decideSuffixed())
  }

  private decideSuffixed(): boolean {
    const suffixedUat = this.suffixedCookie(Cookies.ClientUat)
    const uat = this.cookie(Cookies.ClientUat)
    const suffixedSession = this.suffixedCookie(Cookies.Session) ?? ""
    const session = this.cookie(Cookies.Session) ?? ""
    const decoded = decodeOrUndefined(session)
    // A malformed un-suffixed session (no issuer) is read as is, so the request ends signed out, not in a handshake.
    if (session && typeof decoded?.payload["iss"] !== "string") return false
    if (session && !this.issuedByThisInstance(decoded)) return true
    if (!suffixedUat && !suffixedSession) return false
    const suffixedDecoded = decodeOrUndefined(suffixedSession)
    // Both say signed in, the un-suffixed session is newer.
    if (suffixedUat !== "0" && uat !== "0" && numberClaim(decoded, "iat") > numberClaim(suffixedDecoded, "iat")) {
      return false
    }
    // Suffixed says signed out, un-suffixed says signed in: trust un-suffixed.
    if (suffixedUat === "0" && uat !== "0") return false
    // In development the suffixed uat is not kept up to date reliably: an expired suffixed session loses.
    if (this.instance?.instanceType !== "production") {
      const expired =
        suffixedDecoded !== undefined && numberClaim(suffixedDecoded, "exp") <= Math.floor(this.now / 1000)
      if (suffixedUat !== "0" && uat === "0" && expired) return false
    }
    if (!suffixedUat && suffixedSession) return false
    return true
  }

  private issuedByThisInstance(decoded: DecodedJwt | undefined): boolean {
    const iss = decoded?.payload["iss"]
    if (typeof iss !== "string" || this.instance === undefined) return false
    return iss.replace(/https?:\/\//gi, "") === this.instance.originalFrontendApi
  }

  private suffixedOrNot(name: string): string | undefined {
    return this.usesSuffixedCookies() ? this.suffixedCookie(name) : this.cookie(name)
  }

  /** The session token cookie. */
  get sessionTokenInCookie(): string | undefined {
    return this.suffixedOrNot(Cookies.Session)
  }

  /** The refresh token cookie (only ever suffixed). */
  get refreshTokenInCookie(): string | undefined {
    return this.suffixedCookie(Cookies.Refresh)
  }

  /** `__client_uat` as a number; 0 when absent or not a number. */
  get clientUat(): number {
    return Number.parseInt(this.suffixedOrNot(Cookies.ClientUat) ?? "", 10) || 0
  }

  /** The session token from the cookie, else from the header. */
  get sessionToken(): string | undefined {
    return this.sessionTokenInCookie || this.tokenInHeader
  }

  /** The dev-browser token, from the query or the cookie. */
  get devBrowserToken(): string | undefined {
    return this.query(QueryParameters.DevBrowser) ?? this.suffixedOrNot(Cookies.DevBrowser)
  }

  /** The handshake token, from the query or the (never suffixed) cookie. */
  get handshakeToken(): string | undefined {
    return this.query(QueryParameters.Handshake) ?? this.cookie(Cookies.Handshake)
  }

  /** The handshake nonce, from the query or the cookie. */
  get handshakeNonce(): string | undefined {
    return this.query(QueryParameters.HandshakeNonce) ?? this.cookie(Cookies.HandshakeNonce)
  }

  /** Handshake redirects so far, from `__clerk_redirect_count`; 0 when absent or not a number. */
  get handshakeRedirectLoopCounter(): number {
    return Number(this.cookie(Cookies.RedirectCount)) || 0
  }

  /** `sec-fetch-dest`. */
  get secFetchDest(): string | undefined {
    return this.header(HeaderNames.SecFetchDest)
  }

  /** Whether the `Referer` is on another origin than the request. */
  isCrossOriginReferrer(): boolean {
    const referrer = this.header(HeaderNames.Referrer)
    if (!referrer) return false
    try {
      return new URL(referrer).origin !== this.url.origin
    } catch {
      return false
    }
  }

  /** Whether the `Referer` is this instance's Frontend API or Account Portal (or, in development, a dev portal). */
  isKnownClerkReferrer(): boolean {
    const referrer = this.header(HeaderNames.Referrer)
    if (!referrer || this.instance === undefined) return false
    let url: URL
    try {
      url = new URL(referrer)
    } catch {
      return false
    }
    const frontendApi = this.instance.frontendApi
    let fapiHost: string
    try {
      fapiHost = frontendApi.startsWith("http") ? new URL(frontendApi).hostname : frontendApi
    } catch {
      return false
    }
    if (url.hostname === fapiHost) return true
    if (this.instance.instanceType !== "production" && isDevAccountPortalHost(url.hostname)) return true
    const accounts = frontendApi
      .replace(/clerk\.accountsstage\./, "accountsstage.")
      .replace(/clerk\.accounts\.|clerk\./, "accounts.")
    try {
      return url.origin === new URL(`https://${accounts}`).origin
    } catch {
      return false
    }
  }
}

const LEGACY_DEV_SUFFIXES = [".lcl.dev", ".lclstage.dev", ".lclclerk.com"]
const CURRENT_DEV_SUFFIXES = [".accounts.dev", ".accountsstage.dev", ".accounts.lclclerk.com"]

/** Development Account Portal hosts (`accounts.*.lcl.dev`, `*.accounts.dev`, ...). */
const isDevAccountPortalHost = (host: string): boolean =>
  LEGACY_DEV_SUFFIXES.some((s) => host.startsWith("accounts.") && host.endsWith(s)) ||
  CURRENT_DEV_SUFFIXES.some((s) => host.endsWith(s) && !host.endsWith(`.clerk${s}`))
