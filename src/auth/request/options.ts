/**
 * The options of `authenticateRequest`, and how they merge with the client's configuration.
 *
 * @module
 */
import * as Redacted from "effect/Redacted"
import type { ClerkConfigShape, ClerkOptions } from "../../services/ClerkConfig.js"
import type { TokenType } from "../auth-object/AuthObject.js"
import type { VerifyTokenOptions } from "../tokens/verifyToken.js"

/**
 * Which token types a request may carry: one type, a list, or `"any"`.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export type AcceptsToken = TokenType | ReadonlyArray<TokenType> | "any"

/**
 * URL patterns that activate an organization (or the personal account) on a signed-in request.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export interface OrganizationSyncOptions {
  /** Patterns with a `:id` or `:slug` parameter, e.g. `/orgs/:slug` and `/orgs/:slug/(.*)`. */
  readonly organizationPatterns?: ReadonlyArray<string> | undefined
  /** Patterns of the personal account, e.g. `/me` and `/me/(.*)`. */
  readonly personalAccountPatterns?: ReadonlyArray<string> | undefined
}

/**
 * The options `authenticateRequest` takes (those of `@clerk/backend`): token verification options, plus the client
 * options below, each defaulting to the client's value. `apiUrl`/`apiVersion` are accepted and ignored: the client's
 * Backend API is always used, as in `@clerk/backend`.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export interface AuthenticateRequestOptions
  extends VerifyTokenOptions,
    Pick<
      ClerkOptions,
      | "secretKey"
      | "machineSecretKey"
      | "publishableKey"
      | "domain"
      | "isSatellite"
      | "proxyUrl"
      | "apiUrl"
      | "apiVersion"
      | "satelliteAutoSync"
    > {
  /** Deprecated in `@clerk/backend`; accepted and ignored. */
  readonly jwksCacheTtlInMs?: number | undefined
  /** Sign-in URL; required for development satellites. */
  readonly signInUrl?: string | undefined
  /** Sign-up URL, returned in the request state. */
  readonly signUpUrl?: string | undefined
  /** Returned in the request state. */
  readonly afterSignInUrl?: string | undefined
  /** Returned in the request state. */
  readonly afterSignUpUrl?: string | undefined
  /** Activate organizations from URL patterns. */
  readonly organizationSyncOptions?: OrganizationSyncOptions | undefined
  /** Accepted token types (default `"session_token"`). */
  readonly acceptsToken?: AcceptsToken | undefined
}

/**
 * Options after merging with the client configuration. Secrets are Redacted.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export interface ResolvedOptions {
  readonly secretKey: Redacted.Redacted<string> | undefined
  readonly machineSecretKey: Redacted.Redacted<string> | undefined
  readonly jwtKey: string | undefined
  readonly publishableKey: string | undefined
  readonly domain: string | undefined
  readonly isSatellite: boolean
  readonly proxyUrl: string | undefined
  readonly audience: string | ReadonlyArray<string> | undefined
  readonly authorizedParties: ReadonlyArray<string> | undefined
  readonly issuer: string | ReadonlyArray<string> | undefined
  readonly clockSkewInMs: number | undefined
  readonly headerType: string | ReadonlyArray<string> | undefined
  readonly skipJwksCache: boolean
  readonly signInUrl: string | undefined
  readonly signUpUrl: string | undefined
  readonly afterSignInUrl: string | undefined
  readonly afterSignUpUrl: string | undefined
  readonly organizationSyncOptions: OrganizationSyncOptions | undefined
  readonly acceptsToken: AcceptsToken
  readonly satelliteAutoSync: boolean
  /** True when the secret key is not the client's (BAPI calls made for this request then use it). */
  readonly secretKeyOverridden: boolean
}

const nonEmpty = (s: string | undefined): string | undefined => (s === undefined || s === "" ? undefined : s)

const secret = (
  value: string | undefined,
  fallback: Redacted.Redacted<string> | undefined
): Redacted.Redacted<string> | undefined => {
  const v = nonEmpty(value)
  return v === undefined ? fallback : Redacted.make(v)
}

/**
 * Merges per-call options over the client configuration the way `@clerk/backend` does: for the keys, domain,
 * satellite flag, proxy URL and audience a per-call value wins only when truthy (`isSatellite: false` does not undo a
 * client-level `true`); `apiUrl`/`apiVersion` always come from the client.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const resolveOptions = (config: ClerkConfigShape, options: AuthenticateRequestOptions = {}): ResolvedOptions => {
  const secretKey = secret(options.secretKey, config.secretKey)
  const audience = options.audience
  return {
    secretKey,
    machineSecretKey: secret(options.machineSecretKey, config.machineSecretKey),
    jwtKey: nonEmpty(options.jwtKey) ?? config.jwtKey,
    publishableKey: nonEmpty(options.publishableKey) ?? config.publishableKey,
    domain: nonEmpty(options.domain) ?? config.domain,
    isSatellite: options.isSatellite === true || config.isSatellite,
    proxyUrl: nonEmpty(options.proxyUrl) ?? config.proxyUrl,
    audience: audience !== undefined && audience !== "" ? audience : config.audience,
    authorizedParties: options.authorizedParties,
    issuer: options.issuer,
    clockSkewInMs: options.clockSkewInMs,
    headerType: options.headerType,
    skipJwksCache: options.skipJwksCache === true,
    signInUrl: nonEmpty(options.signInUrl),
    signUpUrl: nonEmpty(options.signUpUrl),
    afterSignInUrl: nonEmpty(options.afterSignInUrl),
    afterSignUpUrl: nonEmpty(options.afterSignUpUrl),
    organizationSyncOptions: options.organizationSyncOptions,
    acceptsToken: options.acceptsToken ?? "session_token",
    satelliteAutoSync: options.satelliteAutoSync ?? config.satelliteAutoSync,
    secretKeyOverridden:
      nonEmpty(options.secretKey) !== undefined &&
      (config.secretKey === undefined || Redacted.value(config.secretKey) !== options.secretKey)
  }
}
