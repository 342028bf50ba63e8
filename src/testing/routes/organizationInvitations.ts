/**
 * Organization invitations: create, bulk create (all or nothing), list per organization with `status` and
 * `email_address` filters, pending list, get, revoke, and the instance-wide and per-user lists (with public
 * organization data).
 *
 * @internal
 */
import * as Either from "effect/Either"
import type * as FakeHttp from "../FakeHttp.js"
import type * as S from "../../models/generated/schemas.js"
import {
  arrayBody,
  type Body,
  body,
  type Ctx,
  fail,
  invalid,
  list,
  matchesQuery,
  notFound,
  ok,
  optInt,
  optRecord,
  optString,
  orderBy,
  query,
  queryAll,
  reqString,
  type RouteTable
} from "../internal/http.js"
import { defaultImageUrl, primaryEmail, publicOrganizationData, roleName } from "../internal/render.js"
import type { State, Wire } from "../internal/store.js"
import { isEmail } from "./identifications.js"
import { withOrganization } from "./organizations.js"

type Invitation = Wire<typeof S.OrganizationInvitation>

const DAY = 86_400_000

const publicInviterData = (
  state: State,
  userId: string
): Wire<typeof S.OrganizationInvitationPublicUserData> | null => {
  const user = state.users.get(userId)?.user
  if (user === undefined) return null
  return {
    user_id: user.id,
    first_name: user.first_name,
    last_name: user.last_name,
    image_url: user.image_url ?? defaultImageUrl(user.id),
    has_image: user.has_image,
    identifier: primaryEmail(state, user) ?? user.username ?? user.id
  }
}

/** Checks an invitation body and builds the invitation (not stored). */
const build = (ctx: Ctx, organizationId: string, b: Body): Either.Either<Invitation, FakeHttp.FakeResponse> =>
  Either.gen(function* () {
    const email = yield* reqString(b, "email_address")
    if (!isEmail(email)) return yield* invalid("email_address", "must be a valid email address.")
    const role = yield* reqString(b, "role")
    const inviter = yield* optString(b, "inviter_user_id")
    if (inviter !== undefined && !ctx.state.users.has(inviter)) return yield* notFound("User")
    const days = (yield* optInt(b, "expires_in_days")) ?? 30
    if (days < 1 || days > 365) return yield* invalid("expires_in_days", "must be between 1 and 365.")
    return {
      object: "organization_invitation",
      id: ctx.ids.id("orginv"),
      email_address: email,
      role,
      role_name: roleName(role),
      organization_id: organizationId,
      inviter_id: inviter ?? null,
      public_inviter_data: inviter === undefined ? null : publicInviterData(ctx.state, inviter),
      status: "pending",
      public_metadata: (yield* optRecord(b, "public_metadata")) ?? {},
      private_metadata: (yield* optRecord(b, "private_metadata")) ?? {},
      url: null,
      expires_at: ctx.now + days * DAY,
      created_at: ctx.now,
      updated_at: ctx.now
    }
  })

const withPublicOrganization = (state: State, invitation: Invitation) => {
  const org = state.organizations.get(invitation.organization_id ?? "")
  return org === undefined ? invitation : { ...invitation, public_organization_data: publicOrganizationData(org) }
}

const byStatus = (ctx: Ctx, invitations: ReadonlyArray<Invitation>) => {
  const statuses = new Set(queryAll(ctx, "status"))
  return statuses.size === 0 ? invitations : invitations.filter((i) => statuses.has(i.status ?? "pending"))
}

const sortFields = {
  created_at: (i: Invitation) => i.created_at,
  email_address: (i: Invitation) => i.email_address
}

/**
 * The organization invitation routes.
 *
 * @since 0.1.0
 * @category Testing
 */
export const routes: RouteTable = {
  "POST /organizations/{organization_id}/invitations": (ctx) =>
    withOrganization(ctx, (org) =>
      Either.gen(function* () {
        const invitation = yield* build(ctx, org.id, yield* body(ctx))
        ctx.state.organizationInvitations.set(invitation.id, invitation)
        return yield* ok(invitation)
      })
    ),
  "POST /organizations/{organization_id}/invitations/bulk": (ctx) =>
    withOrganization(ctx, (org) =>
      Either.gen(function* () {
        const items = yield* arrayBody(ctx)
        const built: Array<Invitation> = []
        for (const item of items) built.push(yield* build(ctx, org.id, item))
        for (const invitation of built) ctx.state.organizationInvitations.set(invitation.id, invitation)
        return yield* ok({ data: built, total_count: built.length })
      })
    ),
  "GET /organizations/{organization_id}/invitations": (ctx) =>
    withOrganization(ctx, (org) =>
      Either.gen(function* () {
        const emails = new Set(queryAll(ctx, "email_address").map((e) => e.toLowerCase()))
        const all = [...ctx.state.organizationInvitations.values()].filter(
          (i) => i.organization_id === org.id && (emails.size === 0 || emails.has(i.email_address.toLowerCase()))
        )
        return yield* list(ctx, yield* orderBy(ctx, byStatus(ctx, all), sortFields))
      })
    ),
  "GET /organizations/{organization_id}/invitations/pending": (ctx) =>
    withOrganization(ctx, (org) =>
      Either.gen(function* () {
        const all = [...ctx.state.organizationInvitations.values()].filter(
          (i) => i.organization_id === org.id && i.status === "pending"
        )
        return yield* list(ctx, yield* orderBy(ctx, all, sortFields))
      })
    ),
  "GET /organizations/{organization_id}/invitations/{invitation_id}": (ctx) =>
    withOrganization(ctx, (org) => {
      const invitation = ctx.state.organizationInvitations.get(ctx.params.invitation_id ?? "")
      return invitation === undefined || invitation.organization_id !== org.id
        ? notFound("Organization invitation")
        : ok(invitation)
    }),
  "POST /organizations/{organization_id}/invitations/{invitation_id}/revoke": (ctx) =>
    withOrganization(ctx, (org) => {
      const invitation = ctx.state.organizationInvitations.get(ctx.params.invitation_id ?? "")
      if (invitation === undefined || invitation.organization_id !== org.id) return notFound("Organization invitation")
      if (invitation.status !== "pending") {
        return fail(400, {
          code: "organization_invitation_not_pending",
          message: "not pending",
          long_message: `The invitation is ${invitation.status ?? "not pending"}; only pending invitations can be revoked.`
        })
      }
      const next = { ...invitation, status: "revoked", updated_at: ctx.now }
      ctx.state.organizationInvitations.set(next.id, next)
      return ok(next)
    }),
  "GET /organization_invitations": (ctx) =>
    Either.gen(function* () {
      const q = query(ctx, "query")
      const all = [...ctx.state.organizationInvitations.values()].filter(
        (i) => q === undefined || matchesQuery(q, i.email_address, i.id)
      )
      const sorted = yield* orderBy(ctx, byStatus(ctx, all), sortFields)
      return yield* list(
        ctx,
        sorted.map((i) => withPublicOrganization(ctx.state, i))
      )
    }),
  "GET /users/{user_id}/organization_invitations": (ctx) =>
    Either.gen(function* () {
      const userId = ctx.params.user_id ?? ""
      if (!ctx.state.users.has(userId)) return yield* notFound("User")
      const emails = new Set(
        [...ctx.state.emailAddresses.values()]
          .filter((e) => e.userId === userId)
          .map((e) => e.wire.email_address.toLowerCase())
      )
      const all = [...ctx.state.organizationInvitations.values()].filter((i) =>
        emails.has(i.email_address.toLowerCase())
      )
      const sorted = yield* orderBy(ctx, byStatus(ctx, all), sortFields)
      return yield* list(
        ctx,
        sorted.map((i) => withPublicOrganization(ctx.state, i))
      )
    })
}
