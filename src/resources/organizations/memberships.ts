/**
 * The membership methods of `organizations`: who belongs to an organization, with which role and metadata.
 *
 * @internal
 */
import {
  CreateOrganizationMembership,
  DeleteOrganizationMembership,
  InstanceGetOrganizationMemberships,
  ListOrganizationMemberships,
  UpdateOrganizationMembership,
  UpdateOrganizationMembershipMetadata
} from "../../models/generated/descriptors.js"
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
import type { Bound } from "../internal/bind.js"

const MembershipList = Paginated(OrganizationMembership)
const MEMBERSHIP_PAGE = pageSize(ListOrganizationMemberships)
const INSTANCE_MEMBERSHIP_PAGE = pageSize(InstanceGetOrganizationMemberships)

/**
 * Builds the membership methods.
 *
 * @since 0.1.0
 * @category Resources
 */
export const membershipMethods = (api: Bound) => {
  const getOrganizationMembershipList = ({ organizationId, ...query }: GetOrganizationMembershipListParams) =>
    api.execute(ListOrganizationMemberships, MembershipList, {
      pathParams: { organization_id: organizationId },
      query
    })
  const getInstanceOrganizationMembershipList = (params: GetInstanceOrganizationMembershipListParams = {}) =>
    api.execute(InstanceGetOrganizationMemberships, MembershipList, { query: { ...params } })
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
    ) => streamPages(INSTANCE_MEMBERSHIP_PAGE, (page) => getInstanceOrganizationMembershipList({ ...params, ...page })),
    /** `POST /organizations/{organization_id}/memberships` */
    createOrganizationMembership: ({ organizationId, ...body }: CreateOrganizationMembershipParams) =>
      api.decode(CreateOrganizationMembership, {
        pathParams: { organization_id: organizationId },
        body
      }),
    /** `PATCH /organizations/{organization_id}/memberships/{user_id}` */
    updateOrganizationMembership: ({ organizationId, userId, ...body }: UpdateOrganizationMembershipParams) =>
      api.decode(UpdateOrganizationMembership, {
        pathParams: { organization_id: organizationId, user_id: userId },
        body
      }),
    /** `PATCH /organizations/{organization_id}/memberships/{user_id}/metadata` (merge) */
    updateOrganizationMembershipMetadata: ({
      organizationId,
      userId,
      ...body
    }: UpdateOrganizationMembershipMetadataParams) =>
      api.decode(UpdateOrganizationMembershipMetadata, {
        pathParams: { organization_id: organizationId, user_id: userId },
        body
      }),
    /** `DELETE /organizations/{organization_id}/memberships/{user_id}` */
    deleteOrganizationMembership: ({ organizationId, userId }: DeleteOrganizationMembershipParams) =>
      api.decode(DeleteOrganizationMembership, {
        pathParams: { organization_id: organizationId, user_id: userId }
      })
  }
}
