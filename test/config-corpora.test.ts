/**
 * Attack corpora for configuration: keys of the wrong kind or type, an `apiUrl` that is empty, relative or of a
 * non-http scheme, a path-like `apiVersion`, a header-splitting `userAgent`, malformed webhook secrets. Each fails
 * typed at the point it is given (the Promise client's constructor, the Effect layer's construction, the environment
 * provider, the webhook verifier's construction) before any request, and no secret appears in the error however it
 * is rendered. What is accepted (an `apiUrl` with a path prefix, a key of an unfamiliar shape) only ever reaches the
 * configured host.
 */
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { inspect } from "node:util"
import { ConfigProvider, Effect, Exit, Layer } from "effect"
import { WebhookVerificationError } from "../src/auth/webhooks/errors.js"
import { verifyWebhook, WebhookVerifier } from "../src/auth/webhooks/index.js"
import { ClerkOptionsError, createClerkClient } from "../src/promise/createClerkClient.js"
import { ClerkAPIResponseError } from "../src/promise/errors.js"
import * as ClerkConfig from "../src/services/ClerkConfig.js"
import * as FakeServer from "../src/testing/FakeServer.js"
import { signWebhook, webhookSecret } from "../src/testing/webhooks.js"

const SECRET_KEY = "sk_test_cQ7vZr2mXw9LpT4nBy6HkD1sFj8GaE3u"
const MACHINE_KEY = "ak_Wm4tYq8Rz1Vn6Kc3Pb9Xh2Ls7Jd5Gf0e"
const WEBHOOK_SECRET = webhookSecret()
const SECRETS = [SECRET_KEY, MACHINE_KEY, WEBHOOK_SECRET.slice("whsec_".length)]
const fragments = SECRETS.flatMap((s) => Array.from({ length: s.length - 11 }, (_, i) => s.slice(i, i + 12)))

let server: FakeServer.FakeServer
beforeAll(async () => {
  server = await FakeServer.start({})
})
afterAll(async () => {
  await server.close()
})

/** Every way a logger renders an error, its `cause` chain included. */
const assertNoSecret = (label: string, error: unknown) => {
  let current: unknown = error
  for (let depth = 0; current !== undefined && current !== null && depth < 8; depth++) {
    const texts = [
      String(current),
      inspect(current, { depth: Infinity, showHidden: true }),
      JSON.stringify(current) ?? ""
    ]
    if (current instanceof Error) texts.push(current.message, current.stack ?? "")
    for (const text of texts) {
      const hit = fragments.find((f) => text.includes(f))
      assert.isUndefined(hit, `${label}: a secret fragment in ${text.slice(0, 200)}`)
    }
    current = typeof current === "object" && "cause" in current ? current.cause : undefined
  }
}

interface ConfigCase {
  readonly name: string
  readonly options: Record<string, unknown>
  /** The option the error must name. */
  readonly names: string
}

const CASES: ReadonlyArray<ConfigCase> = [
  // Keys of the wrong kind or type
  { name: "a publishable key as the secret key", options: { secretKey: `pk_${SECRET_KEY}` }, names: "secretKey" },
  {
    name: "a publishable key as the machine secret key",
    options: { machineSecretKey: `pk_${MACHINE_KEY}` },
    names: "machineSecretKey"
  },
  { name: "the secret key as the publishable key", options: { publishableKey: SECRET_KEY }, names: "publishableKey" },
  { name: "a number as the secret key", options: { secretKey: 42 }, names: "secretKey" },
  { name: "an object as the secret key", options: { secretKey: { value: SECRET_KEY } }, names: "secretKey" },
  { name: "a blank secret key", options: { secretKey: " \t " }, names: "secretKey" },
  // apiUrl
  { name: "apiUrl: empty", options: { apiUrl: "" }, names: "apiUrl" },
  { name: "apiUrl: blank", options: { apiUrl: "   " }, names: "apiUrl" },
  { name: "apiUrl: relative", options: { apiUrl: "/v1" }, names: "apiUrl" },
  { name: "apiUrl: no scheme", options: { apiUrl: "api.clerk.com" }, names: "apiUrl" },
  { name: "apiUrl: file:", options: { apiUrl: "file:///etc/passwd" }, names: "apiUrl" },
  { name: "apiUrl: javascript:", options: { apiUrl: "javascript:alert(1)" }, names: "apiUrl" },
  { name: "apiUrl: data:", options: { apiUrl: "data:text/plain,hello" }, names: "apiUrl" },
  { name: "apiUrl: ftp:", options: { apiUrl: "ftp://api.clerk.com" }, names: "apiUrl" },
  { name: "apiUrl: ws:", options: { apiUrl: "ws://api.clerk.com" }, names: "apiUrl" },
  { name: "apiUrl: a number", options: { apiUrl: 443 }, names: "apiUrl" },
  {
    name: "apiUrl: with credentials",
    options: { apiUrl: `https://user:${SECRET_KEY}@api.clerk.com` },
    names: "apiUrl"
  },
  { name: "apiUrl: with a user only", options: { apiUrl: `https://${MACHINE_KEY}@api.clerk.com` }, names: "apiUrl" },
  { name: "apiUrl: with a query", options: { apiUrl: "https://api.clerk.com/?x=1" }, names: "apiUrl" },
  { name: "apiUrl: with a fragment", options: { apiUrl: "https://api.clerk.com/#v1" }, names: "apiUrl" },
  // Other options that end up in the request line or headers
  { name: "apiVersion: a path", options: { apiVersion: "../v2" }, names: "apiVersion" },
  { name: "apiVersion: with a query", options: { apiVersion: "v1?x=1" }, names: "apiVersion" },
  { name: "userAgent: CR/LF", options: { userAgent: "app\r\nAuthorization: Bearer x" }, names: "userAgent" },
  { name: "responseValidation: unknown", options: { responseValidation: "lenient" }, names: "responseValidation" }
]

describe("config corpus: typed at the point it is given, no secret", () => {
  for (const c of CASES) {
    it(`Promise createClerkClient × ${c.name}: ClerkOptionsError naming ${c.names}`, () => {
      const before = server.requests().length
      let thrown: unknown
      try {
        createClerkClient({ secretKey: SECRET_KEY, apiUrl: server.url, ...c.options })
      } catch (e) {
        thrown = e
      }
      assert.instanceOf(thrown, ClerkOptionsError)
      if (thrown instanceof ClerkOptionsError) assert.include(thrown.message, c.names)
      assertNoSecret(c.name, thrown)
      assert.strictEqual(server.requests().length, before)
    })

    it.effect(`Effect ClerkConfig.layer × ${c.name}: a ConfigError naming ${c.names}`, () =>
      Effect.gen(function* () {
        const exit = yield* Effect.exit(
          Layer.build(ClerkConfig.layer({ secretKey: SECRET_KEY, ...c.options } as ClerkConfig.ClerkOptions))
        )
        assert.isTrue(Exit.isFailure(exit))
        if (Exit.isFailure(exit)) {
          const error = yield* Effect.flip(exit)
          assert.strictEqual(error._op, "InvalidData")
          assert.include(String(error), c.names)
          assertNoSecret(c.name, error)
        }
      }).pipe(Effect.scoped)
    )
  }

  const ENV: ReadonlyArray<readonly [string, Record<string, string>, string]> = [
    ["CLERK_SECRET_KEY is a publishable key", { CLERK_SECRET_KEY: `pk_${SECRET_KEY}` }, "secretKey"],
    [
      "CLERK_PUBLISHABLE_KEY is the secret key",
      { CLERK_SECRET_KEY: SECRET_KEY, CLERK_PUBLISHABLE_KEY: SECRET_KEY },
      "publishableKey"
    ],
    ["CLERK_API_URL is file:", { CLERK_SECRET_KEY: SECRET_KEY, CLERK_API_URL: "file:///etc/passwd" }, "apiUrl"],
    ["CLERK_API_URL is relative", { CLERK_SECRET_KEY: SECRET_KEY, CLERK_API_URL: "/v1" }, "apiUrl"]
  ]
  for (const [name, env, names] of ENV) {
    it.effect(`Effect ClerkConfig.fromEnv × ${name}: a ConfigError naming ${names}`, () =>
      Effect.gen(function* () {
        const exit = yield* Effect.exit(
          Layer.build(ClerkConfig.fromEnv()).pipe(
            Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env))))
          )
        )
        assert.isTrue(Exit.isFailure(exit))
        if (Exit.isFailure(exit)) {
          const error = yield* Effect.flip(exit)
          assert.include(String(error), names)
          assertNoSecret(name, error)
        }
      }).pipe(Effect.scoped)
    )
  }

  const WEBHOOK_SECRETS: ReadonlyArray<readonly [string, string, "missing" | "malformed"]> = [
    ["the Clerk secret key", SECRET_KEY, "malformed"],
    ["whsec_ alone", "whsec_", "malformed"],
    ["whsec_ and non-base64", `whsec_${"!".repeat(20)}`, "malformed"],
    ["blank", "   ", "missing"]
  ]
  for (const [name, secret, reason] of WEBHOOK_SECRETS) {
    it(`webhook signing secret × ${name}: WebhookSecretError ${reason} in both APIs`, async () => {
      const exit = await Effect.runPromiseExit(WebhookVerifier.make({ signingSecret: secret }))
      assert.isTrue(Exit.isFailure(exit))
      const error = await Effect.runPromise(Effect.flip(WebhookVerifier.make({ signingSecret: secret })))
      assert.deepStrictEqual([error._tag, error.reason], ["WebhookSecretError", reason])
      assertNoSecret(name, error)
      const thrown = await verifyWebhook(signWebhook({ type: "user.created", data: {} }, WEBHOOK_SECRET).toRequest(), {
        signingSecret: secret
      }).catch((e: unknown) => e)
      assert.instanceOf(thrown, WebhookVerificationError)
      if (thrown instanceof WebhookVerificationError) assert.strictEqual(thrown.reason, "WebhookSecretError")
      assertNoSecret(name, thrown)
    })
  }
})

describe("config corpus: what is accepted stays on the configured host", () => {
  it("an apiUrl with a path prefix keeps it: requests go to <prefix>/v1/... on that host", async () => {
    const clerk = createClerkClient({ secretKey: SECRET_KEY, apiUrl: `${server.url}/proxy/clerk/`, retry: false })
    const before = server.requests().length
    try {
      const error = await clerk.users.getUser("user_1").catch((e: unknown) => e)
      assert.instanceOf(error, ClerkAPIResponseError) // the fake has no /proxy routes: a 404, typed
      const sent = server.requests().slice(before)
      assert.deepStrictEqual(
        sent.map((r) => `${r.url.host}${new URL(r.url.href).pathname}`),
        [`${new URL(server.url).host}/proxy/clerk/v1/users/user_1`]
      )
    } finally {
      await clerk.dispose()
    }
  })

  it("keys of an unfamiliar shape are accepted, sent only to the configured host, and rejected there typed", async () => {
    for (const secretKey of ["eyJhbGciOiJIUzI1NiJ9.e30.x", `whsec_${SECRET_KEY}`, "clerk-secret"]) {
      const clerk = createClerkClient({ secretKey, apiUrl: server.url, retry: false })
      const before = server.requests().length
      try {
        const error = await clerk.users.getUser("user_1").catch((e: unknown) => e)
        assert.instanceOf(error, ClerkAPIResponseError)
        if (error instanceof ClerkAPIResponseError) assert.strictEqual(error.status, 401)
        for (const r of server.requests().slice(before)) assert.strictEqual(r.url.host, new URL(server.url).host)
      } finally {
        await clerk.dispose()
      }
    }
  })

  it("no secret key: a typed error at call time, and no request", async () => {
    const clerk = createClerkClient({ apiUrl: server.url, retry: false })
    const before = server.requests().length
    try {
      const error = await clerk.users.getUser("user_1").catch((e: unknown) => e)
      assert.instanceOf(error, Error)
      assert.match(String(error), /Secret Key/)
      assert.strictEqual(server.requests().length, before)
    } finally {
      await clerk.dispose()
    }
  })
})
