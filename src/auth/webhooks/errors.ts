/**
 * Why a webhook was refused, as tagged errors (Effect API) and as one `Error` subclass (Promise API).
 *
 * Messages follow `@clerk/backend`'s observable strings (`Missing required webhook headers: …`,
 * `Unable to verify incoming webhook: <reason>` with the Standard Webhooks reasons) so `catch` code written for it
 * keeps working. No message ever contains the signing secret, a signature or the body.
 *
 * @module
 */
import * as Schema from "effect/Schema"

const UNVERIFIED = "Unable to verify incoming webhook"

/**
 * No signing secret was configured, or it is not a `whsec_…` base64 secret.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export class WebhookSecretError extends Schema.TaggedError<WebhookSecretError>("effect-clerk/WebhookSecretError")(
  "WebhookSecretError",
  { reason: Schema.Literal("missing", "malformed") }
) {
  override get message(): string {
    return this.reason === "missing"
      ? "Missing webhook signing secret: pass signingSecret or set CLERK_WEBHOOK_SIGNING_SECRET to the endpoint's " +
          "Signing Secret from the Clerk Dashboard."
      : "The webhook signing secret is malformed: expected whsec_ followed by base64 (copy it from the Clerk Dashboard)."
  }
}

/**
 * One or more of the id / timestamp / signature headers is absent or blank; `headers` names them.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export class WebhookMissingHeadersError extends Schema.TaggedError<WebhookMissingHeadersError>(
  "effect-clerk/WebhookMissingHeadersError"
)("WebhookMissingHeadersError", { headers: Schema.Array(Schema.String) }) {
  override get message(): string {
    return `Missing required webhook headers: ${this.headers.join(", ")}`
  }
}

/**
 * The timestamp header is not a number, or is outside the tolerance (too old: a replay; too new: a skewed clock).
 *
 * @since 0.1.0
 * @category Webhooks
 */
export class WebhookTimestampError extends Schema.TaggedError<WebhookTimestampError>(
  "effect-clerk/WebhookTimestampError"
)("WebhookTimestampError", {
  reason: Schema.Literal("malformed", "too-old", "too-new"),
  /** The header value as received. */
  timestamp: Schema.String,
  /** The verifier's clock, in seconds since the epoch. */
  now: Schema.Number,
  toleranceSeconds: Schema.Number
}) {
  override get message(): string {
    const reason =
      this.reason === "malformed"
        ? "Invalid Signature Headers"
        : this.reason === "too-old"
          ? "Message timestamp too old"
          : "Message timestamp too new"
    return `${UNVERIFIED}: ${reason}`
  }
}

/**
 * No `v1,` signature in the signature header matches the body: a wrong secret or an altered body.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export class WebhookSignatureError extends Schema.TaggedError<WebhookSignatureError>(
  "effect-clerk/WebhookSignatureError"
)("WebhookSignatureError", {}) {
  override get message(): string {
    return `${UNVERIFIED}: No matching signature found`
  }
}

/**
 * The signed body is not a webhook event: empty, not JSON, or not matching the event's schema (`issue` says where).
 *
 * @since 0.1.0
 * @category Webhooks
 */
export class WebhookPayloadError extends Schema.TaggedError<WebhookPayloadError>("effect-clerk/WebhookPayloadError")(
  "WebhookPayloadError",
  { reason: Schema.Literal("empty", "not-json", "not-an-event", "schema"), issue: Schema.String }
) {
  override get message(): string {
    return `${UNVERIFIED}: ${this.issue}`
  }
}

/**
 * The request body could not be read (already consumed, or the stream failed).
 *
 * @since 0.1.0
 * @category Webhooks
 */
export class WebhookBodyError extends Schema.TaggedError<WebhookBodyError>("effect-clerk/WebhookBodyError")(
  "WebhookBodyError",
  { issue: Schema.String, cause: Schema.optional(Schema.Defect) }
) {
  override get message(): string {
    return `${UNVERIFIED}: could not read the request body (${this.issue})`
  }
}

/**
 * The body is larger than the verifier's `maxBodyBytes` (1 MiB by default): refused before any HMAC work, and, for a
 * request, before more than the limit is read.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export class WebhookBodyTooLargeError extends Schema.TaggedError<WebhookBodyTooLargeError>(
  "effect-clerk/WebhookBodyTooLargeError"
)("WebhookBodyTooLargeError", { limit: Schema.Number }) {
  override get message(): string {
    return `${UNVERIFIED}: the body is larger than ${this.limit} bytes`
  }
}

/**
 * The error for a request body that could not be read; the cause's message says why.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export const bodyReadFailure = (cause: unknown): WebhookBodyError =>
  new WebhookBodyError({ issue: cause instanceof Error ? cause.message : "reading it failed", cause })

/**
 * The error for a request whose body was read before verification.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export const bodyAlreadyRead = (): WebhookBodyError => new WebhookBodyError({ issue: "the body was already read" })

/**
 * Every reason a webhook is refused.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export const WebhookError = Schema.Union(
  WebhookSecretError,
  WebhookMissingHeadersError,
  WebhookTimestampError,
  WebhookSignatureError,
  WebhookPayloadError,
  WebhookBodyError,
  WebhookBodyTooLargeError
)
/** Every reason a webhook is refused. */
export type WebhookError = typeof WebhookError.Type

/**
 * True for any {@link WebhookError}.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export const isWebhookError: (u: unknown) => u is WebhookError = Schema.is(WebhookError)

/**
 * What the Promise `verifyWebhook` throws: an `Error` whose message is `effect-clerk: <reason>` in `@clerk/backend`'s
 * wording, with the tagged error as `cause` and its tag as `reason`.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export class WebhookVerificationError extends Error {
  /** The tag of the Effect error (`WebhookSignatureError`, `WebhookMissingHeadersError`, ...). */
  readonly reason: WebhookError["_tag"]

  constructor(error: WebhookError) {
    super(`effect-clerk: ${error.message}`, { cause: error })
    this.reason = error._tag
  }

  override get name(): string {
    return "WebhookVerificationError"
  }
}
