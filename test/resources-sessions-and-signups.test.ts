/**
 * Batch A on the Effect side: `Stream` variants walking every page, decode failures naming the path, the spec
 * operations `@clerk/backend` lacks (request and decoded result), and input checks that fail before any request.
 */
import { assert, describe, it } from "@effect/vitest"
import { Chunk, Effect, Exit, Layer, Stream } from "effect"
import * as FakeHttp from "../src/testing/FakeHttp.js"
import { ClerkFrom } from "../src/layers/live.js"
import { AccountlessApplications } from "../src/resources/AccountlessApplications.js"
import { AllowlistIdentifiers } from "../src/resources/AllowlistIdentifiers.js"
import { BetaFeatures } from "../src/resources/BetaFeatures.js"
import { Clients } from "../src/resources/Clients.js"
import { EmailAddresses } from "../src/resources/EmailAddresses.js"
import { Emails } from "../src/resources/Emails.js"
import { Invitations } from "../src/resources/Invitations.js"
import { JwtTemplates } from "../src/resources/JwtTemplates.js"
import { PhoneNumbers } from "../src/resources/PhoneNumbers.js"
import { RedirectUrls } from "../src/resources/RedirectUrls.js"
import { Sessions } from "../src/resources/Sessions.js"
import { Templates } from "../src/resources/Templates.js"
import { WaitlistEntries } from "../src/resources/WaitlistEntries.js"
import type { ResourceServices } from "../src/resources/index.js"
import type { ClerkError } from "../src/services/ClerkErrors.js"
import { USER_ID, wire } from "./support/samples/sessions-and-signups.js"

const SECRET = "sk_test_batchAEffectSide0000000"

const clerk = (
  handler: FakeHttp.FakeHandler,
  keys: { readonly secretKey?: string } = { secretKey: SECRET },
  responseValidation: "tolerant" | "strict" = "tolerant"
) =>
  ClerkFrom({ ...keys, apiUrl: "https://api.clerk.test", retry: false, responseValidation }).pipe(
    Layer.provideMerge(FakeHttp.layer(handler)),
    Layer.orDie
  )

const requests = Effect.flatMap(FakeHttp.Recorder, (recorder) => recorder.requests)
const lastRequest = Effect.flatMap(FakeHttp.Recorder, (recorder) => recorder.last)

const failureOf = <A, R>(effect: Effect.Effect<A, ClerkError, R>) =>
  Effect.flatMap(Effect.exit(effect), (exit) =>
    Exit.isFailure(exit) && exit.cause._tag === "Fail"
      ? Effect.succeed(exit.cause.error)
      : Effect.dieMessage(`expected a failure, got ${exit._tag}`)
  )

/** Answers `{ data, total_count }` pages of `total` items built by `item`, honouring `limit` and `offset`. */
const pages =
  (total: number, item: (index: number) => unknown): FakeHttp.FakeHandler =>
  (request) => {
    const limit = Number(request.query["limit"]?.[0] ?? 10)
    const offset = Number(request.query["offset"]?.[0] ?? 0)
    const count = Math.max(0, Math.min(limit, total - offset))
    return FakeHttp.json(200, { data: Array.from({ length: count }, (_, i) => item(offset + i)), total_count: total })
  }

interface StreamCase {
  readonly name: string
  readonly path: string
  readonly item: (index: number) => unknown
  readonly stream: Stream.Stream<{ readonly id?: string | undefined }, ClerkError, ResourceServices>
  /** Query values every page request must carry (besides limit/offset). */
  readonly query: Readonly<Record<string, ReadonlyArray<string>>>
}

const withId = (json: object, prefix: string) => (index: number) => ({ ...json, id: `${prefix}_${index}` })
const PAGE = 500
const TOTAL = PAGE * 2 + 7

const streamCases: ReadonlyArray<StreamCase> = [
  {
    name: "sessions.getSessionListStream",
    path: "/v1/sessions",
    item: withId(wire.session, "sess"),
    stream: Stream.unwrap(Effect.map(Sessions, (s) => s.getSessionListStream({ userId: USER_ID, status: "active" }))),
    query: { paginated: ["true"], user_id: [USER_ID], status: ["active"] }
  },
  {
    name: "clients.getClientListStream",
    path: "/v1/clients",
    item: withId(wire.client, "client"),
    stream: Stream.unwrap(Effect.map(Clients, (s) => s.getClientListStream())),
    query: { paginated: ["true"] }
  },
  {
    name: "invitations.getInvitationListStream",
    path: "/v1/invitations",
    item: withId(wire.invitation, "inv"),
    stream: Stream.unwrap(
      Effect.map(Invitations, (s) => s.getInvitationListStream({ status: "pending", orderBy: "+created_at" }))
    ),
    query: { paginated: ["true"], status: ["pending"], order_by: ["+created_at"] }
  },
  {
    name: "allowlistIdentifiers.getAllowlistIdentifierListStream",
    path: "/v1/allowlist_identifiers",
    item: withId(wire.allowlistIdentifier, "alid"),
    stream: Stream.unwrap(Effect.map(AllowlistIdentifiers, (s) => s.getAllowlistIdentifierListStream())),
    query: { paginated: ["true"] }
  },
  {
    name: "redirectUrls.getRedirectUrlListStream",
    path: "/v1/redirect_urls",
    item: withId(wire.redirectUrl, "ru"),
    stream: Stream.unwrap(Effect.map(RedirectUrls, (s) => s.getRedirectUrlListStream())),
    query: { paginated: ["true"] }
  },
  {
    name: "jwtTemplates.listStream",
    path: "/v1/jwt_templates",
    item: withId(wire.jwtTemplate, "jtmp"),
    stream: Stream.unwrap(Effect.map(JwtTemplates, (s) => s.listStream())),
    query: { paginated: ["true"] }
  },
  {
    name: "waitlistEntries.listStream",
    path: "/v1/waitlist_entries",
    item: withId(wire.waitlistEntry, "wle"),
    stream: Stream.unwrap(Effect.map(WaitlistEntries, (s) => s.listStream({ query: "example.com" }))),
    query: { query: ["example.com"] }
  },
  {
    name: "templates.getTemplateListStream",
    path: "/v1/templates/email",
    item: withId(wire.template, "tmpl"),
    stream: Stream.unwrap(Effect.map(Templates, (s) => s.getTemplateListStream({ templateType: "email" }))),
    query: { paginated: ["true"] }
  }
]

describe("batch A Stream variants", () => {
  for (const { item, name, path, query, stream } of streamCases) {
    it.effect(`${name} walks every page at the spec's maximum page size`, () =>
      Effect.gen(function* () {
        const items = Chunk.toReadonlyArray(yield* Stream.runCollect(stream))
        assert.strictEqual(items.length, TOTAL)
        assert.deepStrictEqual(
          items.map((entry) => entry.id),
          Array.from({ length: TOTAL }, (_, i) => (item(i) as { id: string }).id)
        )
        const sent = yield* requests
        assert.deepStrictEqual(
          sent.map((r) => r.path),
          [path, path, path]
        )
        assert.deepStrictEqual(
          sent.map((r) => r.query["offset"]),
          [["0"], [String(PAGE)], [String(PAGE * 2)]]
        )
        for (const request of sent) {
          assert.deepStrictEqual(request.query["limit"], [String(PAGE)])
          for (const [key, value] of Object.entries(query)) assert.deepStrictEqual(request.query[key], value, key)
        }
      }).pipe(Effect.provide(clerk(pages(TOTAL, item))))
    )
  }

  it.effect("a stream stops at the first failing page with the typed error", () =>
    Effect.gen(function* () {
      const error = yield* failureOf(Stream.runCollect(Stream.unwrap(Effect.map(JwtTemplates, (s) => s.listStream()))))
      assert.strictEqual(error._tag, "ClerkServerError")
      assert.strictEqual((yield* requests).length, 2)
    }).pipe(
      Effect.provide(
        clerk((request) =>
          request.query["offset"]?.[0] === "0"
            ? pages(TOTAL, withId(wire.jwtTemplate, "jtmp"))(request)
            : FakeHttp.clerkError(500, [{ code: "internal", message: "boom" }])
        )
      )
    )
  )
})

describe("batch A decoding", () => {
  const { user_id: _userId, ...sessionWithoutUser } = wire.session
  const { secret_key: _secret, ...accountlessWithoutSecret } = wire.accountlessApplication
  const cases: ReadonlyArray<{
    readonly name: string
    readonly body: unknown
    readonly call: Effect.Effect<unknown, ClerkError, ResourceServices>
    readonly mentions: string
  }> = [
    {
      name: "a session without user_id",
      body: sessionWithoutUser,
      call: Sessions.getSession("sess_1"),
      mentions: "user_id"
    },
    {
      name: "a token without jwt",
      body: { object: "token" },
      call: Sessions.getToken("sess_1"),
      mentions: "jwt"
    },
    {
      name: "an accountless application without secret_key",
      body: accountlessWithoutSecret,
      call: AccountlessApplications.createAccountlessApplication(),
      mentions: "secret_key"
    },
    {
      name: "a handshake payload whose directives are not strings",
      body: { directives: [1] },
      call: Clients.getHandshakePayload({ nonce: "n" }),
      mentions: "directives"
    },
    {
      name: "a batch item without status_code",
      body: [{ index: 0, email: wire.email }],
      call: Emails.createBatch([
        { to: { address: "a@example.com" }, from: { address: "s@example.com" }, subject: "s", text: "t" }
      ]),
      mentions: "status_code"
    }
  ]
  for (const { body, call, mentions, name } of cases) {
    it.effect(`in strict mode, ${name} fails with ClerkDecodeError naming the field`, () =>
      Effect.gen(function* () {
        const error = yield* failureOf(call)
        assert.strictEqual(error._tag, "ClerkDecodeError")
        if (error._tag === "ClerkDecodeError") assert.include(error.issue, mentions)
      }).pipe(Effect.provide(clerk(() => FakeHttp.json(200, body), { secretKey: SECRET }, "strict")))
    )
  }

  it.effect("a new field from Clerk is tolerated and defaults fill what older responses lack", () =>
    Effect.gen(function* () {
      const session = yield* Sessions.getSession(wire.sparseSession.id)
      assert.strictEqual(session.actor, null)
      assert.strictEqual(session.status, "ended")
      const task = yield* (yield* Sessions).getToken("sess_1", "hasura")
      assert.strictEqual(task.jwt, wire.token.jwt)
    }).pipe(
      Effect.provide(
        clerk((request) =>
          FakeHttp.json(
            200,
            request.path.includes("/tokens/") ? wire.token : { ...wire.sparseSession, brand_new_field: 1 }
          )
        )
      )
    )
  )
})

describe("spec operations @clerk/backend lacks", () => {
  it.effect("emailAddresses.prepare/attemptEmailAddressVerification", () =>
    Effect.gen(function* () {
      const prepared = yield* EmailAddresses.prepareEmailAddressVerification("idn_1")
      const prepareRequest = yield* lastRequest
      assert.strictEqual(prepareRequest.method, "POST")
      assert.strictEqual(prepareRequest.path, "/v1/email_addresses/idn_1/prepare_verification")
      assert.strictEqual(prepareRequest.bodyText, undefined)
      assert.strictEqual(prepared.status, "unverified")
      assert.strictEqual(prepared.expireAt, 1700000600000)

      const attempted = yield* EmailAddresses.attemptEmailAddressVerification("idn_1", {
        verificationId: "ver_1",
        code: "424242"
      })
      const attemptRequest = yield* lastRequest
      assert.strictEqual(attemptRequest.path, "/v1/email_addresses/idn_1/attempt_verification")
      assert.deepStrictEqual(attemptRequest.body, { verification_id: "ver_1", code: "424242" })
      assert.strictEqual(attempted.strategy, "email_code")
    }).pipe(Effect.provide(clerk(() => FakeHttp.json(200, wire.verification))))
  )

  it.effect("phoneNumbers.prepare/attemptPhoneNumberVerification", () =>
    Effect.gen(function* () {
      yield* PhoneNumbers.preparePhoneNumberVerification("idn_2")
      assert.strictEqual((yield* lastRequest).path, "/v1/phone_numbers/idn_2/prepare_verification")
      const attempted = yield* PhoneNumbers.attemptPhoneNumberVerification("idn_2", {
        verificationId: "ver_2",
        code: "000000"
      })
      const request = yield* lastRequest
      assert.strictEqual(request.path, "/v1/phone_numbers/idn_2/attempt_verification")
      assert.deepStrictEqual(request.body, { verification_id: "ver_2", code: "000000" })
      assert.strictEqual(attempted.status, "verified")
    }).pipe(
      Effect.provide(
        clerk(() => FakeHttp.json(200, { ...wire.verification, strategy: "phone_code", status: "verified" }))
      )
    )
  )

  it.effect("templates: list, get, upsert, preview, revert and toggle", () =>
    Effect.gen(function* () {
      const templates = yield* Templates
      const list = yield* templates.getTemplateList({ templateType: "sms", limit: 5, offset: 0 })
      assert.strictEqual(list.totalCount, 1)
      assert.strictEqual(list.data[0]?.slug, "verification_code")
      assert.deepStrictEqual((yield* lastRequest).query, { limit: ["5"], offset: ["0"], paginated: ["true"] })

      const got = yield* templates.getTemplate({ templateType: "email", slug: "verification_code" })
      assert.strictEqual(got.fromEmailName, wire.template.from_email_name)
      assert.strictEqual((yield* lastRequest).path, "/v1/templates/email/verification_code")

      yield* templates.upsertTemplate({
        templateType: "email",
        slug: "verification_code",
        subject: "Your code",
        body: "{{otp_code}}",
        deliveredByClerk: null,
        fromEmailName: "auth",
        replyToEmailName: "support"
      })
      const upsert = yield* lastRequest
      assert.strictEqual(upsert.method, "PUT")
      assert.deepStrictEqual(upsert.body, {
        subject: "Your code",
        body: "{{otp_code}}",
        delivered_by_clerk: null,
        from_email_name: "auth",
        reply_to_email_name: "support"
      })

      const preview = yield* templates.previewTemplate({ templateType: "email", slug: "invitation", body: "Hi" })
      assert.strictEqual(preview.subject, "Welcome")
      assert.strictEqual(preview.fromEmailAddress, "auth@example.com")
      assert.strictEqual((yield* lastRequest).path, "/v1/templates/email/invitation/preview")

      yield* templates.revertTemplate({ templateType: "sms", slug: "verification_code" })
      assert.strictEqual((yield* lastRequest).path, "/v1/templates/sms/verification_code/revert")

      yield* templates.toggleTemplateDelivery({
        templateType: "sms",
        slug: "verification_code",
        deliveredByClerk: false
      })
      const toggle = yield* lastRequest
      assert.strictEqual(toggle.path, "/v1/templates/sms/verification_code/toggle_delivery")
      assert.deepStrictEqual(toggle.body, { delivered_by_clerk: false })
    }).pipe(
      Effect.provide(
        clerk(
          FakeHttp.routes({
            "GET /v1/templates/{type}": () => FakeHttp.json(200, { data: [wire.template], total_count: 1 }),
            "POST /v1/templates/{type}/{slug}/preview": () =>
              FakeHttp.json(200, { subject: "Welcome", body: "<p>Hi</p>", from_email_address: "auth@example.com" }),
            "GET /v1/templates/{type}/{slug}": () => FakeHttp.json(200, wire.template),
            "PUT /v1/templates/{type}/{slug}": () => FakeHttp.json(200, wire.template),
            "POST /v1/templates/{type}/{slug}/revert": () => FakeHttp.json(200, wire.template),
            "POST /v1/templates/{type}/{slug}/toggle_delivery": () => FakeHttp.json(200, wire.template)
          })
        )
      )
    )
  )

  it.effect("betaFeatures: instance settings and the two production domain endpoints", () =>
    Effect.gen(function* () {
      const settings = yield* BetaFeatures.updateInstanceSettings({ restrictedToAllowlist: true, testMode: false })
      const patch = yield* lastRequest
      assert.strictEqual(patch.method, "PATCH")
      assert.strictEqual(patch.path, "/v1/beta_features/instance_settings")
      assert.deepStrictEqual(patch.body, { restricted_to_allowlist: true, test_mode: false })
      assert.strictEqual(settings.fromEmailAddress, wire.instanceSettings.from_email_address)

      const updated = yield* BetaFeatures.updateProductionInstanceDomain({ homeUrl: "https://www.example.com" })
      const put = yield* lastRequest
      assert.strictEqual(put.method, "PUT")
      assert.strictEqual(put.path, "/v1/beta_features/domain")
      assert.deepStrictEqual(put.body, { home_url: "https://www.example.com" })
      assert.strictEqual(updated, undefined)

      yield* BetaFeatures.changeProductionInstanceDomain({ homeUrl: "https://www.example.com", isSecondary: true })
      const post = yield* lastRequest
      assert.strictEqual(post.method, "POST")
      assert.strictEqual(post.path, "/v1/instance/change_domain")
      assert.deepStrictEqual(post.body, { home_url: "https://www.example.com", is_secondary: true })
    }).pipe(
      Effect.provide(
        clerk(
          FakeHttp.routes({
            "PATCH /v1/beta_features/instance_settings": () => FakeHttp.json(200, wire.instanceSettings),
            "PUT /v1/beta_features/domain": () => ({ status: 202 }),
            "POST /v1/instance/change_domain": () => ({ status: 202 })
          })
        )
      )
    )
  )
})

describe("batch A input handling", () => {
  it.effect("accountless applications forward the incoming headers, minus hop-by-hop ones", () =>
    Effect.gen(function* () {
      const app = yield* AccountlessApplications.completeAccountlessApplicationOnboarding({
        source: "nextjs",
        requestHeaders: new Headers({
          "x-forwarded-host": "localhost:3000",
          "content-type": "text/plain",
          "content-length": "12",
          host: "localhost:3000"
        })
      })
      const request = yield* lastRequest
      assert.strictEqual(request.path, "/v1/accountless_applications/complete")
      assert.deepStrictEqual(request.query, { source: ["nextjs"] })
      assert.strictEqual(request.headers["x-forwarded-host"], "localhost:3000")
      assert.strictEqual(request.headers["content-type"], "application/json")
      assert.strictEqual(request.headers["host"], undefined)
      assert.strictEqual(request.headers["content-length"], undefined)
      assert.strictEqual(request.headers["authorization"], undefined)
      assert.strictEqual(app.claimUrl, wire.accountlessApplication.claim_url)
    }).pipe(Effect.provide(clerk(() => FakeHttp.json(200, wire.accountlessApplication), {})))
  )

  it.effect("emails reject bad idempotency keys and batch sizes with ClerkInvalidRequestError, sending nothing", () =>
    Effect.gen(function* () {
      const message = { to: { address: "a@example.com" }, from: { address: "s@example.com" }, subject: "s", text: "t" }
      const bad = yield* failureOf(Emails.create(message, { idempotencyKey: "x".repeat(256) }))
      assert.strictEqual(bad._tag, "ClerkInvalidRequestError")
      const empty = yield* failureOf(Emails.createBatch([]))
      assert.strictEqual(empty._tag, "ClerkInvalidRequestError")
      const badItem = yield* failureOf(Emails.createBatch([message, { ...message, idempotencyKey: "ümlaut" }]))
      assert.strictEqual(badItem._tag, "ClerkInvalidRequestError")
      assert.strictEqual((yield* requests).length, 0)
    }).pipe(Effect.provide(clerk(() => FakeHttp.json(200, wire.email))))
  )

  it.effect("emails.createBatch accepts a { data } envelope and keeps per-item errors typed", () =>
    Effect.gen(function* () {
      const message = { to: { address: "a@example.com" }, from: { address: "s@example.com" }, subject: "s", text: "t" }
      const results = yield* Emails.createBatch([message, message])
      assert.strictEqual(results[0]?.email?.id, wire.email.id)
      assert.strictEqual(results[1]?.statusCode, 422)
      assert.deepStrictEqual(
        results[1]?.errors?.map((e) => [e.code, e.meta?.["paramName"]]),
        [["form_param_missing", "subject"]]
      )
      assert.deepStrictEqual((yield* lastRequest).body, {
        messages: [
          { to: { address: "a@example.com" }, from: { address: "s@example.com" }, subject: "s", text: "t" },
          { to: { address: "a@example.com" }, from: { address: "s@example.com" }, subject: "s", text: "t" }
        ]
      })
    }).pipe(
      Effect.provide(
        clerk(() =>
          FakeHttp.json(200, {
            data: [
              { index: 0, email: wire.email, status_code: 200 },
              {
                index: 1,
                status_code: 422,
                errors: [{ code: "form_param_missing", message: "m", meta: { param_name: "subject" } }]
              }
            ]
          })
        )
      )
    )
  )
})
