/**
 * Page walking for list endpoints: every `{ data, totalCount }` list method also comes as a `Stream` of all items.
 *
 * @internal
 */
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import { ResultSlot } from "../../services/internal/handOff.js"

/** One page of a list endpoint. */
export interface Page<A> {
  readonly data: ReadonlyArray<A>
  readonly totalCount?: number | undefined
}

/**
 * The next page, requested while the consumer works on the current one. The page is handed over through `slot`, not
 * through the fiber's Exit: a fiber that waited on I/O can stay reachable until V8's next full GC, and with it
 * whatever its Exit holds (here a whole page and its JSON), which every young-generation GC would then copy.
 */
interface Prefetch<A, E> {
  readonly fiber: Fiber.Fiber<void, E>
  readonly slot: ResultSlot<Page<A>>
}

interface WalkState<A, E> {
  readonly offset: number
  readonly next: Prefetch<A, E> | undefined
}

/** Starts fetching a page in the background, in `scope`. */
const prefetch = <A, E>(fetch: Effect.Effect<Page<A>, E>, scope: Parameters<typeof Effect.forkIn>[1]) =>
  Effect.suspend(() => {
    const slot = new ResultSlot<Page<A>>()
    return Effect.map(Effect.forkIn(slot.fill(fetch), scope), (fiber): Prefetch<A, E> => ({ fiber, slot }))
  })

/** Waits for a prefetched page and takes it out of its slot. */
const takePrefetched = <A, E>(prefetched: Prefetch<A, E>): Effect.Effect<Page<A>, E> =>
  Effect.zipRight(Fiber.join(prefetched.fiber), prefetched.slot.take)

/**
 * Streams every item of a limit/offset list. The first page is fetched when the stream is first pulled, and a reader
 * that stays on it costs one request. From the second page on, as each page is handed to the consumer the next one is
 * requested in the background: the consumer's work and the next request overlap, and never more than one page is
 * fetched ahead. The walk stops on a short page, on an empty page, or once `totalCount` items were seen; a consumer
 * that stops early interrupts the prefetch.
 */
export const streamPages = <A, E>(
  pageSize: number,
  fetchPage: (page: { readonly limit: number; readonly offset: number }) => Effect.Effect<Page<A>, E>,
  startOffset = 0
): Stream.Stream<A, E> =>
  Stream.unwrapScoped(
    Effect.map(Effect.scope, (scope) =>
      Stream.paginateChunkEffect<WalkState<A, E>, A, E, never>(
        { offset: startOffset, next: undefined },
        ({ next: prefetched, offset }) =>
          Effect.flatMap(
            prefetched === undefined ? fetchPage({ limit: pageSize, offset }) : takePrefetched(prefetched),
            (page) => {
              const next = offset + page.data.length
              const done =
                page.data.length === 0 ||
                page.data.length < pageSize ||
                (page.totalCount !== undefined && next >= page.totalCount)
              const chunk = Chunk.fromIterable(page.data)
              if (done) return Effect.succeed([chunk, Option.none<WalkState<A, E>>()] as const)
              // The first page goes out alone; prefetching starts once the consumer asks for the second.
              if (offset === startOffset)
                return Effect.succeed([chunk, Option.some({ offset: next, next: undefined })] as const)
              return Effect.map(
                prefetch(fetchPage({ limit: pageSize, offset: next }), scope),
                (fiber) => [chunk, Option.some<WalkState<A, E>>({ offset: next, next: fiber })] as const
              )
            }
          )
      )
    )
  )
