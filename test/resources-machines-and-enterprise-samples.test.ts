/**
 * The batch B samples cover every spec operation of the area; through the Promise client each one sends the spec's
 * method and path and decodes the spec's example response.
 */
import { describe, expect, it } from "vitest"
import * as FakeHttp from "../src/testing/FakeHttp.js"
import { fixtures } from "../src/models/generated/fixtures.js"
import { type SpecOperation, specOperations } from "../src/models/generated/operations.js"
import { type Responder, runOurs } from "./support/differential.js"
import { extraSamples, samples } from "./support/samples/machines-and-enterprise.js"

const TAGS: ReadonlySet<string> = new Set([
  "Admin Portal Link Tokens",
  "API Keys",
  "Billing",
  "Directories",
  "Enterprise Connections",
  "Instance Settings",
  "M2M Tokens",
  "Machines",
  "OAuth Access Tokens",
  "OAuth Applications",
  "Organization Permissions",
  "Organization Roles",
  "Role Sets",
  "SAML Connections",
  "SCIM Directories"
])
/** Billing operations filed under the Users and Organizations tags. */
const BILLING_ELSEWHERE: ReadonlySet<string> = new Set([
  "GetOrganizationBillingSubscription",
  "GetUserBillingSubscription"
])
const OPERATIONS = specOperations.filter((op) => TAGS.has(op.tag) || BILLING_ELSEWHERE.has(op.operationId))

/** The endpoints `@clerk/backend` calls without the `/v1` segment. */
const VERSIONLESS = /^\/(api_keys|m2m_tokens|oauth_applications\/access_tokens)(\/|$)/

const templateRegex = (op: SpecOperation) =>
  new RegExp(`^${VERSIONLESS.test(op.path) ? "" : "/v1"}${op.path.replace(/\{[^}]+\}/g, "[^/]+")}$`)

/** Answers with the spec example of the operation's response (204 without a body). */
const specAnswer =
  (op: SpecOperation): Responder =>
  () =>
    op.response.schema === null ? { status: 204 } : FakeHttp.json(op.response.status, fixtures[op.response.schema])

describe("batch B samples", () => {
  it("cover every spec operation of the area", () => {
    expect(Object.keys(samples).sort()).toEqual(OPERATIONS.map((op) => op.operationId).sort())
    expect(OPERATIONS).toHaveLength(108)
  })

  it.each(OPERATIONS.map((op) => [op.operationId, op] as const))(
    "%s sends the spec's method and path and decodes the spec example",
    async (id, op) => {
      const { error, requests } = await runOurs(specAnswer(op), samples[id]!)
      expect(error).toBeUndefined()
      expect(requests).toHaveLength(1)
      expect(requests[0]?.method).toBe(op.method)
      expect(requests[0]?.path).toMatch(templateRegex(op))
    }
  )

  it("every @clerk/backend method of the area matches a spec operation", () => {
    expect(extraSamples).toEqual({})
  })
})
