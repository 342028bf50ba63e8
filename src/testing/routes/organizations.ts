/**
 * Organizations: create (the creator becomes an admin member), get by id or slug, list with `query`, filters and
 * `include_members_count`, update, metadata merge (PATCH, deep) and replace (PUT), logo upload (multipart) and
 * delete, and delete with its cascade. Slugs are unique (422 `form_identifier_exists`).
 *
 * @internal
 */
import * as Either from "effect/Either"
import type * as FakeHttp from "../FakeHttp.js"
import type * as S from "../../models/generated/schemas.js"
import {
  type Body,
  body,
  type Ctx,
  deleted,
  invalid,
  list,
  matchesQuery,
  metadataChange,
  notFound,
  ok,
  optBool,
  optInt,
  optRecord,
  optString,
  orderBy,
  query,
  queryAll,
  queryBool,
  reqString,
  type RouteTable,
  uniqueString,
  uploadedFile
} from "../internal/http.js"
import { defaultImageUrl, renderOrganization } from "../internal/render.js"
import type { MembershipRow, State, Wire } from "../internal/store.js"
import type { Env } from "./identifications.js"

type Org = Wire<typeof S.Organization>

/**
 * Adds a membership without checks (used when an organization is created).
 *
 * @since 0.1.0
 * @category Testing
 */
export const addMembership = (
  env: Env,
  organizationId: string,
  userId: string,
  role: string,
  metadata: {
    readonly publicMetadata?: Readonly<Record<string, unknown>> | undefined
    readonly privateMetadata?: Readonly<Record<string, unknown>> | undefined
  } = {}
): MembershipRow => {
  const row: MembershipRow = {
    id: env.ids.id("orgmem"),
    organizationId,
    userId,
    role,
    publicMetadata: metadata.publicMetadata ?? {},
    privateMetadata: metadata.privateMetadata ?? {},
    createdAt: env.now,
    updatedAt: env.now
  }
  env.state.memberships.set(row.id, row)
  return row
}

const SLUG = /^[a-z0-9][a-z0-9_-]*$/

const slugTaken = (state: State, slug: string, except?: string): boolean => {
  for (const org of state.organizations.values()) if (org.id !== except && org.slug === slug) return true
  return false
}

const slugify = (name: string): string =>
  name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "") || "organization"

const checkSlug = (state: State, b: Body, except?: string) =>
  uniqueString(b, "slug", {
    what: "slug",
    format: SLUG,
    formatHint: "must contain only lowercase letters, digits, '-' and '_'.",
    taken: (slug) => slugTaken(state, slug, except)
  })

/**
 * Finds an organization by id, or by slug (the path segment accepts both).
 *
 * @since 0.1.0
 * @category Testing
 */
export const findOrganization = (state: State, idOrSlug: string): Org | undefined =>
  state.organizations.get(idOrSlug) ?? [...state.organizations.values()].find((o) => o.slug === idOrSlug)

/**
 * Creates an organization from a `POST /organizations` body; `created_by` becomes its first admin.
 *
 * @since 0.1.0
 * @category Testing
 */
export const createOrganization = (env: Env, b: Body): Either.Either<Org, FakeHttp.FakeResponse> =>
  Either.gen(function* () {
    const name = yield* reqString(b, "name")
    const createdBy = yield* optString(b, "created_by")
    if (createdBy !== undefined && !env.state.users.has(createdBy)) {
      return yield* invalid("created_by", "does not match any user.")
    }
    let slug = yield* checkSlug(env.state, b)
    if (slug === undefined) {
      const base = slugify(name)
      slug = base
      for (let n = 2; slugTaken(env.state, slug); n++) slug = `${base}-${n}`
    }
    const createdAt = yield* optString(b, "created_at")
    const id = env.ids.id("org")
    const org: Org = {
      object: "organization",
      id,
      name,
      slug,
      image_url: defaultImageUrl(id),
      has_image: false,
      max_allowed_memberships: (yield* optInt(b, "max_allowed_memberships")) ?? 0,
      admin_delete_enabled: true,
      public_metadata: (yield* optRecord(b, "public_metadata")) ?? {},
      private_metadata: (yield* optRecord(b, "private_metadata")) ?? {},
      ...(createdBy !== undefined ? { created_by: createdBy } : {}),
      role_set_key: (yield* optString(b, "role_set_key")) ?? null,
      created_at: createdAt !== undefined && !Number.isNaN(Date.parse(createdAt)) ? Date.parse(createdAt) : env.now,
      updated_at: env.now
    }
    env.state.organizations.set(id, org)
    if (createdBy !== undefined) addMembership(env, id, createdBy, "org:admin")
    return org
  })

/**
 * Deletes an organization with its memberships, invitations and domains.
 *
 * @since 0.1.0
 * @category Testing
 */
export const deleteOrganization = (state: State, id: string): void => {
  for (const [k, m] of state.memberships) if (m.organizationId === id) state.memberships.delete(k)
  for (const [k, i] of state.organizationInvitations)
    if (i.organization_id === id) state.organizationInvitations.delete(k)
  for (const [k, d] of state.organizationDomains) if (d.organization_id === id) state.organizationDomains.delete(k)
  state.organizations.delete(id)
}

/**
 * Runs `f` with the organization named by the `organization_id` path parameter (id or slug), or answers 404.
 *
 * @since 0.1.0
 * @category Testing
 */
export const withOrganization = (
  ctx: Ctx,
  f: (org: Org) => Either.Either<FakeHttp.FakeResponse, FakeHttp.FakeResponse>
) => {
  const org = findOrganization(ctx.state, ctx.params.organization_id ?? "")
  return org === undefined ? notFound("Organization") : f(org)
}

const save = (ctx: Ctx, org: Org, change: Partial<Org>): Org => {
  const next = { ...org, ...change, updated_at: ctx.now }
  ctx.state.organizations.set(org.id, next)
  return next
}

const METADATA = ["public_metadata", "private_metadata"] as const

const updateMetadata = (ctx: Ctx, org: Org, merge: boolean) =>
  Either.gen(function* () {
    const b = yield* body(ctx)
    return yield* ok(save(ctx, org, yield* metadataChange(b, METADATA, (key) => org[key], merge)))
  })

/**
 * The organization routes.
 *
 * @since 0.1.0
 * @category Testing
 */
export const routes: RouteTable = {
  "POST /organizations": (ctx) =>
    Either.gen(function* () {
      return yield* ok(yield* createOrganization(ctx, yield* body(ctx)))
    }),
  "GET /organizations": (ctx) =>
    Either.gen(function* () {
      const q = query(ctx, "query")
      const ids = new Set(queryAll(ctx, "organization_id"))
      const userIds = new Set(queryAll(ctx, "user_id"))
      const counts = (yield* queryBool(ctx, "include_members_count")) === true
      const memberOf = new Set(
        [...ctx.state.memberships.values()].filter((m) => userIds.has(m.userId)).map((m) => m.organizationId)
      )
      const orgs = [...ctx.state.organizations.values()]
        .filter(
          (o) =>
            (q === undefined || matchesQuery(q, o.id, o.name, o.slug)) &&
            (ids.size === 0 || ids.has(o.id)) &&
            (userIds.size === 0 || memberOf.has(o.id))
        )
        .map((o) => renderOrganization(ctx.state, o, true))
      const sorted = yield* orderBy(ctx, orgs, {
        created_at: (o) => o.created_at,
        name: (o) => o.name,
        members_count: (o) => o.members_count
      })
      return yield* list(
        ctx,
        counts ? sorted : sorted.map(({ members_count: _m, pending_invitations_count: _p, ...o }) => o)
      )
    }),
  "GET /organizations/{organization_id}": (ctx) =>
    withOrganization(ctx, (org) =>
      Either.gen(function* () {
        const counts = (yield* queryBool(ctx, "include_members_count")) === true
        return yield* ok(renderOrganization(ctx.state, org, counts))
      })
    ),
  "PATCH /organizations/{organization_id}": (ctx) =>
    withOrganization(ctx, (org) =>
      Either.gen(function* () {
        const b = yield* body(ctx)
        const change: { -readonly [K in keyof Org]?: Org[K] } = {}
        const name = yield* optString(b, "name")
        if (name !== undefined) change.name = name
        const slug = yield* checkSlug(ctx.state, b, org.id)
        if (slug !== undefined) change.slug = slug
        const max = yield* optInt(b, "max_allowed_memberships")
        if (max !== undefined) change.max_allowed_memberships = max
        const adminDelete = yield* optBool(b, "admin_delete_enabled")
        if (adminDelete !== undefined) change.admin_delete_enabled = adminDelete
        Object.assign(change, yield* metadataChange(b, METADATA, (key) => org[key], false))
        return yield* ok(save(ctx, org, change))
      })
    ),
  "PATCH /organizations/{organization_id}/metadata": (ctx) =>
    withOrganization(ctx, (org) => updateMetadata(ctx, org, true)),
  "PUT /organizations/{organization_id}/metadata": (ctx) =>
    withOrganization(ctx, (org) => updateMetadata(ctx, org, false)),
  "PUT /organizations/{organization_id}/logo": (ctx) =>
    withOrganization(ctx, (org) =>
      Either.flatMap(uploadedFile(ctx), () => {
        const url = `https://img.clerk.com/fake/uploaded/${ctx.ids.secret("img", 16)}`
        return ok({ ...save(ctx, org, { image_url: url, has_image: true }), logo_url: url })
      })
    ),
  "DELETE /organizations/{organization_id}/logo": (ctx) =>
    withOrganization(ctx, (org) => ok(save(ctx, org, { image_url: defaultImageUrl(org.id), has_image: false }))),
  "DELETE /organizations/{organization_id}": (ctx) =>
    withOrganization(ctx, (org) => {
      deleteOrganization(ctx.state, org.id)
      return deleted("organization", org.id, { slug: org.slug })
    })
}
