/**
 * The `Organizations` service on the Effect side: Streams for every list, typed errors, decode failures, and the
 * operations `@clerk/backend` lacks (checked against the recorded request and the decoded result).
 */
import { assert, describe, it } from "@effect/vitest"
import { Chunk, Effect, Stream } from "effect"
import * as FakeHttp from "../src/testing/FakeHttp.js"
import {
  OrganizationDomain,
  OrganizationInvitation,
  OrganizationInvitationWithPublicOrganizationData
} from "../src/models/generated/schemas.js"
import { Organizations } from "../src/resources/Organizations.js"
import type { ClerkError } from "../src/services/ClerkErrors.js"
import {
  domainJson,
  invitationJson,
  invitationWithOrganizationJson,
  membershipJson,
  organizationJson
} from "./support/samples/organizations.js"
import { failureOf, overFakeHttp, recorded } from "./support/samples/users.js"

const O = organizationJson.id
const DOM = domainJson.id

const testLayer = (handler: FakeHttp.FakeHandler) => overFakeHttp(Organizations.Default, handler)
const strictLayer = (handler: FakeHttp.FakeHandler) =>
  overFakeHttp(Organizations.Default, handler, { responseValidation: "strict" })

/** A paged list endpoint over `total` copies of `item` (ids numbered), honouring limit/offset. */
const pages =
  (item: Record<string, unknown>, total: number): FakeHttp.FakeHandler =>
  (request) => {
    const limit = Number(request.query["limit"]?.[0])
    const offset = Number(request.query["offset"]?.[0])
    const count = Math.max(0, Math.min(limit, total - offset))
    return FakeHttp.json(200, {
      data: Array.from({ length: count }, (_, i) => ({ ...item, id: `${String(item["id"])}_${offset + i}` })),
      total_count: total
    })
  }

const collect = <A, E, R>(stream: Effect.Effect<Stream.Stream<A, E>, never, R>) =>
  Stream.runCollect(Stream.unwrap(stream))

describe("Organizations streams", () => {
  it.effect("getOrganizationListStream walks pages of 500 until totalCount, with the filters", () =>
    Effect.gen(function* () {
      const organizations = yield* collect(
        Organizations.getOrganizationListStream({ query: "engine", includeMembersCount: true })
      )
      assert.strictEqual(Chunk.size(organizations), 1201)
      const requests = yield* recorded
      assert.deepStrictEqual(
        requests.map((r) => r.query["offset"]?.[0]),
        ["0", "500", "1000"]
      )
      assert.deepStrictEqual(requests[2]?.query, {
        query: ["engine"],
        include_members_count: ["true"],
        limit: ["500"],
        offset: ["1000"]
      })
    }).pipe(Effect.provide(testLayer(pages(organizationJson, 1201))))
  )

  it.effect("every list has a Stream over its own endpoint", () =>
    Effect.gen(function* () {
      const streams: ReadonlyArray<
        readonly [string, Effect.Effect<Stream.Stream<unknown, ClerkError>, never, Organizations>]
      > = [
        ["/v1/organizations/{o}/memberships", Organizations.getOrganizationMembershipListStream({ organizationId: O })],
        ["/v1/organization_memberships", Organizations.getInstanceOrganizationMembershipListStream()],
        ["/v1/organizations/{o}/invitations", Organizations.getOrganizationInvitationListStream({ organizationId: O })],
        [
          "/v1/organizations/{o}/invitations/pending",
          Organizations.getPendingOrganizationInvitationListStream({ organizationId: O })
        ],
        [
          "/v1/organization_invitations",
          Organizations.getInstanceOrganizationInvitationListStream({ status: "pending" })
        ],
        ["/v1/organizations/{o}/domains", Organizations.getOrganizationDomainListStream({ organizationId: O })],
        ["/v1/organization_domains", Organizations.getInstanceOrganizationDomainListStream({ verified: true })]
      ]
      for (const [path, stream] of streams) {
        const items = yield* collect(stream)
        assert.strictEqual(Chunk.size(items), 3, path)
      }
      const requests = yield* recorded
      assert.deepStrictEqual(
        requests.map((r) => r.path.replace(O, "{o}")),
        streams.map(([path]) => path)
      )
      for (const request of requests) assert.deepStrictEqual(request.query["limit"], ["500"])
    }).pipe(
      Effect.provide(
        testLayer(
          FakeHttp.routes({
            "GET /v1/organizations/{organization_id}/memberships": pages(membershipJson, 3),
            "GET /v1/organization_memberships": pages(membershipJson, 3),
            "GET /v1/organizations/{organization_id}/invitations": pages(invitationJson, 3),
            "GET /v1/organizations/{organization_id}/invitations/pending": pages(invitationJson, 3),
            "GET /v1/organization_invitations": pages(invitationWithOrganizationJson, 3),
            "GET /v1/organizations/{organization_id}/domains": pages(domainJson, 3),
            "GET /v1/organization_domains": pages(domainJson, 3)
          })
        )
      )
    )
  )
})

describe("Organizations errors", () => {
  it.effect("a 404 is a typed ClerkNotFoundError", () =>
    Effect.gen(function* () {
      const error = yield* failureOf(Organizations.getOrganization({ slug: "nope" }))
      assert.strictEqual(error._tag, "ClerkNotFoundError")
      const [request] = yield* recorded
      assert.strictEqual(request?.path, "/v1/organizations/nope")
    }).pipe(
      Effect.provide(testLayer(() => FakeHttp.clerkError(404, [{ code: "resource_not_found", message: "nope" }])))
    )
  )

  it.effect("in strict mode, a membership missing its organization fails with a ClerkDecodeError naming it", () =>
    Effect.gen(function* () {
      const error = yield* failureOf(Organizations.getOrganizationMembershipList({ organizationId: O }))
      assert.strictEqual(error._tag, "ClerkDecodeError")
      if (error._tag === "ClerkDecodeError") assert.include(error.issue, `["organization"]`)
    }).pipe(
      Effect.provide(
        strictLayer(() => {
          const { organization: _, ...broken } = membershipJson
          return FakeHttp.json(200, { data: [broken], total_count: 1 })
        })
      )
    )
  )

  it.effect("bad input is rejected before any request", () =>
    Effect.gen(function* () {
      const checks: ReadonlyArray<Effect.Effect<unknown, ClerkError, Organizations>> = [
        Organizations.getOrganization({ organizationId: "" }),
        Organizations.updateOrganizationLogo(O, { file: 42 as unknown as Blob }),
        Organizations.deleteOrganizationDomain({ organizationId: O, domainId: ".." }),
        Organizations.revokeOrganizationInvitation({ organizationId: O, invitationId: "" })
      ]
      for (const check of checks) {
        const error = yield* failureOf(check)
        assert.strictEqual(error._tag, "ClerkInvalidRequestError")
      }
      assert.strictEqual((yield* recorded).length, 0)
    }).pipe(Effect.provide(testLayer(() => FakeHttp.json(200, organizationJson))))
  )
})

describe("Organizations operations @clerk/backend lacks", () => {
  it.effect("getInstanceOrganizationInvitationList: GET /organization_invitations with filters", () =>
    Effect.gen(function* () {
      const page = yield* Organizations.getInstanceOrganizationInvitationList({
        status: "pending",
        query: "charles",
        orderBy: "-created_at",
        limit: 10,
        offset: 0
      })
      assert.strictEqual(page.totalCount, 1)
      assert.instanceOf(page.data[0], OrganizationInvitationWithPublicOrganizationData)
      assert.strictEqual(page.data[0]?.publicOrganizationData?.name, "Analytical Engines")
      const [request] = yield* recorded
      assert.strictEqual(request?.path, "/v1/organization_invitations")
      assert.deepStrictEqual(request?.query, {
        status: ["pending"],
        query: ["charles"],
        order_by: ["-created_at"],
        limit: ["10"],
        offset: ["0"]
      })
    }).pipe(
      Effect.provide(testLayer(() => FakeHttp.json(200, { data: [invitationWithOrganizationJson], total_count: 1 })))
    )
  )

  it.effect("getPendingOrganizationInvitationList: GET /organizations/{id}/invitations/pending", () =>
    Effect.gen(function* () {
      const page = yield* Organizations.getPendingOrganizationInvitationList({ organizationId: O, limit: 5 })
      assert.instanceOf(page.data[0], OrganizationInvitation)
      const [request] = yield* recorded
      assert.strictEqual(`${request?.method} ${request?.path}`, `GET /v1/organizations/${O}/invitations/pending`)
      assert.deepStrictEqual(request?.query, { limit: ["5"] })
    }).pipe(Effect.provide(testLayer(() => FakeHttp.json(200, { data: [invitationJson], total_count: 1 }))))
  )

  it.effect("verifyOrganizationDomainOwnership: a bodiless POST returning the domain", () =>
    Effect.gen(function* () {
      const domain = yield* Organizations.verifyOrganizationDomainOwnership({ organizationId: O, domainId: DOM })
      assert.instanceOf(domain, OrganizationDomain)
      assert.strictEqual(domain.ownershipVerification?.status, "verified")
      assert.strictEqual(domain.ownership_verification?.verified_at, 1700000200000)
      const [request] = yield* recorded
      assert.strictEqual(
        `${request?.method} ${request?.path}`,
        `POST /v1/organizations/${O}/domains/${DOM}/verify_ownership`
      )
      assert.strictEqual(request?.bodyText, undefined)
    }).pipe(
      Effect.provide(
        testLayer(() =>
          FakeHttp.json(200, {
            ...domainJson,
            ownership_verification: {
              status: "verified",
              strategy: "dns_record",
              attempts: 1,
              expire_at: null,
              verified_at: 1700000200000
            }
          })
        )
      )
    )
  )

  it.effect("getInstanceOrganizationDomainList: enrollment_mode comma-separated, domains repeated", () =>
    Effect.gen(function* () {
      const page = yield* Organizations.getInstanceOrganizationDomainList({
        enrollmentMode: ["automatic_invitation", "-enterprise_sso"],
        domains: ["analytical.example", "engines.example"],
        verified: false,
        organizationId: O
      })
      assert.strictEqual(page.data[0]?.enrollment_mode, "automatic_invitation")
      const [request] = yield* recorded
      assert.strictEqual(request?.path, "/v1/organization_domains")
      assert.deepStrictEqual(request?.query, {
        enrollment_mode: ["automatic_invitation,-enterprise_sso"],
        domains: ["analytical.example", "engines.example"],
        verified: ["false"],
        organization_id: [O]
      })
    }).pipe(Effect.provide(testLayer(() => FakeHttp.json(200, { data: [domainJson], total_count: 1 }))))
  )

  it.effect("getOrganizationBillingCreditBalance / adjustOrganizationBillingCreditBalance", () =>
    Effect.gen(function* () {
      const balance = yield* Organizations.getOrganizationBillingCreditBalance(O)
      assert.isNull(balance.balance)
      const entry = yield* Organizations.adjustOrganizationBillingCreditBalance(O, {
        amount: 2500,
        action: "decrease",
        currency: "EUR",
        idempotencyKey: "org-adj-1"
      })
      assert.strictEqual(entry.payerId, "payer_1")
      const [get, post] = yield* recorded
      assert.strictEqual(`${get?.method} ${get?.path}`, `GET /v1/organizations/${O}/billing/credits`)
      assert.strictEqual(`${post?.method} ${post?.path}`, `POST /v1/organizations/${O}/billing/credits`)
      assert.deepStrictEqual(post?.body, {
        amount: 2500,
        action: "decrease",
        currency: "EUR",
        idempotency_key: "org-adj-1"
      })
    }).pipe(
      Effect.provide(
        testLayer(
          FakeHttp.routes({
            "GET /v1/organizations/{organization_id}/billing/credits": () =>
              FakeHttp.json(200, { object: "commerce_credit_balance", balance: null }),
            "POST /v1/organizations/{organization_id}/billing/credits": () =>
              FakeHttp.json(200, {
                object: "commerce_credit_ledger",
                id: "ccl_1",
                payer_id: "payer_1",
                amount: { amount: 2500, amount_formatted: "€25.00", currency: "EUR", currency_symbol: "€" },
                source_type: "manual",
                source_id: "src_1",
                note: null,
                created_at: "2026-01-01T00:00:00Z"
              })
          })
        )
      )
    )
  )
})
