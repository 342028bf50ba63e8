/**
 * The synchronous first step of `authenticateRequest`: merge the options over the client configuration, check that
 * the configuration can authenticate anything, compile the organization patterns, and read the request.
 *
 * @module
 */
import * as Either from "effect/Either"
import * as Redacted from "effect/Redacted"
import type { Clients } from "../../resources/Clients.js"
import type { Sessions } from "../../resources/Sessions.js"
import type { ClerkConfigShape } from "../../services/ClerkConfig.js"
import { type AuthenticateRequestError, configError } from "./AuthenticateRequestError.js"
import type { PromiseRunner } from "./AuthPromiseRunner.js"
import { parsePublishableKeyCached, RequestContext } from "./context.js"
import { echoOf, type Flow } from "./flow.js"
import {
  type AuthenticateRequestOptions,
  type OrganizationSyncOptions,
  resolveOptions,
  type ResolvedOptions
} from "./options.js"
import { makeOrganizationMatcher, type OrganizationMatcher } from "./organizationSync.js"

const noMatcher: OrganizationMatcher = { findTarget: () => undefined }
const matchers = new WeakMap<OrganizationSyncOptions, Either.Either<OrganizationMatcher, string>>()

/** The organization matcher of the options, compiled once per options object. */
const organizationMatcher = (
  options: OrganizationSyncOptions | undefined
): Either.Either<OrganizationMatcher, AuthenticateRequestError> => {
  if (options === undefined) return Either.right(noMatcher)
  let compiled = matchers.get(options)
  if (compiled === undefined) {
    compiled = makeOrganizationMatcher(options)
    matchers.set(options, compiled)
  }
  return Either.mapLeft(compiled, (message) => configError("invalid-organization-pattern", message))
}

const isDevelopmentSecretKey = (key: Redacted.Redacted<string>): boolean => {
  const value = Redacted.value(key)
  return value.startsWith("sk_test_") || value.startsWith("test_")
}

/** The key-setup guidance `@clerk/backend` appends to its publishable key errors (message text kept identical). */
const KEY_SETUP_GUIDANCE = [
  "To create a new Clerk app, run:",
  "npx clerk@latest init",
  "",
  "'npx clerk@latest init' does not need a Clerk account and writes temporary dev keys.",
  "",
  "To use an existing Clerk app, run:",
  "npx clerk@latest link",
  "npx clerk@latest env pull",
  "",
  "For production keys, run:",
  "npx clerk@latest env pull --instance prod",
  "",
  "Or copy keys from https://dashboard.clerk.com/~/api-keys into your .env file."
].join("\n")

/**
 * The configuration checks made before looking at the request, at the point and with the messages of `@clerk/backend`;
 * the first problem found, else `undefined`.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const checkConfiguration = (options: ResolvedOptions): AuthenticateRequestError | undefined => {
  const acceptsToken = options.acceptsToken
  if (acceptsToken !== "m2m_token" && acceptsToken !== "api_key") {
    if (options.publishableKey === undefined) {
      return configError("missing-publishable-key", `Publishable key is missing.\n\n${KEY_SETUP_GUIDANCE}`)
    }
    if (parsePublishableKeyCached(options.publishableKey) === undefined) {
      return configError(
        "invalid-publishable-key",
        `Publishable key not valid (expected format: pk_test_... or pk_live_...).\n\n${KEY_SETUP_GUIDANCE}`
      )
    }
  }
  if (acceptsToken === "m2m_token") {
    return options.machineSecretKey === undefined && options.secretKey === undefined
      ? configError(
          "missing-machine-secret-key",
          "M2M token authentication needs machineSecretKey (CLERK_MACHINE_SECRET_KEY) or secretKey (CLERK_SECRET_KEY)."
        )
      : undefined
  }
  if (options.secretKey === undefined) {
    return configError(
      "missing-secret-key",
      "Missing Clerk Secret Key. Go to https://dashboard.clerk.com and get your key for your instance."
    )
  }
  if (options.isSatellite) {
    if (options.signInUrl === undefined && isDevelopmentSecretKey(options.secretKey)) {
      return configError(
        "satellite-missing-sign-in-url",
        "A satellite on a development instance needs signInUrl (the primary domain's sign-in page)."
      )
    }
    if (options.signInUrl !== undefined && !URL.canParse(options.signInUrl)) {
      return configError(
        "satellite-invalid-sign-in-url",
        "A satellite's signInUrl must be an absolute URL on the primary domain."
      )
    }
    if (options.proxyUrl === undefined && options.domain === undefined) {
      return configError("satellite-missing-domain", "A satellite needs domain or proxyUrl.")
    }
  }
  return undefined
}

/**
 * The services a flow calls, resolved once.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export interface FlowServices {
  readonly sessions: Sessions
  readonly clients: Clients
  readonly runner: PromiseRunner
}

/**
 * Prepares one request: merged options, configuration checks, organization matcher, the request context, and the
 * flow helpers. `now` is the clock in milliseconds.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const prepare = (
  request: Request,
  options: AuthenticateRequestOptions,
  config: ClerkConfigShape,
  services: FlowServices,
  now: number
): Either.Either<Flow, AuthenticateRequestError> => {
  const resolved = resolveOptions(config, options)
  const invalid = checkConfiguration(resolved)
  if (invalid !== undefined) return Either.left(invalid)
  const organizations = organizationMatcher(resolved.organizationSyncOptions)
  if (Either.isLeft(organizations)) return Either.left(organizations.left)
  const acceptsToken = resolved.acceptsToken
  const ctx = new RequestContext(request, resolved, acceptsToken !== "m2m_token" && acceptsToken !== "api_key", now)
  return Either.right({
    ctx,
    echo: echoOf(ctx),
    sessions: services.sessions,
    clients: services.clients,
    runner: services.runner,
    organizations: organizations.right,
    verifyOptions: {
      jwtKey: resolved.jwtKey,
      audience: resolved.audience,
      authorizedParties: resolved.authorizedParties,
      issuer: resolved.issuer,
      clockSkewInMs: resolved.clockSkewInMs,
      headerType: resolved.headerType,
      skipJwksCache: resolved.skipJwksCache
    }
  })
}
