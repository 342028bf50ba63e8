/**
 * `organizations` against `@clerk/backend` 3.25.0: every method sends the same requests and returns the same data.
 */
import { describe, expect, it } from "vitest"
import { dataMismatches, expectSameOutcome, expectSameRequests, runBoth } from "./support/differential.js"
import {
  bareOrganizationJson,
  domainJson,
  invitationJson,
  membershipJson,
  organizationJson
} from "./support/samples/organizations.js"
import { respond, same } from "./support/samples/users.js"

const O = organizationJson.id
const V1 = `/v1/organizations/${O}`
const USER = "user_2ada0Lovelace00000000000"
const INV = invitationJson.id
const DOM = domainJson.id

const page = <A>(data: ReadonlyArray<A>, totalCount = data.length) => ({ data, total_count: totalCount })

describe("organizations vs @clerk/backend: organizations", () => {
  it("getOrganizationList with filters", async () => {
    await same(respond({ "GET /v1/organizations": page([organizationJson, bareOrganizationJson], 9) }), (c) =>
      c.organizations.getOrganizationList({
        limit: 2,
        offset: 2,
        includeMembersCount: true,
        query: "engine",
        orderBy: "-members_count",
        organizationId: [O, bareOrganizationJson.id]
      })
    )
  })

  it("getOrganizationList without params", async () => {
    await same(respond({ "GET /v1/organizations": page([organizationJson]) }), (c) =>
      c.organizations.getOrganizationList()
    )
  })

  it("getOrganization by id and by slug; a bare organization gets imageUrl '' and privateMetadata {}", async () => {
    await same(respond({ [`GET ${V1}`]: organizationJson }), (c) =>
      c.organizations.getOrganization({ organizationId: O, includeMembersCount: true })
    )
    const bare = await same(respond({ "GET /v1/organizations/bare": bareOrganizationJson }), (c) =>
      c.organizations.getOrganization({ slug: "bare" })
    )
    expect(bare.ours.result).toMatchObject({ imageUrl: "", privateMetadata: {} })
  })

  it("createOrganization snake-cases top-level keys only", async () => {
    await same(respond({ "POST /v1/organizations": organizationJson }), (c) =>
      c.organizations.createOrganization({
        name: "Analytical Engines",
        slug: "analytical",
        createdBy: USER,
        maxAllowedMemberships: 50,
        publicMetadata: { tier: "enterprise", billingInfo: { seatCount: 50 } }
      })
    )
  })

  it("updateOrganization: one PATCH without metadata, PATCH then PUT with it, a lone PUT with only metadata", async () => {
    await same(respond({ [`PATCH ${V1}`]: organizationJson }), (c) =>
      c.organizations.updateOrganization(O, { name: "AE", adminDeleteEnabled: false, maxAllowedMemberships: 10 })
    )
    const split = await same(
      respond({ [`PATCH ${V1}`]: bareOrganizationJson, [`PUT ${V1}/metadata`]: organizationJson }),
      (c) => c.organizations.updateOrganization(O, { slug: "ae", publicMetadata: { tier: "pro" } })
    )
    expect(split.ours.requests.map((r) => r.method)).toEqual(["PATCH", "PUT"])
    expect(split.ours.result).toMatchObject({ id: O })
    const lone = await same(respond({ [`PUT ${V1}/metadata`]: organizationJson }), (c) =>
      c.organizations.updateOrganization(O, { privateMetadata: { crmId: 1 } })
    )
    expect(lone.ours.requests).toHaveLength(1)
  })

  it("updateOrganizationLogo sends multipart `file` and `uploader_user_id`", async () => {
    const withLogo = { ...organizationJson, logo_url: "https://img.clerk.com/org.png" }
    const result = await same(respond({ [`PUT ${V1}/logo`]: withLogo }), (c) =>
      c.organizations.updateOrganizationLogo(O, {
        file: new Blob(["logo"], { type: "image/png" }),
        uploaderUserId: USER
      })
    )
    expect(result.ours.requests[0]?.formData?.map(([key]) => key)).toEqual(["file", "uploader_user_id"])
    await same(respond({ [`PUT ${V1}/logo`]: withLogo }), (c) =>
      c.organizations.updateOrganizationLogo(O, { file: new Blob(["logo"]) })
    )
  })

  it("deleteOrganizationLogo, metadata merge/replace and deleteOrganization", async () => {
    await same(respond({ [`DELETE ${V1}/logo`]: bareOrganizationJson }), (c) =>
      c.organizations.deleteOrganizationLogo(O)
    )
    const metadata = { publicMetadata: { nestedKey: { innerKey: null } }, privateMetadata: { a: 1 } }
    await same(respond({ [`PATCH ${V1}/metadata`]: organizationJson }), (c) =>
      c.organizations.updateOrganizationMetadata(O, metadata)
    )
    await same(respond({ [`PUT ${V1}/metadata`]: organizationJson }), (c) =>
      c.organizations.replaceOrganizationMetadata(O, metadata)
    )
    await same(
      respond({ [`DELETE ${V1}`]: { object: "organization", id: O, slug: "analytical", deleted: true } }),
      (c) => c.organizations.deleteOrganization(O)
    )
  })
})

describe("organizations vs @clerk/backend: memberships", () => {
  it("getOrganizationMembershipList with every filter", async () => {
    await same(respond({ [`GET ${V1}/memberships`]: page([membershipJson], 30) }), (c) =>
      c.organizations.getOrganizationMembershipList({
        organizationId: O,
        limit: 1,
        offset: 5,
        orderBy: "+first_name",
        userId: [USER],
        emailAddress: ["ada@example.com"],
        role: ["org:admin", "org:member"],
        query: "ada",
        nameQuery: "love",
        lastActiveAtAfter: 1690000000000,
        createdAtBefore: 1700000000001
      })
    )
  })

  it("getInstanceOrganizationMembershipList", async () => {
    await same(respond({ "GET /v1/organization_memberships": page([membershipJson]) }), (c) =>
      c.organizations.getInstanceOrganizationMembershipList({ limit: 50, offset: 50, orderBy: "-created_at" })
    )
  })

  it("create, update, update metadata and delete a membership", async () => {
    await same(respond({ [`POST ${V1}/memberships`]: membershipJson }), (c) =>
      c.organizations.createOrganizationMembership({ organizationId: O, userId: USER, role: "org:admin" })
    )
    await same(respond({ [`PATCH ${V1}/memberships/${USER}`]: membershipJson }), (c) =>
      c.organizations.updateOrganizationMembership({ organizationId: O, userId: USER, role: "org:member" })
    )
    await same(respond({ [`PATCH ${V1}/memberships/${USER}/metadata`]: membershipJson }), (c) =>
      c.organizations.updateOrganizationMembershipMetadata({
        organizationId: O,
        userId: USER,
        publicMetadata: { department: "math" },
        privateMetadata: { reviewerOf: ["x"] }
      })
    )
    await same(respond({ [`DELETE ${V1}/memberships/${USER}`]: membershipJson }), (c) =>
      c.organizations.deleteOrganizationMembership({ organizationId: O, userId: USER })
    )
  })
})

describe("organizations vs @clerk/backend: invitations", () => {
  it("getOrganizationInvitationList with statuses (repeated keys)", async () => {
    const result = await same(respond({ [`GET ${V1}/invitations`]: page([invitationJson], 4) }), (c) =>
      c.organizations.getOrganizationInvitationList({
        organizationId: O,
        status: ["pending", "expired"],
        limit: 1,
        offset: 1
      })
    )
    expect(result.ours.requests[0]?.query.filter(([key]) => key === "status")).toHaveLength(2)
  })

  it("createOrganizationInvitation, bulk (array body), get and revoke", async () => {
    await same(respond({ [`POST ${V1}/invitations`]: invitationJson }), (c) =>
      c.organizations.createOrganizationInvitation({
        organizationId: O,
        emailAddress: "charles@example.com",
        role: "org:member",
        inviterUserId: USER,
        expiresInDays: 7,
        redirectUrl: "https://app.example.com/welcome",
        publicMetadata: { teamName: "engines" }
      })
    )
    const bulk = await same(
      respond({ [`POST ${V1}/invitations/bulk`]: page([invitationJson, { ...invitationJson, id: "orginv_2" }]) }),
      (c) =>
        c.organizations.createOrganizationInvitationBulk(O, [
          { emailAddress: "charles@example.com", role: "org:member", inviterUserId: USER },
          { emailAddress: "mary@example.com", role: "org:admin", publicMetadata: { someKey: 1 } }
        ])
    )
    expect(Array.isArray(bulk.ours.requests[0]?.body)).toBe(true)
    await same(respond({ [`GET ${V1}/invitations/${INV}`]: invitationJson }), (c) =>
      c.organizations.getOrganizationInvitation({ organizationId: O, invitationId: INV })
    )
    await same(respond({ [`POST ${V1}/invitations/${INV}/revoke`]: { ...invitationJson, status: "revoked" } }), (c) =>
      c.organizations.revokeOrganizationInvitation({ organizationId: O, invitationId: INV, requestingUserId: USER })
    )
    await same(respond({ [`POST ${V1}/invitations/${INV}/revoke`]: { ...invitationJson, status: "revoked" } }), (c) =>
      c.organizations.revokeOrganizationInvitation({ organizationId: O, invitationId: INV })
    )
  })
})

describe("organizations vs @clerk/backend: domains (raw JSON there, snake_case readable here)", () => {
  it("getOrganizationDomainList", async () => {
    await same(respond({ [`GET ${V1}/domains`]: page([domainJson]) }), (c) =>
      c.organizations.getOrganizationDomainList({ organizationId: O, limit: 10, offset: 10 })
    )
  })

  it("createOrganizationDomain sends verified: true by default, and an explicit false", async () => {
    const byDefault = await same(respond({ [`POST ${V1}/domains`]: domainJson }), (c) =>
      c.organizations.createOrganizationDomain({
        organizationId: O,
        name: "analytical.example",
        enrollmentMode: "automatic_invitation"
      })
    )
    expect(byDefault.ours.requests[0]?.body).toMatchObject({ verified: true, enrollment_mode: "automatic_invitation" })
    await same(respond({ [`POST ${V1}/domains`]: domainJson }), (c) =>
      c.organizations.createOrganizationDomain({
        organizationId: O,
        name: "analytical.example",
        enrollmentMode: "manual_invitation",
        verified: false
      })
    )
  })

  it("updateOrganizationDomain and deleteOrganizationDomain", async () => {
    await same(respond({ [`PATCH ${V1}/domains/${DOM}`]: domainJson }), (c) =>
      c.organizations.updateOrganizationDomain({
        organizationId: O,
        domainId: DOM,
        enrollmentMode: "manual_invitation"
      })
    )
    await same(
      respond({ [`DELETE ${V1}/domains/${DOM}`]: { object: "organization_domain", id: DOM, deleted: true } }),
      (c) => c.organizations.deleteOrganizationDomain({ organizationId: O, domainId: DOM })
    )
  })
})

describe("organizations vs @clerk/backend: errors and deliberate differences", () => {
  it("a 404 fails both with the same status", async () => {
    const result = await runBoth(
      respond({}),
      (c) => c.organizations.getOrganization({ organizationId: "org_missing" }),
      (c) => c.organizations.getOrganization({ organizationId: "org_missing" })
    )
    expectSameRequests(result)
    expectSameOutcome(result)
  })

  it("includeMembersCount: false is sent (the reference drops it)", async () => {
    const result = await runBoth(
      respond({ [`GET ${V1}`]: organizationJson }),
      (c) => c.organizations.getOrganization({ organizationId: O, includeMembersCount: false }),
      (c) => c.organizations.getOrganization({ organizationId: O, includeMembersCount: false })
    )
    expect(result.reference.requests[0]?.query).toEqual([])
    expect(result.ours.requests[0]?.query).toEqual([["include_members_count", "false"]])
    expect(dataMismatches(result.reference.result, result.ours.result)).toEqual([])
  })

  it("updateOrganizationMembershipMetadata rejects empty ids (the reference requests /organizations//memberships/...)", async () => {
    const result = await runBoth(
      respond({}),
      (c) => c.organizations.updateOrganizationMembershipMetadata({ organizationId: "", userId: USER }),
      (c) => c.organizations.updateOrganizationMembershipMetadata({ organizationId: "", userId: USER })
    )
    expect(result.reference.requests).toHaveLength(1)
    expect(result.ours.requests).toEqual([])
    expect(result.ours.error).toBeInstanceOf(Error)
  })
})
