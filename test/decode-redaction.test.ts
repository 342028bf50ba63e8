/**
 * ClerkDecodeError (strict decoding) names where a body breaks the schema, never what the body holds: a 2xx body can
 * carry tokens and personal data, and the error's text ends up in logs. Checked however the error is serialized, in
 * both APIs.
 */
import { assert, describe, it } from "@effect/vitest"
import { inspect } from "node:util"
import { Effect } from "effect"
import { Users } from "../src/index.js"
import { ClerkAPIResponseError } from "../src/promise/errors.js"
import * as FakeBackend from "../src/testing/FakeBackend.js"
import * as Fault from "../src/testing/faults.js"
import { ClerkTest, fixtures } from "../src/testing/index.js"

const TOKEN = "ya29.a0AfB_byC-secret-oauth-token-value-9f8e7d6c5b4a"
const SSN = "078-05-1120-private-ssn"
const EMAIL = "ada.private@example.com"
const SENSITIVE = [TOKEN, SSN, EMAIL]

const user = (extra: Record<string, unknown>) => ({ ...fixtures.user.wire({ id: "user_1" }), ...extra })

interface Case {
  readonly name: string
  readonly body: unknown
  /** Text the issue must contain (the failing path). */
  readonly names: ReadonlyArray<string>
}

const CASES: ReadonlyArray<Case> = [
  {
    name: "an object where an array is expected, holding a token",
    body: user({ external_accounts: { oauth_token: TOKEN, email: EMAIL } }),
    names: [`["external_accounts"]`, "received an object"]
  },
  {
    name: "an array element of the wrong kind, holding personal data",
    body: user({ email_addresses: [{ id: 7, email_address: EMAIL, ssn: SSN }] }),
    names: [`["email_addresses"][0]`]
  },
  {
    name: "a string where a number is expected",
    body: user({ created_at: TOKEN }),
    names: [`["created_at"]`, "received a string"]
  },
  {
    name: "a field missing, the rest full of secrets",
    body: (() => {
      const { email_addresses: _, ...rest } = user({ private_metadata: { ssn: SSN, token: TOKEN } })
      return rest
    })(),
    names: [`["email_addresses"] is missing`]
  }
]

const renderings = (error: unknown): ReadonlyArray<string> => {
  const out: Array<string> = []
  let current: unknown = error
  for (let depth = 0; current !== undefined && current !== null && depth < 8; depth++) {
    out.push(String(current), JSON.stringify(current) ?? "", inspect(current, { depth: Infinity, showHidden: true }))
    if (current instanceof Error) out.push(current.message, current.stack ?? "")
    current = typeof current === "object" && "cause" in current ? current.cause : undefined
  }
  return out
}

const assertRedacted = (label: string, error: unknown) => {
  for (const text of renderings(error)) {
    for (const secret of SENSITIVE) assert.notInclude(text, secret, `${label}: the body's value leaks`)
  }
}

const strictLayer = (fake: FakeBackend.FakeBackendInstance) =>
  ClerkTest.layer({ fake, client: { responseValidation: "strict", retry: false } })

describe("ClerkDecodeError redaction (strict mode)", () => {
  for (const c of CASES) {
    it.effect(`Effect: ${c.name}`, () =>
      Effect.gen(function* () {
        const fake = FakeBackend.make()
        fake.inject(Fault.schemaBreaking(c.body))
        const error = yield* Effect.flip(Effect.flatMap(Users, (users) => users.getUser("user_1"))).pipe(
          Effect.provide(strictLayer(fake))
        )
        assert.strictEqual(error._tag, "ClerkDecodeError")
        if (error._tag !== "ClerkDecodeError") return
        for (const name of c.names) assert.include(error.issue, name)
        assertRedacted(c.name, error)
      })
    )

    it(`Promise: ${c.name}`, async () => {
      const fake = FakeBackend.make()
      fake.inject(Fault.schemaBreaking(c.body))
      const clerk = ClerkTest.client({ fake, client: { responseValidation: "strict", retry: false } })
      try {
        const error = await clerk.users.getUser("user_1").then(
          () => undefined,
          (e: unknown) => e
        )
        assert.instanceOf(error, ClerkAPIResponseError)
        if (error instanceof ClerkAPIResponseError) assert.strictEqual(error.kind, "ClerkDecodeError")
        assertRedacted(c.name, error)
      } finally {
        await clerk.dispose()
      }
    })
  }

  it.effect("a body breaking the schema in many places gives a bounded issue", () =>
    Effect.gen(function* () {
      const fake = FakeBackend.make()
      const broken = Object.fromEntries(
        Object.keys(fixtures.user.wire({})).map((key) => [key, { secret: TOKEN.repeat(20) }])
      )
      fake.inject(Fault.schemaBreaking({ ...broken, object: "user", id: "user_1" }))
      const error = yield* Effect.flip(Effect.flatMap(Users, (users) => users.getUser("user_1"))).pipe(
        Effect.provide(strictLayer(fake))
      )
      assert.strictEqual(error._tag, "ClerkDecodeError")
      assert.isBelow(error.message.length, 1500)
      assertRedacted("many mismatches", error)
    })
  )

  it.effect("a body that is not JSON shows at most a 120-character excerpt", () =>
    Effect.gen(function* () {
      const fake = FakeBackend.make()
      fake.inject(
        Fault.respond({
          status: 200,
          text: `${"<html>".repeat(30)} token=${TOKEN}`,
          headers: { "content-type": "text/html" }
        })
      )
      const error = yield* Effect.flip(Effect.flatMap(Users, (users) => users.getUser("user_1"))).pipe(
        Effect.provide(strictLayer(fake))
      )
      assert.strictEqual(error._tag, "ClerkDecodeError")
      assert.include(error.message, "not JSON")
      assertRedacted("non-JSON body", error)
    })
  )
})
