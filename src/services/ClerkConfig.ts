/**
 * The client configuration: every `createClerkClient` option, validated once, with secrets kept `Redacted`.
 *
 * Build it from an options object ({@link layer}), from any Effect `Config` per option ({@link layerConfig}), or from
 * Clerk's environment variables ({@link fromEnv}). Secrets may be given as strings or `Redacted`; inside they are always
 * `Redacted`.
 * A key of the wrong kind (a `pk_` as a secret key, an `sk_` as the publishable key) or a blank key fails the layer with
 * a `ConfigError` that names the option; a key of an unfamiliar shape is accepted with one Warning log, as
 * `@clerk/backend` accepts it (the Backend API, or `authenticateRequest` for the publishable key, rejects it later).
 *
 * @module
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Config from "effect/Config"
import * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { PACKAGE_NAME, PACKAGE_VERSION } from "./version.js"

/**
 * The `Clerk-API-Version` header this SDK speaks.
 *
 * @since 0.1.0
 * @category Configuration
 */
export const CLERK_API_VERSION_HEADER = "2026-05-12"
/**
 * The default Backend API origin.
 *
 * @since 0.1.0
 * @category Configuration
 */
export const DEFAULT_API_URL = "https://api.clerk.com"
/**
 * The default URL path version segment.
 *
 * @since 0.1.0
 * @category Configuration
 */
export const DEFAULT_API_VERSION = "v1"

/**
 * How failed requests are retried. `false` turns retries off.
 *
 * @since 0.1.0
 * @category Configuration
 */
export interface RetryOptions {
  /** Retries after the first attempt (default 3). */
  readonly maxRetries?: number | undefined
  /** First backoff delay; it doubles per retry, with jitter (default 500 ms). */
  readonly baseDelay?: Duration.DurationInput | undefined
  /** Upper bound for one backoff delay (default 10 s). */
  readonly maxDelay?: Duration.DurationInput | undefined
  /** Total time budget for all retries of one call; a `Retry-After` beyond it is not waited for (default 60 s). */
  readonly budget?: Duration.DurationInput | undefined
}

/**
 * The resolved retry policy.
 *
 * @since 0.1.0
 * @category Configuration
 */
export interface RetryPolicy {
  readonly maxRetries: number
  readonly baseDelay: Duration.Duration
  readonly maxDelay: Duration.Duration
  readonly budget: Duration.Duration
}

/**
 * The options `createClerkClient` accepts: `@clerk/backend`'s, plus `retry` and `timeout`.
 *
 * @since 0.1.0
 * @category Configuration
 */
export interface ClerkOptions {
  /** Secret key (`sk_test_…` / `sk_live_…`) sent as the Bearer token. */
  readonly secretKey?: string | undefined
  /** Machine secret key (`ak_…`) used by the `m2m` resource when set. */
  readonly machineSecretKey?: string | undefined
  /** PEM public key for networkless token verification. */
  readonly jwtKey?: string | undefined
  /** Publishable key (`pk_test_…` / `pk_live_…`); it encodes the Frontend API host. */
  readonly publishableKey?: string | undefined
  /** Satellite domain in a multi-domain setup. */
  readonly domain?: string | undefined
  /** Whether this instance is a satellite (default false). */
  readonly isSatellite?: boolean | undefined
  /** Whether a satellite syncs with the primary domain on first load (default false). */
  readonly satelliteAutoSync?: boolean | undefined
  /** Proxy URL of a multi-domain setup. */
  readonly proxyUrl?: string | undefined
  /** Metadata about the SDK wrapping this one. Accepted and kept; used only in the default User-Agent. */
  readonly sdkMetadata?: { readonly name: string; readonly version: string } | undefined
  /** Accepted for compatibility. effect-clerk never sends telemetry, whatever this says. */
  readonly telemetry?:
    | {
        readonly disabled?: boolean | undefined
        readonly debug?: boolean | undefined
        readonly samplingRate?: number | undefined
      }
    | undefined
  /** The `User-Agent` header (default `effect-clerk@<version>`). */
  readonly userAgent?: string | undefined
  /** Backend API origin (default `https://api.clerk.com`). */
  readonly apiUrl?: string | undefined
  /** URL path version (default `v1`). The `Clerk-API-Version` header is always `2026-05-12`. */
  readonly apiVersion?: string | undefined
  /** Audience(s) checked against the token `aud` claim. */
  readonly audience?: string | ReadonlyArray<string> | undefined
  /** Paths users are sent to for pending session tasks, keyed by task. */
  readonly taskUrls?: Readonly<Record<string, string>> | undefined
  /** Retry policy for Backend API calls, or `false` for none. */
  readonly retry?: RetryOptions | false | undefined
  /** Timeout of one request attempt (default 30 s), or `false` for none. */
  readonly timeout?: Duration.DurationInput | false | undefined
  /**
   * How 2xx bodies are checked against the spec. `"tolerant"` (default): a field that drifts is kept as received and
   * reported in the drift report. `"strict"`: any mismatch fails the call with `ClerkDecodeError` naming the path.
   */
  readonly responseValidation?: ResponseValidation | undefined
}

/**
 * A secret given as a plain string or as `Redacted` (kept `Redacted` either way).
 *
 * @since 0.1.0
 * @category Configuration
 */
export type Secret = string | Redacted.Redacted<string>

/**
 * A change applied to the HttpClient every Backend API request goes through (the pipeline's transport).
 *
 * @since 0.1.0
 * @category Configuration
 */
export type TransformClient = (client: HttpClient.HttpClient) => HttpClient.HttpClient

/**
 * The options of the Effect layers ({@link layer}, `ClerkLive`, `ClerkFrom`): {@link ClerkOptions} with the secrets as
 * strings or `Redacted`, plus {@link ClerkLayerOptions.transformClient}.
 *
 * @since 0.1.0
 * @category Configuration
 */
export interface ClerkLayerOptions extends Omit<ClerkOptions, "secretKey" | "machineSecretKey"> {
  /** Secret key (`sk_test_…` / `sk_live_…`) sent as the Bearer token. */
  readonly secretKey?: Secret | undefined
  /** Machine secret key (`ak_…`) used by the `m2m` resource when set. */
  readonly machineSecretKey?: Secret | undefined
  /**
   * Applied to the transport before the first request, as `@effect/ai-openai`'s option of the same name: each attempt
   * of each call goes through the client it returns (with its URL and headers, `Authorization` included, set).
   */
  readonly transformClient?: TransformClient | undefined
}

/**
 * How response bodies are checked: see {@link ClerkOptions.responseValidation}.
 *
 * @since 0.1.0
 * @category Configuration
 */
export type ResponseValidation = "tolerant" | "strict"

/**
 * Instance type read from a key prefix.
 *
 * @since 0.1.0
 * @category Configuration
 */
export type InstanceType = "development" | "production"

/**
 * The validated configuration every service reads.
 *
 * @since 0.1.0
 * @category Configuration
 */
export interface ClerkConfigShape {
  readonly secretKey: Redacted.Redacted<string> | undefined
  readonly machineSecretKey: Redacted.Redacted<string> | undefined
  readonly jwtKey: string | undefined
  readonly publishableKey: string | undefined
  /** The Frontend API host decoded from the publishable key. */
  readonly frontendApi: string | undefined
  /** From the publishable key, else the secret key, else undefined. */
  readonly instanceType: InstanceType | undefined
  readonly domain: string | undefined
  readonly isSatellite: boolean
  readonly satelliteAutoSync: boolean
  readonly proxyUrl: string | undefined
  readonly sdkMetadata: { readonly name: string; readonly version: string } | undefined
  readonly telemetry: { readonly disabled: boolean; readonly debug: boolean }
  readonly userAgent: string
  readonly apiUrl: string
  readonly apiVersion: string
  readonly audience: string | ReadonlyArray<string> | undefined
  readonly taskUrls: Readonly<Record<string, string>> | undefined
  /** `undefined` when retries are off. */
  readonly retry: RetryPolicy | undefined
  /** `undefined` when there is no timeout. */
  readonly timeout: Duration.Duration | undefined
  readonly responseValidation: ResponseValidation
  /** See {@link ClerkLayerOptions.transformClient}; absent leaves the transport as it is. */
  readonly transformClient?: TransformClient | undefined
}

/**
 * The configuration service.
 *
 * @since 0.1.0
 * @category Configuration
 */
export class ClerkConfig extends Context.Tag("effect-clerk/ClerkConfig")<ClerkConfig, ClerkConfigShape>() {}

const DEFAULT_RETRY: RetryPolicy = {
  maxRetries: 3,
  baseDelay: Duration.millis(500),
  maxDelay: Duration.seconds(10),
  budget: Duration.seconds(60)
}
const DEFAULT_TIMEOUT = Duration.seconds(30)

const invalid = (path: string, message: string) => ConfigError.InvalidData([path], message)

const SECRET_KEY = /^sk_(test|live)_[A-Za-z0-9_-]+$/
const MACHINE_SECRET_KEY = /^ak_[A-Za-z0-9_-]+$/

/**
 * Decodes a publishable key to its Frontend API host; `undefined` when it is not a valid key. Valid means what
 * `@clerk/backend` accepts (`pk_test_`/`pk_live_`, one base64 segment decoding to `<host>$`, a host with a dot), and,
 * deliberately stricter, a host made of hostname characters with an optional port.
 *
 * @since 0.1.0
 * @category Configuration
 */
export const parsePublishableKey = (
  key: string
): { readonly frontendApi: string; readonly instanceType: InstanceType } | undefined => {
  const match = /^pk_(test|live)_([A-Za-z0-9+/=]+)$/.exec(key)
  if (!match) return undefined
  let decoded: string
  try {
    decoded = atob(match[2]!)
  } catch {
    return undefined
  }
  if (!decoded.endsWith("$")) return undefined
  const host = decoded.slice(0, -1)
  if (!host.includes(".") || !/^[A-Za-z0-9.-]+(:\d+)?$/.test(host)) return undefined
  return { frontendApi: host, instanceType: match[1] === "live" ? "production" : "development" }
}

const decodeDuration = (
  path: string,
  input: Duration.DurationInput | undefined
): Either.Either<Duration.Duration | undefined, ConfigError.ConfigError> => {
  if (input === undefined) return Either.right(undefined)
  const d = Duration.decodeUnknown(input)
  if (Option.isNone(d) || !Duration.isFinite(d.value) || Duration.toMillis(d.value) < 0) {
    return Either.left(invalid(path, "must be a finite, non-negative duration"))
  }
  return Either.right(d.value)
}

/**
 * Resolves retry options into a policy (`undefined` when retries are off).
 *
 * @since 0.1.0
 * @category Configuration
 */
export const resolveRetry = (
  input: RetryOptions | false | undefined
): Either.Either<RetryPolicy | undefined, ConfigError.ConfigError> => {
  if (input === false) return Either.right(undefined)
  if (input === undefined) return Either.right(DEFAULT_RETRY)
  if (
    input.maxRetries !== undefined &&
    (!Number.isInteger(input.maxRetries) || input.maxRetries < 0 || input.maxRetries > 20)
  ) {
    return Either.left(invalid("retry.maxRetries", "must be an integer from 0 to 20"))
  }
  return Either.all({
    base: decodeDuration("retry.baseDelay", input.baseDelay),
    max: decodeDuration("retry.maxDelay", input.maxDelay),
    budget: decodeDuration("retry.budget", input.budget)
  }).pipe(
    Either.map(({ base, budget, max }) => ({
      maxRetries: input.maxRetries ?? DEFAULT_RETRY.maxRetries,
      baseDelay: base ?? DEFAULT_RETRY.baseDelay,
      maxDelay: max ?? DEFAULT_RETRY.maxDelay,
      budget: budget ?? DEFAULT_RETRY.budget
    }))
  )
}

const validUrl = (path: string, value: string): Either.Either<string, ConfigError.ConfigError> => {
  try {
    const url = new URL(value)
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      return Either.left(invalid(path, "must be an http(s) URL"))
    }
    // Credentials would end up in transport error messages; a query or fragment would swallow the request path.
    if (url.username !== "" || url.password !== "") return Either.left(invalid(path, "must not carry credentials"))
    if (value.includes("?") || value.includes("#"))
      return Either.left(invalid(path, "must not have a query or fragment"))
    return Either.right(value.replace(/\/+$/, ""))
  } catch {
    return Either.left(invalid(path, "must be an absolute URL"))
  }
}

/**
 * One key option: `""` (or absent) is no key, as `@clerk/backend` treats it; a non-string, a whitespace-only string,
 * or a key of the wrong kind (`wrongPrefix`) is an error. Any other shape is accepted (see {@link unfamiliarKeys}).
 */
const keyOption = (
  path: string,
  value: unknown,
  wrongPrefix: string,
  wrongKind: string
): Either.Either<string | undefined, ConfigError.ConfigError> => {
  if (value === undefined || value === "") return Either.right(undefined)
  if (typeof value !== "string") return Either.left(invalid(path, "must be a string"))
  if (value.trim() === "") return Either.left(invalid(path, "is blank"))
  if (value.startsWith(wrongPrefix)) return Either.left(invalid(path, `is ${wrongKind}, not a key of this kind`))
  return Either.right(value)
}

/** A secret key option, given as a string or `Redacted`: checked as {@link keyOption} checks it, and kept `Redacted`. */
const secretOption = (
  path: string,
  value: unknown,
  wrongPrefix: string,
  wrongKind: string
): Either.Either<Redacted.Redacted<string> | undefined, ConfigError.ConfigError> =>
  Either.map(
    keyOption(path, Redacted.isRedacted(value) ? Redacted.value(value) : value, wrongPrefix, wrongKind),
    (key) => (key === undefined ? undefined : Redacted.make(key))
  )

/**
 * The key options of a configuration whose shape is not one Clerk issues (`sk_test_…`/`sk_live_…`, `ak_…`, a
 * publishable key encoding a host). They are accepted, as `@clerk/backend` accepts them; {@link make} logs one warning
 * naming them (never their values).
 *
 * @since 0.1.0
 * @category Configuration
 */
export const unfamiliarKeys = (config: ClerkConfigShape): ReadonlyArray<string> => {
  const names: Array<string> = []
  if (config.secretKey !== undefined && !SECRET_KEY.test(Redacted.value(config.secretKey))) names.push("secretKey")
  if (config.machineSecretKey !== undefined && !MACHINE_SECRET_KEY.test(Redacted.value(config.machineSecretKey))) {
    names.push("machineSecretKey")
  }
  if (config.publishableKey !== undefined && config.frontendApi === undefined) names.push("publishableKey")
  return names
}

/**
 * Logs one Warning when the configuration holds a key of an unfamiliar shape (see {@link unfamiliarKeys}).
 *
 * @since 0.1.0
 * @category Configuration
 */
export const warnUnfamiliarKeys = (config: ClerkConfigShape): Effect.Effect<void> => {
  const names = unfamiliarKeys(config)
  return names.length === 0
    ? Effect.void
    : Effect.logWarning(
        `effect-clerk: ${names.join(", ")} ${
          names.length === 1 ? "does" : "do"
        } not look like a Clerk key; accepted as given (Clerk will reject it if it is wrong)`
      )
}

/**
 * Validates options into the configuration. Pure: the same options always give the same result. Secrets never appear
 * in the error text.
 *
 * @since 0.1.0
 * @category Configuration
 */
export const resolve = (options: ClerkLayerOptions): Either.Either<ClerkConfigShape, ConfigError.ConfigError> =>
  Either.gen(function* () {
    if (options === null || typeof options !== "object") {
      return yield* Either.left(invalid("options", "createClerkClient options must be an object"))
    }
    const secretKey = yield* secretOption("secretKey", options.secretKey, "pk_", "a publishable key (pk_…)")
    const machineSecretKey = yield* secretOption(
      "machineSecretKey",
      options.machineSecretKey,
      "pk_",
      "a publishable key (pk_…)"
    )
    const publishableKey = yield* keyOption("publishableKey", options.publishableKey, "sk_", "a secret key (sk_…)")
    const parsedPk = publishableKey === undefined ? undefined : parsePublishableKey(publishableKey)
    if (options.jwtKey !== undefined && (typeof options.jwtKey !== "string" || options.jwtKey.trim() === "")) {
      yield* Either.left(invalid("jwtKey", "must be a PEM public key string"))
    }
    const apiUrl = yield* validUrl("apiUrl", options.apiUrl ?? DEFAULT_API_URL)
    const apiVersion = options.apiVersion ?? DEFAULT_API_VERSION
    if (typeof apiVersion !== "string" || !/^[A-Za-z0-9._-]*$/.test(apiVersion)) {
      yield* Either.left(invalid("apiVersion", "must be a path segment such as v1"))
    }
    if (options.proxyUrl !== undefined && typeof options.proxyUrl !== "string") {
      yield* Either.left(invalid("proxyUrl", "must be a string"))
    }
    if (
      options.responseValidation !== undefined &&
      options.responseValidation !== "tolerant" &&
      options.responseValidation !== "strict"
    ) {
      yield* Either.left(invalid("responseValidation", 'must be "tolerant" or "strict"'))
    }
    if (
      options.userAgent !== undefined &&
      (typeof options.userAgent !== "string" || /[\r\n]/.test(options.userAgent))
    ) {
      yield* Either.left(invalid("userAgent", "must be a single-line string"))
    }
    const retry = yield* resolveRetry(options.retry)
    const timeout =
      options.timeout === false ? undefined : ((yield* decodeDuration("timeout", options.timeout)) ?? DEFAULT_TIMEOUT)
    if (options.transformClient !== undefined && typeof options.transformClient !== "function") {
      yield* Either.left(invalid("transformClient", "must be a function"))
    }
    const secretPrefix = secretKey === undefined ? undefined : Redacted.value(secretKey).slice(0, 8)
    const instanceType: InstanceType | undefined =
      parsedPk?.instanceType ??
      (secretPrefix === "sk_live_" ? "production" : secretPrefix === "sk_test_" ? "development" : undefined)
    const sdk = options.sdkMetadata
    return {
      secretKey,
      machineSecretKey,
      jwtKey: options.jwtKey,
      publishableKey,
      frontendApi: parsedPk?.frontendApi,
      instanceType,
      domain: options.domain === "" ? undefined : options.domain,
      isSatellite: options.isSatellite === true,
      satelliteAutoSync: options.satelliteAutoSync === true,
      proxyUrl: options.proxyUrl === "" ? undefined : options.proxyUrl,
      sdkMetadata: sdk,
      telemetry: { disabled: true, debug: options.telemetry?.debug === true },
      userAgent:
        options.userAgent ??
        (sdk ? `${PACKAGE_NAME}@${PACKAGE_VERSION} ${sdk.name}@${sdk.version}` : `${PACKAGE_NAME}@${PACKAGE_VERSION}`),
      apiUrl,
      apiVersion,
      audience: options.audience,
      taskUrls: options.taskUrls,
      retry,
      timeout,
      responseValidation: options.responseValidation === "strict" ? "strict" : "tolerant",
      transformClient: options.transformClient
    }
  })

/**
 * Validates the options; fails with a `ConfigError` naming the bad option. A key of an unfamiliar shape is accepted
 * with one Warning log.
 *
 * @since 0.1.0
 * @category Configuration
 */
export const make = (options: ClerkLayerOptions): Effect.Effect<ClerkConfigShape, ConfigError.ConfigError> =>
  Either.match(resolve(options), {
    onLeft: Effect.fail,
    onRight: (config) => Effect.as(warnUnfamiliarKeys(config), config)
  })

/**
 * A ClerkConfig layer from an options object; secrets may be strings or `Redacted`.
 *
 * @since 0.1.0
 * @category Configuration
 */
export const layer = (options: ClerkLayerOptions): Layer.Layer<ClerkConfig, ConfigError.ConfigError> =>
  Layer.effect(ClerkConfig, make(options))

/**
 * The HttpClient the pipeline sends through: `client` after the configuration's `transformClient`, if any.
 *
 * @since 0.1.0
 * @category Configuration
 */
export const transformedClient = (config: ClerkConfigShape, client: HttpClient.HttpClient): HttpClient.HttpClient =>
  config.transformClient === undefined ? client : config.transformClient(client)

type ConfigurableOptions = Omit<ClerkLayerOptions, "transformClient">

/**
 * Every option of {@link ClerkLayerOptions} (but `transformClient`) as an Effect `Config`: `Config.redacted("NAME")` for
 * a secret, `Config.string("NAME")` for a string, `Config.all({ maxRetries: Config.integer("NAME") })` for `retry`, and
 * so on (`telemetry` and `sdkMetadata` may also be a record of `Config`s). An option left out is not configured.
 *
 * @since 0.1.0
 * @category Configuration
 */
export type ClerkOptionsConfig = {
  readonly [K in keyof ConfigurableOptions]: Config.Config.Wrap<ConfigurableOptions[K]>
}

/**
 * The input of {@link layerConfig}: a `Config` per option, and `transformClient` as a plain function.
 *
 * @since 0.1.0
 * @category Configuration
 */
export interface ClerkLayerConfig extends ClerkOptionsConfig {
  /** See {@link ClerkLayerOptions.transformClient}. */
  readonly transformClient?: TransformClient | undefined
}

/** A copy of `record` without its keys whose value is `undefined`. */
const definedOnly = <A extends object>(record: A): A => {
  const copy = { ...record }
  for (const [key, value] of Object.entries(copy)) if (value === undefined) Reflect.deleteProperty(copy, key)
  return copy
}

/**
 * One `Config` of the options, read from a `Config` per option (see {@link ClerkLayerConfig}).
 *
 * @since 0.1.0
 * @category Configuration
 */
export const optionsConfig = (config: ClerkLayerConfig): Config.Config<ClerkLayerOptions> => {
  const { transformClient, ...configs } = config
  return Config.map(
    Config.unwrap<ConfigurableOptions>(definedOnly(configs)),
    (options): ClerkLayerOptions => ({ ...options, transformClient })
  )
}

/**
 * A ClerkConfig layer whose options are read through Effect `Config`, as `@effect/ai-openai`'s `layerConfig`:
 *
 * ```ts
 * ClerkConfig.layerConfig({
 *   secretKey: Config.redacted("MY_CLERK_SECRET"),
 *   apiUrl: Config.string("MY_CLERK_API_URL").pipe(Config.withDefault("https://api.clerk.com"))
 * })
 * ```
 *
 * A missing or malformed value fails the layer with a `ConfigError` naming the variable or the option, never the value.
 *
 * @since 0.1.0
 * @category Configuration
 */
export const layerConfig = (config: ClerkLayerConfig): Layer.Layer<ClerkConfig, ConfigError.ConfigError> =>
  Layer.effect(ClerkConfig, Effect.flatMap(optionsConfig(config), make))

/** An optional `Config`: an absent variable is `undefined`; a malformed one is still an error. */
const optional = <A>(config: Config.Config<A>): Config.Config<A | undefined> =>
  Config.map(Config.option(config), Option.getOrUndefined)

/**
 * Clerk's environment variables as a {@link ClerkOptionsConfig}, every one optional: CLERK_SECRET_KEY,
 * CLERK_MACHINE_SECRET_KEY, CLERK_PUBLISHABLE_KEY, CLERK_JWT_KEY (`\n` read as a newline), CLERK_API_URL,
 * CLERK_API_VERSION, CLERK_DOMAIN, CLERK_PROXY_URL, CLERK_IS_SATELLITE.
 *
 * @since 0.1.0
 * @category Configuration
 */
export const envConfig: ClerkOptionsConfig = {
  secretKey: optional(Config.redacted("CLERK_SECRET_KEY")),
  machineSecretKey: optional(Config.redacted("CLERK_MACHINE_SECRET_KEY")),
  publishableKey: optional(Config.string("CLERK_PUBLISHABLE_KEY")),
  jwtKey: optional(Config.map(Config.string("CLERK_JWT_KEY"), (pem) => pem.replace(/\\n/g, "\n"))),
  apiUrl: optional(Config.string("CLERK_API_URL")),
  apiVersion: optional(Config.string("CLERK_API_VERSION")),
  domain: optional(Config.string("CLERK_DOMAIN")),
  proxyUrl: optional(Config.string("CLERK_PROXY_URL")),
  isSatellite: optional(Config.boolean("CLERK_IS_SATELLITE"))
}

const reveal = (secret: Secret | undefined): string | undefined =>
  secret === undefined || typeof secret === "string" ? secret : Redacted.value(secret)

/**
 * The `createClerkClient` options read from Clerk's environment variables ({@link envConfig}); `overrides` win. The
 * keys come back as strings because the Promise options are `@clerk/backend`'s; Effect users take {@link fromEnv}.
 *
 * @since 0.1.0
 * @category Configuration
 */
export const optionsFromConfig = (overrides: ClerkOptions = {}): Effect.Effect<ClerkOptions, ConfigError.ConfigError> =>
  Effect.map(Config.unwrap(envConfig), (read) => ({
    ...read,
    secretKey: reveal(read.secretKey),
    machineSecretKey: reveal(read.machineSecretKey),
    ...definedOnly(overrides)
  }))

/**
 * {@link layerConfig} over Clerk's environment variables ({@link envConfig}); `overrides` win over what is read, and
 * may carry the options that have no variable (`retry`, `timeout`, `transformClient`, ...).
 *
 * @since 0.1.0
 * @category Configuration
 */
export const fromEnv = (overrides: ClerkLayerOptions = {}): Layer.Layer<ClerkConfig, ConfigError.ConfigError> =>
  Layer.effect(
    ClerkConfig,
    Effect.flatMap(optionsConfig(envConfig), (read) => make({ ...read, ...definedOnly(overrides) }))
  )
