import { describe, expect, it } from "@effect/vitest"
import * as Schema from "effect/Schema"
import { fixtures } from "../src/models/generated/fixtures.js"
import * as Models from "../src/models/generated/schemas.js"
import { decodeUser } from "../src/models/generated/decoders.js"
import {
  type DriftIssue,
  hasMismatch,
  instanceMaker,
  keyCount,
  observer,
  UnionMemberOf
} from "../src/models/internal/observe.js"

const schemas = Object.entries(Models as Record<string, unknown>).filter(
  (entry): entry is [string, Schema.Schema.Any] => Schema.isSchema(entry[1])
)

/** Own enumerable data without the `_raw` copy (Schema's own decode never sets it). */
const plain = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (key, v) => (key === "_raw" ? undefined : v)))

describe("observe: the compiled decoder", () => {
  it("gives exactly what Schema gives on every generated fixture", () => {
    let compared = 0
    for (const [name, schema] of schemas) {
      const fixture = fixtures[name]
      if (fixture === undefined) continue
      const expected = Schema.decodeUnknownSync(schema as Schema.Schema<unknown, unknown, never>)(fixture)
      const issues: Array<DriftIssue> = []
      observer(schema)(fixture, [])
      // The second run builds instances on the cached prototype: it must give the same as the first.
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

  it("keeps a missing field missing and reports it, where Schema fails", () => {
    const { email_addresses: _, ...user } = fixtures["User"] as Record<string, unknown>
    expect(() => Schema.decodeUnknownSync(Models.User)(user)).toThrow()
    const issues: Array<DriftIssue> = []
    const decoded = observer(Models.User)(user, issues) as Models.User
    expect(decoded).toBeInstanceOf(Models.User)
    expect(decoded.emailAddresses).toBeUndefined()
    expect(decoded.id).toBe((fixtures["User"] as Record<string, unknown>)["id"])
    expect(issues).toEqual([
      { model: "User", path: "email_addresses", kind: "missing", expected: "a value", received: "undefined" }
    ])
    expect(hasMismatch(issues)).toBe(true)
  })

  it("keeps nulls, wrong primitives and unknown enum values as received, naming the nested path", () => {
    // biome-ignore lint/suspicious/noExplicitAny: wire fixtures are indexed freely to build drifted variants
    const base = fixtures["User"] as Record<string, any>
    const email = { ...base["email_addresses"][0], verification: null, email_address: 42 }
    const user = { ...base, banned: null, email_addresses: [email], brand_new_field: "x" }
    const issues: Array<DriftIssue> = []
    const decoded = observer(Models.User)(user, issues) as Models.User
    expect(decoded.banned).toBeNull()
    expect(decoded.emailAddresses[0]!.emailAddress).toBe(42)
    expect(issues).toEqual(
      expect.arrayContaining([
        { model: "User", path: "banned", kind: "null", expected: "boolean", received: "null" },
        { model: "EmailAddress", path: "email_address", kind: "type", expected: "string", received: "number" },
        { model: "User", path: "brand_new_field", kind: "extra", expected: "no such field", received: "string" }
      ])
    )
    expect(JSON.stringify(issues)).not.toContain("42")
  })

  it("keeps an unknown union member as the raw object", () => {
    // biome-ignore lint/suspicious/noExplicitAny: wire fixtures are indexed freely to build drifted variants
    const base = fixtures["User"] as Record<string, any>
    const email = base["email_addresses"][0]
    const oddVerification = { object: "verification_from_the_future", status: "verified", strategy: "magic" }
    const user = { ...base, email_addresses: [{ ...email, verification: oddVerification }] }
    const issues: Array<DriftIssue> = []
    const decoded = observer(Models.User)(user, issues) as Models.User
    expect(decoded.emailAddresses[0]!.verification).toEqual(oddVerification)
    expect(issues.some((issue) => issue.kind === "union" && issue.model === "EmailAddress")).toBe(true)
  })

  it("keeps a wrong top-level kind as received and reports it", () => {
    const issues: Array<DriftIssue> = []
    expect(observer(Models.User)([1, 2], issues)).toEqual([1, 2])
    expect(issues[0]).toMatchObject({ model: "User", path: "", kind: "type", expected: "object", received: "array" })
  })

  it("decodes an undiscriminated union with the member its UnionMemberOf annotation picks, reporting that member's drift", () => {
    const Active = Schema.Struct({
      id: Schema.String,
      clientId: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("client_id")),
      scopes: Schema.Array(Schema.String)
    })
    const Inactive = Schema.Struct({ active: Schema.Literal(false) })
    const pick = (input: unknown) =>
      typeof input === "object" && input !== null && "active" in input && input.active === false ? 1 : 0
    const plainUnion = Schema.Union(Active, Inactive)
    const annotated = plainUnion.annotations({ [UnionMemberOf]: pick })
    const partial = { client_id: "client_1", scopes: ["read"] }
    const keptAsReceived: Array<DriftIssue> = []
    expect(observer(plainUnion)(partial, keptAsReceived)).toEqual(partial)
    expect(keptAsReceived.map((issue) => issue.kind)).toEqual(["union"])
    const issues: Array<DriftIssue> = []
    expect(observer(annotated)(partial, issues)).toEqual({ clientId: "client_1", scopes: ["read"] })
    expect(issues.map((issue) => [issue.kind, issue.path])).toEqual([["missing", "id"]])
    expect(observer(annotated)({ active: false }, [])).toEqual({ active: false })
    const outside: Array<DriftIssue> = []
    const never = plainUnion.annotations({ [UnionMemberOf]: () => 7 })
    expect(observer(never)(partial, outside)).toEqual(partial)
    expect(outside.map((issue) => issue.kind)).toEqual(["union"])
  })
})

describe("observe: instanceMaker", () => {
  it("makes a new empty object on the given prototype each call, with no fields left from earlier ones", () => {
    class Shape {
      get area(): number {
        return 1
      }
    }
    const make = instanceMaker(Shape.prototype)
    const first = make()
    first.a = 1
    first.b = 2
    const second = make()
    expect(Object.getPrototypeOf(second)).toBe(Shape.prototype)
    expect(second).toBeInstanceOf(Shape)
    expect(Object.keys(second)).toEqual([])
    expect(second).not.toBe(first)
    expect((second as unknown as Shape).area).toBe(1)
  })

  it("gives generated decoders' models their class's prototype and exactly Schema's own fields, in order", () => {
    const full = fixtures.User as Record<string, unknown>
    const { external_id: _dropped, ...partial } = full
    for (const input of [full, partial, full]) {
      const actual = decodeUser(input, []) as object
      const expected = Schema.decodeUnknownSync(Models.User)(input) as object
      expect(Object.getPrototypeOf(actual)).toBe(Models.User.prototype)
      expect(Object.keys(actual).filter((key) => key !== "_raw")).toEqual(Object.keys(expected))
    }
  })
})

describe("observe: extra fields", () => {
  it("keyCount counts own and inherited enumerable keys, never fewer than Object.keys", () => {
    const base = { inherited: 1 }
    const input: Record<string, unknown> = Object.create(base)
    input.a = 1
    input.b = 2
    expect(keyCount(input)).toBe(3)
    expect(keyCount({})).toBe(0)
    expect(keyCount(JSON.parse('{"x":1,"y":2,"0":3}'))).toBe(3)
  })

  it("reports an extra own field of a user and only that, also when an inherited enumerable key is present", () => {
    const wire = { ...(fixtures.User as Record<string, unknown>), surprise: true }
    const issues: Array<DriftIssue> = []
    decodeUser(wire, issues)
    expect(issues.filter((issue) => issue.kind === "extra").map((issue) => issue.path)).toEqual(["surprise"])
    const inheriting: Record<string, unknown> = Object.assign(Object.create({ inheritedKey: 1 }), fixtures.User)
    const none: Array<DriftIssue> = []
    decodeUser(inheriting, none)
    expect(none.filter((issue) => issue.kind === "extra")).toEqual([])
  })
})
