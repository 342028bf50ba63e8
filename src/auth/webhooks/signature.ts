/**
 * The signature check of a Clerk (Svix / Standard Webhooks) delivery, as pure functions of the secret, the headers,
 * the body and the current time. The HMAC is computed by `svix`; the clock is the caller's (Effect `Clock` in the
 * Effect API), so tests can move time.
 *
 * @module
 */
import * as Either from "effect/Either"
import * as Redacted from "effect/Redacted"
// svix's webhook module only: the package index also loads its whole API client (some 250 modules).
import { Webhook } from "svix/dist/webhook.js"
import {
  WebhookMissingHeadersError,
  type WebhookPayloadError,
  WebhookSecretError,
  WebhookSignatureError,
  WebhookTimestampError
} from "./errors.js"
import { type ParsedEvent, parseEvent } from "./payload.js"

/**
 * Headers as a Fetch `Headers`, or a plain record such as Node's `IncomingHttpHeaders`.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export type WebhookHeaders = Headers | Readonly<Record<string, string | ReadonlyArray<string> | undefined>>

/**
 * The three delivery headers, read from either the `svix-*` or the `webhook-*` family.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export interface DeliveryHeaders {
  readonly id: string
  readonly timestamp: string
  readonly signature: string
}

/**
 * The default tolerance between the delivery timestamp and the clock, either way: 5 minutes.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60

/**
 * A signing secret, checked once: `whsec_` + base64 (the prefix is optional; surrounding whitespace is ignored).
 * `sign` gives the `v1,<base64>` signature of a delivery (the HMAC is `svix`'s, plain JavaScript on every runtime).
 *
 * @since 0.1.0
 * @category Webhooks
 */
export interface SigningKey {
  readonly sign: (id: string, timestamp: Date, body: string) => string
}

/**
 * Checks the secret and prepares the HMAC key.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export const signingKey = (
  secret: Redacted.Redacted<string> | string | undefined
): Either.Either<SigningKey, WebhookSecretError> => {
  const value = secret === undefined ? undefined : Redacted.isRedacted(secret) ? Redacted.value(secret) : secret
  if (value === undefined || value.trim() === "") return Either.left(new WebhookSecretError({ reason: "missing" }))
  if (value.trim().replace(/^whsec_/, "") === "") return Either.left(new WebhookSecretError({ reason: "malformed" }))
  try {
    const signer = new Webhook(value.trim())
    return Either.right({ sign: (id, timestamp, body) => signer.sign(id, timestamp, body) })
  } catch {
    return Either.left(new WebhookSecretError({ reason: "malformed" }))
  }
}

const headerValue = (headers: WebhookHeaders, name: string): string | undefined => {
  const raw = headers instanceof Headers ? headers.get(name) : (headers[name] ?? headers[name.toLowerCase()])
  const value = typeof raw === "string" ? raw : raw?.join(" ")
  const trimmed = value?.trim()
  return trimmed === undefined || trimmed === "" ? undefined : trimmed
}

const FIELDS = ["id", "timestamp", "signature"] as const

/**
 * Reads the id, timestamp and signature headers, each from `svix-*` or else `webhook-*`. A missing one is reported
 * under the family the request uses (`svix-*` unless only `webhook-*` headers are present).
 *
 * @since 0.1.0
 * @category Webhooks
 */
export const readDeliveryHeaders = (
  headers: WebhookHeaders
): Either.Either<DeliveryHeaders, WebhookMissingHeadersError> => {
  const svix = FIELDS.map((field) => headerValue(headers, `svix-${field}`))
  const standard = FIELDS.map((field) => headerValue(headers, `webhook-${field}`))
  const values = FIELDS.map((_, i) => svix[i] ?? standard[i])
  const [id, timestamp, signature] = values
  if (id !== undefined && timestamp !== undefined && signature !== undefined) {
    return Either.right({ id, timestamp, signature })
  }
  const family = svix.every((v) => v === undefined) && standard.some((v) => v !== undefined) ? "webhook" : "svix"
  const missing = FIELDS.filter((_, i) => values[i] === undefined).map((field) => `${family}-${field}`)
  return Either.left(new WebhookMissingHeadersError({ headers: missing }))
}

/** Constant-time string comparison (the length is not secret: every `v1` signature has the same length). */
const timingSafeEqual = (a: string, b: string): boolean => {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return diff === 0
}

/**
 * Checks a delivery: the timestamp first (integer seconds, within `toleranceSeconds` of `nowMillis` either way), then
 * the HMAC-SHA256 of `<id>.<timestamp>.<body>` against every space-separated `v1,<base64>` entry.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export const checkSignature = (
  key: SigningKey,
  headers: DeliveryHeaders,
  body: string,
  nowMillis: number,
  toleranceSeconds: number = DEFAULT_TOLERANCE_SECONDS
): Either.Either<void, WebhookTimestampError | WebhookSignatureError> => {
  const now = Math.floor(nowMillis / 1000)
  const timestamp = Number.parseInt(headers.timestamp, 10)
  const fail = (reason: "malformed" | "too-old" | "too-new") =>
    Either.left(new WebhookTimestampError({ reason, timestamp: headers.timestamp, now, toleranceSeconds }))
  if (Number.isNaN(timestamp)) return fail("malformed")
  if (now - timestamp > toleranceSeconds) return fail("too-old")
  if (timestamp - now > toleranceSeconds) return fail("too-new")
  const expected = key.sign(headers.id, new Date(timestamp * 1000), body).slice("v1,".length)
  for (const entry of headers.signature.split(" ")) {
    const [version, signature] = entry.split(",")
    if (version === "v1" && signature !== undefined && timingSafeEqual(signature, expected)) return Either.void
  }
  return Either.left(new WebhookSignatureError())
}

/**
 * Everything after the body is read: timestamp, signature, then parsing (with any schema drift). Both APIs run this.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export const verifyBody = (
  key: SigningKey,
  headers: DeliveryHeaders,
  body: string,
  nowMillis: number,
  toleranceSeconds: number
): Either.Either<ParsedEvent, WebhookTimestampError | WebhookSignatureError | WebhookPayloadError> =>
  Either.flatMap(checkSignature(key, headers, body, nowMillis, toleranceSeconds), () => parseEvent(body))

const decoder = new TextDecoder()

/**
 * A body as text: UTF-8 decoded like `Request.text()` (a leading BOM dropped, invalid bytes replaced).
 *
 * @since 0.1.0
 * @category Webhooks
 */
export const bodyText = (body: string | Uint8Array | ArrayBuffer): string =>
  typeof body === "string" ? body : decoder.decode(body)
