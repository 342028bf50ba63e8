/**
 * The update-with-metadata split `users.updateUser` and `organizations.updateOrganization` share with `@clerk/backend`.
 *
 * @internal
 */
import * as Effect from "effect/Effect"
import type * as Schema from "effect/Schema"
import type { OperationDescriptor } from "../../models/internal/descriptor.js"
import type { ClerkError } from "../../services/ClerkErrors.js"
import type { Bound } from "./bind.js"

/** Where the update goes: the resource's `PATCH` and the `PUT` of its metadata, both named after the `PATCH`. */
export interface MetadataSplitTarget {
  readonly update: OperationDescriptor
  readonly replaceMetadata: OperationDescriptor
  readonly pathParams: Readonly<Record<string, string>>
}

/**
 * Without metadata: one `PATCH` with `fields`. With metadata: the `PATCH` with `fields` (only when there are any),
 * then the metadata `PUT` (replace semantics); the result is the last response.
 */
export const updateWithMetadata = <A, I>(
  api: Bound,
  target: MetadataSplitTarget,
  fields: object,
  metadata: Readonly<Record<string, unknown>> | undefined,
  schema: Schema.Schema<A, I, never>
): Effect.Effect<A, ClerkError> => {
  const patch = { pathParams: target.pathParams, body: fields }
  if (metadata === undefined) return api.execute(target.update, schema, patch)
  const put = api.execute(target.replaceMetadata, schema, {
    pathParams: target.pathParams,
    body: metadata,
    operation: target.update.operation
  })
  return Object.keys(fields).length > 0 ? Effect.zipRight(api.void(target.update, patch), put) : put
}
