/**
 * Webhook verification for Effect programs: the {@link WebhookVerifier} service, its layers, accessors, and an
 * HTTP handler for `@effect/platform` servers.
 *
 * ```ts
 * const app = WebhookVerifier.handler((event) =>
 *   event.type === "user.created" ? saveUser(event.data) : Effect.void
 * )
 * // provide WebhookVerifier.layerConfig() (reads CLERK_WEBHOOK_SIGNING_SECRET)
 * ```
 *
 * The body is read once, as text. The timestamp is checked against the Effect `Clock` (so `TestClock` moves it), with
 * a 5-minute tolerance either way by default. A body over `maxBodyBytes` (1 MiB by default) is refused with
 * `WebhookBodyTooLargeError` before it is read in full and before any HMAC work. Verification is stateless: a delivery
 * replayed inside the tolerance, with its original id and signature, verifies again (deduplicate on `svix-id`). Events are the parsed JSON as received, typed as the {@link WebhookEvent}
 * union, `data` in snake_case. Once the signature holds, every JSON object is delivered: a known event that does not
 * match its schema is logged at Warning (its type and the failing schema paths, once per pair per verifier).
 *
 * @module
 */
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Clock from "effect/Clock"
import * as Config from "effect/Config"
import type * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import type * as Redacted from "effect/Redacted"
import { checkBodySize, declaredTooLarge, maxBodyBytesOf, readRequestBody } from "./body.js"
import {
  bodyAlreadyRead,
  bodyReadFailure,
  type WebhookBodyError,
  WebhookBodyTooLargeError,
  type WebhookError,
  WebhookSecretError
} from "./errors.js"
import type { WebhookEvent } from "./events.generated.js"
import { makeDriftReporter, type SchemaDrift } from "./payload.js"
import {
  bodyText,
  DEFAULT_TOLERANCE_SECONDS,
  readDeliveryHeaders,
  type SigningKey,
  signingKey,
  verifyBody,
  type WebhookHeaders
} from "./signature.js"

/**
 * A raw delivery: the body exactly as received, and the request headers.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export interface WebhookPayload {
  readonly body: string | Uint8Array | ArrayBuffer
  readonly headers: WebhookHeaders
}

/**
 * Options of the verifier.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export interface WebhookVerifierOptions {
  /** The endpoint's Signing Secret (`whsec_…`). */
  readonly signingSecret: Redacted.Redacted<string> | string
  /** How far the delivery timestamp may be from the clock, either way (default 5 minutes). */
  readonly tolerance?: Duration.DurationInput | undefined
  /** The largest body accepted, in bytes (default 1 MiB; `Infinity` lifts the limit). */
  readonly maxBodyBytes?: number | undefined
}

/**
 * Verifies deliveries signed with one secret.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export interface WebhookVerifierService {
  /** Reads the body of a Fetch `Request` once, checks the signature and timestamp, and decodes the event. */
  readonly verify: (request: Request) => Effect.Effect<WebhookEvent, WebhookError>
  /** Verifies a body you already hold (e.g. Express `express.raw()`), with its headers. */
  readonly verifyPayload: (payload: WebhookPayload) => Effect.Effect<WebhookEvent, WebhookError>
  /** Verifies the `HttpServerRequest` of an `@effect/platform` server. */
  readonly verifyServerRequest: (
    request: HttpServerRequest.HttpServerRequest
  ) => Effect.Effect<WebhookEvent, WebhookError>
}

/**
 * The webhook verifier service.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export class WebhookVerifier extends Context.Tag("effect-clerk/WebhookVerifier")<
  WebhookVerifier,
  WebhookVerifierService
>() {}

const toleranceSeconds = (tolerance: Duration.DurationInput | undefined): number =>
  tolerance === undefined ? DEFAULT_TOLERANCE_SECONDS : Math.floor(Duration.toSeconds(Duration.decode(tolerance)))

/**
 * The verification steps, in `@clerk/backend`'s order: headers (before the body is read), body, timestamp against the
 * Effect `Clock`, signature, parsing; then schema drift is reported, never refused.
 */
const verifyDelivery = Effect.fn("clerk.webhooks.verify", { captureStackTrace: false })(function* (
  report: (drift: SchemaDrift) => Effect.Effect<void>,
  key: SigningKey,
  tolerance: number,
  rawHeaders: WebhookHeaders,
  limit: number,
  readBody: Effect.Effect<WebhookPayload["body"], WebhookBodyError | WebhookBodyTooLargeError>
) {
  const headers = yield* readDeliveryHeaders(rawHeaders)
  yield* Effect.annotateCurrentSpan("clerk.webhook.id", headers.id)
  const body = bodyText(yield* Effect.flatMap(readBody, (raw) => checkBodySize(raw, limit)))
  const now = yield* Clock.currentTimeMillis
  const { drift, event } = yield* verifyBody(key, headers, body, now, tolerance)
  if (event.type !== undefined) yield* Effect.annotateCurrentSpan("clerk.webhook.type", event.type)
  if (Option.isSome(drift)) yield* report(drift.value)
  return event
})

const readRequest = (
  request: Request,
  limit: number
): Effect.Effect<string, WebhookBodyError | WebhookBodyTooLargeError> =>
  request.bodyUsed
    ? Effect.fail(bodyAlreadyRead())
    : Effect.flatMap(
        Effect.promise(() => readRequestBody(request, limit)),
        (read) => read
      )

/** A platform request's body, refused unread when its `Content-Length` is over the limit. */
const readServerRequest = (
  request: HttpServerRequest.HttpServerRequest,
  limit: number
): Effect.Effect<string, WebhookBodyError | WebhookBodyTooLargeError> =>
  declaredTooLarge(request.headers, limit)
    ? Effect.fail(new WebhookBodyTooLargeError({ limit }))
    : Effect.mapError(request.text, bodyReadFailure)

/**
 * Builds a verifier; fails with {@link WebhookSecretError} when the secret is empty or malformed.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export const make = (options: WebhookVerifierOptions): Effect.Effect<WebhookVerifierService, WebhookSecretError> =>
  Effect.map(signingKey(options.signingSecret), (key) => {
    const tolerance = toleranceSeconds(options.tolerance)
    const limit = maxBodyBytesOf(options.maxBodyBytes)
    const report = makeDriftReporter()
    return WebhookVerifier.of({
      verify: (request) => verifyDelivery(report, key, tolerance, request.headers, limit, readRequest(request, limit)),
      verifyPayload: (payload) =>
        verifyDelivery(report, key, tolerance, payload.headers, limit, Effect.succeed(payload.body)),
      verifyServerRequest: (request) =>
        verifyDelivery(report, key, tolerance, request.headers, limit, readServerRequest(request, limit))
    })
  })

/**
 * A verifier layer from options.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export const layer = (options: WebhookVerifierOptions): Layer.Layer<WebhookVerifier, WebhookSecretError> =>
  Layer.effect(WebhookVerifier, make(options))

/**
 * Options of {@link layerConfig}.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export interface WebhookVerifierConfig {
  /** Where the secret comes from (default `Config.redacted("CLERK_WEBHOOK_SIGNING_SECRET")`). */
  readonly signingSecret?: Config.Config<Redacted.Redacted<string>> | undefined
  /** How far the delivery timestamp may be from the clock, either way (default 5 minutes). */
  readonly tolerance?: Duration.DurationInput | undefined
  /** The largest body accepted, in bytes (default 1 MiB; `Infinity` lifts the limit). */
  readonly maxBodyBytes?: number | undefined
}

/**
 * The secret from Effect `Config`, by default `CLERK_WEBHOOK_SIGNING_SECRET`; absent is {@link WebhookSecretError}.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export const signingSecretFromConfig = (
  config: Config.Config<Redacted.Redacted<string>> = Config.redacted("CLERK_WEBHOOK_SIGNING_SECRET")
): Effect.Effect<Redacted.Redacted<string>, WebhookSecretError | ConfigError.ConfigError> =>
  Effect.flatMap(
    Config.option(config),
    Option.match({
      onNone: () => Effect.fail(new WebhookSecretError({ reason: "missing" })),
      onSome: Effect.succeed
    })
  )

/**
 * A verifier layer whose secret is read through Effect `Config` (by default CLERK_WEBHOOK_SIGNING_SECRET).
 *
 * @since 0.1.0
 * @category Webhooks
 */
export const layerConfig = (
  options: WebhookVerifierConfig = {}
): Layer.Layer<WebhookVerifier, WebhookSecretError | ConfigError.ConfigError> =>
  Layer.effect(
    WebhookVerifier,
    Effect.flatMap(signingSecretFromConfig(options.signingSecret), (signingSecret) =>
      make({ signingSecret, tolerance: options.tolerance, maxBodyBytes: options.maxBodyBytes })
    )
  )

/**
 * Verifies a Fetch `Request` with the {@link WebhookVerifier} in context.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export const verify = (request: Request): Effect.Effect<WebhookEvent, WebhookError, WebhookVerifier> =>
  Effect.flatMap(WebhookVerifier, (verifier) => verifier.verify(request))

/**
 * Verifies a raw body and its headers with the {@link WebhookVerifier} in context.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export const verifyPayload = (payload: WebhookPayload): Effect.Effect<WebhookEvent, WebhookError, WebhookVerifier> =>
  Effect.flatMap(WebhookVerifier, (verifier) => verifier.verifyPayload(payload))

/**
 * Verifies the current `HttpServerRequest` with the {@link WebhookVerifier} in context.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export const verifyServerRequest: Effect.Effect<
  WebhookEvent,
  WebhookError,
  WebhookVerifier | HttpServerRequest.HttpServerRequest
> = Effect.flatMap(Effect.all([WebhookVerifier, HttpServerRequest.HttpServerRequest]), ([verifier, request]) =>
  verifier.verifyServerRequest(request)
)

/**
 * An `@effect/platform` HTTP handler for a webhook endpoint: verifies the request, runs `handle` on the event, and
 * answers 204 (or what `handle` returns). A delivery that fails verification gets 400 with `{ "error": message }` and
 * `handle` never runs. Failures of `handle` propagate, so Clerk retries the delivery.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export const handler = <E, R>(
  handle: (event: WebhookEvent) => Effect.Effect<HttpServerResponse.HttpServerResponse | void, E, R>
): Effect.Effect<HttpServerResponse.HttpServerResponse, E, R | WebhookVerifier | HttpServerRequest.HttpServerRequest> =>
  Effect.matchEffect(verifyServerRequest, {
    onFailure: (error) =>
      Effect.logWarning("effect-clerk: webhook refused", error.message).pipe(
        Effect.as(HttpServerResponse.unsafeJson({ error: error.message }, { status: 400 }))
      ),
    onSuccess: (event) => Effect.map(handle(event), (response) => response ?? HttpServerResponse.empty({ status: 204 }))
  })
