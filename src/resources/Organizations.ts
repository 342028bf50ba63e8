/**
 * Organizations: the organizations of the instance, their logo and metadata, and (from `./organizations/`) their
 * memberships, invitations and domains. The Promise client's `organizations` property holds every method.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import {
  CommerceCreditBalanceResponse,
  CommerceCreditLedgerResponse,
  DeletedObject,
  Organization,
  OrganizationDomain,
  OrganizationInvitation,
  OrganizationInvitationWithPublicOrganizationData,
  OrganizationMembership,
  OrganizationWithLogo
} from "../models/generated/schemas.js"
import { Paginated } from "../models/internal/paginated.js"
import { BackendApi } from "../services/BackendApi.js"
import { pageSize, type StreamParams } from "./internal/lists.js"
import { updateWithMetadata } from "./internal/metadata.js"
import { streamPages } from "./internal/paginate.js"
import { uploadForm } from "./internal/upload.js"
import { domainMethods } from "./organizations/domains.js"
import { invitationMethods } from "./organizations/invitations.js"
import { membershipMethods } from "./organizations/memberships.js"
import type {
  CreateOrganizationParams,
  GetOrganizationListParams,
  GetOrganizationParams,
  OrganizationMetadataParams,
  UpdateOrganizationLogoParams,
  UpdateOrganizationParams
} from "./organizations/params.js"
import { organizationsCall } from "./organizations/request.js"
import type { AdjustBillingCreditBalanceParams } from "./users/params.js"

export type * from "./organizations/params.js"
export {
  CommerceCreditBalanceResponse,
  CommerceCreditLedgerResponse,
  DeletedObject,
  Organization,
  OrganizationDomain,
  OrganizationInvitation,
  OrganizationInvitationWithPublicOrganizationData,
  OrganizationMembership,
  OrganizationWithLogo
}

const OrganizationList = Paginated(Organization)
const ORGANIZATION_PAGE = pageSize("ListOrganizations")

/** `organizations`: organizations, their memberships, invitations and domains. */
export class Organizations extends Effect.Service<Organizations>()("effect-clerk/Organizations", {
  accessors: true,
  effect: Effect.gen(function*() {
    const api = yield* BackendApi
    const call = organizationsCall(api)
    const onOrganization = (organizationId: string) => ({ pathParams: { organization_id: organizationId } })

    const getOrganizationList = (params: GetOrganizationListParams = {}) =>
      call("getOrganizationList", { method: "GET", path: "/organizations", query: { ...params } }, OrganizationList)
    const metadata = (method: "PATCH" | "PUT", name: string) =>
    (organizationId: string, params: OrganizationMetadataParams) =>
      call(name, {
        method,
        path: "/organizations/{organization_id}/metadata",
        ...onOrganization(organizationId),
        body: params
      }, Organization)

    return {
      /** `GET /organizations` */
      getOrganizationList,
      /** Every organization matching the filters, page by page. */
      getOrganizationListStream: (params: StreamParams<GetOrganizationListParams> = {}) =>
        streamPages(ORGANIZATION_PAGE, (page) => getOrganizationList({ ...params, ...page })),
      /** `POST /organizations` */
      createOrganization: (params: CreateOrganizationParams) =>
        call("createOrganization", { method: "POST", path: "/organizations", body: params }, Organization),
      /** `GET /organizations/{organization_id}` (the id or the slug goes in the path) */
      getOrganization: (params: GetOrganizationParams) => {
        const { includeMembersCount, includeMissingMemberWithElevatedPermissions } = params
        const idOrSlug = "organizationId" in params ? params.organizationId : params.slug
        return call("getOrganization", {
          method: "GET",
          path: "/organizations/{organization_id}",
          ...onOrganization(idOrSlug),
          query: { includeMembersCount, includeMissingMemberWithElevatedPermissions }
        }, Organization)
      },
      /**
       * `PATCH /organizations/{organization_id}`; with (deprecated) metadata fields, the other fields are PATCHed first
       * (if any) and the metadata is then replaced with `PUT /organizations/{organization_id}/metadata`.
       */
      updateOrganization: (organizationId: string, params: UpdateOrganizationParams) => {
        const { privateMetadata, publicMetadata, ...fields } = params
        const hasMetadata = publicMetadata !== undefined || privateMetadata !== undefined
        return updateWithMetadata(
          api,
          {
            operation: "organizations.updateOrganization",
            path: "/organizations/{organization_id}",
            pathParams: { organization_id: organizationId }
          },
          fields,
          hasMetadata ? { publicMetadata, privateMetadata } : undefined,
          Organization
        )
      },
      /** `PUT /organizations/{organization_id}/logo` (multipart: `file`, optional `uploader_user_id`) */
      updateOrganizationLogo: (organizationId: string, params: UpdateOrganizationLogoParams) =>
        Effect.flatMap(uploadForm(params.file, { uploader_user_id: params.uploaderUserId }), (formData) =>
          call("updateOrganizationLogo", {
            method: "PUT",
            path: "/organizations/{organization_id}/logo",
            ...onOrganization(organizationId),
            formData
          }, OrganizationWithLogo)),
      /** `DELETE /organizations/{organization_id}/logo` */
      deleteOrganizationLogo: (organizationId: string) =>
        call("deleteOrganizationLogo", {
          method: "DELETE",
          path: "/organizations/{organization_id}/logo",
          ...onOrganization(organizationId)
        }, Organization),
      /** `PATCH /organizations/{organization_id}/metadata` (deep merge; `null` removes a key) */
      updateOrganizationMetadata: metadata("PATCH", "updateOrganizationMetadata"),
      /** `PUT /organizations/{organization_id}/metadata` (each given field is replaced whole) */
      replaceOrganizationMetadata: metadata("PUT", "replaceOrganizationMetadata"),
      /** `DELETE /organizations/{organization_id}` */
      deleteOrganization: (organizationId: string) =>
        call("deleteOrganization", {
          method: "DELETE",
          path: "/organizations/{organization_id}",
          ...onOrganization(organizationId)
        }, DeletedObject),
      /** `GET /organizations/{organization_id}/billing/credits` */
      getOrganizationBillingCreditBalance: (organizationId: string) =>
        call("getOrganizationBillingCreditBalance", {
          method: "GET",
          path: "/organizations/{organization_id}/billing/credits",
          ...onOrganization(organizationId)
        }, CommerceCreditBalanceResponse),
      /** `POST /organizations/{organization_id}/billing/credits` */
      adjustOrganizationBillingCreditBalance: (organizationId: string, params: AdjustBillingCreditBalanceParams) =>
        call("adjustOrganizationBillingCreditBalance", {
          method: "POST",
          path: "/organizations/{organization_id}/billing/credits",
          ...onOrganization(organizationId),
          body: params
        }, CommerceCreditLedgerResponse),
      ...membershipMethods(call),
      ...invitationMethods(call),
      ...domainMethods(call)
    }
  })
}) {}

