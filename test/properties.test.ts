/**
 * Property tests (fast-check, through `effect`'s `FastCheck`): the tolerant decoder takes any JSON object of the
 * right top-level kind, strict decoding fails typed, path ids and queries encode losslessly and stay in their URL
 * part, the token, cookie and webhook-header parsers never throw, and webhook signing round-trips for any body.
 */
import { afterAll, assert, describe, it } from "@effect/vitest"
import { Cause, Effect, Either, Exit, FastCheck as fc, Layer, LogLevel, Logger, ManagedRuntime, Option } from "effect"
import { parseCookieHeader } from "../src/auth/request/cookies.js"
import { decodeSessionToken, planVerification } from "../src/auth/tokens/verifyToken.js"
import { makeLocal } from "../src/auth/tokens/JwksCache.js"
import { readDeliveryHeaders, signingKey, verifyBody } from "../src/auth/webhooks/signature.js"
import { BackendApiFrom } from "../src/layers/live.js"
import { User } from "../src/models/generated/schemas.js"
import * as BackendApi from "../src/services/BackendApi.js"
import { encodeQuery, fillPath } from "../src/services/internal/url.js"
import * as FakeHttp from "../src/testing/FakeHttp.js"
import { signWebhook, webhookSecret } from "../src/testing/webhooks.js"

const RUNS = { numRuns: 200 }

// ---------------------------------------------------------------------------------------------------------------
// Decoding: any 2xx body gives a typed result or a typed decode failure, never a defect

let body: unknown = {}
const pipeline = (responseValidation: "tolerant" | "strict") =>
  ManagedRuntime.make(
    BackendApiFrom({ secretKey: "sk_test_properties", retry: false, responseValidation }).pipe(
      Layer.provide(FakeHttp.layer(() => FakeHttp.json(200, body))),
      // The drift report's warnings are expected here by the thousand.
      Layer.merge(Logger.minimumLogLevel(LogLevel.Error))
    )
  )
const tolerant = pipeline("tolerant")
const strict = pipeline("strict")
afterAll(async () => {
  await tolerant.dispose()
  await strict.dispose()
})

const getUser = Effect.flatMap(BackendApi.BackendApi, (api) =>
  api.execute(
    { operation: "users.getUser", method: "GET", path: "/users/{user_id}", pathParams: { user_id: "user_1" } },
    User
  )
)

const run = (runtime: typeof tolerant, value: unknown) => {
  body = value
  return runtime.runPromiseExit(getUser)
}

/** The failure's tag, or "success"; a defect fails the property. */
const outcome = (exit: Exit.Exit<unknown, { readonly _tag: string }>): string => {
  if (Exit.isSuccess(exit)) return "success"
  const failure = Cause.failureOption(exit.cause)
  if (Option.isNone(failure)) throw new Error(`a defect: ${Cause.pretty(exit.cause)}`)
  return failure.value._tag
}

const jsonObject = fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 4 }), { maxKeys: 12 })
/** Objects shaped like a user: known keys with arbitrary JSON values. */
const userLike = fc.record(
  {
    object: fc.oneof(fc.constant("user"), fc.jsonValue({ maxDepth: 1 })),
    id: fc.jsonValue({ maxDepth: 1 }),
    email_addresses: fc.jsonValue({ maxDepth: 3 }),
    first_name: fc.jsonValue({ maxDepth: 1 }),
    created_at: fc.jsonValue({ maxDepth: 1 }),
    public_metadata: fc.jsonValue({ maxDepth: 3 })
  },
  { requiredKeys: [] }
)
const notAnObject = fc.oneof(
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.string(),
  fc.double(),
  fc.boolean()
)

describe("decoding properties", () => {
  it("tolerant: any JSON object decodes as a User", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(jsonObject, userLike), async (value) => {
        assert.strictEqual(outcome(await run(tolerant, value)), "success")
      }),
      RUNS
    )
  })

  it("strict: any JSON object gives a User or a ClerkDecodeError, never a defect", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(jsonObject, userLike), async (value) => {
        assert.include(["success", "ClerkDecodeError"], outcome(await run(strict, value)))
      }),
      RUNS
    )
  })

  it("both modes: a body of the wrong top-level kind is a ClerkDecodeError", async () => {
    await fc.assert(
      fc.asyncProperty(notAnObject, async (value) => {
        assert.strictEqual(outcome(await run(tolerant, value)), "ClerkDecodeError")
        assert.strictEqual(outcome(await run(strict, value)), "ClerkDecodeError")
      }),
      RUNS
    )
  })
})

// ---------------------------------------------------------------------------------------------------------------
// URL encoding

/** Strings from any UTF-16 unit, lone surrogates included, plus the characters that matter in a URL. */
const anyId = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)), maxLength: 20 }),
  fc.string({
    unit: fc.constantFrom("/", ".", "?", "#", "%", "&", "=", " ", "\\", "a", "\u00e9", "\u{1F600}"),
    maxLength: 12
  })
)
const hasLoneSurrogate = (s: string) => /\p{Surrogate}/u.test(s)

describe("URL encoding properties", () => {
  it("a path id is refused (blank, dot segment, lone surrogate) or fills exactly one segment that decodes back", () => {
    fc.assert(
      fc.property(anyId, (id) => {
        const filled = fillPath("/users/{user_id}/metadata", { user_id: id })
        const refused = id.trim() === "" || id === "." || id === ".." || hasLoneSurrogate(id)
        assert.strictEqual(Either.isLeft(filled), refused, JSON.stringify(id))
        if (Either.isLeft(filled)) return
        const match = /^\/users\/([^/?#]+)\/metadata$/.exec(filled.right)
        assert.isNotNull(match, filled.right)
        assert.strictEqual(decodeURIComponent(match![1]!), id)
        // And the URL parser keeps it in the path.
        const url = new URL(`https://api.clerk.test/v1${filled.right}`)
        assert.strictEqual(url.pathname, `/v1${filled.right}`)
        assert.strictEqual(url.search, "")
        assert.strictEqual(url.hash, "")
      }),
      { numRuns: 500 }
    )
  })

  it("a query round-trips: snake_cased keys, every value of a list, in order", () => {
    const value = fc.string({ maxLength: 16 }).filter((s) => !hasLoneSurrogate(s))
    fc.assert(
      fc.property(value, fc.array(value, { maxLength: 5 }), fc.integer(), (query, emails, limit) => {
        const text = encodeQuery({ query, emailAddress: emails, limit })
        const params = new URLSearchParams(text.replace(/^\?/, ""))
        assert.strictEqual(params.get("query"), query)
        assert.deepStrictEqual(params.getAll("email_address"), emails)
        assert.strictEqual(params.get("limit"), String(limit))
        assert.deepStrictEqual(
          [...new Set(params.keys())].sort(),
          ["email_address", "limit", "query"].filter((k) => k !== "email_address" || emails.length > 0).sort()
        )
      }),
      RUNS
    )
  })
})

// ---------------------------------------------------------------------------------------------------------------
// Parsers never throw

const b64 = (s: string) => Buffer.from(s).toString("base64url")
/** Tokens from arbitrary text, and three segments of base64url-encoded arbitrary JSON. */
const tokenLike = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.tuple(fc.json(), fc.json(), fc.string({ maxLength: 40 })).map(([h, p, s]) => `${b64(h)}.${b64(p)}.${b64(s)}`),
  fc
    .array(fc.string({ unit: fc.constantFrom("A", "-", "_", ".", "=", "+", "/"), maxLength: 30 }), { maxLength: 5 })
    .map((parts) => parts.join("."))
)

describe("parsers never throw", () => {
  it("the JWT parser and the verification plan return a typed result for any token", () => {
    const keys = makeLocal(undefined)
    fc.assert(
      fc.property(tokenLike, (token) => {
        const decoded = decodeSessionToken(token)
        assert.isTrue(Either.isEither(decoded))
        const plan = planVerification(token, {}, keys, Date.now())
        // With no key at all, nothing verifies.
        if (Either.isEither(plan)) assert.isTrue(Either.isLeft(plan))
      }),
      { numRuns: 500 }
    )
  })

  it("the cookie parser returns a map for any header", () => {
    const cookieText = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc
        .array(fc.tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 })), { maxLength: 8 })
        .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join("; ")),
      fc.string({ unit: fc.constantFrom("%", "=", ";", " ", "a", '"', "E", "9"), maxLength: 40 })
    )
    fc.assert(
      fc.property(cookieText, (header) => {
        const cookies = parseCookieHeader(header)
        for (const [name, value] of cookies) {
          assert.isString(name)
          assert.isString(value)
        }
      }),
      { numRuns: 500 }
    )
  })

  it("the webhook header parser returns headers or WebhookMissingHeadersError for any header record", () => {
    const names = fc.constantFrom(
      "svix-id",
      "svix-timestamp",
      "svix-signature",
      "webhook-id",
      "webhook-timestamp",
      "webhook-signature",
      "other"
    )
    const record = fc.dictionary(
      names,
      fc.oneof(fc.string({ maxLength: 30 }), fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }))
    )
    fc.assert(
      fc.property(record, (headers) => {
        const read = readDeliveryHeaders(headers)
        if (Either.isLeft(read)) assert.strictEqual(read.left._tag, "WebhookMissingHeadersError")
      }),
      { numRuns: 500 }
    )
  })
})

// ---------------------------------------------------------------------------------------------------------------
// Webhook signatures

describe("webhook signature properties", () => {
  const secret = webhookSecret()
  const key = Either.getOrThrow(signingKey(secret))
  const event = fc.record({
    type: fc.string({ minLength: 1, maxLength: 20 }),
    data: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 })
  })

  it("sign → verify round-trips for any event, and the verified event is the signed one", () => {
    fc.assert(
      fc.property(event, fc.integer({ min: -299, max: 299 }), (input, skewSeconds) => {
        const now = Date.now()
        const signed = signWebhook(input, secret, { timestamp: now + skewSeconds * 1000 })
        const verified = verifyBody(key, Either.getOrThrow(readDeliveryHeaders(signed.headers)), signed.body, now, 300)
        assert.isTrue(Either.isRight(verified), JSON.stringify(Either.isLeft(verified) ? verified.left : undefined))
        if (Either.isRight(verified)) {
          assert.strictEqual(verified.right.event.type, input.type)
          assert.deepStrictEqual(verified.right.event.data, JSON.parse(signed.body).data)
        }
      }),
      RUNS
    )
  })

  it("any change to one character of the body fails the signature", () => {
    fc.assert(
      fc.property(event, fc.nat(), fc.integer({ min: 1, max: 0xffff }), (input, at, delta) => {
        const signed = signWebhook(input, secret)
        const i = at % signed.body.length
        const changed =
          signed.body.slice(0, i) +
          String.fromCharCode((signed.body.charCodeAt(i) + delta) % 0x10000) +
          signed.body.slice(i + 1)
        // A change can vanish in UTF-8 (two lone surrogates both become U+FFFD); only a real change must fail.
        fc.pre(Buffer.from(changed).compare(Buffer.from(signed.body)) !== 0)
        const verified = verifyBody(
          key,
          Either.getOrThrow(readDeliveryHeaders(signed.headers)),
          changed,
          Date.now(),
          300
        )
        assert.isTrue(Either.isLeft(verified) && verified.left._tag === "WebhookSignatureError")
      }),
      RUNS
    )
  })

  it("a timestamp beyond the tolerance fails WebhookTimestampError, either way", () => {
    fc.assert(
      fc.property(event, fc.integer({ min: 301, max: 10_000_000 }), fc.boolean(), (input, offset, ahead) => {
        const now = Date.now()
        const signed = signWebhook(input, secret, { timestamp: now + (ahead ? offset : -offset) * 1000 })
        const verified = verifyBody(key, Either.getOrThrow(readDeliveryHeaders(signed.headers)), signed.body, now, 300)
        assert.isTrue(Either.isLeft(verified) && verified.left._tag === "WebhookTimestampError")
      }),
      RUNS
    )
  })
})
