/**
 * Spans for hot paths: a span is opened only when a tracer is installed (e.g. `@effect/opentelemetry`). With Effect's
 * built-in tracer nothing leaves the process, and opening a span would cost more than verifying a token.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import type * as Tracer from "effect/Tracer"

let builtIn: Tracer.Tracer | undefined

/** Effect's built-in tracer (what every fiber has unless a tracer layer replaces it). */
const builtInTracer = (): Tracer.Tracer => (builtIn ??= Effect.runSync(Effect.tracer))

/**
 * `Effect.withSpan(name)` when a tracer is installed; the effect unchanged otherwise.
 *
 * @since 0.1.0
 * @category Tokens
 */
export const withSpanWhenTraced =
  (name: string) =>
  <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
    Effect.tracerWith((tracer) =>
      tracer === builtInTracer()
        ? effect
        : Effect.withSpan(effect, name, { kind: "internal", captureStackTrace: false })
    )
