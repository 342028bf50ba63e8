/**
 * `effect-clerk/webhooks`: verify Clerk webhook deliveries and decode their events.
 *
 * - Promise: `verifyWebhook(request, { signingSecret })`, a drop-in for `@clerk/backend/webhooks`.
 * - Effect: the `WebhookVerifier` module: the service (`WebhookVerifier.layerConfig()`), `WebhookVerifier.verify(request)`,
 *   `WebhookVerifier.handler(handle)` for `@effect/platform` servers.
 * - Schemas: `WebhookEvent` (`KnownWebhookEvent`, then `UnknownWebhookEvent`), `webhookEventSchemas` and each event's
 *   `data` schema; `isKnownWebhookEvent` narrows an event before a `switch` on `type`.
 * - Policy: once the signature, timestamp and headers pass, every JSON object is delivered as received; schema drift
 *   is logged, never refused.
 *
 * @module
 */
export {
  isWebhookError,
  WebhookBodyError,
  WebhookBodyTooLargeError,
  WebhookError,
  WebhookMissingHeadersError,
  WebhookPayloadError,
  WebhookSecretError,
  WebhookSignatureError,
  WebhookTimestampError,
  WebhookVerificationError
} from "./errors.js"
export * from "./events.generated.js"
export { DEFAULT_MAX_BODY_BYTES } from "./body.js"
export { DEFAULT_TOLERANCE_SECONDS, type WebhookHeaders } from "./signature.js"
export { type VerifyWebhookOptions, verifyWebhook, verifyWebhookPayload } from "./verifyWebhook.js"
export * as WebhookVerifier from "./WebhookVerifier.js"
export type { WebhookPayload, WebhookVerifierConfig, WebhookVerifierOptions } from "./WebhookVerifier.js"
