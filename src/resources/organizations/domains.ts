/**
 * The domain methods of `organizations`: email domains whose users may join an organization.
 *
 * @internal
 */
import {
  CreateOrganizationDomain,
  DeleteOrganizationDomain,
  ListAllOrganizationDomains,
  ListOrganizationDomains,
  UpdateOrganizationDomain,
  VerifyOrganizationDomainOwnership
} from "../../models/generated/descriptors.js"
import { OrganizationDomain } from "../../models/generated/schemas.js"
import { Paginated } from "../../models/internal/paginated.js"
import { pageSize, type StreamParams } from "../internal/lists.js"
import { streamPages } from "../internal/paginate.js"
import type {
  CreateOrganizationDomainParams,
  GetInstanceOrganizationDomainListParams,
  GetOrganizationDomainListParams,
  OrganizationDomainParams,
  UpdateOrganizationDomainParams
} from "./params.js"
import type { Bound } from "../internal/bind.js"

const DomainList = Paginated(OrganizationDomain)
const DOMAIN_PAGE = pageSize(ListOrganizationDomains)
const INSTANCE_DOMAIN_PAGE = pageSize(ListAllOrganizationDomains)

/**
 * Builds the domain methods.
 *
 * @since 0.1.0
 * @category Resources
 */
export const domainMethods = (api: Bound) => {
  const getOrganizationDomainList = ({ organizationId, ...query }: GetOrganizationDomainListParams) =>
    api.execute(ListOrganizationDomains, DomainList, {
      pathParams: { organization_id: organizationId },
      query
    })
  const getInstanceOrganizationDomainList = ({
    enrollmentMode,
    ...query
  }: GetInstanceOrganizationDomainListParams = {}) =>
    api.execute(ListAllOrganizationDomains, DomainList, {
      // The spec declares `enrollment_mode` with `explode: false`: one comma-separated value.
      query: { ...query, enrollmentMode: enrollmentMode?.join(",") }
    })
  const domainRef = ({ domainId, organizationId }: OrganizationDomainParams) => ({
    organization_id: organizationId,
    domain_id: domainId
  })
  return {
    /** `GET /organizations/{organization_id}/domains` */
    getOrganizationDomainList,
    /** Every domain of the organization, page by page. */
    getOrganizationDomainListStream: (params: StreamParams<GetOrganizationDomainListParams>) =>
      streamPages(DOMAIN_PAGE, (page) => getOrganizationDomainList({ ...params, ...page })),
    /** `GET /organization_domains` (every organization of the instance) */
    getInstanceOrganizationDomainList,
    /** Every organization domain of the instance matching the filters, page by page. */
    getInstanceOrganizationDomainListStream: (params: StreamParams<GetInstanceOrganizationDomainListParams> = {}) =>
      streamPages(INSTANCE_DOMAIN_PAGE, (page) => getInstanceOrganizationDomainList({ ...params, ...page })),
    /** `POST /organizations/{organization_id}/domains` (`verified` defaults to `true`) */
    createOrganizationDomain: ({ organizationId, ...body }: CreateOrganizationDomainParams) =>
      api.decode(CreateOrganizationDomain, {
        pathParams: { organization_id: organizationId },
        body: { ...body, verified: body.verified ?? true }
      }),
    /** `PATCH /organizations/{organization_id}/domains/{domain_id}` */
    updateOrganizationDomain: ({ domainId, organizationId, ...body }: UpdateOrganizationDomainParams) =>
      api.decode(UpdateOrganizationDomain, {
        pathParams: domainRef({ domainId, organizationId }),
        body
      }),
    /** `DELETE /organizations/{organization_id}/domains/{domain_id}` */
    deleteOrganizationDomain: (params: OrganizationDomainParams) =>
      api.decode(DeleteOrganizationDomain, {
        pathParams: domainRef(params)
      }),
    /** `POST /organizations/{organization_id}/domains/{domain_id}/verify_ownership` */
    verifyOrganizationDomainOwnership: (params: OrganizationDomainParams) =>
      api.decode(VerifyOrganizationDomainOwnership, {
        pathParams: domainRef(params)
      })
  }
}
