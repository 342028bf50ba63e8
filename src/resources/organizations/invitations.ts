/**
 * The invitation methods of `organizations`: invite people by email, in bulk, list and revoke invitations.
 *
 * @internal
 */
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
import type { OrganizationsCall } from "./request.js"

const InvitationList = Paginated(OrganizationInvitation)
const InstanceInvitationList = Paginated(OrganizationInvitationWithPublicOrganizationData)
const INVITATION_PAGE = pageSize("ListOrganizationInvitations")
const PENDING_PAGE = pageSize("ListPendingOrganizationInvitations")
const INSTANCE_INVITATION_PAGE = pageSize("ListInstanceOrganizationInvitations")

const invitationsPath = "/organizations/{organization_id}/invitations"
const invitationPath = `${invitationsPath}/{invitation_id}`

/** Builds the invitation methods. */
export const invitationMethods = (call: OrganizationsCall) => {
  const getOrganizationInvitationList = ({ organizationId, ...query }: GetOrganizationInvitationListParams) =>
    call("getOrganizationInvitationList", {
      method: "GET",
      path: invitationsPath,
      pathParams: { organization_id: organizationId },
      query
    }, InvitationList)
  const getPendingOrganizationInvitationList = (
    { organizationId, ...query }: GetPendingOrganizationInvitationListParams
  ) =>
    call("getPendingOrganizationInvitationList", {
      method: "GET",
      path: `${invitationsPath}/pending`,
      pathParams: { organization_id: organizationId },
      query
    }, InvitationList)
  const getInstanceOrganizationInvitationList = (params: GetInstanceOrganizationInvitationListParams = {}) =>
    call("getInstanceOrganizationInvitationList", {
      method: "GET",
      path: "/organization_invitations",
      query: { ...params }
    }, InstanceInvitationList)
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
      call("createOrganizationInvitation", {
        method: "POST",
        path: invitationsPath,
        pathParams: { organization_id: organizationId },
        body
      }, OrganizationInvitation),
    /** `POST /organizations/{organization_id}/invitations/bulk` (a JSON array body) */
    createOrganizationInvitationBulk: (organizationId: string, params: ReadonlyArray<OrganizationInvitationFields>) =>
      call("createOrganizationInvitationBulk", {
        method: "POST",
        path: `${invitationsPath}/bulk`,
        pathParams: { organization_id: organizationId },
        body: params
      }, InvitationList),
    /** `GET /organizations/{organization_id}/invitations/{invitation_id}` */
    getOrganizationInvitation: ({ invitationId, organizationId }: GetOrganizationInvitationParams) =>
      call("getOrganizationInvitation", {
        method: "GET",
        path: invitationPath,
        pathParams: { organization_id: organizationId, invitation_id: invitationId }
      }, OrganizationInvitation),
    /** `POST /organizations/{organization_id}/invitations/{invitation_id}/revoke` */
    revokeOrganizationInvitation: (
      { invitationId, organizationId, ...body }: RevokeOrganizationInvitationParams
    ) =>
      call("revokeOrganizationInvitation", {
        method: "POST",
        path: `${invitationPath}/revoke`,
        pathParams: { organization_id: organizationId, invitation_id: invitationId },
        body
      }, OrganizationInvitation)
  }
}
