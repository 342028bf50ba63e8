/**
 * `effect-clerk/webhooks`: verify Clerk webhook deliveries and decode their events.
 *
 * - Promise: `verifyWebhook(request, { signingSecret })`, a drop-in for `@clerk/backend/webhooks`.
 * - Effect: the `WebhookVerifier` module: the service (`WebhookVerifier.layerConfig()`), `WebhookVerifier.verify(request)`,
 *   `WebhookVerifier.handler(handle)` for `@effect/platform` servers.
 * - Schemas: `WebhookEvent` (every event type, then `UnknownWebhookEvent`) and each event's `data` schema.
 *
 * @module
 */
export {
  isWebhookError,
  WebhookBodyError,
  WebhookError,
  WebhookMissingHeadersError,
  WebhookPayloadError,
  WebhookSecretError,
  WebhookSignatureError,
  WebhookTimestampError,
  WebhookVerificationError
} from "./errors.js"
export * from "./events.generated.js"
export { DEFAULT_TOLERANCE_SECONDS, type WebhookHeaders } from "./signature.js"
export { type VerifyWebhookOptions, verifyWebhook, verifyWebhookPayload } from "./verifyWebhook.js"
export * as WebhookVerifier from "./WebhookVerifier.js"
export type { WebhookPayload, WebhookVerifierConfig, WebhookVerifierOptions } from "./WebhookVerifier.js"
