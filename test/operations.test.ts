/**
 * The operations table against the client and the spec: every one of the 249 operations is reachable through the
 * Promise client and the Effect services, and sends the table's method and path.
 */
import { existsSync, readFileSync } from "node:fs"
import { dirname, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { parse } from "yaml"
import { afterAll, describe, expect, it } from "vitest"
import { Effect } from "effect"
import * as FakeHttp from "../src/testing/FakeHttp.js"
import { fixtures } from "../src/models/generated/fixtures.js"
import { specOperations } from "../src/models/generated/operations.js"
import { operations } from "../src/operations.js"
import { type ClerkClientServices, createClerkClient } from "../src/promise/createClerkClient.js"
import * as sessionsAndSignups from "./support/samples/sessions-and-signups.js"
import * as machinesAndEnterprise from "./support/samples/machines-and-enterprise.js"
import * as organizations from "./support/samples/organizations.js"
import * as users from "./support/samples/users.js"

type Sample = (client: ReturnType<typeof createClerkClient>) => Promise<unknown>
const samples: Record<string, Sample> = {
  ...users.samples,
  ...organizations.samples,
  ...sessionsAndSignups.samples,
  ...machinesAndEnterprise.samples,
  GetJWKS: (c) => c.jwks.getJwks(),
  GetPublicInterstitial: (c) => c.miscellaneous.getPublicInterstitial({ frontendApi: "clerk.example.test" })
}

const byId = new Map(specOperations.map((op) => [op.operationId, op]))

/** What the fake answers for an operation: its spec response fixture. */
const answer = (operationId: string): FakeHttp.FakeResponse => {
  const op = byId.get(operationId as never)
  if (op === undefined) return FakeHttp.json(404, {})
  if (op.response.kind === "void") {
    return op.operationId === "GetPublicInterstitial" ? FakeHttp.text(200, "<html></html>") : { status: 204 }
  }
  const fixture = op.response.schema === null ? {} : fixtures[op.response.schema]
  return FakeHttp.json(op.response.status, op.response.kind === "array" ? [fixture] : fixture)
}

const pathPattern = (template: string): RegExp =>
  new RegExp(`^(/v1)?${template.replace(/\{[^}]+\}/g, "[^/]+").replace(/\./g, "\\.")}$`)

let current = ""
const client = createClerkClient({
  secretKey: "sk_test_operationsTable000",
  machineSecretKey: "ak_operationsTable000",
  retry: false,
  httpClient: FakeHttp.layer(() => FakeHttp.json(500, {}))
})
afterAll(() => client.dispose())

describe("operations table", () => {
  it("has one entry per spec operation, each reachable on the Promise client and in the Effect services", async () => {
    expect(operations).toHaveLength(249)
    expect(new Set(operations.map((op) => op.operationId)).size).toBe(249)
    const context = await client.runEffect(Effect.context<ClerkClientServices>())
    const problems: Array<string> = []
    for (const op of operations) {
      const [property, method] = op.promise.split(".")
      const resource: unknown = Reflect.get(client, property!)
      if (typeof resource !== "object" || resource === null || typeof Reflect.get(resource, method!) !== "function") {
        problems.push(`${op.operationId}: client.${op.promise} is not a function`)
      }
      const [serviceName, effectMethod] = op.effect.split(".")
      const service: unknown = context.unsafeMap.get(`effect-clerk/${serviceName}`)
      if (
        typeof service !== "object" ||
        service === null ||
        typeof Reflect.get(service, effectMethod!) !== "function"
      ) {
        problems.push(`${op.operationId}: ${op.effect} is not an Effect service method`)
      }
      expect(op.method).toBe(op.method.toUpperCase())
    }
    expect(problems).toEqual([])
  })

  it("every operation has a sample that sends the table's method and path through the Promise client", async () => {
    const problems: Array<string> = []
    const requests: Array<FakeHttp.RecordedRequest> = []
    const recording = createClerkClient({
      secretKey: "sk_test_operationsTable000",
      machineSecretKey: "ak_operationsTable000",
      retry: false,
      httpClient: FakeHttp.layer((request) => {
        requests.push(request)
        return answer(current)
      })
    })
    let resolved = 0
    for (const op of operations) {
      const sample = samples[op.operationId]
      if (sample === undefined) {
        problems.push(`${op.operationId}: no sample`)
        continue
      }
      current = op.operationId
      requests.length = 0
      const outcome = await sample(recording).then(
        () => "ok",
        (error: unknown) => error
      )
      if (outcome === "ok") resolved++
      const pattern = pathPattern(op.path)
      const match = requests.find((r) => r.method === op.method && pattern.test(r.path))
      if (match === undefined) {
        problems.push(
          `${op.operationId}: expected ${op.method} ${op.path}, sent ${
            requests.map((r) => `${r.method} ${r.path}`).join(", ") || `nothing (${String(outcome)})`
          }`
        )
      }
    }
    await recording.dispose()
    expect(problems).toEqual([])
    // Most samples also decode the spec's own fixture; the resource suites check decoding per method.
    expect(resolved).toBeGreaterThan(200)
  })
})

const specFile = resolve(dirname(fileURLToPath(import.meta.url)), "../../shared/openapi/bapi-2026-05-12.yml")

describe.runIf(existsSync(specFile))("operations table against the spec file", () => {
  it("holds exactly the spec's operations (id, method, path), both ways", () => {
    const spec = parse(readFileSync(specFile, "utf8")) as {
      paths: Record<string, Record<string, { operationId?: string }>>
    }
    const fromSpec = new Set<string>()
    for (const [path, item] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!["get", "post", "put", "patch", "delete"].includes(method)) continue
        fromSpec.add(`${op.operationId} ${method.toUpperCase()} ${path}`)
      }
    }
    const fromTable = new Set(operations.map((op) => `${op.operationId} ${op.method} ${op.path}`))
    expect([...fromSpec].filter((k) => !fromTable.has(k))).toEqual([])
    expect([...fromTable].filter((k) => !fromSpec.has(k))).toEqual([])
    expect(fromSpec.size).toBe(249)
  })
})
