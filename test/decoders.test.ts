/**
 * The generated decoders (src/models/generated/decoders.ts) against the two decoders they replace: Schema itself on
 * every fixture, and the compiled decoder of src/models/internal/observe.ts (a fresh module copy, with no generated
 * decoder installed) on every fixture and on drifted variants of it (each key removed, set to null, of another type,
 * and an extra key): the same values, and the same drift issues in the same order.
 */
import { describe, expect, it, vi } from "@effect/vitest"
import * as Schema from "effect/Schema"
import * as fs from "node:fs"
import { decodersFile, renderDecoders } from "../scripts/generate-decoders.js"
import { observer } from "../src/models/generated/decoders.js"
import { fixtures } from "../src/models/generated/fixtures.js"
import * as Models from "../src/models/generated/schemas.js"
import type { DriftIssue, Observer } from "../src/models/internal/observe.js"

const schemas = Object.entries(Models as Record<string, unknown>).filter(
  (entry): entry is [string, Schema.Schema.Any] => Schema.isSchema(entry[1])
)

const plain = (value: unknown): unknown =>
  value === undefined ? undefined : JSON.parse(JSON.stringify(value, (key, v) => (key === "_raw" ? undefined : v)))

/** The compiled decoder of a fresh copy of the models, where no generated decoder is installed. */
const compiledCopy = async (): Promise<(name: string) => Observer> => {
  vi.resetModules()
  const observe = await import("../src/models/internal/observe.js")
  const models: Record<string, unknown> = await import("../src/models/generated/schemas.js")
  vi.resetModules()
  return (name) => {
    const schema = models[name]
    if (!Schema.isSchema(schema)) throw new Error(`no schema ${name}`)
    return observe.observer(schema)
  }
}

const variants = (fixture: Record<string, unknown>): ReadonlyArray<unknown> => {
  const out: Array<unknown> = [fixture, { ...fixture, brand_new_key: [1, "x"] }, null, [], "text"]
  for (const key of Object.keys(fixture)) {
    const { [key]: _, ...without } = fixture
    out.push(without)
    out.push({ ...fixture, [key]: null })
    out.push({ ...fixture, [key]: typeof fixture[key] === "number" ? "1" : 1 })
    const value = fixture[key]
    if (Array.isArray(value) && value.length > 0 && typeof value[0] === "object") {
      out.push({ ...fixture, [key]: [{}, null, ...value] })
    }
  }
  return out
}

describe("generated decoders", () => {
  it("give exactly what Schema gives on every fixture, on the same prototypes", () => {
    let compared = 0
    for (const [name, schema] of schemas) {
      const fixture = fixtures[name]
      if (fixture === undefined) continue
      const expected = Schema.decodeUnknownSync(schema as Schema.Schema<unknown, unknown, never>)(fixture)
      const issues: Array<DriftIssue> = []
      const actual = observer(schema)(fixture, issues)
      expect(
        issues.filter((issue) => issue.kind !== "extra"),
        name
      ).toEqual([])
      expect(plain(actual), name).toEqual(plain(expected))
      if (typeof expected === "object" && expected !== null) {
        expect(Object.getPrototypeOf(actual), name).toBe(Object.getPrototypeOf(expected))
      }
      compared++
    }
    expect(compared).toBeGreaterThan(150)
  })

  it("give the compiled decoder's values and drift issues on every fixture and its drifted variants", async () => {
    const compiled = await compiledCopy()
    let cases = 0
    for (const [name, schema] of schemas) {
      const fixture = fixtures[name]
      if (typeof fixture !== "object" || fixture === null || Array.isArray(fixture)) continue
      const reference = compiled(name)
      for (const input of variants(fixture as Record<string, unknown>)) {
        const generatedIssues: Array<DriftIssue> = []
        const compiledIssues: Array<DriftIssue> = []
        const generated = observer(schema)(input, generatedIssues)
        const expected = reference(input, compiledIssues)
        expect(plain(generated), name).toEqual(plain(expected))
        expect(generatedIssues, name).toEqual(compiledIssues)
        cases++
      }
    }
    expect(cases).toBeGreaterThan(3000)
  })

  it("keep the JSON received as `raw`, and build the class's wire-name aliases", () => {
    const user = fixtures["User"] as Record<string, unknown>
    const decoded = observer(Models.User)(user, []) as Models.User
    expect(decoded).toBeInstanceOf(Models.User)
    expect(decoded.raw).toBe(user)
    const account = fixtures["ExternalAccountWithVerification"]
    expect(account).toBeDefined()
    const built = observer(Models.ExternalAccountWithVerification)(
      account,
      []
    ) as Models.ExternalAccountWithVerification
    expect(built).toBeInstanceOf(Models.ExternalAccountWithVerification)
    expect(typeof built.providerUserId).toBe("string")
    expect(built.externalId).toBe(built.providerUserId)
    expect(Object.keys(built)).toContain("externalId")
  })

  it("fill @clerk/backend's default for a missing spec-required key and still report the key as missing", () => {
    const { public_metadata: _, ...organization } = fixtures["Organization"] as Record<string, unknown>
    const issues: Array<DriftIssue> = []
    const decoded = observer(Models.Organization)(organization, issues) as Models.Organization
    expect(decoded.publicMetadata).toEqual({})
    expect(issues).toEqual([
      { model: "Organization", path: "public_metadata", kind: "missing", expected: "a value", received: "undefined" }
    ])
  })

  it("are what the generator writes from the committed models", () => {
    expect(fs.readFileSync(decodersFile, "utf8")).toBe(renderDecoders())
  })
})
