import { assert, describe, it } from "@effect/vitest"
import { Effect, ParseResult, Schema, SchemaAST } from "effect"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { defaultOutDir, generate, SPEC_FILE, specDir } from "../scripts/generate.js"
import { fixtures } from "../src/models/generated/fixtures.js"
import { specOperations, specResponseSchemas, specSchemaNames } from "../src/models/generated/operations.js"
import * as Generated from "../src/models/generated/schemas.js"
import { isKnownValue, OpenEnum } from "../src/models/internal/openEnum.js"
import { Paginated } from "../src/models/internal/paginated.js"

// Every value exported by schemas.ts is a context-free schema (checked by this assignment).
const registry: Readonly<Record<string, Schema.Schema.AnyNoContext>> = Generated

const schemaNamed = (name: string): Schema.Schema.AnyNoContext => {
  const schema = registry[name]
  if (schema === undefined) throw new Error(`No generated schema ${name}`)
  return schema
}

const fixture = (name: string): Record<string, unknown> => {
  const value = fixtures[name]
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error(`No object fixture ${name}`)
  return { ...value }
}

const decode = (name: string, input: unknown) => Schema.decodeUnknown(schemaNamed(name))(input)

/** Wire keys of the required properties of a schema whose encoded side is an object. */
const requiredWireKeys = (schema: Schema.Schema.AnyNoContext): ReadonlyArray<string> => {
  const encoded = SchemaAST.encodedAST(schema.ast)
  if (!SchemaAST.isTypeLiteral(encoded)) return []
  return encoded.propertySignatures.filter((ps) => !ps.isOptional).map((ps) => String(ps.name))
}

const decodeFailure = (name: string, input: unknown) =>
  Effect.flip(decode(name, input)).pipe(Effect.tap((error) => assert.isTrue(ParseResult.isParseError(error))))

describe("generated schemas", () => {
  it("there is one fixture per generated schema", () => {
    assert.deepStrictEqual(Object.keys(fixtures).sort(), Object.keys(registry).sort())
    assert.isAtLeast(Object.keys(registry).length, 167)
    for (const name of Object.values(specSchemaNames)) assert.isDefined(registry[name], name)
  })

  it.effect("every fixture decodes with its schema", () =>
    Effect.forEach(
      Object.keys(fixtures),
      (name) => decode(name, fixtures[name]).pipe(Effect.mapError((error) => new Error(`${name}: ${error.message}`))),
      { discard: true }
    )
  )

  it.effect("a fixture without a required field fails, naming the field", () =>
    Effect.gen(function* () {
      let checked = 0
      for (const name of Object.keys(fixtures)) {
        const [key] = requiredWireKeys(schemaNamed(name))
        if (key === undefined) continue
        const input = fixture(name)
        delete input[key]
        const error = yield* decodeFailure(name, input)
        assert.include(error.message, JSON.stringify(key), name)
        assert.include(error.message, "is missing", name)
        checked++
      }
      assert.isAtLeast(checked, 150)
    })
  )

  it.effect("User: a missing nullable-but-required field fails", () =>
    Effect.gen(function* () {
      const input = fixture("User")
      delete input["first_name"]
      const error = yield* decodeFailure("User", input)
      assert.include(error.message, `["first_name"]`)
    })
  )

  it.effect("unknown keys are dropped", () =>
    Effect.gen(function* () {
      const user = yield* Schema.decodeUnknown(Generated.User)({ ...fixture("User"), brand_new_field: 1 })
      assert.instanceOf(user, Generated.User)
      assert.isFalse("brand_new_field" in user)
      assert.isFalse("brandNewField" in user)
      const encoded = yield* Schema.encode(Generated.User)(user)
      assert.isFalse("brand_new_field" in encoded)
    })
  )

  it.effect("keys are camelCase on the Type side and snake_case on the wire", () =>
    Effect.gen(function* () {
      const input = { ...fixture("User"), first_name: "Ada", last_name: "Lovelace", web3_wallets: [] }
      const user = yield* Schema.decodeUnknown(Generated.User)(input)
      assert.strictEqual(user.firstName, "Ada")
      assert.deepStrictEqual(user.web3Wallets, [])
      const encoded = yield* Schema.encode(Generated.User)(user)
      assert.strictEqual(encoded.first_name, "Ada")
      assert.deepStrictEqual(encoded.web3_wallets, [])
    })
  )

  it.effect("an unknown value of a non-object enum decodes", () =>
    Effect.gen(function* () {
      const session = yield* Schema.decodeUnknown(Generated.Session)({ ...fixture("Session"), status: "hibernating" })
      assert.strictEqual(session.status, "hibernating")
      const known = yield* Schema.decodeUnknown(Generated.Session)({ ...fixture("Session"), status: "active" })
      assert.strictEqual(known.status, "active")
    })
  )

  it.effect("a wrong object literal fails", () =>
    Effect.gen(function* () {
      const error = yield* decodeFailure("User", { ...fixture("User"), object: "organization" })
      assert.include(error.message, `["object"]`)
      yield* decodeFailure("Organization", { ...fixture("Organization"), object: "user" })
    })
  )

  it.effect("nullable fields accept null but not a missing key", () =>
    Effect.gen(function* () {
      const user = yield* Schema.decodeUnknown(Generated.User)({ ...fixture("User"), last_name: null })
      assert.isNull(user.lastName)
      yield* decodeFailure("User", { ...fixture("User"), last_name: 3 })
    })
  )

  it.effect("discriminated unions pick the member by its object literal", () =>
    Effect.gen(function* () {
      const refreshed = yield* Schema.decodeUnknown(Generated.SessionRefresh)({ object: "cookies", cookies: ["a=b"] })
      assert.instanceOf(refreshed, Generated.Cookies)
      const email = yield* Schema.decodeUnknown(Generated.EmailAddress)({
        ...fixture("EmailAddress"),
        verification: {
          object: "verification_otp",
          status: "verified",
          strategy: "email_code",
          attempts: 1,
          expire_at: 1
        }
      })
      assert.instanceOf(email.verification, Generated.VerificationOtp)
    })
  )

  it.effect("User getters mirror @clerk/backend", () =>
    Effect.gen(function* () {
      const base = fixture("User")
      const emails = [
        { ...fixture("EmailAddress"), id: "idn_1", email_address: "a@example.com" },
        { ...fixture("EmailAddress"), id: "idn_2", email_address: "b@example.com" }
      ]
      const user = yield* Schema.decodeUnknown(Generated.User)({
        ...base,
        first_name: "Ada",
        last_name: null,
        email_addresses: emails,
        primary_email_address_id: "idn_2"
      })
      assert.strictEqual(user.fullName, "Ada")
      assert.strictEqual(user.primaryEmailAddress?.emailAddress, "b@example.com")
      assert.isNull(user.primaryPhoneNumber)
      assert.isNull(user.primaryWeb3Wallet)
      const anonymous = yield* Schema.decodeUnknown(Generated.User)({ ...base, first_name: null, last_name: null })
      assert.isNull(anonymous.fullName)
      const both = yield* Schema.decodeUnknown(Generated.User)({ ...base, first_name: " Ada", last_name: "Lovelace " })
      assert.strictEqual(both.fullName, "Ada Lovelace")
    })
  )
})

describe("helpers", () => {
  it.effect("Paginated decodes the list envelope", () =>
    Effect.gen(function* () {
      const page = yield* Schema.decodeUnknown(Paginated(Generated.Organization))({
        data: [fixture("Organization")],
        total_count: 1
      })
      assert.strictEqual(page.totalCount, 1)
      assert.instanceOf(page.data[0], Generated.Organization)
    })
  )

  it.effect("OpenEnum accepts any string and knows its values", () =>
    Effect.gen(function* () {
      const Status = OpenEnum("active", "revoked")
      assert.deepStrictEqual(Status.values, ["active", "revoked"])
      assert.strictEqual(yield* Schema.decodeUnknown(Status)("later"), "later")
      assert.isTrue(isKnownValue(Status, "active"))
      assert.isFalse(isKnownValue(Status, "later"))
      yield* Effect.flip(Schema.decodeUnknown(Status)(1))
    })
  )
})

describe("operation table", () => {
  it("has every operation of the spec, sorted by path then method", () => {
    assert.strictEqual(specOperations.length, 249)
    assert.strictEqual(new Set(specOperations.map((op) => op.operationId)).size, 249)
    const keys = specOperations.map((op) => `${op.path} ${op.method}`)
    assert.deepStrictEqual(keys, [...keys].sort())
  })

  it("names only generated schemas, and path params match the template", () => {
    for (const op of specOperations) {
      if (op.response.schema !== null) assert.isDefined(registry[op.response.schema], op.operationId)
      const names = [...op.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1])
      assert.deepStrictEqual(op.pathParams, names, op.operationId)
    }
    for (const response of Object.values(specResponseSchemas)) {
      if (response.schema !== null) assert.isDefined(registry[response.schema])
    }
  })

  it("describes a typical operation", () => {
    const getUser = specOperations.find((op) => op.operationId === "GetUser")
    assert.deepStrictEqual(getUser?.pathParams, ["user_id"])
    assert.deepStrictEqual(getUser?.response, { status: 200, schema: "User", kind: "object" })
    const listUsers = specOperations.find((op) => op.operationId === "GetUserList")
    assert.strictEqual(listUsers?.response.kind, "array")
    assert.strictEqual(listUsers?.maxLimit, 500)
    assert.isTrue(listUsers?.queryParams.some((q) => q.name === "email_address" && q.type === "array"))
    const logo = specOperations.find((op) => op.operationId === "UploadOrganizationLogo")
    assert.strictEqual(logo?.body, "multipart")
  })
})

const specFile = path.join(specDir(), SPEC_FILE)

describe("reproducibility", () => {
  it.runIf(fs.existsSync(specFile))("regenerating gives byte-identical files", () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "effect-clerk-generate-"))
    try {
      const written = generate(outDir, specFile)
        .map((file) => path.basename(file))
        .sort()
      // decoders.ts comes from scripts/generate-decoders.ts (test/decoders.test.ts holds it to the models).
      const committed = fs
        .readdirSync(defaultOutDir)
        .filter((file) => file.endsWith(".ts") && file !== "decoders.ts")
        .sort()
      assert.deepStrictEqual(written, committed)
      for (const file of written) {
        const fresh = fs.readFileSync(path.join(outDir, file), "utf8")
        const current = fs.readFileSync(path.join(defaultOutDir, file), "utf8")
        assert.isTrue(fresh === current, `${file} is out of date: run npm run generate`)
      }
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true })
    }
  })
})
