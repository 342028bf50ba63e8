/**
 * The generated operation descriptors and the binder: one descriptor per spec operation with the table's method,
 * path and placeholders; versionless and auth as the config and the spec say; the binder takes the endpoint from the
 * descriptor and nothing else; and no resource types a method or a path by hand any more.
 */
import { readdirSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import { Effect, Redacted } from "effect"
import { describe, expect, it } from "vitest"
import { config } from "../scripts/generate.config.js"
import * as Descriptors from "../src/models/generated/descriptors.js"
import { specOperations } from "../src/models/generated/operations.js"
import * as Schemas from "../src/models/generated/schemas.js"
import type { OperationDescriptor } from "../src/models/internal/descriptor.js"
import { bind, request } from "../src/resources/internal/bind.js"
import type { ApiRequest, BackendApiShape } from "../src/services/BackendApi.js"

const { descriptors } = Descriptors
const byId = new Map(descriptors.map((d) => [d.operationId, d]))

describe("generated descriptors", () => {
  it("hold every spec operation once, with the table's method, path, placeholders, body, response and limit", () => {
    expect(specOperations).toHaveLength(249)
    const problems: Array<string> = []
    for (const op of specOperations) {
      const d = byId.get(op.operationId)
      if (d === undefined) {
        problems.push(`${op.operationId}: no descriptor`)
        continue
      }
      const success = op.response.schema === null ? null : Reflect.get(Schemas, op.response.schema)
      const same =
        d.method === op.method &&
        d.path === op.path &&
        d.body === op.body &&
        JSON.stringify(d.pathParams) === JSON.stringify(op.pathParams) &&
        d.kind === op.response.kind &&
        d.success === success &&
        d.maxLimit === op.maxLimit &&
        JSON.stringify(d.query.map((q) => q.name)) === JSON.stringify(op.queryParams.map((q) => q.name))
      if (!same) problems.push(`${op.operationId}: descriptor differs from the operations table`)
    }
    expect(problems).toEqual([])
    // The spec's operations, then the endpoints it lacks; every name is unique.
    expect(new Set(descriptors.map((d) => d.operationId)).size).toBe(descriptors.length)
    expect(descriptors.length).toBe(249 + Object.keys(config.operations?.extra ?? {}).length)
  })

  it("are exported under their operationId", () => {
    for (const d of descriptors) expect(Reflect.get(Descriptors, d.operationId)).toBe(d)
  })

  it("name each operation as the config does, spec operations by operationId and the others in their entry", () => {
    const names = config.operations?.names ?? {}
    const extra = config.operations?.extra ?? {}
    for (const d of descriptors)
      expect(d.operation, d.operationId).toBe(names[d.operationId] ?? extra[d.operationId]?.operation)
    expect(Object.keys(Descriptors.specDescriptors).sort()).toEqual(specOperations.map((op) => op.operationId).sort())
    for (const [id, d] of Object.entries(Descriptors.specDescriptors)) expect(byId.get(id)).toBe(d)
    // Two spec operations may share a name: one Promise method picks between them.
    expect(Descriptors.CreateSessionToken.operation).toBe(Descriptors.CreateSessionTokenFromTemplate.operation)
  })

  it("versionless and machine-key operations are the config's; the spec's public operation sends no key", () => {
    const versionless = descriptors
      .filter((d) => d.versionless)
      .map((d) => d.operationId)
      .sort()
    expect(versionless).toEqual([...(config.operations?.versionless ?? [])].sort())
    expect(
      versionless.every((id) =>
        /^\/(api_keys|m2m_tokens|oauth_applications\/access_tokens\/verify)/.test(byId.get(id)!.path)
      )
    ).toBe(true)
    const machine = descriptors
      .filter((d) => d.auth === "machineSecretKey")
      .map((d) => d.operationId)
      .sort()
    expect(machine).toEqual(["createM2MToken", "getM2MTokens", "revokeM2MToken", "verifyM2MToken"])
    expect(descriptors.filter((d) => d.auth === "none").map((d) => d.operationId)).toEqual(["GetPublicInterstitial"])
  })

  it("paginated means the operation takes limit and offset", () => {
    expect(Descriptors.GetUserList.paginated).toBe(true)
    expect(Descriptors.GetUser.paginated).toBe(false)
    for (const d of descriptors) {
      const names = d.query.map((q) => q.name)
      expect(d.paginated, d.operationId).toBe(names.includes("limit") && names.includes("offset"))
    }
  })

  it("name the endpoints the spec lacks, from the config", () => {
    expect(Descriptors.ChangeDomain).toMatchObject({ method: "POST", path: "/beta_features/change_domain" })
    expect(Descriptors.VerifySession.success).toBe(Schemas.Session)
    expect(specOperations.some((op) => op.path === Descriptors.ChangeDomain.path)).toBe(false)
  })
})

describe("the binder", () => {
  it("takes method, path, versionless and auth from the descriptor, and the values from the call", () => {
    const req = request(Descriptors.revokeM2MToken, {
      pathParams: { m2m_token_id: "mt_1" },
      body: { revocationReason: null }
    })
    expect(req).toEqual({
      operation: "m2m.revokeToken",
      method: "POST",
      path: "/m2m_tokens/{m2m_token_id}/revoke",
      pathParams: { m2m_token_id: "mt_1" },
      body: { revocationReason: null },
      versionless: true,
      auth: "machineSecretKey"
    })
  })

  it("names the request after the descriptor's operation unless the call overrides it", () => {
    expect(request(Descriptors.DeleteDomain, { pathParams: { domain_id: "d" } }).operation).toBe("domains.delete")
    expect(
      request(Descriptors.DeleteDomain, { pathParams: { domain_id: "d" }, operation: "domains.deleteDomain" }).operation
    ).toBe("domains.deleteDomain")
    expect(request(Descriptors.SendEmail).operation).toBe("emails.create")
  })

  it("lets a call override the auth and add a bearer or headers, never the endpoint", () => {
    const bearer = Redacted.make("ak_call")
    const req = request(Descriptors.GetUser, {
      pathParams: { user_id: "user_1" },
      auth: "none",
      bearer,
      headers: { "x-a": "1" }
    })
    expect(req).toMatchObject({ method: "GET", path: "/users/{user_id}", auth: "none", headers: { "x-a": "1" } })
    expect(req.bearer).toBe(bearer)
    expect(req.versionless).toBe(false)
  })

  it("sends each verb through the matching pipeline method, decode with the descriptor's own schema", async () => {
    const seen: Array<[string, ApiRequest, unknown]> = []
    const api = {
      execute: (req, schema) => Effect.sync(() => void seen.push(["execute", req, schema])),
      executeJson: (req) => Effect.sync(() => void seen.push(["json", req, undefined])),
      executeText: (req) =>
        Effect.sync(() => {
          seen.push(["text", req, undefined])
          return ""
        }),
      executeVoid: (req) => Effect.sync(() => void seen.push(["void", req, undefined]))
    } as Pick<BackendApiShape, "execute" | "executeJson" | "executeText" | "executeVoid">
    const bound = bind(api as BackendApiShape)
    await Effect.runPromise(
      Effect.all([
        bound.decode(Descriptors.GetUser, { pathParams: { user_id: "u" } }),
        bound.execute(Descriptors.ListDomains, Schemas.Domain),
        bound.json(Descriptors.ChangeDomain, { body: {} }),
        bound.text(Descriptors.GetPublicInterstitial),
        bound.void(Descriptors.ChangeProductionInstanceDomain)
      ])
    )
    expect(seen.map(([verb, req, schema]) => [verb, req.operation, req.method, req.path, schema])).toEqual([
      ["execute", "users.getUser", "GET", "/users/{user_id}", Schemas.User],
      ["execute", "domains.list", "GET", "/domains", Schemas.Domain],
      ["json", "betaFeatures.changeDomain", "POST", "/beta_features/change_domain", undefined],
      ["text", "miscellaneous.getPublicInterstitial", "GET", "/public/interstitial", undefined],
      ["void", "betaFeatures.changeProductionInstanceDomain", "POST", "/instance/change_domain", undefined]
    ])
  })

  it("checks path values against the descriptor's placeholders at compile time", () => {
    const check = (_: ApiRequest) => true
    // @ts-expect-error a placeholder the path does not have
    check(request(Descriptors.GetUser, { pathParams: { userId: "u" } }))
    // @ts-expect-error the path has a placeholder, so values are required
    check(request(Descriptors.GetUser))
    // A path without placeholders takes no values at all.
    expect(check(request(Descriptors.ListDomains))).toBe(true)
  })

  it("widened descriptors (shared helpers) still accept any path values", () => {
    const d: OperationDescriptor = Descriptors.GetDirectory
    expect(request(d, { pathParams: { directory_id: "d" } }).path).toBe("/directories/{directory_id}")
  })
})

const RESOURCES = new URL("../src/resources", import.meta.url).pathname
const sourceFiles = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir).flatMap((name) => {
    const file = join(dir, name)
    return statSync(file).isDirectory() ? sourceFiles(file) : file.endsWith(".ts") ? [file] : []
  })

describe("resources", () => {
  it("type no HTTP method, path template or versionless flag by hand: each request comes from a descriptor", () => {
    const handTyped = sourceFiles(RESOURCES).flatMap((file) => {
      const text = readFileSync(file, "utf8")
      return [...text.matchAll(/\b(method|path): ["`]|\bversionless: true|\bapi\.execute(Void|Json|Text)?\(\{/g)].map(
        (m) => `${file.slice(RESOURCES.length)}: ${m[0]}`
      )
    })
    expect(handTyped).toEqual([])
  })

  it("name no operation at the call: the span name comes from the descriptor", () => {
    const named = sourceFiles(RESOURCES).flatMap((file) => {
      const text = readFileSync(file, "utf8")
      return [...text.matchAll(/\.(execute|decode|json|text|void)\(\s*[\w.]+,\s*["`]/g)].map(
        (m) => `${file.slice(RESOURCES.length)}: ${m[0]}`
      )
    })
    expect(named).toEqual([])
  })
})
