/**
 * `users` against `@clerk/backend` 3.25.0: every method sends the same requests and returns the same data.
 */
import { createClerkClient as createReferenceClient } from "@clerk/backend"
import { describe, expect, it } from "vitest"
import { createClerkClient } from "../src/promise/createClerkClient.js"
import { dataMismatches, expectSameOutcome, expectSameRequests, runBoth, SECRET_KEY } from "./support/differential.js"
import { invitationWithOrganizationJson as invitationJson, membershipJson } from "./support/samples/organizations.js"
import {
  type Call,
  emailAddressJson,
  phoneNumberJson,
  respond,
  same,
  sparseUserJson,
  userJson,
  userWithId
} from "./support/samples/users.js"

const U = userJson.id
const V1 = `/v1/users/${U}`

const deleted = (object: string, id: string) => ({ object, id, deleted: true })

const oauthTokenJson = {
  object: "oauth_access_token",
  external_account_id: "idn_2adaGoogleAccount00000000",
  provider_user_id: "104629518123456789012",
  token: "ya29.a0Af-token",
  expires_at: 1700003600000,
  provider: "oauth_google",
  public_metadata: {},
  label: null,
  scopes: ["email", "openid", "profile"]
}

describe("users and organizations: the @clerk/backend surface", () => {
  it.each(["users", "organizations"] as const)("has every method of @clerk/backend's `%s`", async (property) => {
    const reference = createReferenceClient({ secretKey: SECRET_KEY })[property]
    const names = Object.getOwnPropertyNames(Object.getPrototypeOf(reference)).filter((name) => name !== "constructor")
    const ours = createClerkClient({ secretKey: SECRET_KEY })
    expect(names.length).toBeGreaterThan(20)
    expect(Object.keys(ours[property])).toEqual(expect.arrayContaining(names))
    await ours.dispose()
  })
})

describe("users vs @clerk/backend: reads", () => {
  it("getUser returns the same user, field for field (nested resources included)", async () => {
    await same(respond({ [`GET ${V1}`]: userJson }), (c) => c.users.getUser(U))
  })

  it("getUser on a sparse user fills the same defaults (metadata {}, limits null, timezone null)", async () => {
    const id = sparseUserJson.id
    await same(respond({ [`GET /v1/users/${id}`]: sparseUserJson }), (c) => c.users.getUser(id))
  })

  it("getUserList sends the list and the count request and returns { data, totalCount }", async () => {
    const responder = respond({
      "GET /v1/users": [userJson, userWithId("user_2second00000000000000000")],
      "GET /v1/users/count": { object: "total_count", total_count: 42 }
    })
    const params = {
      limit: 2,
      offset: 4,
      orderBy: "-created_at" as const,
      emailAddress: ["ada@example.com", "b@example.com"],
      query: "ada",
      organizationId: ["org_1"],
      createdAtAfter: 1690000000000,
      last_active_at_since: 1690000000000
    }
    const result = await runBoth(
      responder,
      (c) => c.users.getUserList(params),
      (c) => c.users.getUserList(params)
    )
    // The two requests run in parallel, so their order is not fixed.
    const byPath = (a: { path: string }, b: { path: string }) => a.path.localeCompare(b.path)
    expect([...result.ours.requests].sort(byPath)).toEqual([...result.reference.requests].sort(byPath))
    expect(result.ours.requests.map((r) => r.path).sort()).toEqual(["/v1/users", "/v1/users/count"])
    expectSameOutcome(result)
    expect(result.ours.result).toMatchObject({ totalCount: 42 })
  })

  it("getCount unwraps the total", async () => {
    const result = await same(respond({ "GET /v1/users/count": { object: "total_count", total_count: 7 } }), (c) =>
      c.users.getCount({ userId: ["user_1", "user_2"], query: "ada" })
    )
    expect(result.ours.result).toBe(7)
  })

  it("getUserOauthAccessToken prefixes the provider and sends paginated=true", async () => {
    const responder = respond({
      [`GET ${V1}/oauth_access_tokens/oauth_google`]: { data: [oauthTokenJson], total_count: 1 }
    })
    const result = await runBoth(
      responder,
      (c) => c.users.getUserOauthAccessToken(U, "google"),
      (c) => c.users.getUserOauthAccessToken(U, "google")
    )
    expectSameRequests(result)
    expectSameOutcome(result)
    expect(result.ours.requests[0]?.query).toEqual([["paginated", "true"]])
  })

  it("getUserOauthAccessToken keeps an already prefixed provider", async () => {
    const responder = respond({
      [`GET ${V1}/oauth_access_tokens/oauth_custom_acme`]: {
        data: [{ ...oauthTokenJson, label: "acme" }],
        total_count: 1
      }
    })
    const result = await runBoth(
      responder,
      (c) => c.users.getUserOauthAccessToken(U, "oauth_custom_acme"),
      (c) => c.users.getUserOauthAccessToken(U, "oauth_custom_acme")
    )
    expectSameRequests(result)
    expectSameOutcome(result)
  })

  it("getOrganizationMembershipList forwards only limit and offset", async () => {
    await same(respond({ [`GET ${V1}/organization_memberships`]: { data: [membershipJson], total_count: 1 } }), (c) =>
      c.users.getOrganizationMembershipList({ userId: U, limit: 5, offset: 10 })
    )
  })

  it("getOrganizationInvitationList forwards the status filter", async () => {
    await same(respond({ [`GET ${V1}/organization_invitations`]: { data: [invitationJson], total_count: 1 } }), (c) =>
      c.users.getOrganizationInvitationList({ userId: U, status: "pending", limit: 3, offset: 3 })
    )
  })
})

describe("users vs @clerk/backend: writes", () => {
  it("createUser snake-cases top-level keys only and serializes dates", async () => {
    await same(respond({ "POST /v1/users": userJson }), (c) =>
      c.users.createUser({
        emailAddress: ["ada@example.com"],
        phoneNumber: ["+15555550100"],
        username: "ada",
        password: "correct horse battery staple",
        firstName: "Ada",
        lastName: "Lovelace",
        externalId: "crm-1815",
        skipPasswordChecks: true,
        legalAcceptedAt: new Date("2023-11-14T22:13:20.000Z"),
        publicMetadata: { plan: "pro", nestedKey: { innerKey: 1 } },
        privateMetadata: { stripeCustomerId: "cus_9s8d7f" }
      })
    )
  })

  it("createUser with an imported password digest", async () => {
    await same(respond({ "POST /v1/users": userJson }), (c) =>
      c.users.createUser({
        emailAddress: ["ada@example.com"],
        passwordDigest: "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
        passwordHasher: "bcrypt"
      })
    )
  })

  it("updateUser without metadata is one PATCH (ID-suffixed keys included)", async () => {
    await same(respond({ [`PATCH ${V1}`]: userJson }), (c) =>
      c.users.updateUser(U, {
        firstName: "Augusta",
        primaryEmailAddressID: emailAddressJson.id,
        primaryPhoneNumberID: phoneNumberJson.id,
        notifyPrimaryEmailAddressChanged: true,
        createOrganizationsLimit: 3
      })
    )
  })

  it("updateUser with metadata PATCHes the other fields, then PUTs the metadata", async () => {
    const result = await same(respond({ [`PATCH ${V1}`]: sparseUserJson, [`PUT ${V1}/metadata`]: userJson }), (c) =>
      c.users.updateUser(U, { firstName: "Ada", publicMetadata: { plan: "pro" }, unsafeMetadata: {} })
    )
    expect(result.ours.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`PATCH ${V1}`, `PUT ${V1}/metadata`])
    expect(result.ours.result).toMatchObject({ id: U })
  })

  it("updateUser with only metadata is a single PUT", async () => {
    const result = await same(respond({ [`PUT ${V1}/metadata`]: userJson }), (c) =>
      c.users.updateUser(U, { privateMetadata: { tier: 2 } })
    )
    expect(result.ours.requests).toHaveLength(1)
  })

  it("updateUser with no params sends a bodiless PATCH", async () => {
    await same(respond({ [`PATCH ${V1}`]: userJson }), (c) => c.users.updateUser(U))
  })

  it("replaceUserEmailAddress and replaceUserPhoneNumber", async () => {
    await same(respond({ [`PUT ${V1}/email_address`]: emailAddressJson }), (c) =>
      c.users.replaceUserEmailAddress(U, { emailAddress: "ada@example.com" })
    )
    await same(respond({ [`PUT ${V1}/phone_number`]: phoneNumberJson }), (c) =>
      c.users.replaceUserPhoneNumber(U, { phoneNumber: "+15555550100" })
    )
  })

  it("updateUserProfileImage uploads the file as multipart field `file`", async () => {
    const result = await same(respond({ [`POST ${V1}/profile_image`]: userJson }), (c) =>
      c.users.updateUserProfileImage(U, { file: new Blob(["\u0089PNG fake"], { type: "image/png" }) })
    )
    expect(result.ours.requests[0]?.contentType).toBe("multipart/form-data")
    expect(result.ours.requests[0]?.formData?.map(([key]) => key)).toEqual(["file"])
  })

  it("updateUserMetadata merges (PATCH) and replaceUserMetadata replaces (PUT), nested keys verbatim", async () => {
    const metadata = { publicMetadata: { someKey: { nestedKey: null } }, privateMetadata: { a_b: 1 } }
    await same(respond({ [`PATCH ${V1}/metadata`]: userJson }), (c) => c.users.updateUserMetadata(U, metadata))
    await same(respond({ [`PUT ${V1}/metadata`]: userJson }), (c) => c.users.replaceUserMetadata(U, metadata))
  })

  it("deleteUser returns the DeletedObject", async () => {
    await same(respond({ [`DELETE ${V1}`]: deleted("user", U) }), (c) => c.users.deleteUser(U))
  })

  it("removePassword with and without params", async () => {
    await same(respond({ [`POST ${V1}/remove_password`]: userJson }), (c) => c.users.removePassword(U))
    await same(respond({ [`POST ${V1}/remove_password`]: userJson }), (c) =>
      c.users.removePassword(U, { signOutOfOtherSessions: true })
    )
  })

  it("verifyPassword and verifyTOTP return the same (snake_case readable) data", async () => {
    await same(respond({ [`POST ${V1}/verify_password`]: { verified: true } }), (c) =>
      c.users.verifyPassword({ userId: U, password: "hunter22" })
    )
    const totp = await same(
      respond({ [`POST ${V1}/verify_totp`]: { verified: true, code_type: "backup_code" } }),
      (c) => c.users.verifyTOTP({ userId: U, code: "abcd-efgh" })
    )
    expect(totp.ours.result).toMatchObject({ code_type: "backup_code", codeType: "backup_code" })
  })

  it("ban, unban, lock, unlock, profile image removal and password compromise return the user", async () => {
    const calls: ReadonlyArray<readonly [string, Call]> = [
      [`POST ${V1}/ban`, (c) => c.users.banUser(U)],
      [`POST ${V1}/unban`, (c) => c.users.unbanUser(U)],
      [`POST ${V1}/lock`, (c) => c.users.lockUser(U)],
      [`POST ${V1}/unlock`, (c) => c.users.unlockUser(U)],
      [`DELETE ${V1}/profile_image`, (c) => c.users.deleteUserProfileImage(U)],
      [`POST ${V1}/password/set_compromised`, (c) => c.users.setPasswordCompromised(U)],
      [`POST ${V1}/password/set_compromised`, (c) => c.users.setPasswordCompromised(U, { revokeAllSessions: true })],
      [`POST ${V1}/password/unset_compromised`, (c) => c.users.unsetPasswordCompromised(U)]
    ]
    for (const [route, call] of calls) {
      const result = await same(respond({ [route]: userJson }), call)
      expect(`${result.ours.requests[0]?.method} ${result.ours.requests[0]?.path}`).toBe(route)
    }
  })

  it("disableUserMFA, deleteUserBackupCodes and deleteUserTOTP keep `user_id` readable", async () => {
    const calls: ReadonlyArray<readonly [string, Call]> = [
      [`DELETE ${V1}/mfa`, (c) => c.users.disableUserMFA(U)],
      [`DELETE ${V1}/backup_code`, (c) => c.users.deleteUserBackupCodes(U)],
      [`DELETE ${V1}/totp`, (c) => c.users.deleteUserTOTP(U)]
    ]
    for (const [route, call] of calls) {
      const result = await same(respond({ [route]: { user_id: U } }), call)
      expect(result.ours.result).toMatchObject({ user_id: U, userId: U })
    }
  })

  it("deleteUserPasskey, deleteUserWeb3Wallet and deleteUserExternalAccount return DeletedObjects", async () => {
    await same(respond({ [`DELETE ${V1}/passkeys/idn_passkey1`]: deleted("passkey", "idn_passkey1") }), (c) =>
      c.users.deleteUserPasskey({ userId: U, passkeyIdentificationId: "idn_passkey1" })
    )
    await same(respond({ [`DELETE ${V1}/web3_wallets/idn_wallet1`]: deleted("web3_wallet", "idn_wallet1") }), (c) =>
      c.users.deleteUserWeb3Wallet({ userId: U, web3WalletIdentificationId: "idn_wallet1" })
    )
    await same(respond({ [`DELETE ${V1}/external_accounts/idn_ext1`]: deleted("external_account", "idn_ext1") }), (c) =>
      c.users.deleteUserExternalAccount({ userId: U, externalAccountId: "idn_ext1" })
    )
  })
})

describe("users vs @clerk/backend: errors and deliberate differences", () => {
  it("a 404 fails both with the same status", async () => {
    const result = await runBoth(
      respond({}),
      (c) => c.users.getUser("user_missing"),
      (c) => c.users.getUser("user_missing")
    )
    expectSameRequests(result)
    expectSameOutcome(result)
    expect(result.ours.error).toMatchObject({ status: 404 })
  })

  it("an empty id is rejected before any request by both", async () => {
    const result = await runBoth(
      respond({}),
      (c) => c.users.getUser(""),
      (c) => c.users.getUser("")
    )
    expect(result.reference.requests).toEqual([])
    expect(result.ours.requests).toEqual([])
    expect(result.reference.error).toBeDefined()
    expect(result.ours.error).toBeDefined()
  })

  it("path ids are URL-encoded (the reference sends them raw)", async () => {
    const result = await runBoth(
      respond({ "GET /v1/users/user%2F..%2Fx": userJson }),
      (c) => c.users.getUser("user/../x"),
      (c) => c.users.getUser("user/../x")
    )
    expect(result.ours.requests[0]?.path).toBe("/v1/users/user%2F..%2Fx")
    expect(result.ours.error).toBeUndefined()
  })

  it("offset 0 is sent (the reference drops it)", async () => {
    const responder = respond({
      [`GET ${V1}/organization_memberships`]: { data: [membershipJson], total_count: 1 }
    })
    const result = await runBoth(
      responder,
      (c) => c.users.getOrganizationMembershipList({ userId: U, limit: 10, offset: 0 }),
      (c) => c.users.getOrganizationMembershipList({ userId: U, limit: 10, offset: 0 })
    )
    expect(result.reference.requests[0]?.query).toEqual([["limit", "10"]])
    expect(result.ours.requests[0]?.query).toEqual([
      ["limit", "10"],
      ["offset", "0"]
    ])
    expect(dataMismatches(result.reference.result, result.ours.result)).toEqual([])
  })
})
