/**
 * Params of the `organizations` methods, shaped as `@clerk/backend` takes them (plus the spec's extra filters).
 *
 * @module
 */
import type { PaginationParams, WithSign } from "../internal/lists.js"
import type { Metadata, OrganizationInvitationStatus, UserFilterParams } from "../users/params.js"

export type { OrganizationInvitationStatus }

/**
 * How users with an email address on a domain join the organization.
 *
 * @since 0.1.0
 * @category Resources
 */
export type OrganizationEnrollmentMode =
  | "manual_invitation"
  | "automatic_invitation"
  | "automatic_suggestion"
  | "enterprise_sso"

/**
 * A role key, e.g. `org:admin`.
 *
 * @since 0.1.0
 * @category Resources
 */
export type OrganizationMembershipRole = string

/**
 * The two metadata objects of an organization (or a membership, or an invitation).
 *
 * @since 0.1.0
 * @category Resources
 */
export interface OrganizationMetadataParams {
  readonly publicMetadata?: Metadata | undefined
  readonly privateMetadata?: Metadata | undefined
}

/**
 * Params of `organizations.getOrganizationList`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface GetOrganizationListParams extends PaginationParams {
  readonly includeMembersCount?: boolean | undefined
  readonly includeMissingMemberWithElevatedPermissions?: boolean | undefined
  /** Exact id, or partial name or slug. */
  readonly query?: string | undefined
  readonly orderBy?: WithSign<"name" | "created_at" | "members_count"> | undefined
  readonly organizationId?: ReadonlyArray<string> | undefined
  /** Organizations any of these users belong to. */
  readonly userId?: ReadonlyArray<string> | undefined
}

/**
 * Params of `organizations.createOrganization`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface CreateOrganizationParams extends OrganizationMetadataParams {
  readonly name: string
  readonly slug?: string | undefined
  /** The user who becomes the organization's admin. */
  readonly createdBy?: string | undefined
  readonly maxAllowedMemberships?: number | undefined
  readonly roleSetKey?: string | undefined
}

/**
 * Params of `organizations.getOrganization`: the id or the slug (both go in the path).
 *
 * @since 0.1.0
 * @category Resources
 */
export type GetOrganizationParams = ({ readonly organizationId: string } | { readonly slug: string }) & {
  readonly includeMembersCount?: boolean | undefined
  readonly includeMissingMemberWithElevatedPermissions?: boolean | undefined
}

/**
 * Params of `organizations.updateOrganization`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface UpdateOrganizationParams {
  readonly name?: string | undefined
  readonly slug?: string | undefined
  readonly adminDeleteEnabled?: boolean | undefined
  readonly maxAllowedMemberships?: number | undefined
  readonly roleSetKey?: string | undefined
  /** @deprecated Use `updateOrganizationMetadata` (merge) or `replaceOrganizationMetadata` (replace). */
  readonly publicMetadata?: Metadata | undefined
  /** @deprecated Use `updateOrganizationMetadata` (merge) or `replaceOrganizationMetadata` (replace). */
  readonly privateMetadata?: Metadata | undefined
}

/**
 * Params of `organizations.updateOrganizationLogo`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface UpdateOrganizationLogoParams {
  readonly file: Blob
  /** The user uploading the logo. */
  readonly uploaderUserId?: string | undefined
}

/**
 * A sort key of membership lists.
 *
 * @since 0.1.0
 * @category Resources
 */
export type OrganizationMembershipOrderBy = WithSign<
  "phone_number" | "email_address" | "created_at" | "first_name" | "last_name" | "username"
>

/**
 * Params of `organizations.getOrganizationMembershipList`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface GetOrganizationMembershipListParams extends UserFilterParams, PaginationParams {
  readonly organizationId: string
  readonly orderBy?: OrganizationMembershipOrderBy | undefined
  readonly role?: ReadonlyArray<OrganizationMembershipRole> | undefined
}

/**
 * Params of `organizations.getInstanceOrganizationMembershipList`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface GetInstanceOrganizationMembershipListParams extends PaginationParams {
  readonly orderBy?: OrganizationMembershipOrderBy | undefined
}

/**
 * Params of `organizations.createOrganizationMembership`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface CreateOrganizationMembershipParams extends OrganizationMetadataParams {
  readonly organizationId: string
  readonly userId: string
  readonly role: OrganizationMembershipRole
}

/**
 * Params of `organizations.updateOrganizationMembership`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface UpdateOrganizationMembershipParams {
  readonly organizationId: string
  readonly userId: string
  readonly role: OrganizationMembershipRole
}

/**
 * Params of `organizations.updateOrganizationMembershipMetadata`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface UpdateOrganizationMembershipMetadataParams extends OrganizationMetadataParams {
  readonly organizationId: string
  readonly userId: string
}

/**
 * Params of `organizations.deleteOrganizationMembership`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface DeleteOrganizationMembershipParams {
  readonly organizationId: string
  readonly userId: string
}

/**
 * A sort key of invitation lists.
 *
 * @since 0.1.0
 * @category Resources
 */
export type OrganizationInvitationOrderBy = WithSign<"created_at" | "email_address">

/**
 * Params of `organizations.getOrganizationInvitationList`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface GetOrganizationInvitationListParams extends PaginationParams {
  readonly organizationId: string
  /** One status, or several (sent as repeated keys, as `@clerk/backend` does). */
  readonly status?: OrganizationInvitationStatus | ReadonlyArray<OrganizationInvitationStatus> | undefined
  readonly emailAddress?: string | undefined
  readonly orderBy?: OrganizationInvitationOrderBy | undefined
}

/**
 * One invitation of `organizations.createOrganizationInvitationBulk`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface OrganizationInvitationFields extends OrganizationMetadataParams {
  readonly emailAddress: string
  readonly role: OrganizationMembershipRole
  readonly expiresInDays?: number | undefined
  readonly inviterUserId?: string | undefined
  readonly redirectUrl?: string | undefined
  /** Send the invitation email (default `true`). */
  readonly notify?: boolean | undefined
}

/**
 * Params of `organizations.createOrganizationInvitation`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface CreateOrganizationInvitationParams extends OrganizationInvitationFields {
  readonly organizationId: string
}

/**
 * Params of `organizations.getOrganizationInvitation`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface GetOrganizationInvitationParams {
  readonly organizationId: string
  readonly invitationId: string
}

/**
 * Params of `organizations.revokeOrganizationInvitation`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface RevokeOrganizationInvitationParams extends GetOrganizationInvitationParams {
  readonly requestingUserId?: string | undefined
}

/**
 * Params of `organizations.getInstanceOrganizationInvitationList`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface GetInstanceOrganizationInvitationListParams extends PaginationParams {
  readonly status?: OrganizationInvitationStatus | undefined
  /** Matches the email address. */
  readonly query?: string | undefined
  readonly orderBy?: OrganizationInvitationOrderBy | undefined
}

/**
 * Params of `organizations.getPendingOrganizationInvitationList`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface GetPendingOrganizationInvitationListParams extends PaginationParams {
  readonly organizationId: string
}

/**
 * Params of `organizations.getOrganizationDomainList`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface GetOrganizationDomainListParams extends PaginationParams {
  readonly organizationId: string
  readonly verified?: boolean | undefined
  readonly enrollmentMode?: OrganizationEnrollmentMode | undefined
}

/**
 * Params of `organizations.getInstanceOrganizationDomainList`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface GetInstanceOrganizationDomainListParams extends PaginationParams {
  readonly organizationId?: string | undefined
  readonly verified?: boolean | undefined
  /** Any of these modes; prefix one with `-` to exclude it. Sent comma-separated. */
  readonly enrollmentMode?: ReadonlyArray<OrganizationEnrollmentMode | `-${OrganizationEnrollmentMode}`> | undefined
  /** Partial domain name, or an exact `org_` id. */
  readonly query?: string | undefined
  /** Exact domain names. */
  readonly domains?: ReadonlyArray<string> | undefined
  readonly orderBy?: WithSign<"name" | "created_at"> | undefined
}

/**
 * Params of `organizations.createOrganizationDomain`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface CreateOrganizationDomainParams {
  readonly organizationId: string
  readonly name: string
  readonly enrollmentMode: OrganizationEnrollmentMode
  /** Default `true`. */
  readonly verified?: boolean | undefined
}

/**
 * Params of `organizations.updateOrganizationDomain`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface UpdateOrganizationDomainParams {
  readonly organizationId: string
  readonly domainId: string
  readonly name?: string | undefined
  readonly enrollmentMode?: OrganizationEnrollmentMode | undefined
  readonly verified?: boolean | undefined
}

/**
 * Params of `organizations.deleteOrganizationDomain` and `organizations.verifyOrganizationDomainOwnership`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface OrganizationDomainParams {
  readonly organizationId: string
  readonly domainId: string
}

/**
 * Params of `organizations.deleteOrganizationDomain`.
 *
 * @since 0.1.0
 * @category Resources
 */
export type DeleteOrganizationDomainParams = OrganizationDomainParams
