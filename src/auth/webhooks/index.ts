/**
 * `effect-clerk/webhooks`: verify Clerk webhook deliveries and decode their events.
 *
 * - Promise: `verifyWebhook(request, { signingSecret })`, a drop-in for `@clerk/backend/webhooks`.
 * - Effect: the `WebhookVerifier` service (`Webhooks.layerConfig()`), `Webhooks.verify(request)`, `Webhooks.handler`.
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
export * as Webhooks from "./Webhooks.js"
export {
  type WebhookPayload,
  WebhookVerifier,
  type WebhookVerifierConfig,
  type WebhookVerifierOptions,
  type WebhookVerifierService
} from "./Webhooks.js"
