/**
 * Rendering stored rows into the wire objects the Backend API returns (users with their identifications,
 * memberships with their organization and public user data, clients with their sessions).
 *
 * @internal
 */
import type * as S from "../../models/generated/schemas.js"
import type { ClientRow, MembershipRow, State, UserRow, Wire } from "./store.js"

/** The default image of a user or organization without one. */
export const defaultImageUrl = (id: string): string => `https://img.clerk.com/fake/${id}`

/** A user with its email addresses and phone numbers, in creation order. */
export const renderUser = (state: State, row: UserRow): Wire<typeof S.User> => ({
  ...row.user,
  email_addresses: [...state.emailAddresses.values()].filter((e) => e.userId === row.user.id).map((e) => e.wire),
  phone_numbers: [...state.phoneNumbers.values()].filter((p) => p.userId === row.user.id).map((p) => p.wire)
})

/** The primary email address of a user, or its first one. */
export const primaryEmail = (state: State, user: UserRow["user"]): string | undefined => {
  const emails = [...state.emailAddresses.values()].filter((e) => e.userId === user.id)
  return (emails.find((e) => e.wire.id === user.primary_email_address_id) ?? emails[0])?.wire.email_address
}

const PERMISSIONS: Readonly<Record<string, ReadonlyArray<string>>> = {
  "org:admin": [
    "org:sys_profile:manage",
    "org:sys_profile:delete",
    "org:sys_memberships:read",
    "org:sys_memberships:manage",
    "org:sys_domains:read",
    "org:sys_domains:manage"
  ],
  "org:member": ["org:sys_memberships:read"]
}

/** The system permissions of a role (custom roles have none in the fake). */
export const permissionsOf = (role: string): ReadonlyArray<string> => PERMISSIONS[role] ?? []

/** `org:admin` → `Admin`. */
export const roleName = (role: string): string => {
  const name = role.replace(/^org:/, "").replace(/_/g, " ")
  return name.charAt(0).toUpperCase() + name.slice(1)
}

/** The organization with `members_count` / `pending_invitations_count` when asked for. */
export const renderOrganization = (
  state: State,
  org: Wire<typeof S.Organization>,
  includeCounts = false
): Wire<typeof S.Organization> => {
  if (!includeCounts) return org
  const members = [...state.memberships.values()].filter((m) => m.organizationId === org.id).length
  const pending = [...state.organizationInvitations.values()].filter(
    (i) => i.organization_id === org.id && i.status === "pending"
  ).length
  return { ...org, members_count: members, pending_invitations_count: pending }
}

/** A membership with its organization and the member's public data. */
export const renderMembership = (state: State, m: MembershipRow): Wire<typeof S.OrganizationMembership> | undefined => {
  const org = state.organizations.get(m.organizationId)
  const user = state.users.get(m.userId)
  if (org === undefined || user === undefined) return undefined
  const u = user.user
  return {
    id: m.id,
    object: "organization_membership",
    role: m.role,
    role_name: roleName(m.role),
    permissions: [...permissionsOf(m.role)],
    public_metadata: m.publicMetadata,
    private_metadata: m.privateMetadata,
    organization: org,
    public_user_data: {
      user_id: u.id,
      first_name: u.first_name,
      last_name: u.last_name,
      profile_image_url: u.image_url ?? defaultImageUrl(u.id),
      image_url: u.image_url ?? defaultImageUrl(u.id),
      has_image: u.has_image,
      identifier: primaryEmail(state, u) ?? u.username ?? u.id,
      username: u.username,
      banned: u.banned
    },
    created_at: m.createdAt,
    updated_at: m.updatedAt
  }
}

/** The public data of an organization, as embedded in invitations and domains. */
export const publicOrganizationData = (
  org: Wire<typeof S.Organization>
): Wire<typeof S.OrganizationInvitationPublicOrganizationData> => ({
  id: org.id,
  name: org.name,
  slug: org.slug,
  image_url: org.image_url ?? defaultImageUrl(org.id),
  has_image: org.has_image
})

/** A client with its sessions. */
export const renderClient = (state: State, client: ClientRow): Wire<typeof S.Client> => {
  const sessions = [...state.sessions.values()].filter((s) => s.client_id === client.id)
  const active = sessions.filter((s) => s.status === "active")
  return {
    object: "client",
    id: client.id,
    session_ids: sessions.map((s) => s.id),
    sessions,
    sign_in_id: null,
    sign_up_id: null,
    last_active_session_id: active[active.length - 1]?.id ?? null,
    last_authentication_strategy: null,
    created_at: client.createdAt,
    updated_at: client.updatedAt
  }
}
