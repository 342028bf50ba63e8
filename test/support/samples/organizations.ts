/**
 * The `organizations` area: one valid call per spec operation (for the operations table), and realistic wire payloads
 * the organizations tests answer with.
 */
import type { ClerkClient } from "../../../src/promise/createClerkClient.js"

const ORG_ID = "org_2analytical0000000000000"
const USER_ID = "user_2ada0Lovelace00000000000"

/** An organization with a logo, counts and metadata. */
export const organizationJson = {
  object: "organization",
  id: ORG_ID,
  name: "Analytical Engines",
  slug: "analytical",
  image_url: "https://img.clerk.com/org.png",
  has_image: true,
  members_count: 12,
  pending_invitations_count: 2,
  max_allowed_memberships: 50,
  admin_delete_enabled: true,
  public_metadata: { tier: "enterprise", billing: { seats: 50 } },
  private_metadata: { crm_id: "acct_77" },
  created_by: USER_ID,
  created_at: 1690000000000,
  updated_at: 1700000000000
}

/** An organization without a logo, private metadata or creator (as older ones come). */
export const bareOrganizationJson = {
  object: "organization",
  id: "org_2bare00000000000000000000",
  name: "Bare",
  slug: "bare",
  has_image: false,
  max_allowed_memberships: 5,
  admin_delete_enabled: false,
  public_metadata: {},
  created_at: 1690000000000,
  updated_at: 1690000000000
}

/** Ada's admin membership of the organization. */
export const membershipJson = {
  id: "orgmem_2ada00000000000000000",
  object: "organization_membership",
  role: "org:admin",
  role_name: "Admin",
  permissions: ["org:sys_memberships:manage", "org:sys_profile:read"],
  public_metadata: { department: "math" },
  private_metadata: { reviewer: true },
  organization: organizationJson,
  public_user_data: {
    user_id: USER_ID,
    first_name: "Ada",
    last_name: "Lovelace",
    profile_image_url: null,
    image_url: "https://img.clerk.com/ada.png",
    has_image: true,
    identifier: "ada@example.com",
    username: "ada"
  },
  created_at: 1690000000000,
  updated_at: 1700000000000
}

/** A pending invitation to the organization. */
export const invitationJson = {
  object: "organization_invitation",
  id: "orginv_2charles000000000000000",
  email_address: "charles@example.com",
  role: "org:member",
  role_name: "Member",
  organization_id: ORG_ID,
  inviter_id: USER_ID,
  public_inviter_data: {
    user_id: USER_ID,
    first_name: "Ada",
    last_name: "Lovelace",
    image_url: "https://img.clerk.com/ada.png",
    has_image: true,
    identifier: "ada@example.com"
  },
  status: "pending",
  public_metadata: { team: "engines" },
  private_metadata: {},
  url: "https://accounts.example.com/sign-up?__clerk_ticket=abc",
  expires_at: 1702592000000,
  created_at: 1700000000000,
  updated_at: 1700000000000
}

/** The same invitation as user-scoped and instance-wide lists return it. */
export const invitationWithOrganizationJson = {
  ...invitationJson,
  public_organization_data: {
    id: ORG_ID,
    name: "Analytical Engines",
    slug: "analytical",
    image_url: "https://img.clerk.com/org.png",
    has_image: true
  }
}

/** A verified domain with automatic invitations. */
export const domainJson = {
  object: "organization_domain",
  id: "orgdmn_2analytical000000000000",
  organization_id: ORG_ID,
  name: "analytical.example",
  enrollment_mode: "automatic_invitation",
  affiliation_email_address: "ada@analytical.example",
  affiliation_verification: {
    status: "verified",
    strategy: "email_code",
    attempts: 1,
    expire_at: 1700000600000,
    verified_at: 1700000100000
  },
  ownership_verification: null,
  verification: null,
  total_pending_invitations: 3,
  total_pending_suggestions: 0,
  public_organization_data: invitationWithOrganizationJson.public_organization_data,
  created_at: 1700000000000,
  updated_at: 1700000100000
}

const DOMAIN_ID = domainJson.id
const INVITATION_ID = invitationJson.id

/** One valid call per spec operation of the `organizations` area, keyed by operationId. */
export const samples: Record<string, (client: ClerkClient) => Promise<unknown>> = {
  ListOrganizations: (c) => c.organizations.getOrganizationList({ limit: 20, query: "analytical" }),
  CreateOrganization: (c) => c.organizations.createOrganization({ name: "Analytical Engines", createdBy: USER_ID }),
  GetOrganization: (c) => c.organizations.getOrganization({ organizationId: ORG_ID }),
  UpdateOrganization: (c) => c.organizations.updateOrganization(ORG_ID, { name: "Analytical Engines Ltd" }),
  DeleteOrganization: (c) => c.organizations.deleteOrganization(ORG_ID),
  MergeOrganizationMetadata: (c) => c.organizations.updateOrganizationMetadata(ORG_ID, { publicMetadata: { a: 1 } }),
  ReplaceOrganizationMetadata: (c) => c.organizations.replaceOrganizationMetadata(ORG_ID, { privateMetadata: {} }),
  UploadOrganizationLogo: (c) =>
    c.organizations.updateOrganizationLogo(ORG_ID, {
      file: new Blob(["png"], { type: "image/png" }),
      uploaderUserId: USER_ID
    }),
  DeleteOrganizationLogo: (c) => c.organizations.deleteOrganizationLogo(ORG_ID),
  GetOrganizationBillingCreditBalance: (c) => c.organizations.getOrganizationBillingCreditBalance(ORG_ID),
  AdjustOrganizationBillingCreditBalance: (c) =>
    c.organizations.adjustOrganizationBillingCreditBalance(ORG_ID, {
      amount: 1000,
      action: "decrease",
      idempotencyKey: "k1"
    }),
  ListOrganizationMemberships: (c) =>
    c.organizations.getOrganizationMembershipList({ organizationId: ORG_ID, limit: 10 }),
  InstanceGetOrganizationMemberships: (c) =>
    c.organizations.getInstanceOrganizationMembershipList({ orderBy: "-created_at" }),
  CreateOrganizationMembership: (c) =>
    c.organizations.createOrganizationMembership({ organizationId: ORG_ID, userId: USER_ID, role: "org:member" }),
  UpdateOrganizationMembership: (c) =>
    c.organizations.updateOrganizationMembership({ organizationId: ORG_ID, userId: USER_ID, role: "org:admin" }),
  UpdateOrganizationMembershipMetadata: (c) =>
    c.organizations.updateOrganizationMembershipMetadata({
      organizationId: ORG_ID,
      userId: USER_ID,
      publicMetadata: { a: 1 }
    }),
  DeleteOrganizationMembership: (c) =>
    c.organizations.deleteOrganizationMembership({ organizationId: ORG_ID, userId: USER_ID }),
  ListOrganizationInvitations: (c) =>
    c.organizations.getOrganizationInvitationList({ organizationId: ORG_ID, status: ["pending"] }),
  ListPendingOrganizationInvitations: (c) =>
    c.organizations.getPendingOrganizationInvitationList({ organizationId: ORG_ID, limit: 5 }),
  ListInstanceOrganizationInvitations: (c) =>
    c.organizations.getInstanceOrganizationInvitationList({ status: "pending" }),
  CreateOrganizationInvitation: (c) =>
    c.organizations.createOrganizationInvitation({
      organizationId: ORG_ID,
      emailAddress: "charles@example.com",
      role: "org:member"
    }),
  CreateOrganizationInvitationBulk: (c) =>
    c.organizations.createOrganizationInvitationBulk(ORG_ID, [
      { emailAddress: "charles@example.com", role: "org:member" }
    ]),
  GetOrganizationInvitation: (c) =>
    c.organizations.getOrganizationInvitation({ organizationId: ORG_ID, invitationId: INVITATION_ID }),
  RevokeOrganizationInvitation: (c) =>
    c.organizations.revokeOrganizationInvitation({
      organizationId: ORG_ID,
      invitationId: INVITATION_ID,
      requestingUserId: USER_ID
    }),
  ListOrganizationDomains: (c) => c.organizations.getOrganizationDomainList({ organizationId: ORG_ID }),
  ListAllOrganizationDomains: (c) =>
    c.organizations.getInstanceOrganizationDomainList({ enrollmentMode: ["automatic_invitation", "-enterprise_sso"] }),
  CreateOrganizationDomain: (c) =>
    c.organizations.createOrganizationDomain({
      organizationId: ORG_ID,
      name: "analytical.example",
      enrollmentMode: "automatic_invitation"
    }),
  UpdateOrganizationDomain: (c) =>
    c.organizations.updateOrganizationDomain({
      organizationId: ORG_ID,
      domainId: DOMAIN_ID,
      enrollmentMode: "manual_invitation"
    }),
  DeleteOrganizationDomain: (c) =>
    c.organizations.deleteOrganizationDomain({ organizationId: ORG_ID, domainId: DOMAIN_ID }),
  VerifyOrganizationDomainOwnership: (c) =>
    c.organizations.verifyOrganizationDomainOwnership({ organizationId: ORG_ID, domainId: DOMAIN_ID })
}
