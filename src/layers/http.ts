/**
 * Picking the transport: a given HttpClient layer; else a given `fetch`; else, on Node, undici's pooled client when
 * the optional `undici` peer is installed (loaded lazily, on the first request); else the global fetch (Bun, Deno,
 * edge runtimes, or Node without undici).
 *
 * @module
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Layer from "effect/Layer"
import * as Undici from "./undici.js"

/** Transport options shared by the Promise entry points. */
export interface TransportOptions {
  /** A `fetch` to use instead of the default transport. */
  readonly fetch?: typeof globalThis.fetch | undefined
  /** An HttpClient layer to use instead of the default transport (e.g. a test layer from `effect-clerk/testing`). */
  readonly httpClient?: Layer.Layer<HttpClient.HttpClient> | undefined
  /**
   * `"undici"` (the default on Node: pooled keep-alive sockets, falling back to fetch when `undici` is not installed)
   * or `"fetch"` (the global fetch). Ignored when `fetch` or `httpClient` is given.
   */
  readonly transport?: "undici" | "fetch" | undefined
}

/** The HttpClient layer for these options: `httpClient`, else a custom fetch, else undici on Node, else fetch. */
export const httpClientLayer = (options: TransportOptions): Layer.Layer<HttpClient.HttpClient> => {
  if (options.httpClient !== undefined) return options.httpClient
  if (options.fetch !== undefined) {
    return FetchHttpClient.layer.pipe(Layer.provide(Layer.succeed(FetchHttpClient.Fetch, options.fetch)))
  }
  return options.transport !== "fetch" && Undici.isNode() ? Undici.layer() : FetchHttpClient.layer
}
