/**
 * Ready-made layers for Effect users.
 *
 * ```ts
 * const program = Effect.gen(function*() {
 *   const users = yield* Users
 *   return yield* users.getUserList({ limit: 10 })
 * })
 * program.pipe(Effect.provide(ClerkLive({ secretKey: Redacted.value(key) })))
 * ```
 *
 * @module
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as ConfigError from "effect/ConfigError"
import * as Layer from "effect/Layer"
import { JwksCache, layer as jwksCacheLayer } from "../auth/tokens/JwksCache.js"
import { ResourcesLive, type ResourceServices } from "../resources/index.js"
import { BackendApi, layer as backendApiLayer } from "../services/BackendApi.js"
import * as ClerkConfig from "../services/ClerkConfig.js"

/** The pipeline and its configuration from options, over any HttpClient. */
export const BackendApiFrom = (
  options: ClerkConfig.ClerkOptions
): Layer.Layer<BackendApi | ClerkConfig.ClerkConfig, ConfigError.ConfigError, HttpClient.HttpClient> =>
  backendApiLayer.pipe(Layer.provideMerge(ClerkConfig.layer(options)))

/** Everything the Clerk layers provide: every resource service, the JWKS cache, the pipeline and the configuration. */
export type ClerkServices = ResourceServices | JwksCache | BackendApi | ClerkConfig.ClerkConfig

/** Adds every resource service and the JWKS cache on top of a pipeline + configuration layer. */
export const withServices = <E, R>(
  base: Layer.Layer<BackendApi | ClerkConfig.ClerkConfig, E, R>
): Layer.Layer<ClerkServices, E, R> =>
  jwksCacheLayer().pipe(Layer.provideMerge(ResourcesLive), Layer.provideMerge(base))

/** Every resource service, the JWKS cache, the pipeline and the configuration, over any HttpClient. */
export const ClerkFrom = (
  options: ClerkConfig.ClerkOptions
): Layer.Layer<ClerkServices, ConfigError.ConfigError, HttpClient.HttpClient> => withServices(BackendApiFrom(options))

/** Every resource service over `fetch`, configured from options. */
export const ClerkLive = (
  options: ClerkConfig.ClerkOptions
): Layer.Layer<ClerkServices, ConfigError.ConfigError> =>
  ClerkFrom(options).pipe(Layer.provide(FetchHttpClient.layer))

/** Every resource service over `fetch`, configured from the environment (CLERK_SECRET_KEY, ...); `overrides` win. */
export const ClerkLiveFromEnv = (
  overrides: ClerkConfig.ClerkOptions = {}
): Layer.Layer<ClerkServices, ConfigError.ConfigError> =>
  withServices(backendApiLayer.pipe(Layer.provideMerge(ClerkConfig.fromEnv(overrides)))).pipe(
    Layer.provide(FetchHttpClient.layer)
  )
