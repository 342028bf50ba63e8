/**
 * The models behind `users` and `organizations` hold the same data as `@clerk/backend`'s classes: the same fields,
 * the same defaults and the same getters, decoded from the same JSON.
 */
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import {
  ExternalAccountWithVerification,
  Organization,
  User,
  VerificationOauth,
  VerificationWeb3
} from "../src/models/generated/schemas.js"
import { dataMismatches, runBoth } from "./support/differential.js"
import { organizationJson } from "./support/samples/organizations.js"
import { respond, sparseUserJson, userJson } from "./support/samples/users.js"

/** The user as `@clerk/backend` builds it (`User.fromJSON` through `getUser`) and as we decode it. */
const bothUsers = async (json: Readonly<Record<string, unknown>> & { readonly id: string }) => {
  const result = await runBoth(
    respond({ [`GET /v1/users/${json.id}`]: json }),
    (c) => c.users.getUser(json.id),
    (c) => c.users.getUser(json.id)
  )
  if (!(result.ours.result instanceof User)) throw new Error(`ours failed: ${String(result.ours.error)}`)
  const reference = result.reference.result
  if (typeof reference !== "object" || reference === null) throw new Error("reference failed")
  return { reference: reference as Record<string, unknown>, ours: result.ours.result }
}

describe("User model vs @clerk/backend's User", () => {
  it("a rich user holds the same data, field for field, nested resources included", async () => {
    const { ours, reference } = await bothUsers(userJson)
    expect(dataMismatches(reference, ours)).toEqual([])
    // Spot checks that the comparison is not vacuous.
    expect(Object.keys(reference).length).toBeGreaterThan(30)
    expect(ours.emailAddresses).toHaveLength(2)
    expect(ours.externalAccounts[0]?.externalId).toBe("104629518123456789012")
    expect(ours.timezone).toBe("Europe/London")
  })

  it("the getters agree: fullName, primaryEmailAddress, primaryPhoneNumber, primaryWeb3Wallet", async () => {
    const { ours, reference } = await bothUsers(userJson)
    expect(ours.fullName).toBe(reference["fullName"])
    expect(ours.fullName).toBe("Ada Lovelace")
    for (const getter of ["primaryEmailAddress", "primaryPhoneNumber", "primaryWeb3Wallet"] as const) {
      expect(dataMismatches(reference[getter], ours[getter]), getter).toEqual([])
      expect(ours[getter]).not.toBeNull()
    }
    expect(ours.primaryEmailAddress?.emailAddress).toBe("ada@example.com")
  })

  it("raw holds the wire JSON", async () => {
    const { ours, reference } = await bothUsers(userJson)
    expect(dataMismatches(reference["raw"], ours.raw)).toEqual([])
    expect(ours.raw.email_addresses[0]?.email_address).toBe("ada@example.com")
  })

  it("a sparse user gets the same defaults and null getters", async () => {
    const { ours, reference } = await bothUsers(sparseUserJson)
    expect(dataMismatches(reference, ours)).toEqual([])
    expect(ours.privateMetadata).toEqual({})
    expect(ours.unsafeMetadata).toEqual({})
    expect(ours.createOrganizationsLimit).toBeNull()
    expect(ours.timezone).toBeNull()
    expect(ours.deprovisioned).toBe(false)
    for (const getter of ["fullName", "primaryEmailAddress", "primaryPhoneNumber", "primaryWeb3Wallet"] as const) {
      expect(ours[getter], getter).toBeNull()
      expect(reference[getter], getter).toBeNull()
    }
  })

  it("fullName trims like @clerk/backend when only one name is set", async () => {
    const { ours, reference } = await bothUsers({ ...sparseUserJson, first_name: null, last_name: "Lovelace" })
    expect(ours.fullName).toBe("Lovelace")
    expect(reference["fullName"]).toBe("Lovelace")
  })
})

describe("nested models", () => {
  it("every verification exposes externalVerificationRedirectURL (a URL), nonce and message", () => {
    const oauth = Schema.decodeUnknownSync(VerificationOauth)({
      status: "unverified",
      strategy: "oauth_github",
      external_verification_redirect_url: "https://github.com/login/oauth/authorize?state=s",
      attempts: null,
      expire_at: 1700000000000
    })
    expect(oauth.externalVerificationRedirectURL).toBeInstanceOf(URL)
    expect(oauth.externalVerificationRedirectURL?.hostname).toBe("github.com")
    expect(oauth.nonce).toBeNull()
    expect(oauth.message).toBeNull()
    // An unparsable URL is a decode failure, as it is a thrown TypeError in @clerk/backend.
    expect(() =>
      Schema.decodeUnknownSync(VerificationOauth)({
        status: "unverified",
        strategy: "oauth_github",
        external_verification_redirect_url: "not a url",
        attempts: null,
        expire_at: 1
      })
    ).toThrow(/external_verification_redirect_url/)
  })

  it("a Web3 verification keeps its message (@clerk/backend always drops it)", () => {
    const web3 = Schema.decodeUnknownSync(VerificationWeb3)({
      status: "verified",
      strategy: "web3_metamask_signature",
      nonce: "n1",
      message: "Sign in to example.com",
      attempts: 1,
      expire_at: 1
    })
    expect(web3.message).toBe("Sign in to example.com")
    expect(web3.externalVerificationRedirectURL).toBeNull()
  })

  it("an external account without an image gets imageUrl '' and keeps providerUserId as externalId", () => {
    const account = Schema.decodeUnknownSync(ExternalAccountWithVerification)({
      ...userJson.external_accounts[0],
      image_url: null
    })
    expect(account.imageUrl).toBe("")
    expect(account.externalId).toBe(account.providerUserId)
  })

  it("an organization's raw re-encodes the wire JSON", () => {
    const organization = Schema.decodeUnknownSync(Organization)(organizationJson)
    expect(organization.raw).toEqual(organizationJson)
    expect(organization._raw).toEqual(organizationJson)
  })
})
