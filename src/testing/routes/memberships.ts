/**
 * Organization memberships: create (one per user and organization: 409 `already_a_member_in_organization`; the
 * organization's `max_allowed_memberships` is enforced), list per organization with filters, per user and
 * instance-wide, update the role, merge metadata, delete.
 *
 * @internal
 */
import * as Either from "effect/Either"
import type * as FakeHttp from "../FakeHttp.js"
import {
  body,
  type Ctx,
  fail,
  list,
  matchesQuery,
  metadataChange,
  notFound,
  ok,
  optRecord,
  orderBy,
  query,
  queryAll,
  reqString,
  type RouteTable
} from "../internal/http.js"
import { primaryEmail, renderMembership } from "../internal/render.js"
import type { MembershipRow, State } from "../internal/store.js"
import type { Env } from "./identifications.js"
import { addMembership, withOrganization } from "./organizations.js"

const findMembership = (state: State, organizationId: string, userId: string): MembershipRow | undefined =>
  [...state.memberships.values()].find((m) => m.organizationId === organizationId && m.userId === userId)

/**
 * Adds a membership after checking the user, duplicates and the organization's limit.
 *
 * @since 0.1.0
 * @category Testing
 */
export const createMembership = (
  env: Env,
  organizationId: string,
  userId: string,
  role: string,
  metadata: Parameters<typeof addMembership>[4] = {}
): Either.Either<MembershipRow, FakeHttp.FakeResponse> => {
  const org = env.state.organizations.get(organizationId)
  if (org === undefined) return notFound("Organization")
  if (!env.state.users.has(userId)) return notFound("User")
  if (findMembership(env.state, organizationId, userId) !== undefined) {
    return fail(409, {
      code: "already_a_member_in_organization",
      message: "already a member",
      long_message: `User ${userId} is already a member of the organization.`,
      meta: { param_name: "user_id" }
    })
  }
  const count = [...env.state.memberships.values()].filter((m) => m.organizationId === organizationId).length
  if (org.max_allowed_memberships > 0 && count >= org.max_allowed_memberships) {
    return fail(403, {
      code: "organization_membership_quota_exceeded",
      message: "Membership quota exceeded",
      long_message: `The organization has reached its limit of ${org.max_allowed_memberships} memberships.`
    })
  }
  return Either.right(addMembership(env, organizationId, userId, role, metadata))
}

const render = (ctx: Ctx, rows: ReadonlyArray<MembershipRow>) =>
  rows.flatMap((m) => {
    const rendered = renderMembership(ctx.state, m)
    return rendered === undefined ? [] : [rendered]
  })

const sortFields = (state: State) => {
  const user = (m: MembershipRow) => state.users.get(m.userId)?.user
  return {
    created_at: (m: MembershipRow) => m.createdAt,
    first_name: (m: MembershipRow) => user(m)?.first_name,
    last_name: (m: MembershipRow) => user(m)?.last_name,
    username: (m: MembershipRow) => user(m)?.username,
    email_address: (m: MembershipRow) => {
      const u = user(m)
      return u === undefined ? undefined : primaryEmail(state, u)
    },
    phone_number: () => ""
  }
}

const withMembership = (
  ctx: Ctx,
  f: (m: MembershipRow) => Either.Either<FakeHttp.FakeResponse, FakeHttp.FakeResponse>
) =>
  withOrganization(ctx, (org) => {
    const m = findMembership(ctx.state, org.id, ctx.params.user_id ?? "")
    return m === undefined ? notFound("Organization membership") : f(m)
  })

const save = (ctx: Ctx, m: MembershipRow, change: Partial<MembershipRow>) => {
  const next = { ...m, ...change, updatedAt: ctx.now }
  ctx.state.memberships.set(m.id, next)
  return ok(renderMembership(ctx.state, next))
}

/**
 * The membership routes.
 *
 * @since 0.1.0
 * @category Testing
 */
export const routes: RouteTable = {
  "POST /organizations/{organization_id}/memberships": (ctx) =>
    withOrganization(ctx, (org) =>
      Either.gen(function* () {
        const b = yield* body(ctx)
        const userId = yield* reqString(b, "user_id")
        const role = yield* reqString(b, "role")
        const row = yield* createMembership(ctx, org.id, userId, role, {
          publicMetadata: yield* optRecord(b, "public_metadata"),
          privateMetadata: yield* optRecord(b, "private_metadata")
        })
        return yield* ok(renderMembership(ctx.state, row))
      })
    ),
  "GET /organizations/{organization_id}/memberships": (ctx) =>
    withOrganization(ctx, (org) =>
      Either.gen(function* () {
        const userIds = new Set(queryAll(ctx, "user_id"))
        const roles = new Set(queryAll(ctx, "role"))
        const emails = new Set(queryAll(ctx, "email_address").map((e) => e.toLowerCase()))
        const usernames = new Set(queryAll(ctx, "username").map((e) => e.toLowerCase()))
        const q = query(ctx, "query")
        const rows = [...ctx.state.memberships.values()].filter((m) => {
          if (m.organizationId !== org.id) return false
          if (userIds.size > 0 && !userIds.has(m.userId)) return false
          if (roles.size > 0 && !roles.has(m.role)) return false
          const user = ctx.state.users.get(m.userId)?.user
          if (user === undefined) return false
          const userEmails = [...ctx.state.emailAddresses.values()]
            .filter((e) => e.userId === m.userId)
            .map((e) => e.wire.email_address)
          if (emails.size > 0 && !userEmails.some((e) => emails.has(e.toLowerCase()))) return false
          if (usernames.size > 0 && !usernames.has((user.username ?? "").toLowerCase())) return false
          return (
            q === undefined || matchesQuery(q, user.id, user.username, user.first_name, user.last_name, ...userEmails)
          )
        })
        return yield* list(ctx, render(ctx, yield* orderBy(ctx, rows, sortFields(ctx.state))))
      })
    ),
  "GET /organization_memberships": (ctx) =>
    Either.gen(function* () {
      const rows = yield* orderBy(ctx, [...ctx.state.memberships.values()], sortFields(ctx.state))
      return yield* list(ctx, render(ctx, rows))
    }),
  "GET /users/{user_id}/organization_memberships": (ctx) =>
    Either.gen(function* () {
      const userId = ctx.params.user_id ?? ""
      if (!ctx.state.users.has(userId)) return yield* notFound("User")
      const rows = [...ctx.state.memberships.values()].filter((m) => m.userId === userId)
      return yield* list(ctx, render(ctx, yield* orderBy(ctx, rows, sortFields(ctx.state))))
    }),
  "PATCH /organizations/{organization_id}/memberships/{user_id}": (ctx) =>
    withMembership(ctx, (m) =>
      Either.gen(function* () {
        const role = yield* reqString(yield* body(ctx), "role")
        return yield* save(ctx, m, { role })
      })
    ),
  "PATCH /organizations/{organization_id}/memberships/{user_id}/metadata": (ctx) =>
    withMembership(ctx, (m) =>
      Either.gen(function* () {
        const change = yield* metadataChange(
          yield* body(ctx),
          ["public_metadata", "private_metadata"],
          (key) => (key === "public_metadata" ? m.publicMetadata : m.privateMetadata),
          true
        )
        return yield* save(ctx, m, {
          ...(change.public_metadata !== undefined ? { publicMetadata: change.public_metadata } : {}),
          ...(change.private_metadata !== undefined ? { privateMetadata: change.private_metadata } : {})
        })
      })
    ),
  "DELETE /organizations/{organization_id}/memberships/{user_id}": (ctx) =>
    withMembership(ctx, (m) => {
      const rendered = renderMembership(ctx.state, m)
      ctx.state.memberships.delete(m.id)
      return ok(rendered)
    })
}
