/**
 * Page walking for list endpoints: every `{ data, totalCount }` list method also comes as a `Stream` of all items.
 *
 * @internal
 */
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"

/** One page of a list endpoint. */
export interface Page<A> {
  readonly data: ReadonlyArray<A>
  readonly totalCount?: number | undefined
}

/**
 * Streams every item of a limit/offset list, fetching a page only when the stream is pulled. It stops on a short page,
 * on an empty page, or once `totalCount` items were seen.
 */
export const streamPages = <A, E>(
  pageSize: number,
  fetchPage: (page: { readonly limit: number; readonly offset: number }) => Effect.Effect<Page<A>, E>,
  startOffset = 0
): Stream.Stream<A, E> =>
  Stream.paginateChunkEffect(startOffset, (offset) =>
    Effect.map(fetchPage({ limit: pageSize, offset }), (page) => {
      const next = offset + page.data.length
      const done = page.data.length === 0 || page.data.length < pageSize ||
        (page.totalCount !== undefined && next >= page.totalCount)
      return [Chunk.fromIterable(page.data), done ? Option.none() : Option.some(next)] as const
    }))
