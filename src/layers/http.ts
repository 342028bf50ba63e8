/**
 * Picking the transport: a given HttpClient layer; else a given `fetch`; else, when `transport: "undici"` is asked
 * for on Node, undici's pooled client (the optional `undici` peer, loaded lazily on the first request); else the
 * global fetch. The global fetch is the default so that a test suite that mocks it (msw and the like) keeps
 * intercepting every call, as with `@clerk/backend`.
 *
 * @module
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as Layer from "effect/Layer"
import { fetchLayer } from "./fetch.js"
import * as Undici from "./undici.js"

/**
 * Transport options shared by the Promise entry points.
 *
 * @since 0.1.0
 * @category Layers
 */
export interface TransportOptions {
  /** A `fetch` to use instead of the default transport. */
  readonly fetch?: typeof globalThis.fetch | undefined
  /** An HttpClient layer to use instead of the default transport (e.g. a test layer from `effect-clerk/testing`). */
  readonly httpClient?: Layer.Layer<HttpClient.HttpClient> | undefined
  /**
   * `"fetch"` (the default: the global fetch) or `"undici"` (on Node: pooled keep-alive sockets through the optional
   * `undici` peer, falling back to fetch when it is not installed or off Node). Ignored when `fetch` or `httpClient`
   * is given.
   */
  readonly transport?: "undici" | "fetch" | undefined
}

/** The global-fetch layer, one for every client (built on first use). */
let globalFetchLayer: Layer.Layer<HttpClient.HttpClient> | undefined

/**
 * The HttpClient layer for these options: `httpClient`, else a custom fetch, else undici if asked for, else fetch.
 *
 * @since 0.1.0
 * @category Layers
 */
export const httpClientLayer = (options: TransportOptions): Layer.Layer<HttpClient.HttpClient> => {
  if (options.httpClient !== undefined) return options.httpClient
  if (options.fetch !== undefined) return fetchLayer(options.fetch)
  return options.transport === "undici" && Undici.isNode() ? Undici.layer() : (globalFetchLayer ??= fetchLayer())
}
