/**
 * Serialization fidelity against `@clerk/backend` 3.25.0: `JSON.stringify` of our result carries every key and value
 * that `JSON.stringify` of `@clerk/backend`'s result carries (wire-name aliases of raw JSON results, `@clerk/backend`'s
 * extra names such as `externalId` / `isPublic` / `taskId`, `DeletedObject` nulls). `_raw` is left out of the comparison.
 */
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"
import * as FakeHttp from "../src/testing/FakeHttp.js"
import { fixtures } from "../src/models/generated/fixtures.js"
import * as Models from "../src/models/generated/schemas.js"
import type { ClerkClient } from "../src/promise/createClerkClient.js"
import { dataMismatches, expectSameOutcome, type ReferenceClient, runBoth } from "./support/differential.js"

type Call = (client: ReferenceClient & ClerkClient) => Promise<unknown>
const fx = (name: string): unknown => fixtures[name]

/** The JSON text of a value, parsed back, without `_raw` anywhere. */
const asJson = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value ?? null), (key, inner: unknown) => (key === "_raw" ? undefined : inner))

/** Runs `call` on both clients answering `body`; returns both JSON forms after checking ours holds theirs. */
const sameJson = async (body: unknown, call: Call) => {
  const result = await runBoth(
    () => FakeHttp.json(200, body),
    (client) => call(client as ReferenceClient & ClerkClient),
    (client) => call(client as ReferenceClient & ClerkClient)
  )
  expectSameOutcome(result)
  expect(result.reference.error).toBeUndefined()
  const reference = asJson(result.reference.result)
  const ours = asJson(result.ours.result)
  expect(dataMismatches(reference, ours)).toEqual([])
  return { reference, ours }
}

interface Case {
  readonly name: string
  readonly body: unknown
  readonly call: Call
  /** Keys (dot paths) that must appear in both JSON forms, so the case cannot pass vacuously. */
  readonly keys: ReadonlyArray<string>
}

const at = (value: unknown, path: string): unknown =>
  path
    .split(".")
    .reduce<unknown>(
      (current, key) =>
        typeof current === "object" && current !== null ? (current as Record<string, unknown>)[key] : undefined,
      value
    )

const withKey = (body: unknown, extra: Record<string, unknown>): unknown => ({ ...(body as object), ...extra })

const cases: ReadonlyArray<Case> = [
  {
    name: "testing token: expires_at",
    body: fx("TestingToken"),
    call: (c) => c.testingTokens.createTestingToken(),
    keys: ["expires_at"]
  },
  { name: "svix app: svix_url", body: fx("SvixURL"), call: (c) => c.webhooks.createSvixApp(), keys: ["svix_url"] },
  {
    name: "backup codes deleted: user_id",
    body: fx("DeleteBackupCodeResponse"),
    call: (c) => c.users.deleteUserBackupCodes("user_1"),
    keys: ["user_id"]
  },
  {
    name: "verifyTOTP: code_type",
    body: fx("VerifyTOTPResponse"),
    call: (c) => c.users.verifyTOTP({ userId: "user_1", code: "123456" }),
    keys: ["code_type"]
  },
  {
    name: "organization domain: affiliation_email_address and nested verification",
    body: withKey(fx("OrganizationDomain"), { verification: fx("OrganizationDomainVerification") }),
    call: (c) =>
      c.organizations.createOrganizationDomain({
        organizationId: "org_1",
        name: "example.com",
        enrollmentMode: "manual_invitation"
      }),
    keys: ["affiliation_email_address", "total_pending_invitations", "verification.status"]
  },
  {
    name: "organization invitation: publicOrganizationData.has_image",
    body: { data: [fx("OrganizationInvitationWithPublicOrganizationData")], total_count: 1 },
    call: (c) => c.users.getOrganizationInvitationList({ userId: "user_1" }),
    keys: ["data.0.publicOrganizationData.has_image", "data.0.publicOrganizationData.image_url"]
  },
  {
    name: "user: externalAccounts[].externalId and externalAccountId",
    body: withKey(fx("User"), {
      external_accounts: [
        withKey(fx("ExternalAccountWithVerification"), {
          provider_user_id: "g_1",
          external_account_id: "eac_1",
          image_url: "https://img.example.com/g_1.png"
        })
      ]
    }),
    call: (c) => c.users.getUser("user_1"),
    keys: ["externalAccounts.0.externalId", "externalAccounts.0.externalAccountId"]
  },
  {
    name: "OAuth application: isPublic",
    body: fx("OAuthApplication"),
    call: (c) => c.oauthApplications.get("oa_1"),
    keys: ["isPublic"]
  },
  {
    name: "agent task: taskId",
    body: fx("AgentTask"),
    call: (c) => c.agentTasks.revoke("at_1"),
    keys: ["taskId", "agentTaskId"]
  },
  {
    name: "machine scope deleted: id and slug null",
    body: fx("MachineScopeDeleted"),
    call: (c) => c.machines.deleteScope("mch_1", "mch_2"),
    keys: ["id", "deleted"]
  },
  {
    name: "machine: nested scopedMachines[].scopedMachines",
    body: fx("Machine"),
    call: (c) => c.machines.get("mch_1"),
    keys: ["scopedMachines.0.scopedMachines"]
  },
  {
    name: "enterprise connection: allowSubdomains",
    body: withKey(fx("EnterpriseConnection"), { allow_subdomains: true }),
    call: (c) => c.enterpriseConnections.getEnterpriseConnection("entconn_1"),
    keys: ["allowSubdomains"]
  }
]

describe("JSON.stringify(ours) carries every key of JSON.stringify(@clerk/backend's)", () => {
  for (const { body, call, keys, name } of cases) {
    it(name, async () => {
      const { ours, reference } = await sameJson(body, call)
      for (const key of keys) {
        expect(at(reference, key), `reference ${key}`).not.toBeUndefined()
        expect(at(ours, key), `ours ${key}`).toEqual(at(reference, key))
      }
    })
  }

  it("machine scope deleted: id is null on both sides", async () => {
    const { ours, reference } = await sameJson(fx("MachineScopeDeleted"), (c) =>
      c.machines.deleteScope("mch_1", "mch_2")
    )
    expect(at(reference, "id")).toBeNull()
    expect(at(ours, "id")).toBeNull()
    expect(at(ours, "slug")).toBeNull()
  })
})

describe("betaFeatures.changeDomain vs @clerk/backend", () => {
  it("resolves the JSON object body ({}) as @clerk/backend does", async () => {
    const call: Call = (c) => c.betaFeatures.changeDomain({ homeUrl: "https://www.example.com" })
    const { ours, reference } = await sameJson({}, call)
    expect(reference).toEqual({})
    expect(ours).toEqual({})
  })

  it("passes a non-empty JSON object body through unchanged", async () => {
    const result = await runBoth(
      () => FakeHttp.json(200, { status: "pending" }),
      (c) => c.betaFeatures.changeDomain({ homeUrl: "https://www.example.com" }),
      (c) => c.betaFeatures.changeDomain({ homeUrl: "https://www.example.com" })
    )
    expectSameOutcome(result)
    expect(result.ours.result).toEqual({ status: "pending" })
    expect(result.ours.result).toEqual(result.reference.result)
  })
})

describe("keys the API really omits decode as absent", () => {
  const without = (name: string, key: string): Record<string, unknown> => {
    const { [key]: _, ...rest } = fixtures[name] as Record<string, unknown>
    return rest
  }
  const omitted: ReadonlyArray<readonly [string, string, Schema.Schema.AnyNoContext]> = [
    ["User", "external_id", Models.User],
    ["Session", "updated_at", Models.Session],
    ["Client", "sessions", Models.Client],
    ["SAMLConnection", "acs_url", Models.SAMLConnection],
    ["MachineToMachineToken", "last_used_at", Models.MachineToMachineToken],
    ["MachineWithoutScopedMachines", "object", Models.MachineWithoutScopedMachines],
    ["CommercePerUnitTotal", "block_size", Models.CommercePerUnitTotal],
    ["CommercePerUnitTotal", "name", Models.CommercePerUnitTotal]
  ]
  for (const [name, key, schema] of omitted) {
    it(`${name} without ${key}`, () => {
      expect(key in (fixtures[name] as object)).toBe(true)
      const decoded = Schema.decodeUnknownEither(schema)(without(name, key))
      expect(Either.isRight(decoded)).toBe(true)
    })
  }
})
