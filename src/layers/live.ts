/**
 * Ready-made layers for Effect users: from options ({@link ClerkLive}, {@link ClerkFrom}), from a `Config` per option
 * ({@link ClerkLiveConfig}), or from Clerk's environment variables ({@link ClerkLiveFromEnv}).
 *
 * ```ts
 * const program = Effect.gen(function*() {
 *   const users = yield* Users
 *   return yield* users.getUserList({ limit: 10 })
 * })
 * program.pipe(Effect.provide(ClerkLive({ secretKey: Redacted.make(key) })))
 * ```
 *
 * @module
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as ConfigError from "effect/ConfigError"
import * as Layer from "effect/Layer"
import { type JwksCache, layer as jwksCacheLayer } from "../auth/tokens/JwksCache.js"
import { ResourcesLive, type ResourceServices } from "../resources/index.js"
import { type BackendApi, layer as backendApiLayer } from "../services/BackendApi.js"
import * as ClerkConfig from "../services/ClerkConfig.js"

/**
 * The pipeline and its configuration from options, over any HttpClient.
 *
 * @since 0.1.0
 * @category Layers
 */
export const BackendApiFrom = (
  options: ClerkConfig.ClerkLayerOptions
): Layer.Layer<BackendApi | ClerkConfig.ClerkConfig, ConfigError.ConfigError, HttpClient.HttpClient> =>
  backendApiLayer.pipe(Layer.provideMerge(ClerkConfig.layer(options)))

/**
 * Everything the Clerk layers provide: every resource service, the JWKS cache, the pipeline and the configuration.
 *
 * @since 0.1.0
 * @category Layers
 */
export type ClerkServices = ResourceServices | JwksCache | BackendApi | ClerkConfig.ClerkConfig

/**
 * Adds every resource service and the JWKS cache on top of a pipeline + configuration layer.
 *
 * @since 0.1.0
 * @category Layers
 */
export const withServices = <E, R>(
  base: Layer.Layer<BackendApi | ClerkConfig.ClerkConfig, E, R>
): Layer.Layer<ClerkServices, E, R> =>
  jwksCacheLayer().pipe(Layer.provideMerge(ResourcesLive), Layer.provideMerge(base))

/**
 * Every resource service, the JWKS cache, the pipeline and the configuration, over any HttpClient.
 *
 * @since 0.1.0
 * @category Layers
 */
export const ClerkFrom = (
  options: ClerkConfig.ClerkLayerOptions
): Layer.Layer<ClerkServices, ConfigError.ConfigError, HttpClient.HttpClient> => withServices(BackendApiFrom(options))

const live = (
  config: Layer.Layer<ClerkConfig.ClerkConfig, ConfigError.ConfigError>
): Layer.Layer<ClerkServices, ConfigError.ConfigError> =>
  withServices(backendApiLayer.pipe(Layer.provideMerge(config))).pipe(Layer.provide(FetchHttpClient.layer))

/**
 * Every resource service over `fetch`, configured from options (secrets as strings or `Redacted`).
 *
 * @since 0.1.0
 * @category Layers
 */
export const ClerkLive = (
  options: ClerkConfig.ClerkLayerOptions
): Layer.Layer<ClerkServices, ConfigError.ConfigError> => ClerkFrom(options).pipe(Layer.provide(FetchHttpClient.layer))

/**
 * Every resource service over `fetch`, with each option read through Effect `Config` (see `ClerkConfig.layerConfig`).
 *
 * @since 0.1.0
 * @category Layers
 */
export const ClerkLiveConfig = (
  config: ClerkConfig.ClerkLayerConfig
): Layer.Layer<ClerkServices, ConfigError.ConfigError> => live(ClerkConfig.layerConfig(config))

/**
 * Every resource service over `fetch`, configured from Clerk's environment variables (`ClerkConfig.envConfig`:
 * CLERK_SECRET_KEY, CLERK_PUBLISHABLE_KEY, CLERK_API_URL, ...) through Effect `Config`; `overrides` win.
 *
 * @since 0.1.0
 * @category Layers
 */
export const ClerkLiveFromEnv = (
  overrides: ClerkConfig.ClerkLayerOptions = {}
): Layer.Layer<ClerkServices, ConfigError.ConfigError> => live(ClerkConfig.fromEnv(overrides))
