import { describe, it } from "vitest"
import * as FakeHttp from "../src/testing/FakeHttp.js"
import { expectSameOutcome, expectSameRequests, runBoth } from "./support/differential.js"

const jwks = { keys: [{ kid: "ins_1", kty: "RSA", alg: "RS256", use: "sig", n: "abc", e: "AQAB" }] }

describe("jwks vs @clerk/backend", () => {
  it("getJwks sends the same request and returns the same data", async () => {
    const result = await runBoth(
      () => FakeHttp.json(200, jwks),
      (c) => c.jwks.getJwks(),
      (c) => c.jwks.getJwks()
    )
    expectSameRequests(result)
    expectSameOutcome(result)
  })

  it("an error response fails both with the same status", async () => {
    const result = await runBoth(
      () => FakeHttp.clerkError(401, [{ code: "authentication_invalid", message: "bad key" }]),
      (c) => c.jwks.getJwks(),
      (c) => c.jwks.getJwks()
    )
    expectSameOutcome(result)
  })
})
