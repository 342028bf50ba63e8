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
import { ResourcesLive, type ResourceServices } from "../resources/index.js"
import { BackendApi, layer as backendApiLayer } from "../services/BackendApi.js"
import * as ClerkConfig from "../services/ClerkConfig.js"

/** The pipeline and its configuration from options, over any HttpClient. */
export const BackendApiFrom = (
  options: ClerkConfig.ClerkOptions
): Layer.Layer<BackendApi | ClerkConfig.ClerkConfig, ConfigError.ConfigError, HttpClient.HttpClient> =>
  backendApiLayer.pipe(Layer.provideMerge(ClerkConfig.layer(options)))

/** Every resource service, the pipeline and the configuration, over any HttpClient (bring your own transport). */
export const ClerkFrom = (
  options: ClerkConfig.ClerkOptions
): Layer.Layer<ResourceServices | BackendApi | ClerkConfig.ClerkConfig, ConfigError.ConfigError, HttpClient.HttpClient> =>
  ResourcesLive.pipe(Layer.provideMerge(BackendApiFrom(options)))

/** Every resource service over `fetch`, configured from options. */
export const ClerkLive = (
  options: ClerkConfig.ClerkOptions
): Layer.Layer<ResourceServices | BackendApi | ClerkConfig.ClerkConfig, ConfigError.ConfigError> =>
  ClerkFrom(options).pipe(Layer.provide(FetchHttpClient.layer))

/** Every resource service over `fetch`, configured from the environment (CLERK_SECRET_KEY, ...); `overrides` win. */
export const ClerkLiveFromEnv = (
  overrides: ClerkConfig.ClerkOptions = {}
): Layer.Layer<ResourceServices | BackendApi | ClerkConfig.ClerkConfig, ConfigError.ConfigError> =>
  ResourcesLive.pipe(
    Layer.provideMerge(backendApiLayer),
    Layer.provideMerge(ClerkConfig.fromEnv(overrides)),
    Layer.provide(FetchHttpClient.layer)
  )
