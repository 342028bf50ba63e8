import { assert, describe, it } from "@effect/vitest"
import { Chunk, Deferred, Effect, Fiber, Stream } from "effect"
import { streamPages } from "../src/resources/internal/paginate.js"

/** A list of `total` numbers served in pages; records when each page's request starts. */
const pagedSource = (total: number) => {
  const started: Array<number> = []
  const fetchPage = ({ limit, offset }: { readonly limit: number; readonly offset: number }) =>
    Effect.sync(() => {
      started.push(offset)
      return { data: Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => offset + i) }
    })
  return { started, fetchPage }
}

const settle = Effect.repeatN(Effect.yieldNow(), 50)

describe("page Stream prefetch", () => {
  it.effect("requests the next page while the consumer works on the current one, never more than one page ahead", () =>
    Effect.gen(function* () {
      const { fetchPage, started } = pagedSource(50)
      const gates = yield* Effect.all(Array.from({ length: 5 }, () => Deferred.make<void>()))
      const consumed: Array<number> = []
      const fiber = yield* Effect.fork(
        Stream.runForEach(streamPages(10, fetchPage), (n) =>
          Effect.gen(function* () {
            consumed.push(n)
            // The consumer stalls at the first item of every page until the test lets it go on.
            if (n % 10 === 0) yield* Deferred.await(gates[n / 10]!)
          })
        )
      )
      yield* settle
      // Page 1 alone: a reader of the first page costs one request.
      assert.deepStrictEqual(started, [0])
      yield* Deferred.succeed(gates[0]!, undefined)
      yield* settle
      // The consumer is stalled on page 2 (offset 10); page 3 (offset 20) is already requested, page 4 is not.
      assert.deepStrictEqual(consumed.at(-1), 10)
      assert.deepStrictEqual(started, [0, 10, 20])
      yield* Deferred.succeed(gates[1]!, undefined)
      yield* settle
      assert.deepStrictEqual(consumed.at(-1), 20)
      assert.deepStrictEqual(started, [0, 10, 20, 30])
      for (const gate of gates.slice(2)) yield* Deferred.succeed(gate, undefined)
      yield* Fiber.join(fiber)
      assert.deepStrictEqual(
        consumed,
        Array.from({ length: 50 }, (_, i) => i)
      )
      // 50 = 5 full pages: one empty page ends the walk, and nothing is requested after it.
      assert.deepStrictEqual(started, [0, 10, 20, 30, 40, 50])
    })
  )

  it.effect("a short last page ends the walk without a further request", () =>
    Effect.gen(function* () {
      const { fetchPage, started } = pagedSource(35)
      const all = yield* Stream.runCollect(streamPages(10, fetchPage))
      assert.strictEqual(Chunk.size(all), 35)
      assert.deepStrictEqual(started, [0, 10, 20, 30])
    })
  )

  it.effect("a consumer that stops early interrupts the prefetch", () =>
    Effect.gen(function* () {
      let interrupted = 0
      const release = yield* Deferred.make<void>()
      const fetchPage = ({ limit, offset }: { readonly limit: number; readonly offset: number }) =>
        offset < 20
          ? Effect.succeed({ data: Array.from({ length: limit }, (_, i) => offset + i) })
          : Effect.onInterrupt(Effect.as(Deferred.await(release), { data: [] }), () => Effect.sync(() => interrupted++))
      const taken = yield* Stream.runCollect(Stream.take(streamPages(10, fetchPage), 15))
      assert.strictEqual(Chunk.size(taken), 15)
      yield* settle
      assert.strictEqual(interrupted, 1)
    })
  )

  it.effect("a failing prefetched page fails the stream when it is reached", () =>
    Effect.gen(function* () {
      const fetchPage = ({ limit, offset }: { readonly limit: number; readonly offset: number }) =>
        offset >= 20
          ? Effect.fail("page failed" as const)
          : Effect.succeed({ data: Array.from({ length: limit }, (_, i) => offset + i) })
      const seen: Array<number> = []
      const result = yield* Effect.either(
        Stream.runForEach(streamPages(10, fetchPage), (n) => Effect.sync(() => seen.push(n)))
      )
      assert.deepStrictEqual(result._tag === "Left" ? result.left : undefined, "page failed")
      assert.strictEqual(seen.length, 20)
    })
  )
})
