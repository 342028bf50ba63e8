/**
 * `verifyWebhook(request, options?)`: the Promise API, a drop-in for `@clerk/backend/webhooks`.
 *
 * Same inputs, same result shape (`{ type, object, data, event_attributes, timestamp, instance_id }`, raw snake_case
 * JSON), and it throws an `Error` with `@clerk/backend`'s messages. Once the signature holds, the event is the parsed
 * JSON as received (envelope keys beyond those six kept too); a known event that does not match its schema is still
 * returned, and a Warning is logged once per (type, schema path) for the process. Differences: a signed body that is
 * not a JSON object (or whose `type` is not a string) throws, and `webhook-*` headers are accepted as well as `svix-*`.
 *
 * It runs the same steps as the Effect verifier (`signature.ts`), without a fiber: only reading the body is async.
 *
 * @module
 */
import * as Config from "effect/Config"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import type * as Redacted from "effect/Redacted"
import { checkBodySize, maxBodyBytesOf, readRequestBody } from "./body.js"
import { bodyAlreadyRead, type WebhookError, WebhookVerificationError } from "./errors.js"
import type { WebhookEvent } from "./events.generated.js"
import { makeDriftReporter, type ParsedEvent } from "./payload.js"
import {
  bodyText,
  DEFAULT_TOLERANCE_SECONDS,
  readDeliveryHeaders,
  type SigningKey,
  signingKey,
  verifyBody,
  type WebhookHeaders
} from "./signature.js"
import type { WebhookPayload } from "./WebhookVerifier.js"

/**
 * Options of {@link verifyWebhook}.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export interface VerifyWebhookOptions {
  /** The endpoint's Signing Secret (`whsec_…`); default: the CLERK_WEBHOOK_SIGNING_SECRET environment variable. */
  readonly signingSecret?: string | undefined
  /** The largest body accepted, in bytes (default 1 MiB; `Infinity` lifts the limit). `@clerk/backend` has none. */
  readonly maxBodyBytes?: number | undefined
}

const envSecret = Config.option(Config.redacted("CLERK_WEBHOOK_SIGNING_SECRET"))

/** The secret from the options, else from the environment (through Effect `Config`, read at each call). */
const secretOf = (options: VerifyWebhookOptions): Redacted.Redacted<string> | string | undefined =>
  options.signingSecret ??
  Effect.runSync(Effect.orElseSucceed(Effect.map(envSecret, Option.getOrUndefined), () => undefined))

/** The Promise API has no verifier object: one bounded reporter for the process (see `makeDriftReporter`). */
const report = makeDriftReporter()

/** `@clerk/backend` always sets `event_attributes`, `undefined` when the payload has none. Drift is logged, not thrown. */
const toResult = ({ drift, event }: ParsedEvent): WebhookEvent => {
  if (Option.isSome(drift)) Effect.runSync(report(drift.value))
  return { ...event, event_attributes: event.event_attributes }
}

/** The value, or the Error a Promise user catches. */
const orThrow = <A>(result: Either.Either<A, WebhookError>): A => {
  if (Either.isLeft(result)) throw new WebhookVerificationError(result.left)
  return result.right
}

const prepare = (options: VerifyWebhookOptions, headers: WebhookHeaders) => {
  const key: SigningKey = orThrow(signingKey(secretOf(options)))
  return { key, delivery: orThrow(readDeliveryHeaders(headers)) }
}

/**
 * Verifies a webhook request from Clerk and returns its event. Reads the body once, as UTF-8 text, after the secret
 * and the headers are checked, and stops reading past `maxBodyBytes` (1 MiB by default); the timestamp may be 5
 * minutes off either way. Verification is stateless: a delivery replayed inside those 5 minutes verifies again.
 *
 * ```ts
 * import { verifyWebhook } from "effect-clerk/webhooks"
 *
 * export async function POST(request: Request) {
 *   try {
 *     const evt = await verifyWebhook(request)
 *     if (evt.type === "user.created") console.log("new user", evt.data.id)
 *     return new Response("ok")
 *   } catch (err) {
 *     return new Response("Webhook verification failed", { status: 400 })
 *   }
 * }
 * ```
 *
 * @throws {WebhookVerificationError} for a missing secret, missing headers, a body over the limit, a bad signature or
 * timestamp, or a signed body that is not a JSON object. A signed object is always returned, even when it does not match its event schema.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export const verifyWebhook = async (request: Request, options: VerifyWebhookOptions = {}): Promise<WebhookEvent> => {
  const { delivery, key } = prepare(options, request.headers)
  if (request.bodyUsed) throw new WebhookVerificationError(bodyAlreadyRead())
  const body = orThrow(await readRequestBody(request, maxBodyBytesOf(options.maxBodyBytes)))
  return toResult(orThrow(verifyBody(key, delivery, body, Date.now(), DEFAULT_TOLERANCE_SECONDS)))
}

/**
 * Verifies a body you already hold, with its headers: for frameworks that read the body themselves (Express
 * `express.raw({ type: "application/json" })` gives a `Buffer`). Pass the bytes exactly as received, never a
 * re-serialized object.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export const verifyWebhookPayload = async (
  payload: WebhookPayload,
  options: VerifyWebhookOptions = {}
): Promise<WebhookEvent> => {
  const { delivery, key } = prepare(options, payload.headers)
  const body = bodyText(orThrow(checkBodySize(payload.body, maxBodyBytesOf(options.maxBodyBytes))))
  return toResult(orThrow(verifyBody(key, delivery, body, Date.now(), DEFAULT_TOLERANCE_SECONDS)))
}
