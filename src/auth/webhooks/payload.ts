/**
 * Turns a verified body into a {@link WebhookEvent}. The event is always the parsed JSON itself (every key kept,
 * snake_case, exactly as sent): once the signature holds, a body is refused only when it is not a JSON object (or its
 * `type` is not a string). A known event that does not match its schema is still delivered, with the failing schema
 * paths in {@link SchemaDrift} for the caller to report.
 *
 * @module
 */
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Predicate from "effect/Predicate"
import * as Schema from "effect/Schema"
import { type DriftIssue, type Observer, observer } from "../../models/internal/observe.js"
import { WebhookPayloadError } from "./errors.js"
import {
  isWebhookEventType,
  type KnownWebhookEvent,
  UnknownWebhookEvent,
  type WebhookEvent,
  webhookEventSchemas,
  type WebhookEventType
} from "./events.generated.js"

/**
 * Where a delivered known event differs from its schema: schema paths and issue kinds, never payload values.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export interface SchemaDrift {
  readonly type: WebhookEventType
  /** Wire paths and drift kinds, e.g. `data.external_id (missing)`, `data.email_addresses[].id (type)`. */
  readonly paths: ReadonlyArray<string>
}

/**
 * A verified event, and its schema drift when it is a known event that does not match its schema.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export interface ParsedEvent {
  readonly event: WebhookEvent
  readonly drift: Option.Option<SchemaDrift>
}

/** At most this many paths are reported per event, each at most this long. */
const MAX_PATHS = 20
const MAX_PATH_LENGTH = 200

/**
 * A known event's wire form is its decoded form (no transformations): the event delivered is the JSON itself. Each
 * event's observer is compiled on its first delivery (and cached by `observer`), never at import. It uses the generated
 * class decoders when the request pipeline has installed them (they give the same result as the compiled ones).
 */
const observerOf = (type: string): Observer | undefined => {
  const schema: Schema.Schema.All | undefined = Reflect.get(webhookEventSchemas, type)
  return schema === undefined ? undefined : observer(schema)
}
/** An object with no `type`, or a type this SDK does not know. */
const isUnknownEvent = Schema.is(UnknownWebhookEvent)

const pathOf = (issue: DriftIssue): string => {
  const text = `${issue.path === "" ? "(root)" : issue.path} (${issue.kind})`
  return text.length > MAX_PATH_LENGTH ? `${text.slice(0, MAX_PATH_LENGTH)}…` : text
}

/**
 * Where `json` differs from the schema of its known `type`, through the one drift-tolerant decoder that response
 * bodies use; extra keys are not drift here, as an event is delivered with every key it has.
 */
const driftOf = (type: WebhookEventType, json: unknown): Option.Option<SchemaDrift> => {
  const observe = observerOf(type)
  if (observe === undefined) return Option.none()
  const issues: Array<DriftIssue> = []
  observe(json, issues)
  const mismatches = issues.filter((issue) => issue.kind !== "extra")
  if (mismatches.length === 0) return Option.none()
  return Option.some({ type, paths: [...new Set(mismatches.map(pathOf))].sort().slice(0, MAX_PATHS) })
}

const payloadError = (reason: WebhookPayloadError["reason"], issue: string) =>
  Either.left(new WebhookPayloadError({ reason, issue }))

/**
 * The typed view of a verified object of a known `type`: delivered as received, typed by that event's schema. Where
 * it drifted from the schema the drift is reported; nothing is refused or rewritten (the policy).
 */
const asKnown = (json: Readonly<Record<string, unknown>>): KnownWebhookEvent => json as unknown as KnownWebhookEvent

/**
 * Parses a verified body: any JSON object whose `type` is a string or absent is an event.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export const parseEvent = (body: string): Either.Either<ParsedEvent, WebhookPayloadError> => {
  if (body.trim() === "") return payloadError("empty", "the payload is empty")
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    return payloadError("not-json", "the payload is not JSON")
  }
  if (!Predicate.isRecord(json)) {
    return payloadError("not-an-event", "the payload is not a webhook event (not a JSON object)")
  }
  const type = json["type"]
  if (type !== undefined && typeof type !== "string") {
    return payloadError("not-an-event", "the payload is not a webhook event (its `type` is not a string)")
  }
  if (isUnknownEvent(json)) return Either.right({ event: json, drift: Option.none() })
  if (!isWebhookEventType(type)) return payloadError("not-an-event", "the payload is not a webhook event")
  return Either.right({ event: asKnown(json), drift: driftOf(type, json) })
}

/** How many (type, path) pairs a reporter remembers; past that, new pairs are no longer logged. */
const MAX_REPORTED = 1000

/**
 * Reports schema drift: a Warning log naming the event type and the new failing paths, once per (type, path) for the
 * reporter's lifetime (a bounded set, one per verifier), and a span event on the current span at every delivery.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export const makeDriftReporter = (): ((drift: SchemaDrift) => Effect.Effect<void>) => {
  const seen = new Set<string>()
  return (drift) =>
    Effect.gen(function* () {
      const span = yield* Effect.option(Effect.currentSpan)
      if (Option.isSome(span)) {
        const now = yield* Clock.currentTimeNanos
        span.value.event("clerk.webhook.schema_drift", now, {
          "clerk.webhook.type": drift.type,
          "clerk.webhook.schema_paths": drift.paths.join(", ")
        })
      }
      const fresh = drift.paths.filter((path) => {
        const id = `${drift.type}\u0000${path}`
        if (seen.has(id) || seen.size >= MAX_REPORTED) return false
        seen.add(id)
        return true
      })
      if (fresh.length === 0) return
      yield* Effect.logWarning(
        `effect-clerk: a ${drift.type} webhook event does not match its schema; delivered as received`
      ).pipe(Effect.annotateLogs({ "clerk.webhook.type": drift.type, "clerk.webhook.schema_paths": fresh }))
    })
}
