/**
 * The membership methods of `organizations`: who belongs to an organization, with which role and metadata.
 *
 * @internal
 */
import { OrganizationMembership } from "../../models/generated/schemas.js"
import { Paginated } from "../../models/internal/paginated.js"
import { pageSize, type StreamParams } from "../internal/lists.js"
import { streamPages } from "../internal/paginate.js"
import type {
  CreateOrganizationMembershipParams,
  DeleteOrganizationMembershipParams,
  GetInstanceOrganizationMembershipListParams,
  GetOrganizationMembershipListParams,
  UpdateOrganizationMembershipMetadataParams,
  UpdateOrganizationMembershipParams
} from "./params.js"
import type { OrganizationsCall } from "./request.js"

const MembershipList = Paginated(OrganizationMembership)
const MEMBERSHIP_PAGE = pageSize("ListOrganizationMemberships")
const INSTANCE_MEMBERSHIP_PAGE = pageSize("InstanceGetOrganizationMemberships")

const membershipPath = "/organizations/{organization_id}/memberships/{user_id}"

/** Builds the membership methods. */
export const membershipMethods = (call: OrganizationsCall) => {
  const getOrganizationMembershipList = ({ organizationId, ...query }: GetOrganizationMembershipListParams) =>
    call("getOrganizationMembershipList", {
      method: "GET",
      path: "/organizations/{organization_id}/memberships",
      pathParams: { organization_id: organizationId },
      query
    }, MembershipList)
  const getInstanceOrganizationMembershipList = (params: GetInstanceOrganizationMembershipListParams = {}) =>
    call("getInstanceOrganizationMembershipList", {
      method: "GET",
      path: "/organization_memberships",
      query: { ...params }
    }, MembershipList)
  return {
    /** `GET /organizations/{organization_id}/memberships` */
    getOrganizationMembershipList,
    /** Every membership of the organization matching the filters, page by page. */
    getOrganizationMembershipListStream: (params: StreamParams<GetOrganizationMembershipListParams>) =>
      streamPages(MEMBERSHIP_PAGE, (page) => getOrganizationMembershipList({ ...params, ...page })),
    /** `GET /organization_memberships` (every organization of the instance) */
    getInstanceOrganizationMembershipList,
    /** Every membership of the instance, page by page. */
    getInstanceOrganizationMembershipListStream: (
      params: StreamParams<GetInstanceOrganizationMembershipListParams> = {}
    ) =>
      streamPages(INSTANCE_MEMBERSHIP_PAGE, (page) => getInstanceOrganizationMembershipList({ ...params, ...page })),
    /** `POST /organizations/{organization_id}/memberships` */
    createOrganizationMembership: ({ organizationId, ...body }: CreateOrganizationMembershipParams) =>
      call("createOrganizationMembership", {
        method: "POST",
        path: "/organizations/{organization_id}/memberships",
        pathParams: { organization_id: organizationId },
        body
      }, OrganizationMembership),
    /** `PATCH /organizations/{organization_id}/memberships/{user_id}` */
    updateOrganizationMembership: ({ organizationId, userId, ...body }: UpdateOrganizationMembershipParams) =>
      call("updateOrganizationMembership", {
        method: "PATCH",
        path: membershipPath,
        pathParams: { organization_id: organizationId, user_id: userId },
        body
      }, OrganizationMembership),
    /** `PATCH /organizations/{organization_id}/memberships/{user_id}/metadata` (merge) */
    updateOrganizationMembershipMetadata: (
      { organizationId, userId, ...body }: UpdateOrganizationMembershipMetadataParams
    ) =>
      call("updateOrganizationMembershipMetadata", {
        method: "PATCH",
        path: `${membershipPath}/metadata`,
        pathParams: { organization_id: organizationId, user_id: userId },
        body
      }, OrganizationMembership),
    /** `DELETE /organizations/{organization_id}/memberships/{user_id}` */
    deleteOrganizationMembership: ({ organizationId, userId }: DeleteOrganizationMembershipParams) =>
      call("deleteOrganizationMembership", {
        method: "DELETE",
        path: membershipPath,
        pathParams: { organization_id: organizationId, user_id: userId }
      }, OrganizationMembership)
  }
}
