import { assert, describe, it } from "@effect/vitest"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import {
  ConfigProvider,
  Effect,
  Either,
  Exit,
  Layer,
  Logger,
  LogLevel,
  Redacted,
  Schema,
  TestClock,
  Tracer
} from "effect"
import * as fs from "node:fs"
import { inspect } from "node:util"
import { Webhook } from "svix"
import {
  defaultOutFile,
  examplesFile,
  generateSource,
  renderExamples,
  specPresent
} from "../scripts/generate-webhooks.js"
import {
  isKnownWebhookEvent,
  isWebhookError,
  verifyWebhook,
  type WebhookEvent,
  WebhookEvent as WebhookEventSchema,
  webhookEventTypes,
  WebhookSignatureError,
  WebhookVerificationError,
  WebhookVerifier
} from "../src/auth/webhooks/index.js"
import { webhookExamples } from "./support/webhookExamples.js"

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
const OTHER_SECRET = "whsec_dGhpcyBpcyBhbm90aGVyIHNlY3JldCE="
const NOW = 1_716_883_200 // seconds
const ID = "msg_2g7np7Hrk0SN6kj5EDMLDaKNL0S"

const events = webhookExamples
const exampleOf = (type: string): Record<string, unknown> => {
  const example = events.find((e) => e.type === type)?.examples[0]
  if (typeof example !== "object" || example === null) throw new Error(`no example for ${type}`)
  return { ...example }
}
const userCreated = JSON.stringify(exampleOf("user.created"))

const sign = (body: string, options: { secret?: string; id?: string; timestamp?: number } = {}) =>
  new Webhook(options.secret ?? SECRET).sign(options.id ?? ID, new Date((options.timestamp ?? NOW) * 1000), body)

const svixHeaders = (body: string, options: { secret?: string; id?: string; timestamp?: number } = {}) => ({
  "svix-id": options.id ?? ID,
  "svix-timestamp": String(options.timestamp ?? NOW),
  "svix-signature": sign(body, options)
})

const request = (body: string, headers: Record<string, string>) =>
  new Request("https://app.example.com/webhooks/clerk", { method: "POST", body, headers })

const verifierLayer = WebhookVerifier.layer({ signingSecret: Redacted.make(SECRET) })

/** Runs at the delivery's time unless told otherwise. */
const at = <A, E, R>(seconds: number, effect: Effect.Effect<A, E, R>) =>
  Effect.zipRight(TestClock.setTime(seconds * 1000), effect)

const failure = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.flatMap(Effect.exit(effect), (exit) =>
    Exit.isFailure(exit) && exit.cause._tag === "Fail"
      ? Effect.succeed(exit.cause.error)
      : Effect.dieMessage(`expected a failure, got ${exit._tag}`)
  )

describe("WebhookVerifier.verify (Effect)", () => {
  it.effect("verifies a signed user.created delivery and decodes the spec's example, data kept as sent", () =>
    Effect.gen(function* () {
      const event = yield* at(NOW, WebhookVerifier.verify(request(userCreated, svixHeaders(userCreated))))
      assert.strictEqual(event.type, "user.created")
      if (!isKnownWebhookEvent(event) || event.type !== "user.created") return
      assert.strictEqual(event.data.id, "user_2g7np7Hrk0SN6kj5EDMLDaKNL0S")
      assert.strictEqual(event.data.first_name, "John")
      assert.strictEqual(event.instance_id, "ins_2g7np7Hrk0SN6kj5EDMLDaKNL0S")
      assert.deepStrictEqual(event, JSON.parse(userCreated))
    }).pipe(Effect.provide(verifierLayer))
  )

  it.effect("rejects a body altered by one byte, and a signature made with another secret", () =>
    Effect.gen(function* () {
      const headers = svixHeaders(userCreated)
      const altered = userCreated.replace("John", "Joho")
      assert.notStrictEqual(altered, userCreated)
      const e1 = yield* failure(at(NOW, WebhookVerifier.verify(request(altered, headers))))
      assert.strictEqual(e1._tag, "WebhookSignatureError")
      assert.strictEqual(e1.message, "Unable to verify incoming webhook: No matching signature found")
      const e2 = yield* failure(
        at(NOW, WebhookVerifier.verify(request(userCreated, svixHeaders(userCreated, { secret: OTHER_SECRET }))))
      )
      assert.strictEqual(e2._tag, "WebhookSignatureError")
      const e3 = yield* failure(
        at(NOW, WebhookVerifier.verify(request(userCreated, { ...headers, "svix-id": "msg_other" })))
      )
      assert.strictEqual(e3._tag, "WebhookSignatureError")
    }).pipe(Effect.provide(verifierLayer))
  )

  it.effect("names each missing header, and does not read the body when headers are missing", () =>
    Effect.gen(function* () {
      const headers = svixHeaders(userCreated)
      for (const name of ["svix-id", "svix-timestamp", "svix-signature"] as const) {
        const { [name]: _removed, ...rest } = headers
        const req = request(userCreated, rest)
        const error = yield* failure(at(NOW, WebhookVerifier.verify(req)))
        assert.strictEqual(error._tag, "WebhookMissingHeadersError")
        if (error._tag === "WebhookMissingHeadersError") assert.deepStrictEqual(error.headers, [name])
        assert.strictEqual(error.message, `Missing required webhook headers: ${name}`)
        assert.isFalse(req.bodyUsed)
      }
      const blank = yield* failure(
        at(NOW, WebhookVerifier.verify(request(userCreated, { ...headers, "svix-signature": "  " })))
      )
      assert.strictEqual(blank.message, "Missing required webhook headers: svix-signature")
      const none = yield* failure(at(NOW, WebhookVerifier.verify(request(userCreated, {}))))
      assert.strictEqual(none.message, "Missing required webhook headers: svix-id, svix-timestamp, svix-signature")
    }).pipe(Effect.provide(verifierLayer))
  )

  it.effect("accepts webhook-* (Standard Webhooks) headers and names them when one is missing", () =>
    Effect.gen(function* () {
      const svix = svixHeaders(userCreated)
      const standard = {
        "webhook-id": svix["svix-id"],
        "webhook-timestamp": svix["svix-timestamp"],
        "webhook-signature": svix["svix-signature"]
      }
      const event = yield* at(NOW, WebhookVerifier.verify(request(userCreated, standard)))
      assert.strictEqual(event.type, "user.created")
      const { "webhook-id": _id, ...noId } = standard
      const error = yield* failure(at(NOW, WebhookVerifier.verify(request(userCreated, noId))))
      assert.strictEqual(error.message, "Missing required webhook headers: webhook-id")
    }).pipe(Effect.provide(verifierLayer))
  )

  it.effect("allows 5 minutes of skew either way on the Effect Clock, and rejects stale or future deliveries", () =>
    Effect.gen(function* () {
      const verify = WebhookVerifier.verify
      const fresh = () => request(userCreated, svixHeaders(userCreated))
      assert.strictEqual((yield* at(NOW + 300, verify(fresh()))).type, "user.created")
      assert.strictEqual((yield* at(NOW - 300, verify(fresh()))).type, "user.created")
      const stale = yield* failure(at(NOW + 301, verify(fresh())))
      assert.strictEqual(stale._tag, "WebhookTimestampError")
      assert.strictEqual(stale.message, "Unable to verify incoming webhook: Message timestamp too old")
      if (stale._tag === "WebhookTimestampError") {
        assert.strictEqual(stale.reason, "too-old")
        assert.strictEqual(stale.now, NOW + 301)
      }
      const future = yield* failure(at(NOW - 301, verify(fresh())))
      assert.strictEqual(future.message, "Unable to verify incoming webhook: Message timestamp too new")
      const malformed = yield* failure(
        at(NOW, verify(request(userCreated, { ...svixHeaders(userCreated), "svix-timestamp": "soon" })))
      )
      assert.strictEqual(malformed.message, "Unable to verify incoming webhook: Invalid Signature Headers")
    }).pipe(Effect.provide(verifierLayer))
  )

  it.effect("honours a custom tolerance", () =>
    Effect.gen(function* () {
      const error = yield* failure(at(NOW + 11, WebhookVerifier.verify(request(userCreated, svixHeaders(userCreated)))))
      assert.strictEqual(error._tag, "WebhookTimestampError")
      const ok = yield* at(NOW + 10, WebhookVerifier.verify(request(userCreated, svixHeaders(userCreated))))
      assert.strictEqual(ok.type, "user.created")
    }).pipe(Effect.provide(WebhookVerifier.layer({ signingSecret: SECRET, tolerance: "10 seconds" })))
  )

  it.effect("accepts any matching v1 entry among several space-separated signatures", () =>
    Effect.gen(function* () {
      const good = sign(userCreated)
      const bad = sign(userCreated, { secret: OTHER_SECRET })
      const headers = svixHeaders(userCreated)
      for (const signature of [`${bad} ${good}`, `${good} ${bad}`, `v1a,xyz ${good}`]) {
        const event = yield* at(
          NOW,
          WebhookVerifier.verify(request(userCreated, { ...headers, "svix-signature": signature }))
        )
        assert.strictEqual(event.type, "user.created")
      }
      const wrongVersion = good.replace("v1,", "v2,")
      const error = yield* failure(
        at(
          NOW,
          WebhookVerifier.verify(request(userCreated, { ...headers, "svix-signature": `${bad} ${wrongVersion}` }))
        )
      )
      assert.strictEqual(error._tag, "WebhookSignatureError")
    }).pipe(Effect.provide(verifierLayer))
  )

  it.effect("refuses signed bodies that are not JSON objects, with the reason", () =>
    Effect.gen(function* () {
      const cases: ReadonlyArray<readonly [string, string, RegExp]> = [
        ["", "empty", /payload is empty/],
        ["not json", "not-json", /not JSON/],
        ["[1,2]", "not-an-event", /not a JSON object/],
        ['"x"', "not-an-event", /not a JSON object/],
        ["3", "not-an-event", /not a JSON object/],
        ["null", "not-an-event", /not a JSON object/],
        [JSON.stringify({ type: 3, data: {} }), "not-an-event", /`type` is not a string/]
      ]
      for (const [body, reason, pattern] of cases) {
        const error = yield* failure(at(NOW, WebhookVerifier.verify(request(body, svixHeaders(body)))))
        assert.strictEqual(error._tag, "WebhookPayloadError")
        if (error._tag === "WebhookPayloadError") assert.strictEqual(error.reason, reason)
        assert.match(error.message, pattern)
      }
    }).pipe(Effect.provide(verifierLayer))
  )

  it.effect("reads the body once: an already-read request is a typed error", () =>
    Effect.gen(function* () {
      const req = request(userCreated, svixHeaders(userCreated))
      yield* Effect.promise(() => req.text())
      const error = yield* failure(at(NOW, WebhookVerifier.verify(req)))
      assert.strictEqual(error._tag, "WebhookBodyError")
    }).pipe(Effect.provide(verifierLayer))
  )

  it.effect("verifies raw bytes with Node-style headers (verifyPayload)", () =>
    Effect.gen(function* () {
      const bytes = new TextEncoder().encode(userCreated)
      const event = yield* at(NOW, WebhookVerifier.verifyPayload({ body: bytes, headers: svixHeaders(userCreated) }))
      assert.strictEqual(event.type, "user.created")
      const twice = {
        ...svixHeaders(userCreated),
        "svix-signature": [sign(userCreated, { secret: OTHER_SECRET }), sign(userCreated)]
      }
      const again = yield* at(NOW, WebhookVerifier.verifyPayload({ body: bytes.buffer, headers: twice }))
      assert.strictEqual(again.type, "user.created")
    }).pipe(Effect.provide(verifierLayer))
  )

  it.effect("verifies an @effect/platform HttpServerRequest", () =>
    Effect.gen(function* () {
      const serverRequest = HttpServerRequest.fromWeb(request(userCreated, svixHeaders(userCreated)))
      const event = yield* at(NOW, WebhookVerifier.verifyServerRequest).pipe(
        Effect.provideService(HttpServerRequest.HttpServerRequest, serverRequest)
      )
      assert.strictEqual(event.type, "user.created")
    }).pipe(Effect.provide(verifierLayer))
  )

  it.effect(
    "WebhookVerifier.handler answers 204 after handling a verified event, 400 without calling the handler",
    () =>
      Effect.gen(function* () {
        const seen: Array<WebhookEvent["type"]> = []
        const app = WebhookVerifier.handler((event) => Effect.sync(() => void seen.push(event.type)))
        const run = (req: Request) =>
          at(NOW, app).pipe(
            Effect.provideService(HttpServerRequest.HttpServerRequest, HttpServerRequest.fromWeb(req)),
            Effect.map((res) => HttpServerResponse.toWeb(res))
          )
        const ok = yield* run(request(userCreated, svixHeaders(userCreated)))
        assert.strictEqual(ok.status, 204)
        const bad = yield* run(request(userCreated, svixHeaders(userCreated, { secret: OTHER_SECRET })))
        assert.strictEqual(bad.status, 400)
        const body: unknown = yield* Effect.promise(() => bad.json())
        assert.deepStrictEqual(body, { error: "Unable to verify incoming webhook: No matching signature found" })
        assert.deepStrictEqual(seen, ["user.created"])
      }).pipe(Effect.provide(verifierLayer))
  )
})

/** A spec example with `edit` applied to a copy of it. */
const drifted = (
  type: string,
  edit: (event: Record<string, unknown>, data: Record<string, unknown>) => void
): string => {
  const event = structuredClone(exampleOf(type))
  const data = event["data"]
  if (typeof data !== "object" || data === null) throw new Error(`no data in ${type}`)
  edit(event, data as Record<string, unknown>)
  return JSON.stringify(event)
}

/** Signed deliveries of bodies that fail their event schema, or have a type this SDK does not know, or none. */
const tolerated: ReadonlyArray<readonly [label: string, body: string, type: string | undefined]> = [
  [
    "user.created without data.external_id",
    drifted("user.created", (_, d) => void delete d["external_id"]),
    "user.created"
  ],
  [
    "user.created with a null has_image",
    drifted("user.created", (_, d) => void (d["has_image"] = null)),
    "user.created"
  ],
  [
    "an event without instance_id",
    drifted("organization.created", (e) => void delete e["instance_id"]),
    "organization.created"
  ],
  [
    "organization.created without has_image",
    drifted("organization.created", (_, d) => void delete d["has_image"]),
    "organization.created"
  ],
  [
    "organizationMembership without role_name",
    drifted("organizationMembership.created", (_, d) => void delete d["role_name"]),
    "organizationMembership.created"
  ],
  [
    "organizationMembership without permissions",
    drifted("organizationMembership.created", (_, d) => void delete d["permissions"]),
    "organizationMembership.created"
  ],
  ["session.created without data.user", drifted("session.created", (_, d) => void delete d["user"]), "session.created"],
  ["object other than event", drifted("user.created", (e) => void (e["object"] = "evt")), "user.created"],
  [
    "unknown type foo.bar",
    JSON.stringify({
      type: "foo.bar",
      object: "event",
      data: { id: "x_1", extra: [1] },
      timestamp: NOW,
      instance_id: "ins_1"
    }),
    "foo.bar"
  ],
  ["no type", JSON.stringify({ hello: "world", data: { id: 1 } }), undefined]
]

/** A logger that keeps every Warning-or-above message with its annotations. */
const captureLogs = () => {
  const logs: Array<{ readonly message: string; readonly annotations: Record<string, unknown> }> = []
  const logger = Logger.make(({ annotations, logLevel, message }) => {
    if (LogLevel.greaterThanEqual(logLevel, LogLevel.Warning)) {
      logs.push({
        message: String(Array.isArray(message) ? message.join(" ") : message),
        annotations: Object.fromEntries(annotations)
      })
    }
  })
  return { logs, layer: Logger.replace(Logger.defaultLogger, logger) }
}

describe("delivery policy: a correctly signed object is always delivered", () => {
  it.effect("Effect API: each drifted, unknown or untyped event arrives as received, with its type", () =>
    Effect.gen(function* () {
      for (const [label, body, type] of tolerated) {
        const event = yield* at(NOW, WebhookVerifier.verify(request(body, svixHeaders(body))))
        assert.deepStrictEqual<unknown>(event, JSON.parse(body), label)
        assert.strictEqual(event.type, type, label)
        assert.strictEqual(
          isKnownWebhookEvent(event),
          type !== undefined && webhookEventTypes.some((t) => t === type),
          label
        )
      }
    }).pipe(Effect.provide(verifierLayer))
  )

  it("Promise API: the same deliveries arrive as received", async () => {
    const now = Math.floor(Date.now() / 1000)
    for (const [label, body, type] of tolerated) {
      const event = await verifyWebhook(request(body, svixHeaders(body, { timestamp: now })), { signingSecret: SECRET })
      assert.deepStrictEqual<unknown>(JSON.parse(JSON.stringify(event)), JSON.parse(body), label)
      assert.strictEqual(event.type, type, label)
    }
  })

  it.effect("a one-byte change to a drifted body is still refused", () =>
    Effect.gen(function* () {
      const body = tolerated[0]![1]
      const altered = body.replace("John", "Joho")
      assert.notStrictEqual(altered, body)
      const error = yield* failure(at(NOW, WebhookVerifier.verify(request(altered, svixHeaders(body)))))
      assert.strictEqual(error._tag, "WebhookSignatureError")
    }).pipe(Effect.provide(verifierLayer))
  )

  it("Promise API: a one-byte change is still refused", async () => {
    const now = Math.floor(Date.now() / 1000)
    const body = tolerated[0]![1]
    const headers = svixHeaders(body, { timestamp: now })
    const error = await verifyWebhook(request(body.replace("John", "Joho"), headers), { signingSecret: SECRET }).then(
      () => undefined,
      (e: unknown) => e
    )
    assert.instanceOf(error, WebhookVerificationError)
    if (error instanceof WebhookVerificationError) assert.strictEqual(error.reason, "WebhookSignatureError")
  })

  it.effect("logs the drift once per (type, path) per verifier, naming the paths, never values", () => {
    const { layer, logs } = captureLogs()
    return Effect.gen(function* () {
      const body = tolerated[0]![1]
      for (let i = 0; i < 2; i++) {
        const event = yield* at(NOW, WebhookVerifier.verify(request(body, svixHeaders(body))))
        assert.strictEqual(event.type, "user.created")
      }
      assert.strictEqual(logs.length, 1)
      assert.match(logs[0]!.message, /user\.created webhook event does not match its schema/)
      assert.deepStrictEqual(logs[0]!.annotations["clerk.webhook.schema_paths"], ["data.external_id (missing)"])
      assert.strictEqual(logs[0]!.annotations["clerk.webhook.type"], "user.created")
      // A new path of the same type is reported; a conforming or unknown event is not.
      const nulled = tolerated[1]![1]
      yield* at(NOW, WebhookVerifier.verify(request(nulled, svixHeaders(nulled))))
      yield* at(NOW, WebhookVerifier.verify(request(userCreated, svixHeaders(userCreated))))
      const unknown = tolerated[8]![1]
      yield* at(NOW, WebhookVerifier.verify(request(unknown, svixHeaders(unknown))))
      assert.strictEqual(logs.length, 2)
      assert.deepStrictEqual(logs[1]!.annotations["clerk.webhook.schema_paths"], ["data.has_image (null)"])
      for (const log of logs) assert.notInclude(JSON.stringify(log), "John")
      // Another verifier has its own set.
      const other = yield* WebhookVerifier.make({ signingSecret: SECRET })
      yield* at(NOW, other.verify(request(body, svixHeaders(body))))
      assert.strictEqual(logs.length, 3)
    }).pipe(Effect.provide(verifierLayer), Effect.provide(layer))
  })
})

describe("delivery policy: tracing", () => {
  it.effect("adds a schema-drift event, with the type and paths, to the verification span", () =>
    Effect.gen(function* () {
      const events: Array<{
        readonly span: string
        readonly name: string
        readonly attributes: Record<string, unknown> | undefined
      }> = []
      const native = yield* Effect.tracer
      const tracer = Tracer.make({
        context: native.context,
        span: (name, ...rest) => {
          const span = native.span(name, ...rest)
          const event = span.event.bind(span)
          span.event = (eventName, startTime, attributes) => {
            events.push({ span: name, name: eventName, attributes })
            event(eventName, startTime, attributes)
          }
          return span
        }
      })
      const body = tolerated[0]![1]
      yield* at(NOW, WebhookVerifier.verify(request(body, svixHeaders(body)))).pipe(Effect.withTracer(tracer))
      yield* at(NOW, WebhookVerifier.verify(request(userCreated, svixHeaders(userCreated)))).pipe(
        Effect.withTracer(tracer)
      )
      // (The Warning log is also recorded on the span, as every Effect log is.)
      assert.deepStrictEqual(
        events.filter((e) => e.name === "clerk.webhook.schema_drift"),
        [
          {
            span: "clerk.webhooks.verify",
            name: "clerk.webhook.schema_drift",
            attributes: {
              "clerk.webhook.type": "user.created",
              "clerk.webhook.schema_paths": "data.external_id (missing)"
            }
          }
        ]
      )
    }).pipe(Effect.provide(verifierLayer), Effect.provide(Logger.replace(Logger.defaultLogger, Logger.none)))
  )
})

describe("webhook errors", () => {
  it("isWebhookError recognises the tagged errors only; the Promise error keeps the tag and the cause", () => {
    const tagged = new WebhookSignatureError()
    assert.isTrue(isWebhookError(tagged))
    assert.isFalse(isWebhookError(new Error("No matching signature found")))
    assert.isFalse(isWebhookError({ _tag: "WebhookSignatureError" }))
    const thrown = new WebhookVerificationError(tagged)
    assert.instanceOf(thrown, Error)
    assert.strictEqual(thrown.name, "WebhookVerificationError")
    assert.strictEqual(thrown.reason, "WebhookSignatureError")
    assert.strictEqual(thrown.cause, tagged)
    assert.strictEqual(thrown.message, "effect-clerk: Unable to verify incoming webhook: No matching signature found")
  })
})

describe("WebhookVerifier layers", () => {
  it.effect("layerConfig reads CLERK_WEBHOOK_SIGNING_SECRET through Effect Config", () =>
    Effect.gen(function* () {
      const event = yield* at(NOW, WebhookVerifier.verify(request(userCreated, svixHeaders(userCreated))))
      assert.strictEqual(event.type, "user.created")
    }).pipe(
      Effect.provide(WebhookVerifier.layerConfig()),
      Effect.withConfigProvider(ConfigProvider.fromMap(new Map([["CLERK_WEBHOOK_SIGNING_SECRET", SECRET]])))
    )
  )

  it.effect("a missing or malformed secret fails the layer with WebhookSecretError, never printing the secret", () =>
    Effect.gen(function* () {
      const missing = yield* failure(Layer.build(WebhookVerifier.layerConfig()).pipe(Effect.scoped))
      assert.strictEqual(missing._tag, "WebhookSecretError")
      assert.match(missing.message, /CLERK_WEBHOOK_SIGNING_SECRET/)
      for (const secret of ["whsec_", "whsec_!!!not base64!!!", "   "]) {
        const error = yield* failure(
          WebhookVerifier.WebhookVerifier.pipe(Effect.provide(WebhookVerifier.layer({ signingSecret: secret })))
        )
        assert.strictEqual(error._tag, "WebhookSecretError")
      }
      const malformed = "whsec_s3cr3t-with-bad-chars!"
      const error = yield* failure(WebhookVerifier.make({ signingSecret: malformed }))
      for (const text of [error.message, String(error), inspect(error), JSON.stringify(error)]) {
        assert.notInclude(text, "s3cr3t")
      }
    }).pipe(Effect.withConfigProvider(ConfigProvider.fromMap(new Map())))
  )
})

describe("generated event schemas", () => {
  it.runIf(specPresent())("are up to date with the spec (npm run generate:webhooks)", () => {
    assert.strictEqual(fs.readFileSync(defaultOutFile, "utf8"), generateSource().source)
    assert.strictEqual(fs.readFileSync(examplesFile, "utf8"), renderExamples())
  })

  it("decode every example in the spec to its own event type, keeping every key", () => {
    const decode = Schema.decodeUnknownEither(WebhookEventSchema, { onExcessProperty: "preserve" })
    let count = 0
    for (const event of events) {
      for (const example of event.examples) {
        const decoded = decode(example)
        assert.isTrue(Either.isRight(decoded), `${event.type}: ${Either.isLeft(decoded) ? decoded.left.message : ""}`)
        if (Either.isRight(decoded)) {
          assert.strictEqual(decoded.right.type, event.type)
          assert.deepStrictEqual(decoded.right, example)
        }
        count++
      }
    }
    assert.isAtLeast(count, 45)
    assert.includeMembers(
      [...webhookEventTypes],
      events.map((e) => e.type)
    )
  })
})
