/**
 * The client configuration: every `createClerkClient` option, validated once, with secrets kept `Redacted`.
 *
 * Build it from an options object ({@link layer}) or from the environment through Effect `Config` ({@link fromEnv}).
 * A key of the wrong kind (a `pk_` as a secret key, an `sk_` as the publishable key) or a blank key fails the layer with
 * a `ConfigError` that names the option; a key of an unfamiliar shape is accepted with one Warning log, as
 * `@clerk/backend` accepts it (the Backend API, or `authenticateRequest` for the publishable key, rejects it later).
 *
 * @module
 */
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

/** The `Clerk-API-Version` header this SDK speaks. */
export const CLERK_API_VERSION_HEADER = "2026-05-12"
/** The default Backend API origin. */
export const DEFAULT_API_URL = "https://api.clerk.com"
/** The default URL path version segment. */
export const DEFAULT_API_VERSION = "v1"

/** How failed requests are retried. `false` turns retries off. */
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

/** The resolved retry policy. */
export interface RetryPolicy {
  readonly maxRetries: number
  readonly baseDelay: Duration.Duration
  readonly maxDelay: Duration.Duration
  readonly budget: Duration.Duration
}

/** The options `createClerkClient` accepts: `@clerk/backend`'s, plus `retry` and `timeout`. */
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
  readonly telemetry?: {
    readonly disabled?: boolean | undefined
    readonly debug?: boolean | undefined
    readonly samplingRate?: number | undefined
  } | undefined
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

/** How response bodies are checked: see {@link ClerkOptions.responseValidation}. */
export type ResponseValidation = "tolerant" | "strict"

/** Instance type read from a key prefix. */
export type InstanceType = "development" | "production"

/** The validated configuration every service reads. */
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
}

/** The configuration service. */
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

/** Resolves retry options into a policy (`undefined` when retries are off). */
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
  }).pipe(Either.map(({ base, budget, max }) => ({
    maxRetries: input.maxRetries ?? DEFAULT_RETRY.maxRetries,
    baseDelay: base ?? DEFAULT_RETRY.baseDelay,
    maxDelay: max ?? DEFAULT_RETRY.maxDelay,
    budget: budget ?? DEFAULT_RETRY.budget
  })))
}

const validUrl = (path: string, value: string): Either.Either<string, ConfigError.ConfigError> => {
  try {
    const url = new URL(value)
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      return Either.left(invalid(path, "must be an http(s) URL"))
    }
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

/**
 * The key options of a configuration whose shape is not one Clerk issues (`sk_test_…`/`sk_live_…`, `ak_…`, a
 * publishable key encoding a host). They are accepted, as `@clerk/backend` accepts them; {@link make} logs one warning
 * naming them (never their values).
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

/** Logs one Warning when the configuration holds a key of an unfamiliar shape (see {@link unfamiliarKeys}). */
export const warnUnfamiliarKeys = (config: ClerkConfigShape): Effect.Effect<void> => {
  const names = unfamiliarKeys(config)
  return names.length === 0 ? Effect.void : Effect.logWarning(
    `effect-clerk: ${names.join(", ")} ${
      names.length === 1 ? "does" : "do"
    } not look like a Clerk key; accepted as given (Clerk will reject it if it is wrong)`
  )
}

/**
 * Validates options into the configuration. Pure: the same options always give the same result. Secrets never appear
 * in the error text.
 */
export const resolve = (options: ClerkOptions): Either.Either<ClerkConfigShape, ConfigError.ConfigError> =>
  Either.gen(function*() {
    if (options === null || typeof options !== "object") {
      return yield* Either.left(invalid("options", "createClerkClient options must be an object"))
    }
    const secretKey = yield* keyOption("secretKey", options.secretKey, "pk_", "a publishable key (pk_…)")
    const machineSecretKey = yield* keyOption(
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
      options.responseValidation !== undefined && options.responseValidation !== "tolerant" &&
      options.responseValidation !== "strict"
    ) {
      yield* Either.left(invalid("responseValidation", "must be \"tolerant\" or \"strict\""))
    }
    if (options.userAgent !== undefined && (typeof options.userAgent !== "string" || /[\r\n]/.test(options.userAgent))) {
      yield* Either.left(invalid("userAgent", "must be a single-line string"))
    }
    const retry = yield* resolveRetry(options.retry)
    const timeout = options.timeout === false
      ? undefined
      : (yield* decodeDuration("timeout", options.timeout)) ?? DEFAULT_TIMEOUT
    const instanceType: InstanceType | undefined = parsedPk?.instanceType ??
      (secretKey?.startsWith("sk_live_") ? "production" : secretKey?.startsWith("sk_test_") ? "development" : undefined)
    const sdk = options.sdkMetadata
    return {
      secretKey: secretKey === undefined ? undefined : Redacted.make(secretKey),
      machineSecretKey: machineSecretKey === undefined ? undefined : Redacted.make(machineSecretKey),
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
      userAgent: options.userAgent ??
        (sdk ? `${PACKAGE_NAME}@${PACKAGE_VERSION} ${sdk.name}@${sdk.version}` : `${PACKAGE_NAME}@${PACKAGE_VERSION}`),
      apiUrl,
      apiVersion,
      audience: options.audience,
      taskUrls: options.taskUrls,
      retry,
      timeout,
      responseValidation: options.responseValidation === "strict" ? "strict" : "tolerant"
    }
  })

/**
 * Validates the options; fails with a `ConfigError` naming the bad option. A key of an unfamiliar shape is accepted
 * with one Warning log.
 */
export const make = (options: ClerkOptions): Effect.Effect<ClerkConfigShape, ConfigError.ConfigError> =>
  Either.match(resolve(options), {
    onLeft: Effect.fail,
    onRight: (config) => Effect.as(warnUnfamiliarKeys(config), config)
  })

/** A ClerkConfig layer from an options object. */
export const layer = (options: ClerkOptions): Layer.Layer<ClerkConfig, ConfigError.ConfigError> =>
  Layer.effect(ClerkConfig, make(options))

const optionalString = (name: string) => Config.option(Config.string(name))
const toUndefined = <A>(o: Option.Option<A>): A | undefined => Option.getOrUndefined(o)

/**
 * Reads the options from configuration (by default the environment): CLERK_SECRET_KEY, CLERK_MACHINE_SECRET_KEY,
 * CLERK_PUBLISHABLE_KEY, CLERK_JWT_KEY, CLERK_API_URL, CLERK_API_VERSION, CLERK_DOMAIN, CLERK_PROXY_URL,
 * CLERK_IS_SATELLITE. `overrides` win over what is read.
 */
export const optionsFromConfig = (overrides: ClerkOptions = {}): Effect.Effect<ClerkOptions, ConfigError.ConfigError> =>
  Effect.gen(function*() {
    const read = yield* Config.all({
      secretKey: Config.option(Config.redacted("CLERK_SECRET_KEY")),
      machineSecretKey: Config.option(Config.redacted("CLERK_MACHINE_SECRET_KEY")),
      publishableKey: optionalString("CLERK_PUBLISHABLE_KEY"),
      jwtKey: optionalString("CLERK_JWT_KEY"),
      apiUrl: optionalString("CLERK_API_URL"),
      apiVersion: optionalString("CLERK_API_VERSION"),
      domain: optionalString("CLERK_DOMAIN"),
      proxyUrl: optionalString("CLERK_PROXY_URL"),
      isSatellite: Config.option(Config.boolean("CLERK_IS_SATELLITE"))
    })
    return {
      ...overrides,
      secretKey: overrides.secretKey ?? toUndefined(Option.map(read.secretKey, Redacted.value)),
      machineSecretKey: overrides.machineSecretKey ?? toUndefined(Option.map(read.machineSecretKey, Redacted.value)),
      publishableKey: overrides.publishableKey ?? toUndefined(read.publishableKey),
      jwtKey: overrides.jwtKey ?? toUndefined(read.jwtKey)?.replace(/\\n/g, "\n"),
      apiUrl: overrides.apiUrl ?? toUndefined(read.apiUrl),
      apiVersion: overrides.apiVersion ?? toUndefined(read.apiVersion),
      domain: overrides.domain ?? toUndefined(read.domain),
      proxyUrl: overrides.proxyUrl ?? toUndefined(read.proxyUrl),
      isSatellite: overrides.isSatellite ?? toUndefined(read.isSatellite)
    }
  })

/** A ClerkConfig layer read from the environment through Effect `Config`; `overrides` win. */
export const fromEnv = (overrides: ClerkOptions = {}): Layer.Layer<ClerkConfig, ConfigError.ConfigError> =>
  Layer.effect(ClerkConfig, Effect.flatMap(optionsFromConfig(overrides), make))
