/**
 * Attack corpora: hostile tokens, webhook deliveries and path ids. Each case must end in its specific typed failure
 * (or, for ids, a correctly encoded request to the right host and path): never a crash, never a request elsewhere,
 * and no secret in the error however it is serialized.
 */
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { FetchHttpClient } from "@effect/platform"
import { createHmac } from "node:crypto"
import { inspect } from "node:util"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import { Cause, Clock, Effect, Either, Exit, Layer, Option, Schema } from "effect"
import * as JwksCache from "../src/auth/tokens/JwksCache.js"
import * as Tokens from "../src/auth/tokens/index.js"
import { TokenVerificationError } from "../src/auth/errors.js"
import { verifyWebhook, verifyWebhookPayload, WebhookVerifier } from "../src/auth/webhooks/index.js"
import { WebhookVerificationError } from "../src/auth/webhooks/errors.js"
import { BackendApiFrom } from "../src/layers/live.js"
import { createClerkClient } from "../src/promise/createClerkClient.js"
import { ClerkAPIResponseError } from "../src/promise/errors.js"
import { createTokenVerifier } from "../src/promise/verifier.js"
import * as BackendApi from "../src/services/BackendApi.js"
import * as FakeServer from "../src/testing/FakeServer.js"
import { generateKeys, sessionClaims, signJwt } from "../src/testing/tokens.js"
import { fixtures } from "../src/testing/index.js"
import { signWebhook, webhookSecret } from "../src/testing/webhooks.js"

const KEY = generateKeys("ins_corpusKey")
const ATTACKER = generateKeys("ins_corpusKey") // same kid, different key
const SECRET_KEY = "sk_test_corpusSecretKeyThatMustNeverLeak0123456789"
const WEBHOOK_SECRET = webhookSecret()
let server: FakeServer.FakeServer
const unhandled: Array<unknown> = []
const onUnhandled = (reason: unknown) => unhandled.push(reason)

beforeAll(async () => {
  process.on("unhandledRejection", onUnhandled)
  server = await FakeServer.start({ keys: KEY, secretKey: SECRET_KEY })
})
afterAll(async () => {
  await server.close()
  process.off("unhandledRejection", onUnhandled)
  assert.deepStrictEqual(unhandled, [])
})

// ---------------------------------------------------------------------------------------------------------------
// No secret in any serialization

const SECRETS = [SECRET_KEY, WEBHOOK_SECRET, WEBHOOK_SECRET.slice("whsec_".length)]
const fragments = SECRETS.flatMap((s) => Array.from({ length: s.length - 11 }, (_, i) => s.slice(i, i + 12)))

/** Every way a logger renders an error, its `cause` chain included. */
const renderings = (error: unknown): ReadonlyArray<string> => {
  const out: Array<string> = []
  let current: unknown = error
  for (let depth = 0; current !== undefined && current !== null && depth < 8; depth++) {
    out.push(String(current), inspect(current, { depth: Infinity, showHidden: true }))
    try {
      out.push(JSON.stringify(current) ?? "")
    } catch {
      // A cycle is not a leak.
    }
    if (current instanceof Error) out.push(current.message, current.stack ?? "")
    current = typeof current === "object" && "cause" in current ? current.cause : undefined
  }
  return out
}

const assertNoSecret = (label: string, error: unknown) => {
  for (const text of renderings(error)) {
    const hit = fragments.find((f) => text.includes(f))
    assert.isUndefined(hit, `${label}: a secret fragment appears in ${text.slice(0, 200)}`)
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Tokens

const b64 = (value: string | Buffer) => Buffer.from(value).toString("base64url")
const now = () => Math.floor(Date.now() / 1000)
const claims = (extra: Record<string, unknown> = {}) => ({
  ...sessionClaims(server.fake.issuer, { userId: "user_corpus", azp: "https://app.example.com" }, now()),
  ...extra
})
const unsigned = (header: unknown, payload: unknown, signature = "") =>
  `${b64(JSON.stringify(header))}.${b64(JSON.stringify(payload))}.${signature}`
const hs256 = (secret: string, payload: unknown, kid = KEY.kid) => {
  const input = `${b64(JSON.stringify({ alg: "HS256", kid, typ: "JWT" }))}.${b64(JSON.stringify(payload))}`
  return `${input}.${createHmac("sha256", secret).update(input).digest("base64url")}`
}
const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth)

interface TokenCase {
  readonly name: string
  readonly token: () => string
  readonly reason: string
  readonly options?: Tokens.VerifyTokenOptions
}

const TOKEN_CASES: ReadonlyArray<TokenCase> = [
  {
    name: "alg none, no signature",
    token: () => unsigned({ alg: "none", kid: KEY.kid, typ: "JWT" }, claims()),
    reason: "token-invalid-algorithm"
  },
  {
    name: "alg None (case)",
    token: () => unsigned({ alg: "None", kid: KEY.kid, typ: "JWT" }, claims(), "AAAA"),
    reason: "token-invalid-algorithm"
  },
  {
    name: "alg confusion: HS256 keyed with the public PEM",
    token: () => hs256(KEY.publicKeyPem, claims()),
    reason: "token-invalid-algorithm"
  },
  {
    name: "alg confusion: HS256 keyed with the secret key",
    token: () => hs256(SECRET_KEY, claims()),
    reason: "token-invalid-algorithm"
  },
  {
    name: "alg as an object",
    token: () => unsigned({ alg: { toString: "RS256" }, kid: KEY.kid }, claims(), "AAAA"),
    reason: "token-invalid-algorithm"
  },
  {
    name: "signed by another key under the same kid",
    token: () => signJwt(ATTACKER, claims()),
    reason: "token-invalid-signature"
  },
  {
    name: "payload changed after signing",
    token: () => {
      const [h, , s] = signJwt(KEY, claims()).split(".")
      return `${h}.${b64(JSON.stringify(claims({ sub: "user_admin" })))}.${s}`
    },
    reason: "token-invalid-signature"
  },
  {
    name: "signature of another token",
    token: () => {
      const [h, p] = signJwt(KEY, claims()).split(".")
      return `${h}.${p}.${signJwt(KEY, claims({ sub: "user_other" })).split(".")[2]}`
    },
    reason: "token-invalid-signature"
  },
  {
    name: "expired",
    token: () => signJwt(KEY, claims({ exp: now() - 3600, iat: now() - 7200, nbf: now() - 7200 })),
    reason: "token-expired"
  },
  {
    name: "nbf in the future",
    token: () => signJwt(KEY, claims({ nbf: now() + 3600, exp: now() + 7200 })),
    reason: "token-not-active-yet"
  },
  {
    name: "iat in the future",
    token: () => signJwt(KEY, claims({ iat: now() + 3600, nbf: now() - 10, exp: now() + 7200 })),
    reason: "token-iat-in-the-future"
  },
  {
    name: "azp not authorized",
    token: () => signJwt(KEY, claims({ azp: "https://evil.example.com" })),
    reason: "token-invalid-authorized-parties",
    options: { authorizedParties: ["https://app.example.com"] }
  },
  {
    name: "iss mismatch",
    token: () => signJwt(KEY, claims({ iss: "https://evil.example.com" })),
    reason: "token-invalid-issuer",
    options: { issuer: "https://clerk.app.example.com" }
  },
  {
    name: "aud mismatch",
    token: () => signJwt(KEY, claims({ aud: "other-api" })), // @clerk/backend's reason for a wrong `aud` too.
    reason: "token-verification-failed",
    options: { audience: "my-api" }
  },
  { name: "empty string", token: () => "", reason: "token-invalid" },
  {
    name: "two segments",
    token: () => signJwt(KEY, claims()).split(".").slice(0, 2).join("."),
    reason: "token-invalid"
  },
  { name: "four segments", token: () => `${signJwt(KEY, claims())}.AAAA`, reason: "token-invalid" },
  { name: "non-base64 header", token: () => `!!!$$$.${b64("{}")}.AAAA`, reason: "token-invalid" },
  { name: "header is not JSON", token: () => `${b64("not json")}.${b64("{}")}.AAAA`, reason: "token-invalid" },
  {
    name: "header is a JSON array",
    token: () => `${b64("[1,2]")}.${b64(JSON.stringify(claims()))}.AAAA`,
    reason: "token-invalid"
  },
  {
    name: "payload is JSON null",
    token: () => `${b64(JSON.stringify({ alg: "RS256", kid: KEY.kid, typ: "JWT" }))}.${b64("null")}.AAAA`,
    reason: "token-invalid"
  },
  {
    name: "huge header (100 kB)",
    token: () => unsigned({ alg: "RS256", kid: KEY.kid, pad: "x".repeat(100_000) }, claims(), "AAAA"),
    reason: "token-invalid"
  },
  {
    name: "header nested 4,000 deep",
    token: () =>
      `${b64(`{"alg":"RS256","kid":"${KEY.kid}","x":${nested(4000)}}`)}.${b64(JSON.stringify(claims()))}.AAAA`,
    reason: "token-invalid-signature"
  },
  {
    name: "payload nested 5,000 deep, signed",
    token: () => {
      const header = b64(JSON.stringify({ alg: "RS256", kid: KEY.kid, typ: "JWT" }))
      return `${header}.${b64(`{"sub":"user_x","exp":${now() + 60},"x":${nested(5000)}}`)}.AAAA`
    },
    reason: "token-invalid-signature"
  },
  { name: "a megabyte of dots", token: () => ".".repeat(1_000_000), reason: "token-invalid" },
  {
    name: "NUL bytes and unicode",
    token: () => `\u0000\u202e${signJwt(KEY, claims())}\u{1F600}`,
    reason: "token-invalid"
  }
]

/** Networkless: the Effect API with the PEM key. */
const effectReason = (c: TokenCase) =>
  Effect.runPromiseExit(
    Tokens.verifyToken(c.token(), c.options).pipe(Effect.provide(JwksCache.layerLocal(KEY.publicKeyPem)))
  ).then((exit) => {
    assert.isTrue(Exit.isFailure(exit), `${c.name}: must not verify`)
    if (Exit.isSuccess(exit)) return "verified"
    const failure = Cause.failureOption(exit.cause)
    assert.isTrue(Option.isSome(failure), `${c.name}: a typed failure, not a defect: ${Cause.pretty(exit.cause)}`)
    return Option.getOrThrow(failure).reason
  })

describe("hostile tokens", () => {
  for (const c of TOKEN_CASES) {
    it(`Effect verifyToken (jwtKey) × ${c.name}: ${c.reason}`, async () => {
      assert.strictEqual(await effectReason(c), c.reason)
    })
  }

  it(`Promise verifyToken over the JWKS (secret key): every case rejects typed, with no leak and no stray request`, async () => {
    const verifier = createTokenVerifier()
    const before = server.requests().length
    try {
      for (const c of TOKEN_CASES) {
        const error = await verifier
          .verifyToken(c.token(), { ...c.options, secretKey: SECRET_KEY, apiUrl: server.url })
          .then(
            () => undefined,
            (e: unknown) => e
          )
        assert.instanceOf(error, TokenVerificationError, c.name)
        if (error instanceof TokenVerificationError) assert.strictEqual(error.reason, c.reason, c.name)
        assertNoSecret(c.name, error)
      }
      // At most the one JWKS fetch, and nothing else.
      const paths = server
        .requests()
        .slice(before)
        .map((r) => `${r.method} ${r.path}`)
      assert.isAtMost(paths.length, 1)
      for (const p of paths) assert.strictEqual(p, "GET /v1/jwks")
    } finally {
      await verifier.dispose()
    }
  })

  it("kid injection: unknown, path-like and huge kids fail jwk-kid-mismatch and only ever fetch /v1/jwks", async () => {
    const verifier = createTokenVerifier({ jwks: { unknownKidRefetchInterval: 0 } })
    const before = server.requests().length
    try {
      for (const kid of [
        "ins_unknown",
        "../../v1/users",
        "https://evil.example.com/jwks",
        "?x=1#",
        "%2F..%2F",
        "k".repeat(900),
        "\u{1F600}"
      ]) {
        const token = signJwt(KEY, claims(), { kid })
        const error = await verifier.verifyToken(token, { secretKey: SECRET_KEY, apiUrl: server.url }).then(
          () => undefined,
          (e: unknown) => e
        )
        assert.instanceOf(error, TokenVerificationError, kid)
        if (error instanceof TokenVerificationError) assert.strictEqual(error.reason, "jwk-kid-mismatch", kid)
        assertNoSecret(kid, error)
      }
      const sent = server.requests().slice(before)
      assert.isAbove(sent.length, 0)
      for (const r of sent) {
        assert.strictEqual(`${r.method} ${r.url.host}${r.path}`, `GET ${new URL(server.url).host}/v1/jwks`)
        assert.strictEqual(r.url.search, "")
      }
    } finally {
      await verifier.dispose()
    }
  })

  it("kid not a string: jwk-kid-mismatch, no fetch", async () => {
    const before = server.requests().length
    const verifier = createTokenVerifier()
    try {
      for (const kid of [42, null, { $ne: 1 }, ["a"], ""]) {
        const token = signJwt(KEY, claims(), { kid })
        const error = await verifier.verifyToken(token, { secretKey: SECRET_KEY, apiUrl: server.url }).then(
          () => undefined,
          (e: unknown) => e
        )
        assert.instanceOf(error, TokenVerificationError, JSON.stringify(kid))
        if (error instanceof TokenVerificationError)
          assert.strictEqual(error.reason, "jwk-kid-mismatch", JSON.stringify(kid))
      }
      assert.strictEqual(server.requests().length, before)
    } finally {
      await verifier.dispose()
    }
  })
})

// ---------------------------------------------------------------------------------------------------------------
// Webhooks

const realClock = Clock.make()
const EVENT = { type: "user.created", data: fixtures.user.wire({ id: "user_webhook" }) }

interface WebhookCase {
  readonly name: string
  readonly request: () => Request
  readonly reason: string
}

const withHeaders = (
  signed: ReturnType<typeof signWebhook>,
  change: (h: Record<string, string>) => void,
  body = signed.body
) => {
  const headers = { ...signed.headers }
  change(headers)
  return new Request("http://localhost/webhooks", { method: "POST", headers, body })
}
/** A delivery whose body never ends (64 kB chunks): counts the bytes pulled and whether the reader cancelled. */
const endless = (signed: ReturnType<typeof signWebhook>, extraHeaders: Record<string, string> = {}) => {
  let pulled = 0
  let cancelled = false
  const chunk = new Uint8Array(64 * 1024).fill(0x20)
  const body = new ReadableStream<Uint8Array>(
    {
      pull: (controller) => {
        pulled += chunk.byteLength
        controller.enqueue(chunk)
      },
      cancel: () => {
        cancelled = true
      }
    },
    { highWaterMark: 0 }
  )
  const init: RequestInit & { duplex: "half" } = {
    method: "POST",
    headers: { ...signed.headers, ...extraHeaders },
    body,
    duplex: "half"
  }
  const request = new Request("http://localhost/webhooks", init)
  return { request, pulled: () => pulled, cancelled: () => cancelled }
}
const flipByte = (text: string, at: number) =>
  text.slice(0, at) + String.fromCharCode(text.charCodeAt(at) ^ 1) + text.slice(at + 1)

const WEBHOOK_CASES: ReadonlyArray<WebhookCase> = [
  {
    name: "signed with another secret",
    request: () => signWebhook(EVENT, webhookSecret()).toRequest(),
    reason: "WebhookSignatureError"
  },
  {
    name: "one byte of the body changed",
    request: () => {
      const s = signWebhook(EVENT, WEBHOOK_SECRET)
      return withHeaders(s, () => undefined, flipByte(s.body, 10))
    },
    reason: "WebhookSignatureError"
  },
  {
    name: "one byte of the signature changed",
    request: () => {
      const s = signWebhook(EVENT, WEBHOOK_SECRET)
      return withHeaders(s, (h) => {
        h["svix-signature"] = flipByte(h["svix-signature"]!, 8)
      })
    },
    reason: "WebhookSignatureError"
  },
  {
    name: "svix-id changed (replayed signature, new id)",
    request: () => {
      const s = signWebhook(EVENT, WEBHOOK_SECRET)
      return withHeaders(s, (h) => {
        h["svix-id"] = "msg_other"
      })
    },
    reason: "WebhookSignatureError"
  },
  {
    name: "signature for another timestamp",
    request: () => {
      const s = signWebhook(EVENT, WEBHOOK_SECRET)
      return withHeaders(s, (h) => {
        h["svix-timestamp"] = String(Number(h["svix-timestamp"]) - 1)
      })
    },
    reason: "WebhookSignatureError"
  },
  {
    name: "empty signature list",
    request: () =>
      withHeaders(signWebhook(EVENT, WEBHOOK_SECRET), (h) => {
        h["svix-signature"] = "v1,"
      }),
    reason: "WebhookSignatureError"
  },
  {
    name: "unknown signature version",
    request: () => {
      const s = signWebhook(EVENT, WEBHOOK_SECRET)
      return withHeaders(s, (h) => {
        h["svix-signature"] = h["svix-signature"]!.replace(/^v1,/, "v2,")
      })
    },
    reason: "WebhookSignatureError"
  },
  {
    name: "replayed an hour later (old timestamp)",
    request: () => signWebhook(EVENT, WEBHOOK_SECRET, { timestamp: Date.now() - 3_600_000 }).toRequest(),
    reason: "WebhookTimestampError"
  },
  {
    name: "timestamp an hour ahead",
    request: () => signWebhook(EVENT, WEBHOOK_SECRET, { timestamp: Date.now() + 3_600_000 }).toRequest(),
    reason: "WebhookTimestampError"
  },
  {
    name: "timestamp not a number",
    request: () =>
      withHeaders(signWebhook(EVENT, WEBHOOK_SECRET), (h) => {
        h["svix-timestamp"] = "soon"
      }),
    reason: "WebhookTimestampError"
  },
  {
    name: "no svix-signature",
    request: () =>
      withHeaders(signWebhook(EVENT, WEBHOOK_SECRET), (h) => {
        delete h["svix-signature"]
      }),
    reason: "WebhookMissingHeadersError"
  },
  {
    name: "no svix-id",
    request: () =>
      withHeaders(signWebhook(EVENT, WEBHOOK_SECRET), (h) => {
        delete h["svix-id"]
      }),
    reason: "WebhookMissingHeadersError"
  },
  {
    name: "no headers at all",
    request: () => new Request("http://localhost/webhooks", { method: "POST", body: "{}" }),
    reason: "WebhookMissingHeadersError"
  },
  {
    name: "5 MB body with a bad signature",
    request: () => {
      const s = signWebhook(EVENT, WEBHOOK_SECRET)
      return withHeaders(s, () => undefined, JSON.stringify({ ...EVENT, pad: "x".repeat(5_000_000) }))
    },
    reason: "WebhookBodyTooLargeError"
  },
  {
    name: "5 MB body, validly signed (refused on size, not on its signature)",
    request: () =>
      signWebhook({ ...EVENT, data: { ...EVENT.data, pad: "x".repeat(5_000_000) } }, WEBHOOK_SECRET).toRequest(),
    reason: "WebhookBodyTooLargeError"
  },
  {
    name: "1 MiB + 1 byte of multi-byte text",
    request: () => {
      const s = signWebhook(EVENT, WEBHOOK_SECRET)
      // 349,526 three-byte characters: under 1 MiB in UTF-16 units, over it in UTF-8.
      return withHeaders(s, () => undefined, "\u20ac".repeat(349_526))
    },
    reason: "WebhookBodyTooLargeError"
  },
  {
    name: "an endless streamed body",
    request: () => endless(signWebhook(EVENT, WEBHOOK_SECRET)).request,
    reason: "WebhookBodyTooLargeError"
  },
  {
    name: "one byte of the body changed, at the end",
    request: () => {
      const s = signWebhook(EVENT, WEBHOOK_SECRET)
      return withHeaders(s, () => undefined, flipByte(s.body, s.body.length - 2))
    },
    reason: "WebhookSignatureError"
  },
  {
    name: "signature header of 10,000 wrong entries",
    request: () =>
      withHeaders(signWebhook(EVENT, WEBHOOK_SECRET), (h) => {
        h["svix-signature"] = Array.from({ length: 10_000 }, () => "v1,AAAA").join(" ")
      }),
    reason: "WebhookSignatureError"
  },
  {
    name: "timestamp in milliseconds",
    request: () =>
      withHeaders(signWebhook(EVENT, WEBHOOK_SECRET), (h) => {
        h["svix-timestamp"] = String(Date.now())
      }),
    reason: "WebhookTimestampError"
  },
  {
    name: "blank svix-timestamp",
    request: () =>
      withHeaders(signWebhook(EVENT, WEBHOOK_SECRET), (h) => {
        h["svix-timestamp"] = "   "
      }),
    reason: "WebhookMissingHeadersError"
  },
  {
    name: "validly signed body that is not JSON",
    request: () => signWebhook("definitely not json", WEBHOOK_SECRET).toRequest(),
    reason: "WebhookPayloadError"
  },
  {
    name: "validly signed JSON array",
    request: () => signWebhook("[1,2,3]", WEBHOOK_SECRET).toRequest(),
    reason: "WebhookPayloadError"
  },
  {
    name: "validly signed empty body",
    request: () => signWebhook("", WEBHOOK_SECRET).toRequest(),
    reason: "WebhookPayloadError"
  }
]

describe("hostile webhook deliveries", () => {
  for (const c of WEBHOOK_CASES) {
    it(`Promise verifyWebhook × ${c.name}: ${c.reason}`, async () => {
      const error = await verifyWebhook(c.request(), { signingSecret: WEBHOOK_SECRET }).then(
        () => undefined,
        (e: unknown) => e
      )
      assert.instanceOf(error, WebhookVerificationError)
      if (error instanceof WebhookVerificationError) assert.strictEqual(error.reason, c.reason)
      assertNoSecret(c.name, error)
    })

    it.effect(`Effect WebhookVerifier × ${c.name}: ${c.reason}`, () =>
      Effect.gen(function* () {
        const verifier = yield* WebhookVerifier.make({ signingSecret: WEBHOOK_SECRET })
        // Real time: the deliveries are signed against the wall clock.
        const exit = yield* Effect.exit(verifier.verify(c.request())).pipe(Effect.withClock(realClock))
        assert.isTrue(Exit.isFailure(exit))
        if (Exit.isFailure(exit)) {
          const failure = Cause.failureOption(exit.cause)
          assert.isTrue(Option.isSome(failure), Cause.pretty(exit.cause))
          if (Option.isSome(failure)) {
            assert.strictEqual(failure.value._tag, c.reason)
            assertNoSecret(c.name, failure.value)
          }
        }
      })
    )
  }

  it("a validly signed event whose data is nested 5,000 deep is returned as signed (drift, not a crash)", async () => {
    const signed = signWebhook(`{"type":"user.created","object":"event","data":${nested(5000)}}`, WEBHOOK_SECRET)
    const event = await verifyWebhook(signed.toRequest(), { signingSecret: WEBHOOK_SECRET })
    assert.strictEqual(event.type, "user.created")
    assert.isTrue(Array.isArray(event.data))
  })

  it("a validly signed 5 MB event verifies once the limit is lifted (maxBodyBytes: Infinity)", async () => {
    const signed = signWebhook({ ...EVENT, data: { ...EVENT.data, pad: "x".repeat(5_000_000) } }, WEBHOOK_SECRET)
    const event = await verifyWebhook(signed.toRequest(), { signingSecret: WEBHOOK_SECRET, maxBodyBytes: Infinity })
    assert.strictEqual(event.type, "user.created")
    const verifier = await Effect.runPromise(
      WebhookVerifier.make({ signingSecret: WEBHOOK_SECRET, maxBodyBytes: Infinity })
    )
    const viaEffect = await Effect.runPromise(verifier.verify(signed.toRequest()))
    assert.strictEqual(viaEffect.type, "user.created")
  })

  it("the limit is exact: a body of maxBodyBytes verifies, one byte more is refused, through every entry point", async () => {
    const signed = signWebhook({ ...EVENT, data: { ...EVENT.data, name: "\u00e9t\u00e9" } }, WEBHOOK_SECRET)
    const bytes = Buffer.byteLength(signed.body)
    const verifier = await Effect.runPromise(
      WebhookVerifier.make({ signingSecret: WEBHOOK_SECRET, maxBodyBytes: bytes })
    )
    const under = await Effect.runPromise(
      WebhookVerifier.make({ signingSecret: WEBHOOK_SECRET, maxBodyBytes: bytes - 1 })
    )
    const reasonOf = (e: unknown) => (e instanceof WebhookVerificationError ? e.reason : e)
    // Promise request and payload (string and bytes).
    assert.strictEqual(
      (await verifyWebhook(signed.toRequest(), { signingSecret: WEBHOOK_SECRET, maxBodyBytes: bytes })).type,
      "user.created"
    )
    assert.strictEqual(
      reasonOf(
        await verifyWebhook(signed.toRequest(), { signingSecret: WEBHOOK_SECRET, maxBodyBytes: bytes - 1 }).catch(
          (e: unknown) => e
        )
      ),
      "WebhookBodyTooLargeError"
    )
    for (const body of [signed.body, Buffer.from(signed.body)]) {
      assert.strictEqual(
        (
          await verifyWebhookPayload(
            { body, headers: signed.headers },
            { signingSecret: WEBHOOK_SECRET, maxBodyBytes: bytes }
          )
        ).type,
        "user.created"
      )
      assert.strictEqual(
        reasonOf(
          await verifyWebhookPayload(
            { body, headers: signed.headers },
            { signingSecret: WEBHOOK_SECRET, maxBodyBytes: bytes - 1 }
          ).catch((e: unknown) => e)
        ),
        "WebhookBodyTooLargeError"
      )
      // Effect payload.
      assert.strictEqual(
        (await Effect.runPromise(verifier.verifyPayload({ body, headers: signed.headers }))).type,
        "user.created"
      )
      const refused = await Effect.runPromise(Effect.flip(under.verifyPayload({ body, headers: signed.headers })))
      assert.strictEqual(refused._tag, "WebhookBodyTooLargeError")
      assert.strictEqual(
        refused.message,
        `Unable to verify incoming webhook: the body is larger than ${bytes - 1} bytes`
      )
    }
    // Effect request.
    assert.strictEqual((await Effect.runPromise(verifier.verify(signed.toRequest()))).type, "user.created")
    assert.strictEqual(
      (await Effect.runPromise(Effect.flip(under.verify(signed.toRequest()))))._tag,
      "WebhookBodyTooLargeError"
    )
  })

  it("an endless body is read no further than the limit, and a Content-Length over it is refused unread", async () => {
    const signed = signWebhook(EVENT, WEBHOOK_SECRET)
    const stream = endless(signed)
    const error = await verifyWebhook(stream.request, { signingSecret: WEBHOOK_SECRET }).catch((e: unknown) => e)
    assert.instanceOf(error, WebhookVerificationError)
    if (error instanceof WebhookVerificationError) assert.strictEqual(error.reason, "WebhookBodyTooLargeError")
    assert.isAtMost(stream.pulled(), 1024 * 1024 + 64 * 1024, "at most the limit plus one chunk is read")
    assert.isTrue(stream.cancelled(), "the stream is cancelled")

    const declared = endless(signed, { "content-length": String(2 * 1024 * 1024) })
    const refused = await verifyWebhook(declared.request, { signingSecret: WEBHOOK_SECRET }).catch((e: unknown) => e)
    assert.instanceOf(refused, WebhookVerificationError)
    if (refused instanceof WebhookVerificationError) assert.strictEqual(refused.reason, "WebhookBodyTooLargeError")
    assert.strictEqual(declared.pulled(), 0, "nothing read")
  })

  it("an @effect/platform server request over the limit is refused, from Content-Length or after reading", async () => {
    const signed = signWebhook(EVENT, WEBHOOK_SECRET)
    const bytes = Buffer.byteLength(signed.body)
    const verifier = await Effect.runPromise(
      WebhookVerifier.make({ signingSecret: WEBHOOK_SECRET, maxBodyBytes: bytes - 1 })
    )
    const lifted = await Effect.runPromise(WebhookVerifier.make({ signingSecret: WEBHOOK_SECRET, maxBodyBytes: bytes }))
    const verifyAt = (v: typeof verifier, request: Request) =>
      Effect.runPromise(
        Effect.either(v.verifyServerRequest(HttpServerRequest.fromWeb(request))).pipe(Effect.withClock(realClock))
      )
    const read = await verifyAt(verifier, signed.toRequest())
    assert.isTrue(Either.isLeft(read) && read.left._tag === "WebhookBodyTooLargeError")
    const declared = endless(signed, { "content-length": String(2 * 1024 * 1024) })
    const unread = await verifyAt(verifier, declared.request)
    assert.isTrue(Either.isLeft(unread) && unread.left._tag === "WebhookBodyTooLargeError")
    assert.strictEqual(declared.pulled(), 0)
    const ok = await verifyAt(lifted, signed.toRequest())
    assert.isTrue(Either.isRight(ok))
  })

  it("headers are checked before the size: a huge body without headers is WebhookMissingHeadersError", async () => {
    const error = await verifyWebhook(
      new Request("http://localhost/webhooks", { method: "POST", body: "x".repeat(2_000_000) }),
      {
        signingSecret: WEBHOOK_SECRET
      }
    ).catch((e: unknown) => e)
    assert.instanceOf(error, WebhookVerificationError)
    if (error instanceof WebhookVerificationError) assert.strictEqual(error.reason, "WebhookMissingHeadersError")
  })

  it("replay: the same delivery twice inside the tolerance verifies twice (verification is stateless)", async () => {
    const signed = signWebhook(EVENT, WEBHOOK_SECRET, { id: "msg_replayed" })
    const first = await verifyWebhook(signed.toRequest(), { signingSecret: WEBHOOK_SECRET })
    const second = await verifyWebhook(signed.toRequest(), { signingSecret: WEBHOOK_SECRET })
    assert.deepStrictEqual(second, first)
  })
})

// ---------------------------------------------------------------------------------------------------------------
// Path ids

const HOSTILE_IDS: ReadonlyArray<readonly [string, string]> = [
  ["../users", "..%2Fusers"],
  ["a/b", "a%2Fb"],
  ["%2F", "%252F"],
  ["?x=1", "%3Fx%3D1"],
  ["#frag", "%23frag"],
  ["user_1/../../jwks", "user_1%2F..%2F..%2Fjwks"],
  ["\u00e9\u{1F600}", "%C3%A9%F0%9F%98%80"],
  [" user_1 ", "%20user_1%20"],
  ["user_1\r\nX-Injected: 1", "user_1%0D%0AX-Injected%3A%201"]
]
const REJECTED_IDS = ["", "   ", "\t\n", ".", "..", "a\uD800b", "\uDFFF"]

describe("hostile path ids", () => {
  const layer = () =>
    BackendApiFrom({ secretKey: SECRET_KEY, apiUrl: server.url, retry: false }).pipe(
      Layer.provide(FetchHttpClient.layer)
    )
  const getUser = (id: string) =>
    Effect.flatMap(BackendApi.BackendApi, (api) =>
      api.execute(
        { operation: "users.getUser", method: "GET", path: "/users/{user_id}", pathParams: { user_id: id } },
        Schema.Unknown
      )
    )

  for (const [id, encoded] of HOSTILE_IDS) {
    it.effect(`Effect getUser(${JSON.stringify(id)}) is one request to /v1/users/${encoded}, answered 404`, () =>
      Effect.gen(function* () {
        const before = server.requests().length
        const error = yield* Effect.flip(getUser(id))
        assert.strictEqual(error._tag, "ClerkNotFoundError")
        const sent = server.requests().slice(before)
        assert.strictEqual(sent.length, 1)
        assert.strictEqual(sent[0]!.url.host, new URL(server.url).host)
        assert.strictEqual(new URL(sent[0]!.url.href).pathname, `/v1/users/${encoded}`)
        assert.strictEqual(sent[0]!.url.search, "")
        assertNoSecret(id, error)
      }).pipe(Effect.provide(layer()))
    )
  }

  for (const id of REJECTED_IDS) {
    it.effect(`Effect getUser(${JSON.stringify(id)}) fails ClerkInvalidRequestError before any request`, () =>
      Effect.gen(function* () {
        const before = server.requests().length
        const error = yield* Effect.flip(getUser(id))
        assert.strictEqual(error._tag, "ClerkInvalidRequestError")
        assert.strictEqual(server.requests().length, before)
      }).pipe(Effect.provide(layer()))
    )
  }

  it("Promise client: the same ids reject typed (404 or invalid request) and never reach another path", async () => {
    const clerk = createClerkClient({ secretKey: SECRET_KEY, apiUrl: server.url, retry: false })
    const before = server.requests().length
    try {
      for (const [id, encoded] of HOSTILE_IDS) {
        const error = await clerk.users.getUser(id).then(
          () => undefined,
          (e: unknown) => e
        )
        assert.instanceOf(error, ClerkAPIResponseError, id)
        if (error instanceof ClerkAPIResponseError) assert.strictEqual(error.status, 404, id)
        assertNoSecret(id, error)
        const last = server.requests().at(-1)!
        assert.strictEqual(new URL(last.url.href).pathname, `/v1/users/${encoded}`)
      }
      const afterHostile = server.requests().length
      assert.strictEqual(afterHostile - before, HOSTILE_IDS.length)
      for (const id of REJECTED_IDS) {
        const error = await clerk.users.getUser(id).then(
          () => undefined,
          (e: unknown) => e
        )
        assert.instanceOf(error, Error, JSON.stringify(id))
        assertNoSecret(id, error)
      }
      assert.strictEqual(server.requests().length, afterHostile)
    } finally {
      await clerk.dispose()
    }
  })
})
