/**
 * Property: every generated model round-trips its wire encoding. For each model class, arbitrary values (Effect
 * Schema's Arbitrary) are encoded to the wire, sent as JSON by the fake, decoded by the real pipeline (strict mode:
 * any drift would fail it) and encoded again: the result is the JSON that was sent. Request bodies round-trip too:
 * the JSON the pipeline sends for a body decodes back to the body's snake_case form.
 */
import { afterAll, assert, describe, it } from "@effect/vitest"
import { Arbitrary, Cause, Effect, Exit, FastCheck as fc, Layer, ManagedRuntime, Schema } from "effect"
import { BackendApiFrom } from "../src/layers/live.js"
import * as Models from "../src/models/generated/schemas.js"
import * as BackendApi from "../src/services/BackendApi.js"
import * as FakeHttp from "../src/testing/FakeHttp.js"

type Model = Schema.Schema<unknown, unknown, never>

/** Every exported model class of the generated schemas. */
const MODELS: ReadonlyArray<readonly [string, Model]> = Object.entries(Models).flatMap(([name, value]) =>
  Schema.isSchema(value) && typeof value === "function" ? [[name, value as unknown as Model] as const] : []
)

let body: unknown = {}
let lastSent: unknown
const runtime = ManagedRuntime.make(
  BackendApiFrom({ secretKey: "sk_test_roundtrip", retry: false, responseValidation: "strict" }).pipe(
    Layer.provide(
      FakeHttp.layer((request) => {
        lastSent = request.body
        return FakeHttp.json(200, body)
      })
    )
  )
)
afterAll(() => runtime.dispose())

const fetchAs = (schema: Model, wire: unknown) => {
  body = wire
  return runtime.runPromiseExit(
    Effect.flatMap(BackendApi.BackendApi, (api) =>
      api.execute({ operation: "roundtrip.get", method: "GET", path: "/roundtrip" }, schema)
    )
  )
}

/** The value as JSON has it (an absent optional key and one set to `undefined` are the same on the wire). */
const viaJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value))

/** False for what JSON cannot carry: NaN, infinities, -0, `undefined` in an array, non-plain values. */
const jsonSafe = (value: unknown): boolean => {
  if (typeof value === "number") return Number.isFinite(value) && !Object.is(value, -0)
  if (value === null || typeof value === "string" || typeof value === "boolean") return true
  if (Array.isArray(value)) return value.every((v) => v !== undefined && jsonSafe(v))
  if (typeof value === "object") return Object.values(value).every((v) => v === undefined || jsonSafe(v))
  return false
}

describe("every model round-trips its encoding", () => {
  it(`${MODELS.length} models: encode → JSON → pipeline decode (strict) → encode is the identity`, async () => {
    assert.isAbove(MODELS.length, 150)
    let checked = 0
    for (const [name, schema] of MODELS) {
      const encode = Schema.encodeSync(schema)
      await fc.assert(
        fc.asyncProperty(Arbitrary.make(schema), async (value) => {
          const encoded = encode(value)
          // Numbers JSON cannot carry (NaN, -0, ...) are common in arbitrary doubles: those samples say nothing here.
          if (!jsonSafe(encoded)) return
          const wire = viaJson(encoded)
          const exit = await fetchAs(schema, wire)
          if (Exit.isFailure(exit))
            assert.fail(`${name}: ${Cause.pretty(exit.cause)}\n${JSON.stringify(wire).slice(0, 400)}`)
          else assert.deepStrictEqual(viaJson(encode(exit.value)), wire, name)
          checked++
        }),
        { numRuns: 4 }
      )
    }
    // The property ran for real: most samples are JSON-safe.
    assert.isAbove(checked, MODELS.length * 2)
  }, 60_000)
})

describe("request bodies round-trip", () => {
  it("any JSON body is sent as snake_case JSON that maps back key for key", async () => {
    // camelCase option names as the SDK takes them: lower-case words, each later one capitalised.
    const camel = fc.stringMatching(/^[a-z]{1,6}(?:[A-Z][a-z0-9]{1,6}){0,2}$/)
    const toSnake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(camel, fc.jsonValue({ maxDepth: 2 }), { minKeys: 1, maxKeys: 8 }),
        async (input) => {
          body = { object: "ok" }
          lastSent = undefined
          const exit = await runtime.runPromiseExit(
            Effect.flatMap(BackendApi.BackendApi, (api) =>
              api.execute(
                { operation: "roundtrip.post", method: "POST", path: "/roundtrip", body: input },
                Schema.Unknown
              )
            )
          )
          assert.isTrue(Exit.isSuccess(exit))
          assert.isObject(lastSent)
          const sent = lastSent as Record<string, unknown>
          const keys = Object.keys(input)
          // Keys that collide once snake_cased (aB and a_b) are not a round-trip question.
          fc.pre(new Set(keys.map(toSnake)).size === keys.length)
          assert.deepStrictEqual(Object.keys(sent).sort(), keys.map(toSnake).sort())
          for (const k of keys) assert.deepStrictEqual(viaJson(sent[toSnake(k)]), viaJson(input[k]), k)
        }
      ),
      { numRuns: 200 }
    )
  })
})
