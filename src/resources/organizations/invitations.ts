/**
 * The invitation methods of `organizations`: invite people by email, in bulk, list and revoke invitations.
 *
 * @internal
 */
import {
  CreateOrganizationInvitation,
  CreateOrganizationInvitationBulk,
  GetOrganizationInvitation,
  ListInstanceOrganizationInvitations,
  ListOrganizationInvitations,
  ListPendingOrganizationInvitations,
  RevokeOrganizationInvitation
} from "../../models/generated/descriptors.js"
import {
  OrganizationInvitation,
  OrganizationInvitationWithPublicOrganizationData
} from "../../models/generated/schemas.js"
import { Paginated } from "../../models/internal/paginated.js"
import { pageSize, type StreamParams } from "../internal/lists.js"
import { streamPages } from "../internal/paginate.js"
import type {
  CreateOrganizationInvitationParams,
  GetInstanceOrganizationInvitationListParams,
  GetOrganizationInvitationListParams,
  GetOrganizationInvitationParams,
  GetPendingOrganizationInvitationListParams,
  OrganizationInvitationFields,
  RevokeOrganizationInvitationParams
} from "./params.js"
import type { Bound } from "../internal/bind.js"

const InvitationList = Paginated(OrganizationInvitation)
const InstanceInvitationList = Paginated(OrganizationInvitationWithPublicOrganizationData)
const INVITATION_PAGE = pageSize(ListOrganizationInvitations)
const PENDING_PAGE = pageSize(ListPendingOrganizationInvitations)
const INSTANCE_INVITATION_PAGE = pageSize(ListInstanceOrganizationInvitations)

/**
 * Builds the invitation methods.
 *
 * @since 0.1.0
 * @category Resources
 */
export const invitationMethods = (api: Bound) => {
  const getOrganizationInvitationList = ({ organizationId, ...query }: GetOrganizationInvitationListParams) =>
    api.execute(ListOrganizationInvitations, InvitationList, {
      pathParams: { organization_id: organizationId },
      query
    })
  const getPendingOrganizationInvitationList = ({
    organizationId,
    ...query
  }: GetPendingOrganizationInvitationListParams) =>
    api.execute(ListPendingOrganizationInvitations, InvitationList, {
      pathParams: { organization_id: organizationId },
      query
    })
  const getInstanceOrganizationInvitationList = (params: GetInstanceOrganizationInvitationListParams = {}) =>
    api.execute(ListInstanceOrganizationInvitations, InstanceInvitationList, { query: { ...params } })
  return {
    /** `GET /organizations/{organization_id}/invitations` */
    getOrganizationInvitationList,
    /** Every invitation of the organization matching the filters, page by page. */
    getOrganizationInvitationListStream: (params: StreamParams<GetOrganizationInvitationListParams>) =>
      streamPages(INVITATION_PAGE, (page) => getOrganizationInvitationList({ ...params, ...page })),
    /** `GET /organizations/{organization_id}/invitations/pending` */
    getPendingOrganizationInvitationList,
    /** Every pending invitation of the organization, page by page. */
    getPendingOrganizationInvitationListStream: (params: StreamParams<GetPendingOrganizationInvitationListParams>) =>
      streamPages(PENDING_PAGE, (page) => getPendingOrganizationInvitationList({ ...params, ...page })),
    /** `GET /organization_invitations` (every organization of the instance) */
    getInstanceOrganizationInvitationList,
    /** Every organization invitation of the instance matching the filters, page by page. */
    getInstanceOrganizationInvitationListStream: (
      params: StreamParams<GetInstanceOrganizationInvitationListParams> = {}
    ) => streamPages(INSTANCE_INVITATION_PAGE, (page) => getInstanceOrganizationInvitationList({ ...params, ...page })),
    /** `POST /organizations/{organization_id}/invitations` */
    createOrganizationInvitation: ({ organizationId, ...body }: CreateOrganizationInvitationParams) =>
      api.decode(CreateOrganizationInvitation, {
        pathParams: { organization_id: organizationId },
        body
      }),
    /** `POST /organizations/{organization_id}/invitations/bulk` (a JSON array body) */
    createOrganizationInvitationBulk: (organizationId: string, params: ReadonlyArray<OrganizationInvitationFields>) =>
      api.execute(CreateOrganizationInvitationBulk, InvitationList, {
        pathParams: { organization_id: organizationId },
        body: params
      }),
    /** `GET /organizations/{organization_id}/invitations/{invitation_id}` */
    getOrganizationInvitation: ({ invitationId, organizationId }: GetOrganizationInvitationParams) =>
      api.decode(GetOrganizationInvitation, {
        pathParams: { organization_id: organizationId, invitation_id: invitationId }
      }),
    /** `POST /organizations/{organization_id}/invitations/{invitation_id}/revoke` */
    revokeOrganizationInvitation: ({ invitationId, organizationId, ...body }: RevokeOrganizationInvitationParams) =>
      api.decode(RevokeOrganizationInvitation, {
        pathParams: { organization_id: organizationId, invitation_id: invitationId },
        body
      })
  }
}
