/**
 * Every injected fault × {GET, PATCH, DELETE, POST create} × {Effect API, Promise client}, over a real loopback socket.
 */
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { FetchHttpClient } from "@effect/platform"
import { Cause, Effect, Exit, Layer, Option, Schema } from "effect"
import { BackendApiFrom } from "../src/layers/live.js"
import { createClerkClient } from "../src/promise/createClerkClient.js"
import { ClerkAPIResponseError } from "../src/promise/errors.js"
import * as BackendApi from "../src/services/BackendApi.js"
import type { ClerkOptions } from "../src/services/ClerkConfig.js"
import * as Fault from "../src/testing/faults.js"
import * as FakeServer from "../src/testing/FakeServer.js"
import { generateKeys } from "../src/testing/tokens.js"

const keys = generateKeys()
let server: FakeServer.FakeServer
const unhandled: Array<unknown> = []
const onUnhandled = (reason: unknown) => unhandled.push(reason)

beforeAll(async () => {
  process.on("unhandledRejection", onUnhandled)
  server = await FakeServer.start({ keys })
})
afterAll(async () => {
  await server.close()
  process.off("unhandledRejection", onUnhandled)
})

type Method = "GET" | "PATCH" | "DELETE" | "POST"
const METHODS: ReadonlyArray<Method> = ["GET", "PATCH", "DELETE", "POST"]
const IDEMPOTENT = new Set<Method>(["GET", "DELETE"])

const options = (extra: Partial<ClerkOptions> = {}): ClerkOptions => ({
  secretKey: server.fake.secretKey,
  apiUrl: server.url,
  retry: { maxRetries: 2, baseDelay: "5 millis", maxDelay: "10 millis", budget: "5 seconds" },
  timeout: "250 millis",
  ...extra
})

/** What a call ended with, the same for both APIs. */
interface Outcome {
  readonly ok: boolean
  readonly kind?: string | undefined
  readonly status?: number | undefined
  readonly retryAfter?: number | undefined
  readonly traceId?: string | undefined
}

const request = (method: Method, userId: string): BackendApi.ApiRequest =>
  method === "GET"
    ? { operation: "users.getUser", method, path: "/users/{user_id}", pathParams: { user_id: userId } }
    : method === "PATCH"
      ? {
          operation: "users.updateUser",
          method,
          path: "/users/{user_id}",
          pathParams: { user_id: userId },
          body: { firstName: "Patched" }
        }
      : method === "DELETE"
        ? { operation: "users.deleteUser", method, path: "/users/{user_id}", pathParams: { user_id: userId } }
        : { operation: "users.createUser", method, path: "/users", body: { firstName: "Created" } }

const viaEffect = async (method: Method, userId: string, extra?: Partial<ClerkOptions>): Promise<Outcome> => {
  const layer = BackendApiFrom(options(extra)).pipe(Layer.provide(FetchHttpClient.layer))
  const exit = await Effect.runPromiseExit(
    Effect.flatMap(BackendApi.BackendApi, (api) => api.execute(request(method, userId), Schema.Unknown)).pipe(
      Effect.provide(layer)
    )
  )
  if (Exit.isSuccess(exit)) return { ok: true }
  const failure = Cause.failureOption(exit.cause)
  assert.isTrue(Option.isSome(failure), `a typed failure, not a defect: ${Cause.pretty(exit.cause)}`)
  const error = Option.getOrThrow(failure)
  return {
    ok: false,
    kind: error._tag,
    status: "status" in error ? error.status : undefined,
    retryAfter: "retryAfter" in error ? error.retryAfter : undefined,
    traceId: "clerkTraceId" in error ? error.clerkTraceId : undefined
  }
}

const viaPromise = async (method: Method, userId: string, extra?: Partial<ClerkOptions>): Promise<Outcome> => {
  const clerk = createClerkClient({ ...options(extra), publishableKey: server.fake.publishableKey })
  try {
    if (method === "GET") await clerk.users.getUser(userId)
    else if (method === "PATCH") await clerk.users.updateUser(userId, { firstName: "Patched" })
    else if (method === "DELETE") await clerk.users.deleteUser(userId)
    else await clerk.users.createUser({ firstName: "Created" })
    return { ok: true }
  } catch (error) {
    assert.instanceOf(error, ClerkAPIResponseError)
    if (!(error instanceof ClerkAPIResponseError)) throw error
    return {
      ok: false,
      kind: error.kind,
      status: error.status,
      retryAfter: error.retryAfter,
      traceId: error.clerkTraceId
    }
  } finally {
    await clerk.dispose()
  }
}

const APIS = { effect: viaEffect, promise: viaPromise } as const

/** Fault matches see the path without `/v1`; the server's request log keeps it. */
const matchFor = (method: Method) => (r: { readonly method: string; readonly path: string }) =>
  r.method === method && /^(\/v1)?\/users(\/|$)/.test(r.path)

interface Case {
  readonly name: string
  readonly fault: () => Fault.Fault
  /** Retried by the pipeline for this method? */
  readonly retried: (method: Method) => boolean
  /** The tagged error when not retried (or out of retries), with its status. */
  readonly kind: string
  readonly status?: number | undefined
  readonly retryAfter?: number | undefined
}

const CASES: ReadonlyArray<Case> = [
  {
    name: "429 Retry-After: 0 s",
    fault: () => Fault.rateLimited({ retryAfter: 0 }),
    retried: () => true,
    kind: "ClerkRateLimitError",
    status: 429,
    retryAfter: 0
  },
  {
    name: "429 no Retry-After",
    fault: () => Fault.rateLimited({ retryAfter: null }),
    retried: () => true,
    kind: "ClerkRateLimitError",
    status: 429
  },
  {
    name: "429 Retry-After beyond the budget (HTTP date)",
    fault: () => Fault.rateLimited({ retryAfter: new Date(Date.now() + 60_000) }),
    retried: () => false,
    kind: "ClerkRateLimitError",
    status: 429
  },
  ...[500, 502, 503, 504].map(
    (status): Case => ({
      name: `${status}`,
      fault: () => Fault.serverError(status),
      retried: (m) => IDEMPOTENT.has(m),
      kind: "ClerkServerError",
      status
    })
  ),
  {
    name: "HTML 502",
    fault: Fault.badGatewayHtml,
    retried: (m) => IDEMPOTENT.has(m),
    kind: "ClerkServerError",
    status: 502
  },
  {
    name: "reset before headers",
    fault: Fault.resetBeforeHeaders,
    retried: (m) => IDEMPOTENT.has(m),
    kind: "ClerkTransportError"
  },
  { name: "slower than the timeout", fault: Fault.hang, retried: (m) => IDEMPOTENT.has(m), kind: "ClerkTimeoutError" }
]

describe("fault matrix over loopback", () => {
  for (const [apiName, call] of Object.entries(APIS)) {
    for (const method of METHODS) {
      for (const c of CASES) {
        it(`${apiName} ${method} × ${c.name}`, async () => {
          const user = server.fake.seed.user({
            emailAddress: [`${apiName}-${method}-${c.name.replace(/\W/g, "")}@example.com`]
          })
          const usersBefore = server.fake.inspect.users().length
          const before = server.requests().length
          const fault = server.fake.inject(c.fault(), { match: matchFor(method), times: 2 })
          try {
            const outcome = await call(method, user.id)
            const sent = server
              .requests()
              .slice(before)
              .filter((r) => matchFor(method)(r))
            if (c.retried(method)) {
              assert.isTrue(outcome.ok, `retried call succeeds: ${JSON.stringify(outcome)}`)
              assert.strictEqual(fault.hits(), 2)
              assert.strictEqual(sent.length, 3, "two faulted attempts, then the real one")
              if (method === "POST")
                assert.strictEqual(server.fake.inspect.users().length, usersBefore + 1, "exactly one create")
            } else {
              assert.isFalse(outcome.ok)
              assert.strictEqual(outcome.kind, c.kind)
              if (c.status !== undefined) assert.strictEqual(outcome.status, c.status)
              if (c.retryAfter !== undefined) assert.strictEqual(outcome.retryAfter, c.retryAfter)
              if (c.status !== undefined && c.name !== "HTML 502") assert.isString(outcome.traceId)
              assert.strictEqual(fault.hits(), 1, "not retried")
              assert.strictEqual(sent.length, 1)
              if (method === "POST")
                assert.strictEqual(server.fake.inspect.users().length, usersBefore, "no create at all")
            }
          } finally {
            fault.remove()
          }
        })
      }
    }
  }

  it("out of retries: the last failure is typed, with status, trace id and retryAfter", async () => {
    for (const call of Object.values(APIS)) {
      const user = server.fake.seed.user({})
      const fault = server.fake.inject(Fault.rateLimited({ retryAfter: 0 }), { match: matchFor("GET") })
      try {
        const outcome = await call("GET", user.id)
        assert.deepStrictEqual(
          [outcome.ok, outcome.kind, outcome.status, outcome.retryAfter],
          [false, "ClerkRateLimitError", 429, 0]
        )
        assert.isString(outcome.traceId)
        assert.strictEqual(fault.hits(), 3, "first attempt + maxRetries")
      } finally {
        fault.remove()
      }
    }
  })

  it("no unhandled rejection across the matrix", () => {
    assert.deepStrictEqual(unhandled, [])
  })
})
