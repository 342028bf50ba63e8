/**
 * Organization domains: create (names are unique across the instance), list per organization and instance-wide with
 * filters, update, verify ownership, delete.
 *
 * @internal
 */
import * as Either from "effect/Either"
import type * as S from "../../models/generated/schemas.js"
import {
  body,
  type Ctx,
  deleted,
  identifierExists,
  invalid,
  list,
  matchesQuery,
  notFound,
  ok,
  optBool,
  optString,
  orderBy,
  query,
  queryAll,
  queryBool,
  reqString,
  type RouteTable
} from "../internal/http.js"
import { publicOrganizationData } from "../internal/render.js"
import type { Wire } from "../internal/store.js"
import { withOrganization } from "./organizations.js"

type Domain = Wire<typeof S.OrganizationDomain>

const MODES = ["manual_invitation", "automatic_invitation", "automatic_suggestion", "enterprise_sso"]

const verifiedAt = (now: number) => ({
  status: "verified",
  strategy: "admin",
  attempts: null,
  expire_at: null,
  verified_at: now
})

const checkName = (ctx: Ctx, name: string, except?: string) => {
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(name)) return invalid("name", "must be a domain name such as example.com.")
  for (const d of ctx.state.organizationDomains.values()) {
    if (d.id !== except && d.name.toLowerCase() === name.toLowerCase()) return identifierExists("name", "domain")
  }
  return Either.right(name)
}

const checkMode = (mode: string | undefined) =>
  mode === undefined || MODES.includes(mode)
    ? Either.right(mode)
    : invalid("enrollment_mode", `must be one of ${MODES.join(", ")}.`)

const filtered = (ctx: Ctx, domains: ReadonlyArray<Domain>) =>
  Either.gen(function* () {
    const verified = yield* queryBool(ctx, "verified")
    const modes = new Set(queryAll(ctx, "enrollment_mode"))
    return domains.filter(
      (d) =>
        (verified === undefined || (d.verification?.status === "verified") === verified) &&
        (modes.size === 0 || modes.has(d.enrollment_mode))
    )
  })

const withDomain = (ctx: Ctx, f: (domain: Domain) => ReturnType<typeof ok>) =>
  withOrganization(ctx, (org) => {
    const domain = ctx.state.organizationDomains.get(ctx.params.domain_id ?? "")
    return domain === undefined || domain.organization_id !== org.id ? notFound("Organization domain") : f(domain)
  })

const save = (ctx: Ctx, domain: Domain) => {
  const next = { ...domain, updated_at: ctx.now }
  ctx.state.organizationDomains.set(domain.id, next)
  return ok(next)
}

/**
 * The organization domain routes.
 *
 * @since 0.1.0
 * @category Testing
 */
export const routes: RouteTable = {
  "POST /organizations/{organization_id}/domains": (ctx) =>
    withOrganization(ctx, (org) =>
      Either.gen(function* () {
        const b = yield* body(ctx)
        const name = yield* checkName(ctx, yield* reqString(b, "name"))
        const mode = (yield* checkMode(yield* optString(b, "enrollment_mode"))) ?? "manual_invitation"
        const verification = (yield* optBool(b, "verified")) === true ? verifiedAt(ctx.now) : null
        const domain: Domain = {
          object: "organization_domain",
          id: ctx.ids.id("orgdmn"),
          organization_id: org.id,
          name,
          enrollment_mode: mode,
          affiliation_email_address: null,
          affiliation_verification: null,
          ownership_verification: verification,
          verification,
          total_pending_invitations: 0,
          total_pending_suggestions: 0,
          public_organization_data: publicOrganizationData(org),
          created_at: ctx.now,
          updated_at: ctx.now
        }
        ctx.state.organizationDomains.set(domain.id, domain)
        return yield* ok(domain)
      })
    ),
  "GET /organizations/{organization_id}/domains": (ctx) =>
    withOrganization(ctx, (org) =>
      Either.gen(function* () {
        const all = [...ctx.state.organizationDomains.values()].filter((d) => d.organization_id === org.id)
        return yield* list(ctx, yield* filtered(ctx, all))
      })
    ),
  "GET /organization_domains": (ctx) =>
    Either.gen(function* () {
      const orgIds = new Set(queryAll(ctx, "organization_id"))
      const names = new Set(
        queryAll(ctx, "domains")
          .flatMap((d) => d.split(","))
          .map((d) => d.toLowerCase())
      )
      const q = query(ctx, "query")
      const all = [...ctx.state.organizationDomains.values()].filter(
        (d) =>
          (orgIds.size === 0 || orgIds.has(d.organization_id)) &&
          (names.size === 0 || names.has(d.name.toLowerCase())) &&
          (q === undefined || matchesQuery(q, d.name))
      )
      const sorted = yield* orderBy(ctx, yield* filtered(ctx, all), {
        created_at: (d) => d.created_at,
        name: (d) => d.name
      })
      return yield* list(ctx, sorted)
    }),
  "PATCH /organizations/{organization_id}/domains/{domain_id}": (ctx) =>
    withDomain(ctx, (domain) =>
      Either.gen(function* () {
        const b = yield* body(ctx)
        const rawName = yield* optString(b, "name")
        const name = rawName === undefined ? domain.name : yield* checkName(ctx, rawName, domain.id)
        const mode = (yield* checkMode(yield* optString(b, "enrollment_mode"))) ?? domain.enrollment_mode
        const verified = yield* optBool(b, "verified")
        const verification = verified === undefined ? domain.verification : verified ? verifiedAt(ctx.now) : null
        return yield* save(ctx, {
          ...domain,
          name,
          enrollment_mode: mode,
          verification,
          ownership_verification: verification
        })
      })
    ),
  "POST /organizations/{organization_id}/domains/{domain_id}/verify_ownership": (ctx) =>
    withDomain(ctx, (domain) =>
      save(ctx, { ...domain, ownership_verification: verifiedAt(ctx.now), verification: verifiedAt(ctx.now) })
    ),
  "DELETE /organizations/{organization_id}/domains/{domain_id}": (ctx) =>
    withDomain(ctx, (domain) => {
      ctx.state.organizationDomains.delete(domain.id)
      return deleted("organization_domain", domain.id)
    })
}
