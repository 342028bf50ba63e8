import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { Effect, Exit, Schema } from "effect"
import * as jose from "jose"
import * as S from "../src/models/generated/schemas.js"
import { createClerkClient } from "../src/promise/createClerkClient.js"
import { ClerkAPIResponseError } from "../src/promise/errors.js"
import * as BackendApi from "../src/services/BackendApi.js"
import * as Fault from "../src/testing/faults.js"
import * as FakeServer from "../src/testing/FakeServer.js"
import { generateKeys } from "../src/testing/tokens.js"

const keys = generateKeys()
let server: FakeServer.FakeServer

beforeAll(async () => {
  server = await FakeServer.start({ keys })
})
afterAll(async () => {
  await server.close()
})

const api = <A, I>(request: BackendApi.ApiRequest, schema: Schema.Schema<A, I, never>) =>
  Effect.flatMap(BackendApi.BackendApi, (backend) => backend.execute(request, schema))

const raw = (path: string, init: RequestInit = {}) =>
  fetch(`${server.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${server.fake.secretKey}`, ...init.headers }
  })

const waitFor = async (check: () => boolean, timeoutMs = 2000) => {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error("condition not met in time")
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

const rejection = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error("expected a rejection")
}

describe("FakeServer over loopback with real fetch", () => {
  it("listens on 127.0.0.1 and serves the Promise client", async () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/)
    const clerk = createClerkClient(server.clientOptions)
    try {
      const created = await clerk.runEffect(
        api(
          {
            operation: "users.createUser",
            method: "POST",
            path: "/users",
            body: { emailAddress: ["loop@example.com"], firstName: "Loop" }
          },
          S.User
        )
      )
      const got = await clerk.users.getUser(created.id)
      assert.strictEqual(got.firstName, "Loop")
      const list = await clerk.users.getUserList({ emailAddress: ["loop@example.com"] })
      assert.deepStrictEqual([list.totalCount, list.data[0]?.id], [1, created.id])
      const missing = await rejection(clerk.users.getUser("user_missing"))
      assert.instanceOf(missing, ClerkAPIResponseError)
      if (missing instanceof ClerkAPIResponseError) {
        assert.strictEqual(missing.status, 404)
        assert.strictEqual(missing.errors[0]?.code, "resource_not_found")
        assert.isString(missing.clerkTraceId)
      }
      const last = server.requests().at(-1)
      assert.strictEqual(last?.headers["clerk-api-version"], "2026-05-12")
    } finally {
      await clerk.dispose()
    }
  })

  it("answers raw HTTP with Clerk-shaped errors: wrong key, bad JSON, unknown route", async () => {
    const wrong = await raw("/v1/users", { headers: { authorization: "Bearer pk_test_notASecretKey" } })
    assert.strictEqual(wrong.status, 401)
    const body: { errors: Array<{ code: string }>; clerk_trace_id: string } = await wrong.json()
    assert.strictEqual(body.errors[0]?.code, "clerk_key_invalid")
    assert.isString(body.clerk_trace_id)
    const badJson = await raw("/v1/users", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"email_address": ['
    })
    assert.strictEqual(badJson.status, 400)
    assert.strictEqual((await badJson.json()).errors[0].code, "request_body_invalid")
    const unknown = await raw("/v1/nothing/here")
    assert.strictEqual(unknown.status, 404)
    assert.strictEqual((await unknown.json()).errors[0].code, "resource_not_found")
    const versionless = await raw(`/api_keys?subject=user_x`)
    assert.deepStrictEqual(await versionless.json(), { data: [], total_count: 0 })
  })

  it("session tokens from POST /v1/sessions/{id}/tokens verify with the JWKS fetched from the server", async () => {
    const user = server.fake.seed.user({ emailAddress: ["jwks@example.com"] })
    const session = server.fake.seed.session({ userId: user.id })
    const response = await raw(`/v1/sessions/${session.id}/tokens`, { method: "POST" })
    const { jwt }: { jwt: string } = await response.json()
    const jwks = jose.createRemoteJWKSet(new URL(`${server.url}/v1/jwks`), {
      headers: { authorization: `Bearer ${server.fake.secretKey}` }
    })
    const { payload } = await jose.jwtVerify(jwt, jwks, { issuer: server.fake.issuer })
    assert.deepStrictEqual([payload.sub, payload.sid], [user.id, session.id])
  })

  it("accepts multipart uploads", async () => {
    const user = server.fake.seed.user({ emailAddress: ["upload@example.com"] })
    const form = new FormData()
    form.append("file", new Blob([new Uint8Array([1, 2, 3])], { type: "image/png" }), "me.png")
    const response = await raw(`/v1/users/${user.id}/profile_image`, { method: "POST", body: form })
    assert.strictEqual(response.status, 200)
    assert.isTrue((await response.json()).has_image)
  })

  it("faults over HTTP: 429 then success is retried; network error and HTML 502 map to their errors", async () => {
    const clerk = createClerkClient(server.clientOptions)
    try {
      const fault = server.fake.inject(Fault.rateLimited({ retryAfter: 0 }), { match: "GetUserList", times: 2 })
      const list = await clerk.runEffect(api({ operation: "t", method: "GET", path: "/users" }, Schema.Array(S.User)))
      assert.isArray(list)
      assert.strictEqual(fault.hits(), 2)
      const noRetry = clerk.withOptions({ retry: false })
      server.fake.inject(Fault.networkError(), { match: "GetUserList", times: 1 })
      const abortedBefore = server.aborted().length
      const network = await rejection(
        noRetry.runEffect(api({ operation: "t", method: "GET", path: "/users" }, Schema.Unknown))
      )
      assert.instanceOf(network, ClerkAPIResponseError)
      if (network instanceof ClerkAPIResponseError) assert.strictEqual(network.kind, "ClerkTransportError")
      assert.strictEqual(
        server.aborted().length,
        abortedBefore,
        "a dropped connection is the server's doing, not an abort"
      )
      server.fake.inject(Fault.badGatewayHtml(), { match: "GetUserList", times: 1 })
      const html = await rejection(
        noRetry.runEffect(api({ operation: "t", method: "GET", path: "/users" }, Schema.Unknown))
      )
      assert.instanceOf(html, ClerkAPIResponseError)
      if (html instanceof ClerkAPIResponseError)
        assert.deepStrictEqual([html.status, html.kind], [502, "ClerkServerError"])
    } finally {
      server.fake.clearFaults()
      await clerk.dispose()
    }
  })

  it("real cancellation: a client timeout on a hung route closes the request, and the server sees it", async () => {
    const user = server.fake.seed.user({ emailAddress: ["hang@example.com"] })
    server.fake.inject(Fault.hang(), { match: "GetUser" })
    const clerk = createClerkClient({ ...server.clientOptions, timeout: 200, retry: false })
    try {
      const before = server.aborted().length
      const started = Date.now()
      const error = await rejection(clerk.users.getUser(user.id))
      assert.instanceOf(error, ClerkAPIResponseError)
      if (error instanceof ClerkAPIResponseError) assert.strictEqual(error.kind, "ClerkTimeoutError")
      assert.isBelow(Date.now() - started, 1500)
      await waitFor(() => server.aborted().length > before)
      assert.strictEqual(server.aborted().at(-1)?.path, `/v1/users/${user.id}`)

      // An AbortSignal aborts the socket too.
      const controller = new AbortController()
      const pending = rejection(clerk.withOptions({ timeout: false, signal: controller.signal }).users.getUser(user.id))
      await waitFor(() => server.requests().filter((r) => r.path === `/v1/users/${user.id}`).length === 2)
      controller.abort()
      await pending
      await waitFor(() => server.aborted().length > before + 1)
    } finally {
      server.fake.clearFaults()
      await clerk.dispose()
    }
  })
})

describe("FakeServer.serve (scoped)", () => {
  it.live("serves for the life of the scope and closes after", () =>
    Effect.gen(function* () {
      const url = yield* Effect.scoped(
        Effect.gen(function* () {
          const scoped = yield* FakeServer.serve({ keys })
          const response = yield* Effect.promise(() =>
            fetch(`${scoped.url}/v1/jwks`, { headers: { authorization: `Bearer ${scoped.fake.secretKey}` } })
          )
          assert.strictEqual(response.status, 200)
          assert.deepStrictEqual((yield* Effect.promise(() => response.json())).keys[0].kid, keys.kid)
          return scoped.url
        })
      )
      const after = yield* Effect.exit(Effect.tryPromise(() => fetch(`${url}/v1/jwks`)))
      assert.isTrue(Exit.isFailure(after), "the port is closed once the scope ends")
    })
  )

  it.live("a taken port fails with FakeServerError", () =>
    Effect.scoped(
      Effect.gen(function* () {
        const first = yield* FakeServer.serve({ keys })
        const error = yield* Effect.flip(FakeServer.serve({ keys, port: first.port }))
        assert.strictEqual(error._tag, "FakeServerError")
      })
    )
  )
})
