/**
 * Small shared pieces of list methods: the `limit`/`offset` params, signed sort keys, and the page size a `Stream`
 * variant walks with.
 *
 * @internal
 */
import type { OperationDescriptor } from "../../models/internal/descriptor.js"

/** `limit`/`offset` of a list call (`@clerk/backend`'s `ClerkPaginationRequest`). */
export interface PaginationParams {
  /** Page size (the endpoint's default when left out). */
  readonly limit?: number | undefined
  /** Items to skip. `0` is sent. */
  readonly offset?: number | undefined
}

/** A sort key, optionally prefixed with `+` (ascending) or `-` (descending). */
export type WithSign<T extends string> = T | `+${T}` | `-${T}`

/** The params of a list call without `limit`/`offset`: what its `Stream` variant takes. */
export type StreamParams<P> = Omit<P, "limit" | "offset">

/** The largest `limit` the spec allows for the operation; 500 when the spec gives none. */
export const pageSize = (descriptor: OperationDescriptor): number => descriptor.maxLimit ?? 500
