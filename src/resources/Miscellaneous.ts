/**
 * `miscellaneous`: public endpoints that belong to no resource (the interstitial page). `@clerk/backend` has none.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import { GetPublicInterstitial } from "../models/generated/descriptors.js"
import { bind } from "./internal/bind.js"
import { BackendApi } from "../services/BackendApi.js"

/**
 * Query of `getPublicInterstitial`: which instance's interstitial page to render.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface GetPublicInterstitialParams {
  /** The Frontend API host (sent as `frontend_api`). */
  readonly frontendApi?: string | undefined
  readonly publishableKey?: string | undefined
  readonly proxyUrl?: string | undefined
  readonly domain?: string | undefined
  readonly signInUrl?: string | undefined
  readonly useDomainForScript?: boolean | undefined
}

/**
 * `miscellaneous`: the public interstitial page.
 *
 * @since 0.1.0
 * @category Resources
 */
export class Miscellaneous extends Effect.Service<Miscellaneous>()("effect-clerk/Miscellaneous", {
  accessors: true,
  effect: Effect.gen(function* () {
    const api = bind(yield* BackendApi)
    return {
      /** `GET /public/interstitial`: the interstitial page's HTML markup. Public: no secret key is sent. */
      getPublicInterstitial: (params: GetPublicInterstitialParams = {}) =>
        api.text(GetPublicInterstitial, { query: { ...params } })
    }
  })
}) {}
