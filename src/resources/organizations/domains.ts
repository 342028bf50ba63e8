/**
 * The domain methods of `organizations`: email domains whose users may join an organization.
 *
 * @internal
 */
import { DeletedObject, OrganizationDomain } from "../../models/generated/schemas.js"
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
import type { OrganizationsCall } from "./request.js"

const DomainList = Paginated(OrganizationDomain)
const DOMAIN_PAGE = pageSize("ListOrganizationDomains")
const INSTANCE_DOMAIN_PAGE = pageSize("ListAllOrganizationDomains")

const domainsPath = "/organizations/{organization_id}/domains"
const domainPath = `${domainsPath}/{domain_id}`

/** Builds the domain methods. */
export const domainMethods = (call: OrganizationsCall) => {
  const getOrganizationDomainList = ({ organizationId, ...query }: GetOrganizationDomainListParams) =>
    call("getOrganizationDomainList", {
      method: "GET",
      path: domainsPath,
      pathParams: { organization_id: organizationId },
      query
    }, DomainList)
  const getInstanceOrganizationDomainList = (
    { enrollmentMode, ...query }: GetInstanceOrganizationDomainListParams = {}
  ) =>
    call("getInstanceOrganizationDomainList", {
      method: "GET",
      path: "/organization_domains",
      // The spec declares `enrollment_mode` with `explode: false`: one comma-separated value.
      query: { ...query, enrollmentMode: enrollmentMode?.join(",") }
    }, DomainList)
  const domainRef = ({ domainId, organizationId }: OrganizationDomainParams) => ({
    pathParams: { organization_id: organizationId, domain_id: domainId }
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
      call("createOrganizationDomain", {
        method: "POST",
        path: domainsPath,
        pathParams: { organization_id: organizationId },
        body: { ...body, verified: body.verified ?? true }
      }, OrganizationDomain),
    /** `PATCH /organizations/{organization_id}/domains/{domain_id}` */
    updateOrganizationDomain: ({ domainId, organizationId, ...body }: UpdateOrganizationDomainParams) =>
      call("updateOrganizationDomain", {
        method: "PATCH",
        path: domainPath,
        ...domainRef({ domainId, organizationId }),
        body
      }, OrganizationDomain),
    /** `DELETE /organizations/{organization_id}/domains/{domain_id}` */
    deleteOrganizationDomain: (params: OrganizationDomainParams) =>
      call("deleteOrganizationDomain", { method: "DELETE", path: domainPath, ...domainRef(params) }, DeletedObject),
    /** `POST /organizations/{organization_id}/domains/{domain_id}/verify_ownership` */
    verifyOrganizationDomainOwnership: (params: OrganizationDomainParams) =>
      call("verifyOrganizationDomainOwnership", {
        method: "POST",
        path: `${domainPath}/verify_ownership`,
        ...domainRef(params)
      }, OrganizationDomain)
  }
}
