/**
 * The update-with-metadata split `users.updateUser` and `organizations.updateOrganization` share with `@clerk/backend`.
 *
 * @internal
 */
import * as Effect from "effect/Effect"
import type * as Schema from "effect/Schema"
import type { BackendApiShape } from "../../services/BackendApi.js"
import type { ClerkError } from "../../services/ClerkErrors.js"

/** Where the update goes: `path` is the resource's template; its metadata lives at `${path}/metadata`. */
export interface MetadataSplitTarget {
  readonly operation: string
  readonly path: string
  readonly pathParams: Readonly<Record<string, string>>
}

/**
 * Without metadata: one `PATCH path` with `fields`. With metadata: `PATCH path` with `fields` (only when there are
 * any), then `PUT path/metadata` with the metadata (replace semantics); the result is the last response.
 */
export const updateWithMetadata = <A, I>(
  api: BackendApiShape,
  target: MetadataSplitTarget,
  fields: object,
  metadata: Readonly<Record<string, unknown>> | undefined,
  schema: Schema.Schema<A, I, never>
): Effect.Effect<A, ClerkError> => {
  const patch = { ...target, method: "PATCH" as const, body: fields }
  if (metadata === undefined) return api.execute(patch, schema)
  const put = api.execute({ ...target, method: "PUT", path: `${target.path}/metadata`, body: metadata }, schema)
  return Object.keys(fields).length > 0 ? Effect.zipRight(api.executeVoid(patch), put) : put
}
