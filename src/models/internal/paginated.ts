import * as Schema from "effect/Schema"

/**
 * The list envelope most Backend API list endpoints return: `{ data: [...], total_count }` on the wire,
 * `{ data, totalCount }` on the Type side.
 */
export const Paginated = <Item extends Schema.Schema.Any>(item: Item) =>
  Schema.Struct({
    data: Schema.mutable(Schema.Array(item)),
    totalCount: Schema.Number.pipe(Schema.propertySignature, Schema.fromKey("total_count"))
  })

/** The decoded type of `Paginated(item)`. */
export interface Paginated<A> {
  readonly data: Array<A>
  readonly totalCount: number
}
