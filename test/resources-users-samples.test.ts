/**
 * The samples of the `users` and `organizations` areas cover every spec operation of the area, and each one sends
 * the spec's method and path through the Promise client.
 */
import { afterAll, describe, expect, it } from "vitest"
import { specOperations } from "../src/models/generated/operations.js"
import { type ClerkClient, createClerkClient } from "../src/promise/createClerkClient.js"
import { samples as organizationSamples } from "./support/samples/organizations.js"
import { samples as userSamples } from "./support/samples/users.js"

const USER_OPERATIONS = specOperations.filter(
  (op) => op.path.startsWith("/users") && !op.path.endsWith("/billing/subscription")
)
const ORGANIZATION_OPERATIONS = specOperations.filter(
  (op) =>
    /^\/organization(s|_memberships|_invitations|_domains)(\/|$)/.test(op.path) &&
    !op.path.endsWith("/billing/subscription")
)

const templateRegex = (path: string) => new RegExp(`^/v1${path.replace(/\{[^}]+\}/g, "[^/]+")}$`)

const requests: Array<string> = []
const client = createClerkClient({
  secretKey: "sk_test_samplesSecret0000000",
  retry: false,
  fetch: async (input, init) => {
    const request = new Request(input, init)
    requests.push(`${request.method} ${new URL(request.url).pathname}`)
    return new Response("{}", { status: 200, headers: { "content-type": "application/json" } })
  }
})
afterAll(() => client.dispose())

/** The requests one sample sends (its result, often a decode failure of the `{}` answer, is ignored). */
const sent = async (sample: (client: ClerkClient) => Promise<unknown>) => {
  requests.length = 0
  await sample(client).catch(() => undefined)
  return [...requests]
}

describe.each([
  ["users", userSamples, USER_OPERATIONS],
  ["organizations", organizationSamples, ORGANIZATION_OPERATIONS]
] as const)("%s samples", (_, samples, operations) => {
  it("cover every spec operation of the area", () => {
    expect(Object.keys(samples).sort()).toEqual(operations.map((op) => op.operationId).sort())
  })

  it.each(operations.map((op) => [op.operationId, op] as const))(
    "%s sends the spec's method and path",
    async (id, op) => {
      const sample = samples[id]
      expect(sample).toBeDefined()
      const requests = await sent(sample!)
      const pattern = templateRegex(op.path)
      expect(
        requests.some(
          (request) => request.startsWith(`${op.method} `) && pattern.test(request.slice(op.method.length + 1))
        ),
        requests.join(", ")
      ).toBe(true)
    }
  )
})
