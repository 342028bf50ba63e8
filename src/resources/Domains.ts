/**
 * The instance's domains: the primary domain and satellite domains of a multi-domain setup.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import { AddDomain, DeleteDomain, ListDomains, UpdateDomain } from "../models/generated/descriptors.js"
import { bind } from "./internal/bind.js"
import { Domain } from "../models/generated/schemas.js"
import { Paginated } from "../models/internal/paginated.js"
import { BackendApi } from "../services/BackendApi.js"

export { Domain }

/**
 * Params of `domains.add` (snake_case keys, as `@clerk/backend` takes them).
 *
 * @since 0.1.0
 * @category Resources
 */
export interface AddDomainParams {
  /** The domain name, without a scheme (a port is allowed on development instances). */
  readonly name: string
  readonly is_satellite: boolean
  /** The proxy URL (production instances only). */
  readonly proxy_url?: string | null | undefined
}

/**
 * Params of `domains.update`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface UpdateDomainParams {
  readonly domainId: string
  readonly name?: string | undefined
  /** `null` switches from a proxy back to a DNS setup. */
  readonly proxy_url?: string | null | undefined
  /** Whether the domain is for a secondary app on the same root domain. */
  readonly is_secondary?: boolean | null | undefined
}

const DomainList = Paginated(Domain)

/**
 * `domains`: primary and satellite domains.
 *
 * @since 0.1.0
 * @category Resources
 */
export class Domains extends Effect.Service<Domains>()("effect-clerk/Domains", {
  accessors: true,
  effect: Effect.gen(function* () {
    const api = bind(yield* BackendApi)
    const remove = (operation?: "domains.deleteDomain") => (domainId: string) =>
      api.decode(DeleteDomain, { pathParams: { domain_id: domainId }, operation })
    return {
      /** `GET /domains` */
      list: () => api.execute(ListDomains, DomainList),
      /** `POST /domains` */
      add: (params: AddDomainParams) => api.decode(AddDomain, { body: params }),
      /** `PATCH /domains/{domain_id}` */
      update: ({ domainId, ...body }: UpdateDomainParams) =>
        api.decode(UpdateDomain, { pathParams: { domain_id: domainId }, body }),
      /** `DELETE /domains/{domain_id}` */
      delete: remove(),
      /**
       * `DELETE /domains/{domain_id}`
       * @deprecated Use `delete`.
       */
      deleteDomain: remove("domains.deleteDomain")
    }
  })
}) {}
