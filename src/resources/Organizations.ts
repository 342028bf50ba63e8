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
import {
  AdjustOrganizationBillingCreditBalance,
  CreateOrganization,
  DeleteOrganization,
  DeleteOrganizationLogo,
  GetOrganization,
  GetOrganizationBillingCreditBalance,
  ListOrganizations,
  MergeOrganizationMetadata,
  ReplaceOrganizationMetadata,
  UpdateOrganization,
  UploadOrganizationLogo
} from "../models/generated/descriptors.js"
import { Paginated } from "../models/internal/paginated.js"
import { BackendApi } from "../services/BackendApi.js"
import { bind } from "./internal/bind.js"
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
const ORGANIZATION_PAGE = pageSize(ListOrganizations)

/**
 * `organizations`: organizations, their memberships, invitations and domains.
 *
 * @since 0.1.0
 * @category Resources
 */
export class Organizations extends Effect.Service<Organizations>()("effect-clerk/Organizations", {
  accessors: true,
  effect: Effect.gen(function* () {
    const api = bind(yield* BackendApi)

    const getOrganizationList = (params: GetOrganizationListParams = {}) =>
      api.execute(ListOrganizations, OrganizationList, {
        query: { ...params }
      })
    const metadata =
      (descriptor: typeof MergeOrganizationMetadata | typeof ReplaceOrganizationMetadata) =>
      (organizationId: string, params: OrganizationMetadataParams) =>
        api.execute(descriptor, Organization, {
          pathParams: { organization_id: organizationId },
          body: params
        })

    return {
      /** `GET /organizations` */
      getOrganizationList,
      /** Every organization matching the filters, page by page. */
      getOrganizationListStream: (params: StreamParams<GetOrganizationListParams> = {}) =>
        streamPages(ORGANIZATION_PAGE, (page) => getOrganizationList({ ...params, ...page })),
      /** `POST /organizations` */
      createOrganization: (params: CreateOrganizationParams) => api.decode(CreateOrganization, { body: params }),
      /** `GET /organizations/{organization_id}` (the id or the slug goes in the path) */
      getOrganization: (params: GetOrganizationParams) => {
        const { includeMembersCount, includeMissingMemberWithElevatedPermissions } = params
        const idOrSlug = "organizationId" in params ? params.organizationId : params.slug
        return api.decode(GetOrganization, {
          pathParams: { organization_id: idOrSlug },
          query: { includeMembersCount, includeMissingMemberWithElevatedPermissions }
        })
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
            update: UpdateOrganization,
            replaceMetadata: ReplaceOrganizationMetadata,
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
          api.decode(UploadOrganizationLogo, {
            pathParams: { organization_id: organizationId },
            formData
          })
        ),
      /** `DELETE /organizations/{organization_id}/logo` */
      deleteOrganizationLogo: (organizationId: string) =>
        api.decode(DeleteOrganizationLogo, {
          pathParams: { organization_id: organizationId }
        }),
      /** `PATCH /organizations/{organization_id}/metadata` (deep merge; `null` removes a key) */
      updateOrganizationMetadata: metadata(MergeOrganizationMetadata),
      /** `PUT /organizations/{organization_id}/metadata` (each given field is replaced whole) */
      replaceOrganizationMetadata: metadata(ReplaceOrganizationMetadata),
      /** `DELETE /organizations/{organization_id}` */
      deleteOrganization: (organizationId: string) =>
        api.decode(DeleteOrganization, {
          pathParams: { organization_id: organizationId }
        }),
      /** `GET /organizations/{organization_id}/billing/credits` */
      getOrganizationBillingCreditBalance: (organizationId: string) =>
        api.decode(GetOrganizationBillingCreditBalance, {
          pathParams: { organization_id: organizationId }
        }),
      /** `POST /organizations/{organization_id}/billing/credits` */
      adjustOrganizationBillingCreditBalance: (organizationId: string, params: AdjustBillingCreditBalanceParams) =>
        api.decode(AdjustOrganizationBillingCreditBalance, {
          pathParams: { organization_id: organizationId },
          body: params
        }),
      ...membershipMethods(api),
      ...invitationMethods(api),
      ...domainMethods(api)
    }
  })
}) {}
