/**
 * Turns a verified body into a {@link WebhookEvent}: JSON, then the generated event schema. A known event is the parsed
 * JSON itself, checked (every key kept, snake_case, exactly as sent); an unknown one is decoded to its `"unknown"` form.
 *
 * @module
 */
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Predicate from "effect/Predicate"
import * as Schema from "effect/Schema"
import { WebhookPayloadError } from "./errors.js"
import { WebhookEvent, webhookEventTypes } from "./events.generated.js"

const knownTypes: ReadonlySet<string> = new Set(webhookEventTypes)
/** A known event's wire form is its decoded form (no transformations), so checking it is enough: no copy is made. */
const isKnownEvent = Schema.is(WebhookEvent)
/** Unknown event types (a transformation), and the error report for a payload that fails the check. */
const decodeEvent = Schema.decodeUnknownEither(WebhookEvent, { onExcessProperty: "preserve" })

const formatIssue = (error: ParseResult.ParseError): string => {
  const issues = ParseResult.ArrayFormatter.formatErrorSync(error)
  // A known `type` with a bad `data` also fails the unknown-event member on `type`; report the real problem.
  const issue = issues.find((i) => !(i.path.length === 1 && i.path[0] === "type")) ?? issues[0]
  if (issue === undefined) return "the payload does not match the event schema"
  const at = issue.path.map(String).join(".")
  return at === "" ? issue.message : `${at}: ${issue.message}`
}

/** Bounds text taken from the payload, so a hostile body cannot flood logs through an error message. */
const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max)}…` : text)

const payloadError = (reason: WebhookPayloadError["reason"], issue: string) =>
  Either.left(new WebhookPayloadError({ reason, issue }))

/** Parses and decodes a verified body. */
export const parseEvent = (body: string): Either.Either<WebhookEvent, WebhookPayloadError> => {
  if (body.trim() === "") return payloadError("empty", "the payload is empty")
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    return payloadError("not-json", "the payload is not JSON")
  }
  if (!Predicate.isRecord(json) || typeof json["type"] !== "string") {
    return payloadError("not-an-event", "the payload is not a webhook event (no string `type`)")
  }
  if (knownTypes.has(json["type"]) && isKnownEvent(json)) return Either.right(json)
  return Either.mapLeft(
    decodeEvent(json),
    (error) => new WebhookPayloadError({ reason: "schema", issue: clip(`${clip(String(json["type"]), 80)} event: ${formatIssue(error)}`, 400) })
  )
}
