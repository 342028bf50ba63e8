/**
 * Proxy checks: verify that a domain's proxy forwards to Clerk's Frontend API.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import { VerifyDomainProxy } from "../models/generated/descriptors.js"
import { bind } from "./internal/bind.js"
import { ProxyCheck } from "../models/generated/schemas.js"
import { BackendApi } from "../services/BackendApi.js"

export { ProxyCheck }

/**
 * Params of `proxyChecks.verify`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface VerifyProxyParams {
  readonly domainId: string
  /** The proxy URL to check, e.g. `https://example.com/__clerk`. */
  readonly proxyUrl: string
}

/**
 * `proxyChecks`: proxy configuration checks.
 *
 * @since 0.1.0
 * @category Resources
 */
export class ProxyChecks extends Effect.Service<ProxyChecks>()("effect-clerk/ProxyChecks", {
  accessors: true,
  effect: Effect.gen(function* () {
    const api = bind(yield* BackendApi)
    return {
      /** `POST /proxy_checks` */
      verify: (params: VerifyProxyParams) => api.decode(VerifyDomainProxy, { body: params })
    }
  })
}) {}
