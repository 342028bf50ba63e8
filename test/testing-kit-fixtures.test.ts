import { assert, describe, expect, it } from "@effect/vitest"
import { Effect, Either, Layer, Schema, TestClock } from "effect"
import { Webhook } from "svix"
import { verifyWebhook } from "../src/auth/webhooks/verifyWebhook.js"
import * as WebhookVerifier from "../src/auth/webhooks/WebhookVerifier.js"
import { fixtures as examples } from "../src/models/generated/fixtures.js"
import * as S from "../src/models/generated/schemas.js"
import { createClerkClient } from "../src/promise/createClerkClient.js"
import { ClerkAPIResponseError } from "../src/promise/errors.js"
import { Users } from "../src/resources/Users.js"
import { ClerkFrom } from "../src/layers/live.js"
import { FakeHttp, FakeServer, FakeTokens, fixtures, signWebhook, webhookSecret } from "../src/testing/index.js"

const keys = FakeTokens.generateKeys()

const rejection = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (e: unknown) => e
  )

describe("FakeServer and the client's key", () => {
  it("with no key configured, accepts the secret key the app already has", async () => {
    const server = await FakeServer.start({ keys })
    try {
      const clerk = createClerkClient({ secretKey: "sk_test_theAppsOwnKey123", apiUrl: server.url, retry: false })
      const user = server.fake.seed.user({ username: "own_key" })
      assert.strictEqual((await clerk.users.getUser(user.id)).username, "own_key")
      assert.strictEqual(server.requests().at(-1)?.headers["authorization"], "Bearer sk_test_theAppsOwnKey123")
      const live = createClerkClient({ secretKey: "sk_live_anotherKey", apiUrl: server.url, retry: false })
      assert.strictEqual((await live.users.getUser(user.id)).id, user.id)
      await clerk.dispose()
      await live.dispose()
    } finally {
      await server.close()
    }
  })

  it("with no key configured, refuses a bearer that is not a secret key and says which shape it wants", async () => {
    const server = await FakeServer.start({ keys })
    try {
      const answer = await fetch(`${server.url}/v1/users`, { headers: { authorization: "Bearer pk_test_notSecret99" } })
      assert.strictEqual(answer.status, 401)
      const body: { errors: Array<{ code: string; long_message: string }> } = await answer.json()
      assert.strictEqual(body.errors[0]?.code, "clerk_key_invalid")
      expect(body.errors[0]?.long_message).toContain("any secret key that starts with sk_")
      expect(JSON.stringify(body)).not.toContain("notSecret99")
    } finally {
      await server.close()
    }
  })

  it("with a configured key, refuses any other, naming the expected shape and neither key", async () => {
    const configured = "sk_test_configuredForThisSuite"
    const server = await FakeServer.start({ keys, secretKey: configured })
    try {
      const given = "sk_test_someOtherKeyGiven"
      const clerk = createClerkClient({ secretKey: given, apiUrl: server.url, retry: false })
      const error = await rejection(clerk.users.getUserList())
      assert.instanceOf(error, ClerkAPIResponseError)
      if (!(error instanceof ClerkAPIResponseError)) return
      assert.strictEqual(error.status, 401)
      assert.strictEqual(error.errors[0]?.code, "clerk_key_invalid")
      const text = `${error.message} ${error.errors[0]?.longMessage}`
      expect(text).toContain(`sk_test_… (${configured.length} characters)`)
      expect(text).not.toContain("someOtherKeyGiven")
      expect(text).not.toContain("configuredForThisSuite")
      const right = createClerkClient({ ...server.clientOptions, retry: false })
      assert.strictEqual(server.clientOptions.secretKey, configured)
      assert.deepStrictEqual((await right.users.getUserList()).data, [])
      await clerk.dispose()
      await right.dispose()
    } finally {
      await server.close()
    }
  })
})

describe("fixtures", () => {
  it("user({ firstName }) is a complete User: the spec example with the input applied", () => {
    const ada = fixtures.user({ firstName: "Ada", lastName: "Lovelace" })
    assert.instanceOf(ada, S.User)
    assert.strictEqual(ada.fullName, "Ada Lovelace")
    const example = Schema.encodeSync(S.User)(Schema.decodeUnknownSync(S.User)(examples["User"]))
    assert.deepStrictEqual(fixtures.user.wire({ firstName: "Ada", lastName: "Lovelace" }), {
      ...example,
      first_name: "Ada",
      last_name: "Lovelace"
    })
    assert.deepStrictEqual(ada.raw, { ...example, first_name: "Ada", last_name: "Lovelace" })
  })

  it("wire() is the same user in snake_case; the client decodes it into exactly the fixture model", async () => {
    const input = { id: "user_ada", firstName: "Ada", publicMetadata: { plan: "pro" } }
    const wire = fixtures.user.wire(input)
    assert.strictEqual(wire.first_name, "Ada")
    assert.deepStrictEqual(wire.public_metadata, { plan: "pro" })
    assert.notProperty(wire, "firstName")
    const clerk = createClerkClient({
      secretKey: "sk_test_fixtures",
      responseValidation: "strict",
      httpClient: FakeHttp.layer(FakeHttp.routes({ "GET /v1/users/{user_id}": () => FakeHttp.json(200, wire) }))
    })
    try {
      assert.deepStrictEqual(await clerk.users.getUser("user_ada"), fixtures.user(input))
    } finally {
      await clerk.dispose()
    }
  })

  it.effect("nested models come from their own factories", () =>
    Effect.gen(function* () {
      const users = yield* Users
      const list = yield* users.getUserList()
      assert.deepStrictEqual(
        list.data.map((u) => u.primaryEmailAddress?.emailAddress ?? null),
        ["ada@example.com", null]
      )
      assert.strictEqual(list.totalCount, 7)
    }).pipe(
      Effect.provide(
        ClerkFrom({ secretKey: "sk_test_fixtures", responseValidation: "strict" }).pipe(
          Layer.provide(
            FakeHttp.layer(
              FakeHttp.routes({
                "GET /v1/users": () =>
                  FakeHttp.json(200, [
                    fixtures.user.wire({
                      primaryEmailAddressId: "idn_ada",
                      emailAddresses: [fixtures.emailAddress({ id: "idn_ada", emailAddress: "ada@example.com" })]
                    }),
                    fixtures.user.wire({ id: "user_2" })
                  ]),
                "GET /v1/users/count": () => FakeHttp.json(200, { object: "total_count", total_count: 7 })
              })
            )
          )
        )
      )
    )
  )

  it("refuses input of the wrong type (the model's own schema checks it)", () => {
    const bad: Record<string, unknown> = { firstName: 42 }
    expect(() => fixtures.user(bad)).toThrow(/firstName/)
    const missing: Record<string, unknown> = { emailAddress: null }
    expect(() => fixtures.emailAddress(missing)).toThrow(/emailAddress/)
  })

  it("every factory gives a model whose wire JSON decodes strictly back to it", () => {
    let count = 0
    for (const [name, factory] of Object.entries(fixtures)) {
      if (typeof factory !== "function" || !("model" in factory)) continue
      count++
      const schema: unknown = Reflect.get(S, factory.model)
      if (!Schema.isSchema(schema)) throw new Error(`${name}: no schema ${factory.model}`)
      const model = schema as Schema.Schema<unknown, unknown, never>
      assert.isTrue(Either.isRight(Schema.decodeUnknownEither(model)(factory.wire())), name)
      assert.deepStrictEqual(Schema.encodeSync(model)(factory()), factory.wire(), name)
    }
    expect(count).toBeGreaterThanOrEqual(30)
  })

  it("page() is a list answer", () => {
    assert.deepStrictEqual(fixtures.page([1, 2], 10), { data: [1, 2], total_count: 10 })
    assert.deepStrictEqual(fixtures.page(["a"]), { data: ["a"], total_count: 1 })
  })
})

describe("signWebhook", () => {
  const secret = webhookSecret()
  const event = { type: "user.created", data: fixtures.user.wire({ id: "user_hook", firstName: "Hook" }) }

  it("gives headers and a body that verifyWebhook accepts", async () => {
    const signed = signWebhook(event, secret)
    assert.match(signed.headers["svix-signature"] ?? "", /^v1,[A-Za-z0-9+/]+=*$/)
    assert.match(signed.headers["svix-id"] ?? "", /^msg_/)
    const verified = await verifyWebhook(signed.toRequest(), { signingSecret: secret })
    assert.strictEqual(verified.type, "user.created")
    assert.strictEqual(verified.object, "event")
    assert.deepStrictEqual(verified.data, event.data)
    const again = new Request("http://localhost/hook", { method: "POST", headers: signed.headers, body: signed.body })
    assert.strictEqual((await verifyWebhook(again, { signingSecret: secret })).type, "user.created")
  })

  it("is Svix's scheme: the svix library verifies it too", () => {
    const signed = signWebhook(event, secret)
    const payload = new Webhook(secret).verify(signed.body, signed.headers)
    assert.deepStrictEqual(payload, JSON.parse(signed.body))
  })

  it("a tampered body, another secret, or a stale timestamp is refused", async () => {
    const signed = signWebhook(event, secret)
    const tampered = new Request("http://localhost/hook", {
      method: "POST",
      headers: signed.headers,
      body: signed.body.replace("Hook", "Hack")
    })
    await expect(verifyWebhook(tampered, { signingSecret: secret })).rejects.toThrow()
    await expect(verifyWebhook(signed.toRequest(), { signingSecret: webhookSecret() })).rejects.toThrow()
    const stale = signWebhook(event, secret, { timestamp: Date.now() - 10 * 60 * 1000 })
    await expect(verifyWebhook(stale.toRequest(), { signingSecret: secret })).rejects.toThrow()
  })

  it.effect("the Effect verifier accepts it at the signed time (TestClock); webhook-* headers work too", () =>
    Effect.gen(function* () {
      const at = Date.UTC(2026, 0, 2, 3, 4, 5)
      yield* TestClock.setTime(at)
      const signed = signWebhook(event, secret, { timestamp: at, id: "msg_fixed", headers: "webhook" })
      assert.strictEqual(signed.headers["webhook-id"], "msg_fixed")
      assert.strictEqual(signed.headers["webhook-timestamp"], String(at / 1000))
      const verified = yield* WebhookVerifier.verify(signed.toRequest())
      assert.strictEqual(verified.type, "user.created")
      assert.strictEqual(verified.timestamp, at)
    }).pipe(Effect.provide(WebhookVerifier.layer({ signingSecret: secret })))
  )

  it("a string is signed as is, so receivers can be tested on bodies they must refuse", async () => {
    const signed = signWebhook("[1, 2]", secret)
    assert.strictEqual(signed.body, "[1, 2]")
    await expect(verifyWebhook(signed.toRequest(), { signingSecret: secret })).rejects.toThrow()
    expect(() => signWebhook(event, "")).toThrow(/missing/)
  })
})
