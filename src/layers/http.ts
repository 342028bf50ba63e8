/**
 * Picking the transport: a given HttpClient layer, else fetch (the global one or a custom one).
 *
 * @module
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Layer from "effect/Layer"

/** Transport options shared by the Promise entry points. */
export interface TransportOptions {
  /** A `fetch` to use instead of the global one. */
  readonly fetch?: typeof globalThis.fetch | undefined
  /** An HttpClient layer to use instead of fetch (e.g. a test layer from `effect-clerk/testing`). */
  readonly httpClient?: Layer.Layer<HttpClient.HttpClient> | undefined
}

/** The HttpClient layer for these options: `httpClient`, else fetch (custom or global). */
export const httpClientLayer = (options: TransportOptions): Layer.Layer<HttpClient.HttpClient> =>
  options.httpClient ??
    (options.fetch === undefined
      ? FetchHttpClient.layer
      : FetchHttpClient.layer.pipe(Layer.provide(Layer.succeed(FetchHttpClient.Fetch, options.fetch))))
