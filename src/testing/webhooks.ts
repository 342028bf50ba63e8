/**
 * Signed webhook deliveries for tests: what Clerk (through Svix) would send, so a receiver can be tested end to end
 * with `verifyWebhook`, `WebhookVerifier` or the middleware.
 *
 * ```ts
 * const secret = webhookSecret()
 * const { headers, body } = signWebhook({ type: "user.created", data: fixtures.user.wire({ firstName: "Ada" }) }, secret)
 * const event = await verifyWebhook(new Request("http://localhost/webhooks", { method: "POST", headers, body }), {
 *   signingSecret: secret
 * })
 * ```
 *
 * @module
 */
import * as Either from "effect/Either"
import type * as Redacted from "effect/Redacted"
import { signingKey } from "../auth/webhooks/signature.js"

/**
 * An event to sign: `type` and `data`; the envelope (`object`, `timestamp`, `instance_id`) is filled when absent.
 *
 * @since 0.1.0
 * @category Testing
 */
export interface WebhookEventInput {
  readonly type: string
  readonly data: unknown
  readonly object?: string | undefined
  /** Epoch milliseconds; defaults to the delivery time. */
  readonly timestamp?: number | undefined
  readonly instance_id?: string | undefined
  readonly event_attributes?: unknown
}

/**
 * Options of {@link signWebhook}.
 *
 * @since 0.1.0
 * @category Testing
 */
export interface SignWebhookOptions {
  /** The delivery id (`svix-id`); default a fresh `msg_…`. */
  readonly id?: string | undefined
  /** When it was sent, as a `Date` or epoch milliseconds (default now); the verifier allows 5 minutes either way. */
  readonly timestamp?: Date | number | undefined
  /** `svix` (default) sends `svix-id`/`svix-timestamp`/`svix-signature`; `webhook` the Standard Webhooks names. */
  readonly headers?: "svix" | "webhook" | undefined
}

/**
 * A signed delivery: the headers and the exact body to send.
 *
 * @since 0.1.0
 * @category Testing
 */
export interface SignedWebhook {
  /** The three delivery headers (plus `content-type: application/json`). */
  readonly headers: Readonly<Record<string, string>>
  /** The body that was signed; send it byte for byte. */
  readonly body: string
  /** The event as the body carries it (envelope filled in). */
  readonly event: unknown
  /** The delivery as a web `Request` (POST to `url`, default `http://localhost/webhooks`). */
  readonly toRequest: (url?: string) => Request
}

/**
 * A fresh random signing secret (`whsec_` + base64 of 24 random bytes) for a test endpoint.
 *
 * @since 0.1.0
 * @category Testing
 */
export const webhookSecret = (): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(24))
  return `whsec_${btoa(String.fromCharCode(...bytes))}`
}

const freshId = (): string => `msg_${crypto.randomUUID().replaceAll("-", "")}`

/**
 * Signs `event` with `secret` the way Clerk's deliveries are signed (Svix: HMAC-SHA256 of `<id>.<timestamp>.<body>`,
 * sent as `v1,<base64>`), so the verifiers accept it. An object is sent as its JSON with the envelope filled in; a
 * string is sent as is (to test bodies a verifier must refuse). Throws when the secret is not a `whsec_` secret.
 *
 * @since 0.1.0
 * @category Testing
 */
export const signWebhook = (
  event: WebhookEventInput | string,
  secret: string | Redacted.Redacted<string>,
  options: SignWebhookOptions = {}
): SignedWebhook => {
  const key = signingKey(secret)
  if (Either.isLeft(key)) throw new Error(`signWebhook: the signing secret is ${key.left.reason}`)
  const sentAt =
    options.timestamp === undefined
      ? new Date()
      : options.timestamp instanceof Date
        ? options.timestamp
        : new Date(options.timestamp)
  const full =
    typeof event === "string"
      ? event
      : { object: "event", instance_id: "ins_fake", timestamp: sentAt.getTime(), ...event }
  const body = typeof full === "string" ? full : JSON.stringify(full)
  const id = options.id ?? freshId()
  const seconds = Math.floor(sentAt.getTime() / 1000)
  const signature = key.right.sign(id, new Date(seconds * 1000), body)
  const family = options.headers ?? "svix"
  const headers = {
    "content-type": "application/json",
    [`${family}-id`]: id,
    [`${family}-timestamp`]: String(seconds),
    [`${family}-signature`]: signature
  }
  return {
    headers,
    body,
    event: typeof full === "string" ? undefined : full,
    toRequest: (url = "http://localhost/webhooks") => new Request(url, { method: "POST", headers, body })
  }
}
