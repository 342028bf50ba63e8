/**
 * The body half of the fault matrix, over a real loopback socket: a reset mid-body, a truncated body, non-JSON and
 * malformed JSON 200s, a 200 that breaks the schema, and a 204 where a body was expected, × {GET, PATCH, DELETE, POST
 * create} × {Effect API, Promise client} × {tolerant, strict decoding}. A body that broke in transit is a
 * `ClerkTransportError`, retried for GET and DELETE only; a body that arrived whole but cannot be a model is a
 * `ClerkDecodeError` with its status, never retried; schema drift passes in tolerant mode and fails typed in strict
 * mode. No create is ever duplicated, and nothing is rejected unhandled.
 */
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { FetchHttpClient } from "@effect/platform"
import { Cause, Effect, Exit, Layer, ManagedRuntime, Option } from "effect"
import { Users } from "../src/index.js"
import { ClerkFrom } from "../src/layers/live.js"
import { type ClerkClient, createClerkClient } from "../src/promise/createClerkClient.js"
import { ClerkAPIResponseError } from "../src/promise/errors.js"
import type { ClerkOptions } from "../src/services/ClerkConfig.js"
import * as Fault from "../src/testing/faults.js"
import * as FakeServer from "../src/testing/FakeServer.js"
import { generateKeys } from "../src/testing/tokens.js"

type Method = "GET" | "PATCH" | "DELETE" | "POST"
type Mode = "tolerant" | "strict"
const METHODS: ReadonlyArray<Method> = ["GET", "PATCH", "DELETE", "POST"]
const IDEMPOTENT = new Set<Method>(["GET", "DELETE"])

let server: FakeServer.FakeServer
const unhandled: Array<unknown> = []
const onUnhandled = (reason: unknown) => unhandled.push(reason)

const options = (mode: Mode): ClerkOptions => ({
  secretKey: server.fake.secretKey,
  apiUrl: server.url,
  responseValidation: mode,
  retry: { maxRetries: 2, baseDelay: "5 millis", maxDelay: "10 millis", budget: "5 seconds" },
  timeout: "2 seconds"
})

interface Outcome {
  readonly ok: boolean
  readonly kind?: string | undefined
  readonly status?: number | undefined
}

type Call = (method: Method, userId: string) => Promise<Outcome>
const calls: Partial<Record<`${"effect" | "promise"}-${Mode}`, Call>> = {}
const disposers: Array<() => Promise<void>> = []

const effectCall = (mode: Mode): Call => {
  const runtime = ManagedRuntime.make(ClerkFrom(options(mode)).pipe(Layer.provide(FetchHttpClient.layer)))
  disposers.push(() => runtime.dispose())
  return async (method, userId) => {
    const exit = await runtime.runPromiseExit(
      Effect.flatMap(
        Users,
        (users): Effect.Effect<unknown, { readonly _tag: string }> =>
          method === "GET"
            ? users.getUser(userId)
            : method === "PATCH"
              ? users.updateUser(userId, { firstName: "Patched" })
              : method === "DELETE"
                ? users.deleteUser(userId)
                : users.createUser({ firstName: "Created" })
      )
    )
    if (Exit.isSuccess(exit)) return { ok: true }
    const failure = Cause.failureOption(exit.cause)
    assert.isTrue(Option.isSome(failure), `a typed failure, not a defect: ${Cause.pretty(exit.cause)}`)
    const error = Option.getOrThrow(failure)
    return {
      ok: false,
      kind: error._tag,
      status: "status" in error && typeof error.status === "number" ? error.status : undefined
    }
  }
}

const promiseCall = (mode: Mode): Call => {
  const clerk: ClerkClient = createClerkClient(options(mode))
  disposers.push(() => clerk.dispose())
  return async (method, userId) => {
    try {
      if (method === "GET") await clerk.users.getUser(userId)
      else if (method === "PATCH") await clerk.users.updateUser(userId, { firstName: "Patched" })
      else if (method === "DELETE") await clerk.users.deleteUser(userId)
      else await clerk.users.createUser({ firstName: "Created" })
      return { ok: true }
    } catch (error) {
      assert.instanceOf(error, ClerkAPIResponseError)
      if (!(error instanceof ClerkAPIResponseError)) throw error
      return { ok: false, kind: error.kind, status: error.status === 0 ? undefined : error.status }
    }
  }
}

beforeAll(async () => {
  process.on("unhandledRejection", onUnhandled)
  server = await FakeServer.start({ keys: generateKeys() })
  for (const mode of ["tolerant", "strict"] as const) {
    calls[`effect-${mode}`] = effectCall(mode)
    calls[`promise-${mode}`] = promiseCall(mode)
  }
})
afterAll(async () => {
  for (const dispose of disposers) await dispose()
  await server.close()
  process.off("unhandledRejection", onUnhandled)
})

interface Case {
  readonly name: string
  readonly fault: () => Fault.Fault
  /** What the call ends with, when it is not retried into success. */
  readonly expect: (
    method: Method,
    mode: Mode
  ) => "retried" | "ok" | { readonly kind: string; readonly status?: number }
}

const inTransit = (method: Method) => (IDEMPOTENT.has(method) ? ("retried" as const) : { kind: "ClerkTransportError" })
const CASES: ReadonlyArray<Case> = [
  { name: "reset mid-body", fault: () => Fault.resetMidBody(), expect: inTransit },
  { name: "truncated body", fault: Fault.truncatedBody, expect: inTransit },
  { name: "non-JSON 200", fault: () => Fault.nonJson(200), expect: () => ({ kind: "ClerkDecodeError", status: 200 }) },
  {
    name: "malformed JSON 200",
    fault: () => Fault.malformedJson(200),
    expect: () => ({ kind: "ClerkDecodeError", status: 200 })
  },
  {
    name: "200 that breaks the schema",
    fault: () => Fault.schemaBreaking(),
    expect: (_, mode) => (mode === "tolerant" ? "ok" : { kind: "ClerkDecodeError", status: 200 })
  },
  {
    name: "204 where a body was expected",
    fault: Fault.noContent,
    expect: () => ({ kind: "ClerkDecodeError", status: 204 })
  }
]

const matchFor = (method: Method) => (r: { readonly method: string; readonly path: string }) =>
  r.method === method && /^(\/v1)?\/users(\/|$)/.test(r.path)

describe("body faults over loopback", () => {
  for (const api of ["effect", "promise"] as const) {
    for (const mode of ["tolerant", "strict"] as const) {
      for (const c of CASES) {
        it(`${api} (${mode}) × ${c.name} × GET, PATCH, DELETE, POST`, async () => {
          const call = calls[`${api}-${mode}`]!
          for (const method of METHODS) {
            const label = `${api} ${mode} ${method} × ${c.name}`
            const user = server.fake.seed.user({})
            const usersBefore = server.fake.inspect.users().length
            const fault = server.fake.inject(c.fault(), { match: matchFor(method), times: 2 })
            try {
              const outcome = await call(method, user.id)
              const expected = c.expect(method, mode)
              if (expected === "retried") {
                assert.isTrue(outcome.ok, `${label}: ${JSON.stringify(outcome)}`)
                assert.strictEqual(fault.hits(), 2, `${label}: two faulted attempts, then the real one`)
              } else if (expected === "ok") {
                assert.isTrue(outcome.ok, `${label}: ${JSON.stringify(outcome)}`)
                assert.strictEqual(fault.hits(), 1, label)
              } else {
                assert.deepStrictEqual(outcome, { ok: false, kind: expected.kind, status: expected.status }, label)
                assert.strictEqual(fault.hits(), 1, `${label}: not retried`)
              }
              // The fault answered instead of the fake: a create never happened, so none is ever duplicated.
              if (method === "POST")
                assert.strictEqual(server.fake.inspect.users().length, usersBefore, `${label}: no create`)
            } finally {
              fault.remove()
            }
          }
        })
      }
    }
  }

  it("no unhandled rejection across the matrix", () => {
    assert.deepStrictEqual(unhandled, [])
  })
})
