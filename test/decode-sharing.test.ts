/**
 * Values that decode to themselves are handed out as received, by the generated decoders and by the compiler alike:
 * a metadata record (`Record<string, unknown>`) is the received object and an array of primitives is the received
 * array, with no copy, as `@clerk/backend` hands them out. Drift in them is still kept and reported.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Schema from "effect/Schema"
import { fixtures } from "../src/models/generated/fixtures.js"
import { observer } from "../src/models/generated/decoders.js"
import { ApiKey, User } from "../src/models/generated/schemas.js"
import type { DriftIssue } from "../src/models/internal/observe.js"

const decode = (schema: Schema.Schema.All, input: unknown) => {
  const issues: Array<DriftIssue> = []
  const value = observer(schema)(input, issues) as Record<string, unknown>
  return { value, issues }
}

describe("decoded values that are the received ones", () => {
  it("a clean metadata record is the received object (generated decoder)", () => {
    const wire = {
      ...(fixtures["User"] as Record<string, unknown>),
      public_metadata: { plan: "pro", nested: { a: 1 } }
    }
    const { value, issues } = decode(User, wire)
    expect(value["publicMetadata"]).toBe(wire["public_metadata"])
    expect(issues.filter((issue) => issue.kind !== "extra")).toEqual([])
  })

  it("a metadata field that is not an object is kept as received and reported (generated decoder)", () => {
    const wire = { ...(fixtures["User"] as Record<string, unknown>), public_metadata: "pro" }
    const { value, issues } = decode(User, wire)
    expect(value["publicMetadata"]).toBe("pro")
    expect(issues).toContainEqual({
      model: "User",
      path: "public_metadata",
      kind: "type",
      expected: "object",
      received: "string"
    })
  })

  it("a clean array of strings is the received array; a drifted item is kept in it and reported", () => {
    const base = fixtures["ApiKey"] as Record<string, unknown>
    const clean = { ...base, scopes: ["read", "write"] }
    expect(decode(ApiKey, clean).value["scopes"]).toBe(clean["scopes"])
    const drifted = { ...base, scopes: ["read", 7] }
    const { value, issues } = decode(ApiKey, drifted)
    expect(value["scopes"]).toBe(drifted["scopes"])
    expect(value["scopes"]).toEqual(["read", 7])
    expect(issues).toContainEqual({
      model: "ApiKey",
      path: "scopes[]",
      kind: "type",
      expected: "string",
      received: "number"
    })
  })

  it("the compiler shares them too, and reports the same drift", () => {
    const Shape = Schema.Struct({
      meta: Schema.Record({ key: Schema.String, value: Schema.Unknown }),
      tags: Schema.Array(Schema.Literal("a", "b")),
      nested: Schema.Array(Schema.Struct({ n: Schema.Number }))
    })
    const input = { meta: { x: [1] }, tags: ["a", "c"], nested: [{ n: 1 }] }
    const { value, issues } = decode(Shape, input)
    expect(value["meta"]).toBe(input.meta)
    expect(value["tags"]).toBe(input.tags)
    // Arrays of objects are still built afresh.
    expect(value["nested"]).not.toBe(input.nested)
    expect(value["nested"]).toEqual(input.nested)
    expect(issues).toEqual([
      { model: "response", path: "tags[]", kind: "value", expected: '"a" | "b"', received: "string" }
    ])
    expect(Schema.decodeUnknownSync(Schema.Struct({ meta: Shape.fields.meta }))({ meta: input.meta })).toEqual({
      meta: input.meta
    })
  })
})
