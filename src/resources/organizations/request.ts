/**
 * The one way `organizations` methods reach the pipeline: `api.execute` with the operation named
 * `organizations.<method>`.
 *
 * @internal
 */
import type * as Effect from "effect/Effect"
import type * as Schema from "effect/Schema"
import type { ApiRequest, BackendApiShape } from "../../services/BackendApi.js"
import type { ClerkError } from "../../services/ClerkErrors.js"

/** Sends `request` as `organizations.<method>` and decodes the response with `schema`. */
export type OrganizationsCall = <A, I>(
  method: string,
  request: Omit<ApiRequest, "operation">,
  schema: Schema.Schema<A, I, never>
) => Effect.Effect<A, ClerkError>

/** Binds {@link OrganizationsCall} to a pipeline. */
export const organizationsCall = (api: BackendApiShape): OrganizationsCall => (method, request, schema) =>
  api.execute({ operation: `organizations.${method}`, ...request }, schema)
