/**
 * The Promise runtime's Stream → async iterable adapter (src/promise/runtime.ts `toAsyncIterable`): order across pages,
 * breaking out closes the stream and stops paging, failures arrive as the Promise error classes, and an abort ends
 * the walk with an `AbortError`.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Runtime from "effect/Runtime"
import * as Stream from "effect/Stream"
import { ClerkAPIResponseError } from "../src/promise/errors.js"
import { toAsyncIterable } from "../src/promise/runtime.js"
import { ClerkNotFoundError } from "../src/services/ClerkErrors.js"

/** A stream of `pages` pages of `size` numbered items, counting the pages it fetched and whether it was closed. */
const pagedStream = (pages: number, size: number) => {
  const state = { fetched: 0, closed: false }
  const stream = Stream.paginateChunkEffect(0, (page: number) =>
    Effect.sync(() => {
      state.fetched++
      const items = Chunk.makeBy(size, (i) => page * size + i)
      return [items, page + 1 < pages ? Option.some(page + 1) : Option.none()] as const
    })
  ).pipe(
    Stream.ensuring(
      Effect.sync(() => {
        state.closed = true
      })
    )
  )
  return { stream, state }
}

const collect = async <A>(iterable: AsyncIterable<A>): Promise<Array<A>> => {
  const out: Array<A> = []
  for await (const item of iterable) out.push(item)
  return out
}

describe("toAsyncIterable", () => {
  it("yields every item of every page, in order", async () => {
    const { stream, state } = pagedStream(4, 5)
    const items = await collect(toAsyncIterable(Runtime.defaultRuntime, stream))
    expect(items).toEqual(Array.from({ length: 20 }, (_, i) => i))
    expect(state.fetched).toBe(4)
    expect(state.closed).toBe(true)
  })

  it("pulls the next page only once the reader has taken every item of the one before", async () => {
    const { stream, state } = pagedStream(3, 5)
    const iterator = toAsyncIterable(Runtime.defaultRuntime, stream)[Symbol.asyncIterator]()
    const fetchedAt: Array<number> = []
    for (let i = 0; i < 6; i++) {
      const result = await iterator.next()
      expect(result).toEqual({ done: false, value: i })
      // Let any reader running ahead do its work before looking.
      await new Promise((resolve) => setTimeout(resolve, 1))
      fetchedAt.push(state.fetched)
    }
    expect(fetchedAt).toEqual([1, 1, 1, 1, 1, 2])
    await iterator.return?.()
    expect(state.closed).toBe(true)
  })

  it("hands out every item when next() is called again before the last call settled", async () => {
    const { stream } = pagedStream(3, 2)
    const iterator = toAsyncIterable(Runtime.defaultRuntime, stream)[Symbol.asyncIterator]()
    const results = await Promise.all(Array.from({ length: 8 }, () => iterator.next()))
    expect(results.map((r) => (r.done ? "done" : r.value))).toEqual([0, 1, 2, 3, 4, 5, "done", "done"])
  })

  it("breaking out of the loop closes the stream and fetches no further page", async () => {
    const { stream, state } = pagedStream(100, 5)
    const seen: Array<number> = []
    for await (const item of toAsyncIterable(Runtime.defaultRuntime, stream)) {
      seen.push(item)
      if (item === 7) break
    }
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    expect(state.closed).toBe(true)
    expect(state.fetched).toBeLessThanOrEqual(3)
  })

  it("a Clerk failure after some pages is thrown as the Promise error class, after the items before it", async () => {
    const failing = Stream.concat(
      Stream.fromIterable([1, 2, 3]),
      Stream.fail(
        new ClerkNotFoundError({
          status: 404,
          statusText: "Not Found",
          errors: [],
          clerkTraceId: "trace_1",
          method: "GET",
          path: "/v1/users"
        })
      )
    )
    const seen: Array<number> = []
    const error = await (async () => {
      for await (const item of toAsyncIterable(Runtime.defaultRuntime, failing)) seen.push(item)
    })().then(
      () => undefined,
      (e: unknown) => e
    )
    expect(seen).toEqual([1, 2, 3])
    expect(error).toBeInstanceOf(ClerkAPIResponseError)
    expect((error as ClerkAPIResponseError).status).toBe(404)
    expect((error as ClerkAPIResponseError).clerkTraceId).toBe("trace_1")
  })

  it("an abort ends the walk with an AbortError and closes the stream", async () => {
    const { stream, state } = pagedStream(1_000_000, 1)
    const controller = new AbortController()
    const seen: Array<number> = []
    const error = await (async () => {
      for await (const item of toAsyncIterable(
        Runtime.defaultRuntime,
        Stream.tap(stream, () => Effect.yieldNow()),
        controller.signal
      )) {
        seen.push(item)
        if (item === 3) controller.abort()
      }
    })().then(
      () => undefined,
      (e: unknown) => e
    )
    expect(error).toMatchObject({ name: "AbortError" })
    expect(seen.length).toBeGreaterThanOrEqual(4)
    expect(seen.length).toBeLessThan(1_000)
    expect(state.closed).toBe(true)
  })
})
