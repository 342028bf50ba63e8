/**
 * The decoding policy, through the Promise client as a user meets it: tolerant by default (drifted data resolves as
 * received, as on @clerk/backend, and is reported once), strict on request.
 */
import * as Effect from "effect/Effect"
import { describe, expect, it } from "vitest"
import { BackendApi } from "../src/services/BackendApi.js"
import { runBoth, runOurs } from "./support/differential.js"
import { userJson } from "./support/samples/users.js"
import * as FakeHttp from "../src/testing/FakeHttp.js"
import { createClerkClient, type CreateClerkClientOptions } from "../src/promise/createClerkClient.js"

const { external_id: _e, email_addresses: _m, ...drifted } = userJson
const brokenUser = { ...drifted, banned: null, brand_new_field: true }
const respond = () => FakeHttp.json(200, brokenUser)

describe("decoding policy", () => {
  it("tolerant (default): a user with missing, null and extra fields resolves as @clerk/backend resolves it", async () => {
    const both = await runBoth(
      respond,
      (c) => c.users.getUser("user_1"),
      (c) => c.users.getUser("user_1")
    )
    expect(both.reference.error).toBeUndefined()
    expect(both.ours.error).toBeUndefined()
    const ours = both.ours.result as Record<string, unknown>
    const reference = both.reference.result as Record<string, unknown>
    expect(ours["id"]).toBe(reference["id"])
    expect(ours["banned"]).toBeNull()
    expect(ours["externalId"]).toBeUndefined()
    expect(ours["_raw"]).toEqual(brokenUser)
  })

  it("tolerant: each mismatch is in the drift report once, with no values", async () => {
    const result = await runOurs(respond, async (client) => {
      await client.users.getUser("user_1")
      await client.users.getUser("user_1")
      return client.runEffect(Effect.map(BackendApi, (api) => api.drift.entries()))
    })
    const entries = result.result as ReadonlyArray<Record<string, string>>
    expect(entries.map((e) => `${e["model"]}.${e["path"]}:${e["kind"]}`).sort()).toEqual([
      "User.banned:null",
      "User.brand_new_field:extra",
      "User.email_addresses:missing"
    ])
    expect(entries.every((e) => e["operation"] === "users.getUser")).toBe(true)
    expect(JSON.stringify(entries)).not.toContain(String(userJson.id))
  })

  it("strict: the same body rejects with a decode error naming the path", async () => {
    const result = await runOurs(respond, (client) => client.users.getUser("user_1"), { responseValidation: "strict" })
    expect(result.error).toBeInstanceOf(Error)
    expect(String((result.error as Error).message)).toContain("email_addresses")
  })

  it("a body of the wrong top-level kind stays fatal in both modes", async () => {
    for (const responseValidation of ["tolerant", "strict"] as const) {
      const result = await runOurs(
        () => FakeHttp.json(200, ["not", "a", "user"]),
        (c) => c.users.getUser("user_1"),
        {
          responseValidation
        }
      )
      expect(result.error, responseValidation).toBeInstanceOf(Error)
    }
  })

  it("an unknown responseValidation is an options error", () => {
    const options = { secretKey: "sk_test_x", responseValidation: "lenient" } as unknown as CreateClerkClientOptions
    expect(() => createClerkClient(options)).toThrow(/responseValidation/)
  })
})
