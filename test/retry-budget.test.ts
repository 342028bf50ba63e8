import { assert, describe, it } from "@effect/vitest"
import { Duration, Effect, Exit, Fiber, HashMap, List, Logger, LogLevel, Option, TestClock } from "effect"
import * as FakeHttp from "../src/testing/FakeHttp.js"
import type * as ClerkConfig from "../src/services/ClerkConfig.js"
import { call, pipelineLayer } from "./support/pipeline.js"
import { type RecordedSpan, recordingTracer, spanTexts } from "./support/tracing.js"

const SECRET = "sk_test_retryBudgetSecret4242"

const apiLayer = (handler: FakeHttp.FakeHandler, options: ClerkConfig.ClerkOptions = {}) =>
  pipelineLayer(handler, { secretKey: SECRET, ...options })

/**
 * Forks `effect`, then moves the TestClock one second at a time until it ends; returns its exit and the virtual time
 * it took (measured inside the fiber, so the step size does not round it).
 */
const runTimed = <A, E>(effect: Effect.Effect<A, E>, limit: Duration.Duration) =>
  Effect.gen(function* () {
    const fiber = yield* Effect.fork(Effect.timed(Effect.exit(effect)))
    const limitMillis = Duration.toMillis(limit)
    let advanced = 0
    while (Option.isNone(yield* Fiber.poll(fiber)) && advanced < limitMillis) {
      yield* TestClock.adjust(Duration.seconds(1))
      advanced += 1000
    }
    const done = yield* Fiber.poll(fiber)
    if (Option.isNone(done)) {
      yield* Fiber.interrupt(fiber)
      return { exit: undefined, elapsed: advanced }
    }
    const [took, exit] = yield* done.value
    return { exit, elapsed: Duration.toMillis(took) }
  })

const tagOf = <A, E>(exit: Exit.Exit<A, E> | undefined): string | undefined =>
  exit !== undefined && Exit.isFailure(exit) && exit.cause._tag === "Fail"
    ? (exit.cause.error as { readonly _tag?: string })._tag
    : exit?._tag

describe("the total retry budget", () => {
  it.effect(
    "bounds a call to a server that never answers, with the default settings (60 s budget, 30 s attempts)",
    () =>
      Effect.gen(function* () {
        let attempts = 0
        const layer = apiLayer(() => {
          attempts++
          return Effect.never
        })
        const { elapsed, exit } = yield* runTimed(Effect.provide(call(), layer), Duration.seconds(120))
        assert.strictEqual(tagOf(exit), "ClerkTimeoutError")
        assert.isAtMost(elapsed, 60_000)
        // The first attempt times out at 30 s; a retry follows inside what is left of the budget.
        assert.isAtLeast(elapsed, 30_000)
        assert.isAtLeast(attempts, 2)
      })
  )

  it.effect("cuts the last attempt's timeout to what is left of the budget, whatever the per-attempt timeout", () =>
    Effect.gen(function* () {
      let attempts = 0
      const layer = apiLayer(
        () => {
          attempts++
          return Effect.never
        },
        { timeout: "50 seconds", retry: { maxRetries: 5, baseDelay: "1 second", budget: "20 seconds" } }
      )
      const { elapsed, exit } = yield* runTimed(Effect.provide(call(), layer), Duration.seconds(120))
      assert.strictEqual(tagOf(exit), "ClerkTimeoutError")
      assert.isAtMost(elapsed, 20_000)
      assert.isAtLeast(elapsed, 19_000)
      assert.strictEqual(attempts, 1)
    })
  )

  it.effect("counts the waits: slow failures and backoff together stay inside the budget", () =>
    Effect.gen(function* () {
      let attempts = 0
      // Each attempt answers 503 after 4 s; backoff starts at 2 s. Without the budget, 6 retries would take ~60 s.
      const layer = apiLayer(
        () => {
          attempts++
          return Effect.as(
            Effect.sleep(Duration.seconds(4)),
            FakeHttp.json(503, { errors: [{ code: "unavailable", message: "down" }] })
          )
        },
        { retry: { maxRetries: 6, baseDelay: "2 seconds", maxDelay: "5 seconds", budget: "15 seconds" } }
      )
      const { elapsed, exit } = yield* runTimed(Effect.provide(call(), layer), Duration.seconds(120))
      // Either the last 503, or the last attempt cut short by the deadline.
      assert.include(["ClerkServerError", "ClerkTimeoutError"], tagOf(exit))
      assert.isAtMost(elapsed, 15_000)
      assert.isAtLeast(attempts, 2)
      assert.isBelow(attempts, 7)
    })
  )

  it.effect("gives up at once on a Retry-After that would end after the deadline", () =>
    Effect.gen(function* () {
      let attempts = 0
      const layer = apiLayer(
        () => {
          attempts++
          return FakeHttp.json(429, { errors: [] }, { "retry-after": "8" })
        },
        { retry: { maxRetries: 3, budget: "10 seconds" } }
      )
      const { elapsed, exit } = yield* runTimed(Effect.provide(call(), layer), Duration.seconds(60))
      assert.strictEqual(tagOf(exit), "ClerkRateLimitError")
      // The first wait (8 s) fits; the second would end at 16 s, past the 10 s budget.
      assert.strictEqual(attempts, 2)
      assert.isAtMost(elapsed, 10_000)
    })
  )

  it.effect("a call that succeeds after retries returns its value", () =>
    Effect.gen(function* () {
      let attempts = 0
      const layer = apiLayer(
        () => {
          attempts++
          return attempts < 3 ? FakeHttp.json(502, { errors: [] }) : FakeHttp.json(200, { id: "done" })
        },
        { retry: { maxRetries: 3, baseDelay: "100 millis" } }
      )
      const { exit } = yield* runTimed(Effect.provide(call(), layer), Duration.seconds(10))
      assert.isDefined(exit)
      if (exit === undefined) return
      assert.isTrue(Exit.isSuccess(exit))
      assert.deepStrictEqual(Exit.isSuccess(exit) ? exit.value : undefined, { id: "done" })
      assert.strictEqual(attempts, 3)
    })
  )
})

describe("retry visibility", () => {
  it.effect("logs every retry at Debug with the attempt, the cause and the wait, and records it as a span event", () =>
    Effect.gen(function* () {
      let attempts = 0
      const layer = apiLayer(
        () => {
          attempts++
          return attempts === 1
            ? FakeHttp.json(429, { errors: [] }, { "retry-after": "2" })
            : attempts === 2
              ? FakeHttp.json(503, { errors: [] })
              : FakeHttp.json(200, { id: "ok" })
        },
        { retry: { maxRetries: 3, baseDelay: "100 millis", maxDelay: "100 millis" } }
      )
      const logs: Array<{ level: LogLevel.LogLevel; message: unknown; annotations: Record<string, unknown> }> = []
      const logger = Logger.make(({ annotations, logLevel, message }) => {
        logs.push({ level: logLevel, message, annotations: Object.fromEntries(HashMap.toEntries(annotations)) })
      })
      const spans: Array<RecordedSpan> = []
      const program = call().pipe(
        Effect.withTracer(recordingTracer(spans)),
        Effect.provide(layer),
        Effect.provide(Logger.replace(Logger.defaultLogger, logger)),
        Logger.withMinimumLogLevel(LogLevel.All)
      )
      const { exit } = yield* runTimed(program, Duration.seconds(30))
      assert.isTrue(exit !== undefined && Exit.isSuccess(exit))
      const retries = logs.filter((l) => (List.isList(l.message) ? false : String(l.message).includes("retrying")))
      assert.strictEqual(retries.length, 2)
      for (const entry of retries) assert.strictEqual(entry.level, LogLevel.Debug)
      assert.deepStrictEqual(
        retries.map((l) => l.annotations["clerk.retry.attempt"]),
        [2, 3]
      )
      assert.deepStrictEqual(
        retries.map((l) => l.annotations["clerk.retry.cause"]),
        ["rate limited (429)", "server error (503)"]
      )
      assert.strictEqual(retries[0]!.annotations["clerk.retry.wait_ms"], 2000)
      const secondWait = retries[1]!.annotations["clerk.retry.wait_ms"]
      assert.isTrue(typeof secondWait === "number" && secondWait > 0 && secondWait <= 100)
      const retryEvents = spans
        .flatMap((s) => s.events.map((e) => ({ span: s.name, ...e })))
        .filter((e) => e.name === "clerk.retry")
      assert.strictEqual(retryEvents.length, 2)
      assert.deepStrictEqual(
        retryEvents.map((e) => e.span),
        ["clerk.test.call", "clerk.test.call"]
      )
      assert.deepStrictEqual(
        retryEvents.map((e) => e.attributes?.["clerk.retry.attempt"]),
        [2, 3]
      )
      assert.strictEqual(retryEvents[0]!.attributes?.["clerk.retry.wait_ms"], 2000)
    })
  )

  it.effect(
    "opens no platform http.client span, and no span, attribute or event carries the Authorization header",
    () =>
      Effect.gen(function* () {
        let attempts = 0
        const layer = apiLayer(
          () => {
            attempts++
            return attempts === 1 ? FakeHttp.networkError("reset") : FakeHttp.json(200, { id: "ok" })
          },
          { retry: { maxRetries: 1, baseDelay: "10 millis" } }
        )
        const spans: Array<RecordedSpan> = []
        const { exit } = yield* runTimed(
          call().pipe(Effect.withTracer(recordingTracer(spans)), Effect.provide(layer)),
          Duration.seconds(10)
        )
        assert.isTrue(exit !== undefined && Exit.isSuccess(exit))
        assert.deepStrictEqual(
          spans.map((s) => s.name),
          ["clerk.test.call"]
        )
        const seen = spans.flatMap(spanTexts).join("\n")
        assert.notInclude(seen, SECRET)
        assert.notInclude(seen.toLowerCase(), "bearer")
        assert.strictEqual(spans.flatMap((s) => s.events).length, 1)
      })
  )
})
