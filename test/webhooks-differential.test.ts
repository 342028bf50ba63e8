/**
 * Differential test: `verifyWebhook` from `@clerk/backend/webhooks` 3.25.0 and ours on the same deliveries (every
 * example event of the webhooks spec, signed now, then altered in the ways a delivery goes wrong). Same verdict, same
 * returned payload, same message after the package prefix. The deliberate differences are pinned at the end.
 */
import { verifyWebhook as clerkVerifyWebhook } from "@clerk/backend/webhooks"
import { afterEach, assert, beforeEach, describe, it } from "@effect/vitest"
import { Webhook } from "svix"
import { webhookExamples } from "./support/webhookExamples.js"
import { verifyWebhook, WebhookVerificationError } from "../src/auth/webhooks/index.js"

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
const OTHER_SECRET = "whsec_dGhpcyBpcyBhbm90aGVyIHNlY3JldCE="
const ENV = "CLERK_WEBHOOK_SIGNING_SECRET"

const examples = webhookExamples.flatMap((event) => event.examples.map((example) => JSON.stringify(example)))

interface Delivery {
  readonly body: string
  readonly headers: Record<string, string>
}

const nowSeconds = () => Math.floor(Date.now() / 1000)

const signed = (body: string, options: { secret?: string; id?: string; timestamp?: number } = {}): Delivery => {
  const timestamp = options.timestamp ?? nowSeconds()
  const id = options.id ?? "msg_2g7np7Hrk0SN6kj5EDMLDaKNL0S"
  return {
    body,
    headers: {
      "svix-id": id,
      "svix-timestamp": String(timestamp),
      "svix-signature": new Webhook(options.secret ?? SECRET).sign(id, new Date(timestamp * 1000), body)
    }
  }
}

const toRequest = (d: Delivery) =>
  new Request("https://app.example.com/api/webhooks", { method: "POST", body: d.body, headers: d.headers })

type Outcome =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly message: string; readonly error: unknown }

const outcome = (promise: Promise<unknown>): Promise<Outcome> =>
  promise.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, message: error instanceof Error ? error.message : String(error), error })
  )

const both = async (d: Delivery, options?: { signingSecret?: string }) => ({
  clerk: await outcome(clerkVerifyWebhook(toRequest(d), options)),
  ours: await outcome(verifyWebhook(toRequest(d), options))
})

const strip = (message: string) => message.replace(/^(@clerk\/backend|effect-clerk): /, "")

/** The fields `@clerk/backend` returns, as JSON (it sets `object: "event"` itself; we keep the one received). */
const projection = (value: unknown) => {
  const v = value as Record<string, unknown>
  return JSON.stringify({
    type: v["type"],
    data: v["data"],
    event_attributes: v["event_attributes"],
    timestamp: v["timestamp"],
    instance_id: v["instance_id"]
  })
}

/** Same verdict; same payload when accepted; same message (after the package prefix) when refused. */
const assertSame = async (label: string, d: Delivery, options?: { signingSecret?: string }) => {
  const { clerk, ours } = await both(d, options)
  assert.strictEqual(
    ours.ok,
    clerk.ok,
    `${label}: clerk ${clerk.ok ? "accepted" : `refused (${!clerk.ok && clerk.message})`}, ours ${ours.ok ? "accepted" : `refused (${!ours.ok && ours.message})`}`
  )
  if (clerk.ok && ours.ok) {
    assert.strictEqual(projection(ours.value), projection(clerk.value), label)
    assert.deepStrictEqual(JSON.parse(JSON.stringify(ours.value)), JSON.parse(d.body), `${label}: as received`)
  } else if (!clerk.ok && !ours.ok) {
    assert.strictEqual(strip(ours.message), strip(clerk.message), label)
    assert.instanceOf(ours.error, WebhookVerificationError, label)
    assert.match(ours.message, /^effect-clerk: /)
  }
  return { clerk, ours }
}

const without = (headers: Record<string, string>, ...names: ReadonlyArray<string>) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !names.includes(name)))

/** A deterministic PRNG (mulberry32), so a failing case can be replayed. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

describe("verifyWebhook: effect-clerk vs @clerk/backend 3.25.0", () => {
  beforeEach(() => {
    delete process.env[ENV]
  })
  afterEach(() => {
    delete process.env[ENV]
  })

  it("accepts every spec example and returns the same payload", async () => {
    assert.isAtLeast(examples.length, 45)
    for (const body of examples) {
      const { ours } = await assertSame(`valid ${body.slice(0, 60)}`, signed(body), { signingSecret: SECRET })
      assert.isTrue(ours.ok)
    }
  })

  it("refuses the same broken deliveries with the same messages", async () => {
    for (const body of examples) {
      const d = signed(body)
      const opts = { signingSecret: SECRET }
      const cases: ReadonlyArray<readonly [string, Delivery]> = [
        ["one byte altered", { ...d, body: body.replace(/"object":"event"/, '"object":"evenT"') }],
        ["other secret", signed(body, { secret: OTHER_SECRET })],
        ["other id", { ...d, headers: { ...d.headers, "svix-id": "msg_forged" } }],
        ["no svix-id", { ...d, headers: without(d.headers, "svix-id") }],
        ["no svix-timestamp", { ...d, headers: without(d.headers, "svix-timestamp") }],
        ["no svix-signature", { ...d, headers: without(d.headers, "svix-signature") }],
        ["no headers", { ...d, headers: {} }],
        ["stale", signed(body, { timestamp: nowSeconds() - 400 })],
        ["future", signed(body, { timestamp: nowSeconds() + 400 })],
        ["malformed timestamp", { ...d, headers: { ...d.headers, "svix-timestamp": "yesterday" } }],
        [
          "v2 only",
          { ...d, headers: { ...d.headers, "svix-signature": d.headers["svix-signature"]!.replace("v1,", "v2,") } }
        ]
      ]
      for (const [label, delivery] of cases) {
        const { ours } = await assertSame(label, delivery, opts)
        assert.isFalse(ours.ok, label)
      }
      const accepted: ReadonlyArray<readonly [string, Delivery]> = [
        [
          "several signatures",
          {
            ...d,
            headers: {
              ...d.headers,
              "svix-signature": `${signed(body, { secret: OTHER_SECRET }).headers["svix-signature"]} ${d.headers["svix-signature"]}`
            }
          }
        ],
        ["padded header values", { ...d, headers: { ...d.headers, "svix-id": ` ${d.headers["svix-id"]} ` } }],
        ["4 minutes old", signed(body, { timestamp: nowSeconds() - 240 })]
      ]
      for (const [label, delivery] of accepted) {
        const { ours } = await assertSame(label, delivery, opts)
        assert.isTrue(ours.ok, label)
      }
    }
  })

  it("reads CLERK_WEBHOOK_SIGNING_SECRET when no secret is passed, and both refuse when there is none", async () => {
    const body = examples[0]!
    // Same verdict and the same opening words; the advice after them is our own wording.
    const missing = await both(signed(body))
    assert.isFalse(missing.clerk.ok)
    assert.isFalse(missing.ours.ok)
    if (!missing.clerk.ok && !missing.ours.ok) {
      assert.match(missing.clerk.message, /^@clerk\/backend: Missing webhook signing secret/)
      assert.match(missing.ours.message, /^effect-clerk: Missing webhook signing secret/)
    }
    process.env[ENV] = SECRET
    const fromEnv = await assertSame("secret from env", signed(body))
    assert.isTrue(fromEnv.ours.ok)
  })

  it("agrees on 300 randomly mutated deliveries", async () => {
    const random = prng(20250415)
    const pick = <A>(items: ReadonlyArray<A>): A => items[Math.floor(random() * items.length)]!
    let accepted = 0
    let drifts = 0
    for (let i = 0; i < 300; i++) {
      const body = pick(examples)
      const skew = Math.floor(random() * 900) - 450
      const d = signed(body, { timestamp: nowSeconds() + skew, secret: random() < 0.1 ? OTHER_SECRET : SECRET })
      const mutation = pick(["none", "none", "body", "signature", "drop", "drift", "drift"] as const)
      let delivery: Delivery = d
      if (mutation === "body") {
        const at = Math.floor(random() * body.length)
        delivery = { ...d, body: body.slice(0, at) + String.fromCharCode(body.charCodeAt(at) ^ 1) + body.slice(at + 1) }
      } else if (mutation === "signature") {
        const sig = d.headers["svix-signature"]!
        const at = 3 + Math.floor(random() * (sig.length - 3))
        delivery = {
          ...d,
          headers: {
            ...d.headers,
            "svix-signature": sig.slice(0, at) + (sig[at] === "A" ? "B" : "A") + sig.slice(at + 1)
          }
        }
      } else if (mutation === "drift") {
        // A body Clerk might really send: the JSON changed, then signed. Never refused for its body.
        const event = JSON.parse(body) as Record<string, unknown>
        const data = event["data"] as Record<string, unknown>
        const keys = Object.keys(data)
        const key = pick(keys)
        const change = pick(["delete", "null", "number", "type", "no type", "no instance_id"] as const)
        if (change === "delete") delete data[key]
        else if (change === "null") data[key] = null
        else if (change === "number") data[key] = 42
        else if (change === "type") event["type"] = pick(["foo.bar", "user.created", "session.ended", "apiKey.created"])
        else if (change === "no type") delete event["type"]
        else delete event["instance_id"]
        delivery = signed(JSON.stringify(event), {
          timestamp: nowSeconds() + skew,
          secret: random() < 0.1 ? OTHER_SECRET : SECRET
        })
      } else if (mutation === "drop") {
        delivery = { ...d, headers: without(d.headers, pick(["svix-id", "svix-timestamp", "svix-signature"])) }
      }
      const { ours } = await assertSame(`#${i} ${mutation} skew=${skew}`, delivery, { signingSecret: SECRET })
      if (ours.ok) accepted++
      if (ours.ok && mutation === "drift") drifts++
    }
    // Both outcomes are exercised; drifted bodies are among those accepted.
    assert.isAbove(drifts, 20)
    assert.isAbove(accepted, 30)
    assert.isBelow(accepted, 270)
  })
})

describe("deliberate differences from @clerk/backend", () => {
  it("accepts webhook-* headers, which @clerk/backend ignores", async () => {
    const d = signed(examples[0]!)
    const headers = {
      "webhook-id": d.headers["svix-id"]!,
      "webhook-timestamp": d.headers["svix-timestamp"]!,
      "webhook-signature": d.headers["svix-signature"]!
    }
    const { clerk, ours } = await both({ ...d, headers }, { signingSecret: SECRET })
    assert.isFalse(clerk.ok)
    assert.isTrue(ours.ok)
  })

  it("returns a signed object with no type as received, which @clerk/backend returns projected", async () => {
    const d = signed(JSON.stringify({ hello: "world" }))
    const { clerk, ours } = await both(d, { signingSecret: SECRET })
    assert.isTrue(clerk.ok && ours.ok)
    if (clerk.ok && ours.ok) {
      assert.strictEqual((clerk.value as { type?: unknown }).type, undefined)
      assert.strictEqual(projection(ours.value), projection(clerk.value))
      // @clerk/backend keeps six keys and sets object: "event"; we keep the object as received.
      assert.deepStrictEqual(JSON.parse(JSON.stringify(ours.value)), { hello: "world" })
    }
  })

  it("refuses a signed body that is JSON but not an object, which @clerk/backend returns (or fails on, for null)", async () => {
    for (const body of ["[]", '"x"', "3"]) {
      const { clerk, ours } = await both(signed(body), { signingSecret: SECRET })
      assert.isTrue(clerk.ok, body)
      assert.isFalse(ours.ok, body)
      if (!ours.ok)
        assert.match(
          ours.message,
          /^effect-clerk: Unable to verify incoming webhook: the payload is not a webhook event \(not a JSON object\)/
        )
    }
  })

  it("returns an event type it does not know with that type, as @clerk/backend does", async () => {
    const body = JSON.stringify({
      type: "apiKey.created",
      object: "event",
      data: { id: "ak_1" },
      timestamp: 1,
      instance_id: "ins_1"
    })
    const { ours } = await assertSame("unknown type", signed(body), { signingSecret: SECRET })
    assert.isTrue(ours.ok)
    if (ours.ok) assert.strictEqual((ours.value as { type: string }).type, "apiKey.created")
  })

  it("both refuse a signed body that is not JSON (the messages share the prefix, not the parser's text)", async () => {
    const { clerk, ours } = await both(signed("{not json"), { signingSecret: SECRET })
    assert.isFalse(clerk.ok)
    assert.isFalse(ours.ok)
    if (!clerk.ok && !ours.ok) {
      assert.match(strip(clerk.message), /^Unable to verify incoming webhook: /)
      assert.strictEqual(strip(ours.message), "Unable to verify incoming webhook: the payload is not JSON")
    }
  })
})
