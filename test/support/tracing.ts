/**
 * A recording tracer for tests: every span the code under test opens, with its kind, parent, attributes, events and
 * exit, and the texts a tracer exporter would write of it (for the tests that no secret reaches a span).
 *
 * @module
 */
import { inspect } from "node:util"
import { Cause, Exit, type Option, Tracer } from "effect"

/** One span as the tracer saw it. */
export interface RecordedSpan {
  readonly name: string
  readonly kind: Tracer.SpanKind
  readonly parent: Option.Option<Tracer.AnySpan>
  readonly attributes: Map<string, unknown>
  /** Every attribute write, in order (a key written twice keeps both values here). */
  readonly attributeWrites: Array<readonly [string, unknown]>
  readonly events: Array<{ readonly name: string; readonly attributes: Record<string, unknown> | undefined }>
  /** Set when the span ends. */
  exit: Exit.Exit<unknown, unknown> | undefined
}

/** A tracer that appends every span it opens to `spans`. */
export const recordingTracer = (spans: Array<RecordedSpan>): Tracer.Tracer =>
  Tracer.make({
    span: (name, parent, context, links, startTime, kind) => {
      const recorded: RecordedSpan = {
        name,
        kind,
        parent,
        attributes: new Map(),
        attributeWrites: [],
        events: [],
        exit: undefined
      }
      spans.push(recorded)
      const span: Tracer.Span = {
        _tag: "Span",
        name,
        spanId: `span${spans.length}`,
        traceId: "trace1",
        parent,
        context,
        status: { _tag: "Started", startTime },
        attributes: recorded.attributes,
        links,
        sampled: true,
        kind,
        end: (_endTime, exit) => {
          recorded.exit = exit
        },
        attribute: (key, value) => {
          recorded.attributes.set(key, value)
          recorded.attributeWrites.push([key, value])
        },
        event: (eventName, _time, attributes) => {
          recorded.events.push({ name: eventName, attributes })
        },
        addLinks: () => {}
      }
      return span
    },
    context: (f) => f()
  })

const deep = (value: unknown): string => inspect(value, { depth: Infinity, showHidden: true })

/**
 * What a tracer exporter writes of a span: its name, each attribute write and event (inspected to any depth, hidden
 * properties too) and, for a failed span, the pretty cause and the squashed error's message.
 */
export const spanTexts = (span: RecordedSpan): ReadonlyArray<string> => {
  const texts = [`span ${span.name}`]
  for (const [key, value] of span.attributeWrites) texts.push(`attribute ${span.name} ${key}=${deep(value)}`)
  for (const event of span.events) texts.push(`event ${span.name} ${event.name} ${deep(event.attributes)}`)
  if (span.exit !== undefined && Exit.isFailure(span.exit)) {
    const squashed = Cause.squash(span.exit.cause)
    texts.push(
      `end ${span.name} ${Cause.pretty(span.exit.cause)} ${squashed instanceof Error ? squashed.message : String(squashed)}`
    )
  }
  return texts
}
