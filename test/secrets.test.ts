/**
 * Secrets never leave through an error, a span or a log. Every error path reachable through both APIs is driven
 * with distinctive secrets, and every error is serialized the ways loggers do (String, message, stack, JSON,
 * util.inspect at any depth with hidden properties), its `cause` chain too; every span attribute and event and every
 * Effect log (at LogLevel.All) is collected. No secret may appear, whole or as any 12-character substring.
 */
import { assert, describe, it } from "@effect/vitest"
import { Buffer } from "node:buffer"
import * as net from "node:net"
import { inspect } from "node:util"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import { Cause, Effect, Exit, Layer, List, Logger, LogLevel, Option, Redacted } from "effect"
import { Webhook } from "svix"
import * as Auth from "../src/auth/request/index.js"
import * as JwksCache from "../src/auth/tokens/JwksCache.js"
import * as Tokens from "../src/auth/tokens/index.js"
import { createTokenVerifier } from "../src/promise/verifier.js"
import { verifyWebhook, WebhookVerifier } from "../src/auth/webhooks/index.js"
import * as FakeHttp from "../src/testing/FakeHttp.js"
import { createClerkClient } from "../src/promise/createClerkClient.js"
import { ResourcesLive } from "../src/resources/index.js"
import { Users } from "../src/resources/Users.js"
import * as BackendApi from "../src/services/BackendApi.js"
import * as ClerkConfig from "../src/services/ClerkConfig.js"
import * as Errors from "../src/services/ClerkErrors.js"
import { pipelineLayer } from "./support/pipeline.js"
import { type RecordedSpan, recordingTracer, spanTexts } from "./support/tracing.js"

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url")

const SECRET_KEY = "sk_test_SeKrEtKeyQwErTyUiOp0987654321zz"
const MACHINE_SECRET_KEY = "ak_MaChInEsEcReTzXcVbNm1357924680yy"
const WEBHOOK_SECRET = `whsec_${Buffer.from("WeBhOoKsIgNiNgSeCrEt-0123456789ab").toString("base64")}`
const SESSION_TOKEN = `${b64url({ alg: "RS256", kid: "ins_nokid", typ: "JWT" })}.${b64url({
  sub: "user_SeSsIoNtOkEnSuBjEcT4242",
  sid: "sess_PaYlOaDsEsSiOn7777",
  exp: 4102444800,
  iat: 1700000000
})}.SiGnAtUrEpArTnOtVaLiD0123456789abcdefABCDEF`
const MACHINE_TOKEN = "mt_MaChInEtOkEnVaLuE24680135792468013579"
const OAUTH_TOKEN = "oat_OaUtHtOkEnVaLuE97531864209753186420"
const CLIENT_COOKIE = "cLiEnTcOoKiEvAlUe-5555-6666-7777-8888"
const PK = `pk_test_${Buffer.from("clerk.secrets.test$").toString("base64").replace(/=+$/, "")}`

const SECRETS: ReadonlyArray<readonly [string, string]> = [
  ["secret key", SECRET_KEY],
  ["machine secret key", MACHINE_SECRET_KEY],
  ["webhook secret", WEBHOOK_SECRET],
  ["webhook secret (base64 part)", WEBHOOK_SECRET.slice("whsec_".length)],
  ["session token", SESSION_TOKEN],
  ["machine token", MACHINE_TOKEN],
  ["oauth token", OAUTH_TOKEN],
  ["cookie value", CLIENT_COOKIE]
]

/** Every 12-character window of every secret. */
const WINDOWS: ReadonlyArray<readonly [string, string]> = SECRETS.flatMap(([name, value]) =>
  Array.from({ length: value.length - 11 }, (_, i) => [name, value.slice(i, i + 12)] as const)
)

const assertClean = (where: string, text: string): void => {
  for (const [name, window] of WINDOWS) {
    if (text.includes(window)) {
      if (process.env.SECRETS_DEBUG)
        console.log(where, text.slice(Math.max(0, text.indexOf(window) - 600), text.indexOf(window) + 50))
      assert.fail(`${where} leaks the ${name} (${JSON.stringify(window.slice(0, 4))}…)`)
    }
  }
}

const safely = (f: () => unknown): string => {
  try {
    return String(f())
  } catch (e) {
    return `<threw ${e instanceof Error ? e.message : "?"}>`
  }
}

/** What the serializations saw, per error (so a test can also assert the error is the expected one). */
const serializeAll = (label: string, error: unknown): string => {
  const seen = new Set<unknown>()
  const texts: Array<string> = []
  let current: unknown = error
  let depth = 0
  while (current !== undefined && current !== null && !seen.has(current) && depth < 20) {
    seen.add(current)
    const at = `${label} (cause depth ${depth})`
    const e = current
    const parts = [
      ["String", safely(() => String(e))],
      ["message", safely(() => (e as { message?: unknown }).message)],
      ["stack", safely(() => (e as { stack?: unknown }).stack)],
      ["JSON", safely(() => JSON.stringify(e))],
      ["inspect", safely(() => inspect(e, { depth: Infinity, showHidden: true }))],
      ["inspect(10)", safely(() => inspect(e, { depth: 10 }))]
    ] as const
    for (const [how, text] of parts) {
      assertClean(`${at} ${how}`, text)
      texts.push(text)
    }
    current = typeof e === "object" && "cause" in e ? e.cause : undefined
    depth++
  }
  return texts.join("\n")
}

interface Recorded {
  readonly spans: Array<RecordedSpan>
  readonly logs: Array<string>
}

const recordingLogger = (out: Array<string>) =>
  Logger.make(({ annotations, cause, logLevel, message, spans }) => {
    out.push(
      `${logLevel.label} ${inspect(message, { depth: Infinity, showHidden: true })} ${inspect(annotations, {
        depth: Infinity
      })} ${Cause.pretty(cause)} ${List.toArray(spans)
        .map((s) => s.label)
        .join(",")}`
    )
  })

/** Runs an Effect with the recording tracer and logger at LogLevel.All; returns its failure (or defect). */
const observe = <A, E, R>(effect: Effect.Effect<A, E, R>, recorded: Recorded) =>
  effect.pipe(
    Effect.exit,
    // Logs the failure the way an app's error handler would (the successful value is the caller's business).
    Effect.tap((exit) => (Exit.isFailure(exit) ? Effect.logError("call failed", exit.cause) : Effect.void)),
    Effect.withTracer(recordingTracer(recorded.spans)),
    Effect.provide(Logger.replace(Logger.defaultLogger, recordingLogger(recorded.logs))),
    Logger.withMinimumLogLevel(LogLevel.All),
    Effect.map((exit) => {
      if (Exit.isSuccess(exit)) return { error: undefined, exit, value: exit.value as unknown }
      assertClean("Cause.pretty", Cause.pretty(exit.cause))
      return {
        error: Option.getOrElse(Cause.failureOption(exit.cause), () => Cause.squash(exit.cause)),
        exit,
        value: undefined
      }
    })
  )

const assertRecordedClean = (label: string, recorded: Recorded) => {
  for (const [i, s] of recorded.spans.flatMap(spanTexts).entries()) assertClean(`${label} span record ${i}`, s)
  for (const [i, l] of recorded.logs.entries()) assertClean(`${label} log ${i}`, l)
}

const fresh = (): Recorded => ({ spans: [], logs: [] })

const API_KINDS = [
  [400, "ClerkBadRequestError"],
  [401, "ClerkAuthenticationError"],
  [402, "ClerkPaymentRequiredError"],
  [403, "ClerkForbiddenError"],
  [404, "ClerkNotFoundError"],
  [409, "ClerkConflictError"],
  [405, "ClerkUnexpectedStatusError"],
  [422, "ClerkValidationError"],
  [429, "ClerkRateLimitError"],
  [500, "ClerkServerError"],
  [503, "ClerkServerError"]
] as const

/** The fake answers error statuses under /v1/users/s<status>, a non-JSON 2xx, a hang and the machine-token checks. */
const handler: FakeHttp.FakeHandler = (req) => {
  const m = /^\/v1\/users\/s(\d{3})$/.exec(req.path)
  if (m) {
    const status = Number(m[1])
    // The server echoes the Authorization header back in the error (a hostile or buggy proxy): still no leak.
    return FakeHttp.clerkError(
      status,
      [
        {
          code: "code_x",
          message: "failed",
          long_message: `failed for ${req.headers["authorization"] ?? ""}`
        }
      ],
      { headers: { "retry-after": "0" } }
    )
  }
  if (req.path === "/v1/users/html") return FakeHttp.text(502, `<html>${req.headers["authorization"] ?? ""}</html>`)
  if (req.path === "/v1/users/nojson") return FakeHttp.text(200, "OK not json")
  if (req.path === "/v1/users/hang") return Effect.never
  if (req.path === "/v1/users/neterr")
    return FakeHttp.networkError(`reset while sending ${req.headers["authorization"]}`)
  if (req.path === "/v1/jwks") return FakeHttp.json(200, { keys: [] })
  if (req.path.endsWith("/verify")) return FakeHttp.clerkError(404, [{ code: "token_not_found", message: "not found" }])
  return FakeHttp.clerkError(404, [{ code: "resource_not_found", message: "nope" }])
}

const options: ClerkConfig.ClerkOptions = {
  secretKey: SECRET_KEY,
  machineSecretKey: MACHINE_SECRET_KEY,
  publishableKey: PK,
  retry: false,
  timeout: "200 millis"
}

const effectLayer = JwksCache.layer().pipe(
  Layer.provideMerge(ResourcesLive),
  Layer.provideMerge(pipelineLayer(handler, options))
)

/** A loopback port nothing listens on. */
const closedPort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      const port = typeof address === "object" && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })

/** A loopback server that reads the request (headers included) and resets the socket. */
const resettingServer = (): Promise<{ readonly port: number; readonly close: () => Promise<void> }> =>
  new Promise((resolve, reject) => {
    const server = net.createServer((socket) => {
      socket.once("data", () => socket.resetAndDestroy())
      socket.on("error", () => {})
    })
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      const port = typeof address === "object" && address !== null ? address.port : 0
      resolve({ port, close: () => new Promise((done) => server.close(() => done())) })
    })
  })

const rejection = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise
  } catch (e) {
    return e
  }
  return assert.fail("expected a rejection")
}

const webhookRequest = (secret: string) => {
  const body = JSON.stringify({ type: "user.created", object: "event", data: { id: "user_1" } })
  const id = "msg_1"
  const now = new Date()
  const signature = new Webhook(secret).sign(id, now, body)
  return new Request("https://app.example.test/webhooks", {
    method: "POST",
    body,
    headers: {
      "svix-id": id,
      "svix-timestamp": String(Math.floor(now.getTime() / 1000)),
      "svix-signature": signature
    }
  })
}
const OTHER_WEBHOOK_SECRET = `whsec_${Buffer.from("another-secret-for-signing-000000").toString("base64")}`

const sessionRequest = () =>
  new Request("https://app.example.test/dashboard", {
    headers: {
      cookie: `__session=${SESSION_TOKEN}; __client=${CLIENT_COOKIE}; __client_uat=1700000000`,
      "sec-fetch-dest": "document",
      accept: "text/html"
    }
  })
const bearerRequest = (token: string) =>
  new Request("https://app.example.test/api", { headers: { authorization: `Bearer ${token}` } })

describe("secrets never leak (Promise API)", () => {
  const clerk = createClerkClient({ ...options, httpClient: FakeHttp.layer(handler) })

  it("API error kinds, HTML 5xx, decode, timeout, fake network error, invalid request", async () => {
    const checked: Array<string> = []
    for (const [status] of API_KINDS) {
      const e = await rejection(clerk.users.getUser(`s${status}`))
      checked.push(serializeAll(`getUser ${status}`, e))
      assert.include(String((e as { status?: unknown }).status), String(status))
    }
    for (const id of ["html", "nojson", "hang", "neterr"]) {
      checked.push(serializeAll(`getUser ${id}`, await rejection(clerk.users.getUser(id))))
    }
    checked.push(serializeAll("getUser empty id", await rejection(clerk.users.getUser(""))))
    assert.strictEqual(checked.length, API_KINDS.length + 5)
    assert.include(checked.join("\n"), "Timed out after 200 ms")
    assert.include(checked.join("\n"), "Network error (GET api.clerk.com /v1/users/neterr)")
  })

  it("transport: a closed loopback port and a server that resets the socket", async () => {
    const port = await closedPort()
    const refused = createClerkClient({ ...options, apiUrl: `http://127.0.0.1:${port}` })
    const e1 = await rejection(refused.users.getUser("user_1"))
    const t1 = serializeAll("connection refused", e1)
    assert.include((e1 as Error).message, `Network error (GET 127.0.0.1:${port} /v1/users/user_1): ECONNREFUSED`)
    assert.include(t1, "ECONNREFUSED")
    await refused.dispose()
    const server = await resettingServer()
    try {
      const reset = createClerkClient({ ...options, apiUrl: `http://127.0.0.1:${server.port}` })
      const e2 = await rejection(reset.users.getUser("user_1"))
      serializeAll("connection reset", e2)
      assert.match((e2 as Error).message, /^Network error \(GET 127\.0\.0\.1:\d+ \/v1\/users\/user_1\): /)
      assert.include((e2 as Error).message, "ECONNRESET")
      // Machine-secret-key calls over a reset socket too.
      const m2m = await rejection(reset.m2m.verify({ token: MACHINE_TOKEN }))
      serializeAll("m2m verify reset", m2m)
      await reset.dispose()
    } finally {
      await server.close()
    }
  })

  it("config: a bad apiUrl or a malformed key", () => {
    for (const bad of [{ apiUrl: "not a url" }, { apiUrl: `https://user:${SECRET_KEY}@api.example.test` }]) {
      try {
        createClerkClient({ ...options, ...bad })
      } catch (e) {
        serializeAll(`config ${bad.apiUrl.slice(0, 8)}`, e)
      }
    }
    for (const bad of [{ secretKey: `pk_${SECRET_KEY}` }, { machineSecretKey: `pk_${MACHINE_SECRET_KEY}` }]) {
      let thrown: unknown
      try {
        createClerkClient({ ...options, ...bad })
      } catch (e) {
        thrown = e
      }
      assert.isDefined(thrown)
      serializeAll("config malformed key", thrown)
    }
  })

  it("token verification: a bad session token and machine tokens", async () => {
    const verifier = createTokenVerifier({ httpClient: FakeHttp.layer(handler), retry: false })
    try {
      serializeAll("verifyToken", await rejection(verifier.verifyToken(SESSION_TOKEN, { secretKey: SECRET_KEY })))
      serializeAll(
        "verifyToken jwtKey",
        await rejection(
          verifier.verifyToken(SESSION_TOKEN, { jwtKey: "-----BEGIN PUBLIC KEY-----\nbad\n-----END PUBLIC KEY-----" })
        )
      )
      for (const token of [MACHINE_TOKEN, OAUTH_TOKEN, "ak_MaChInEtOkEnAsApIkEy0000"]) {
        serializeAll(
          "verifyMachineToken",
          await rejection(
            verifier.verifyMachineToken(token, { secretKey: SECRET_KEY, machineSecretKey: MACHINE_SECRET_KEY })
          )
        )
      }
    } finally {
      await verifier.dispose()
    }
  })

  it("webhooks: a bad signature and a malformed secret", async () => {
    serializeAll(
      "verifyWebhook",
      await rejection(verifyWebhook(webhookRequest(OTHER_WEBHOOK_SECRET), { signingSecret: WEBHOOK_SECRET }))
    )
    serializeAll(
      "verifyWebhook bad secret",
      await rejection(verifyWebhook(webhookRequest(WEBHOOK_SECRET), { signingSecret: `${WEBHOOK_SECRET}!!` }))
    )
  })

  it("authenticateRequest: a bad session cookie and bad Authorization headers", async () => {
    for (const [label, request] of [
      ["cookie", sessionRequest()],
      ["bearer session", bearerRequest(SESSION_TOKEN)],
      ["bearer machine", bearerRequest(MACHINE_TOKEN)]
    ] as const) {
      let state: unknown
      try {
        state = await clerk.authenticateRequest(request, { acceptsToken: "any" })
      } catch (e) {
        state = e
      }
      if (state instanceof Error) serializeAll(`authenticateRequest ${label}`, state)
      else
        serializeAll(
          `authenticateRequest ${label} reason`,
          `${String((state as { reason?: unknown }).reason)} ${String((state as { message?: unknown }).message)}`
        )
      if (typeof state === "object" && state !== null && "toAuth" in state && typeof state.toAuth === "function") {
        serializeAll(`authenticateRequest ${label} auth`, state.toAuth())
      }
    }
  })
})

describe("secrets never leak (Effect API: errors, spans, logs)", () => {
  it.live(
    "API error kinds, decode, timeout, network error, invalid request",
    () =>
      Effect.gen(function* () {
        const users = yield* Users
        const recorded = fresh()
        for (const [status, tag] of API_KINDS) {
          const { error } = yield* observe(users.getUser(`s${status}`), recorded)
          assert.strictEqual((error as { _tag?: unknown })._tag, tag)
          serializeAll(`getUser ${status}`, error)
        }
        for (const [id, tag] of [
          ["html", "ClerkServerError"],
          ["nojson", "ClerkDecodeError"],
          ["hang", "ClerkTimeoutError"],
          ["neterr", "ClerkTransportError"],
          ["", "ClerkInvalidRequestError"]
        ] as const) {
          const { error } = yield* observe(users.getUser(id), recorded)
          assert.strictEqual((error as { _tag?: unknown })._tag, tag)
          serializeAll(`getUser ${JSON.stringify(id)}`, error)
        }
        assert.isAbove(recorded.spans.length, API_KINDS.length)
        assert.isAtLeast(recorded.logs.length, API_KINDS.length + 5)
        assertRecordedClean("getUser", recorded)
      }).pipe(Effect.provide(effectLayer), Effect.scoped),
    { timeout: 20_000 }
  )

  it.live("transport over real sockets, with spans and logs", () =>
    Effect.gen(function* () {
      const port = yield* Effect.promise(closedPort)
      const server = yield* Effect.acquireRelease(Effect.promise(resettingServer), (s) => Effect.promise(s.close))
      const recorded = fresh()
      for (const [label, apiUrl, code] of [
        ["refused", `http://127.0.0.1:${port}`, "ECONNREFUSED"],
        ["reset", `http://127.0.0.1:${server.port}`, "ECONNRESET"]
      ] as const) {
        const live = JwksCache.layer().pipe(
          Layer.provideMerge(ResourcesLive),
          Layer.provideMerge(BackendApi.layer),
          Layer.provideMerge(ClerkConfig.layer({ ...options, apiUrl })),
          Layer.provideMerge(FetchHttpClient.layer)
        )
        const { error } = yield* observe(
          Effect.flatMap(Users, (u) => u.getUser("user_1")).pipe(Effect.provide(live)),
          recorded
        )
        assert.strictEqual((error as { _tag?: unknown })._tag, "ClerkTransportError")
        const text = serializeAll(`transport ${label}`, error)
        assert.include(text, code)
        const m2m = yield* observe(
          BackendApi.BackendApi.pipe(
            Effect.flatMap((api) =>
              api.executeJson({
                operation: "m2m.verify",
                method: "POST",
                path: "/m2m_tokens/verify",
                auth: "machineSecretKey",
                body: { token: MACHINE_TOKEN }
              })
            ),
            Effect.provide(live)
          ),
          recorded
        )
        serializeAll(`m2m transport ${label}`, m2m.error)
      }
      assertRecordedClean("transport", recorded)
    }).pipe(Effect.scoped)
  )

  it.effect(
    "token verification, authenticateRequest and webhooks, with spans and logs",
    () =>
      Effect.gen(function* () {
        const recorded = fresh()
        const verify = yield* observe(Tokens.verifyToken(SESSION_TOKEN), recorded)
        assert.isDefined(verify.error)
        serializeAll("Tokens.verifyToken", verify.error)
        for (const token of [MACHINE_TOKEN, OAUTH_TOKEN]) {
          const machine = yield* observe(Tokens.verifyMachineToken(token), recorded)
          serializeAll("Tokens.verifyMachineToken", machine.error)
        }
        for (const request of [sessionRequest(), bearerRequest(SESSION_TOKEN), bearerRequest(MACHINE_TOKEN)]) {
          const state = yield* observe(Auth.authenticateRequest(request, { acceptsToken: "any" }), recorded)
          if (state.error !== undefined) serializeAll("Auth.authenticateRequest", state.error)
          const value = state.value as { reason?: unknown; message?: unknown; toAuth?: () => unknown } | undefined
          serializeAll("Auth.authenticateRequest reason", `${String(value?.reason)} ${String(value?.message)}`)
          if (typeof value?.toAuth === "function") serializeAll("Auth.authenticateRequest auth", value.toAuth())
        }
        const webhook = yield* observe(
          WebhookVerifier.verify(webhookRequest(OTHER_WEBHOOK_SECRET)).pipe(
            Effect.provide(WebhookVerifier.layer({ signingSecret: Redacted.make(WEBHOOK_SECRET) }))
          ),
          recorded
        )
        assert.isDefined(webhook.error)
        serializeAll("WebhookVerifier.verify", webhook.error)
        const badSecret = yield* observe(
          WebhookVerifier.WebhookVerifier.pipe(
            Effect.provide(WebhookVerifier.layer({ signingSecret: `${WEBHOOK_SECRET}!!` }))
          ),
          recorded
        )
        serializeAll("WebhookVerifier bad secret", badSecret.error)
        assertRecordedClean("auth", recorded)
      }).pipe(Effect.provide(effectLayer)),
    { timeout: 20_000 }
  )

  it.effect("config errors: a bad apiUrl and malformed keys", () =>
    Effect.gen(function* () {
      const recorded = fresh()
      for (const bad of [
        { apiUrl: "::not a url" },
        { secretKey: `pk_${SECRET_KEY}` },
        { machineSecretKey: `pk_${MACHINE_SECRET_KEY}` }
      ]) {
        const { error } = yield* observe(
          Effect.provide(ClerkConfig.ClerkConfig, ClerkConfig.layer({ ...options, ...bad })),
          recorded
        )
        assert.isDefined(error)
        serializeAll("config", error)
      }
      assertRecordedClean("config", recorded)
    })
  )
})

describe("the redaction rule", () => {
  it("redactSecrets removes bearer values, Clerk keys and tokens, JWTs and session cookies; keeps the rest", () => {
    const text =
      `Authorization: Bearer ${SECRET_KEY}; key ${MACHINE_SECRET_KEY} ${WEBHOOK_SECRET} ${MACHINE_TOKEN} ` +
      `${OAUTH_TOKEN} jwt ${SESSION_TOKEN} cookie __client=${CLIENT_COOKIE}; user user_123 at api.clerk.com`
    const redacted = Errors.redactSecrets(text)
    assertClean("redactSecrets", redacted)
    assert.include(redacted, "user user_123 at api.clerk.com")
    assert.include(redacted, "Bearer <redacted>")
  })

  it("transportErrorFrom keeps names, codes and redacted messages, names the host, and holds no request", () => {
    const system = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" })
    const fetchError = new TypeError("fetch failed", { cause: system })
    const clientError = {
      _tag: "RequestError",
      request: { headers: { authorization: `Bearer ${SECRET_KEY}` } },
      cause: fetchError
    }
    const error = Errors.transportErrorFrom({
      method: "GET",
      path: "/v1/users/user_1",
      apiUrl: `https://user:${SECRET_KEY}@api.clerk.com`,
      stage: "request",
      kind: "Transport",
      error: clientError
    })
    assert.strictEqual(
      error.message,
      "Network error (GET api.clerk.com /v1/users/user_1): ECONNREFUSED connect ECONNREFUSED 127.0.0.1:9"
    )
    assert.strictEqual(error.code, "ECONNREFUSED")
    assert.deepStrictEqual(error.causes, [
      { name: "TypeError", message: "fetch failed" },
      { name: "Error", message: "connect ECONNREFUSED 127.0.0.1:9", code: "ECONNREFUSED" }
    ])
    serializeAll("transportErrorFrom", error)
    const body = Errors.transportErrorFrom({
      method: "GET",
      path: "/v1/users",
      apiUrl: "https://api.clerk.com",
      stage: "body",
      kind: "Decode",
      error: { cause: new Error(`aborted ${SECRET_KEY}`) }
    })
    assert.strictEqual(
      body.message,
      "Network error (GET api.clerk.com /v1/users): could not read the response body (Decode: aborted sk_test_<redacted>)"
    )
  })
})
