/**
 * Proxy checks: verify that a domain's proxy forwards to Clerk's Frontend API.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import { ProxyCheck } from "../models/generated/schemas.js"
import { BackendApi } from "../services/BackendApi.js"

export { ProxyCheck }

/** Params of `proxyChecks.verify`. */
export interface VerifyProxyParams {
  readonly domainId: string
  /** The proxy URL to check, e.g. `https://example.com/__clerk`. */
  readonly proxyUrl: string
}

/** `proxyChecks`: proxy configuration checks. */
export class ProxyChecks extends Effect.Service<ProxyChecks>()("effect-clerk/ProxyChecks", {
  accessors: true,
  effect: Effect.gen(function*() {
    const api = yield* BackendApi
    return {
      /** `POST /proxy_checks` */
      verify: (params: VerifyProxyParams) =>
        api.execute({ operation: "proxyChecks.verify", method: "POST", path: "/proxy_checks", body: params }, ProxyCheck)
    }
  })
}) {}
