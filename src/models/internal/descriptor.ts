/**
 * The shape of a generated operation descriptor (`src/models/generated/descriptors.ts`): one Backend API operation as
 * data, from the spec plus the compatibility settings of `scripts/generate.config.ts`.
 *
 * @internal
 */
import type * as Schema from "effect/Schema"

/** A query parameter of an operation, as the spec declares it. `explode: false` sends an array comma-separated. */
export interface DescriptorQueryParam {
  readonly name: string
  readonly type: "string" | "number" | "boolean" | "array"
  readonly required: boolean
  readonly explode?: boolean
}

/** Which key authenticates an operation. */
export type DescriptorAuth = "secretKey" | "machineSecretKey" | "none"

/** One operation: where it lives, what it takes and what it answers. */
export interface OperationDescriptor {
  /** The spec's operationId (or the config's name for an endpoint the spec lacks). */
  readonly operationId: string
  /** The operation's name on the Promise client, `"property.method"`: the span name `clerk.<operation>`. */
  readonly operation: string
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"
  /** Path template, e.g. `/users/{user_id}`. */
  readonly path: string
  /** The template's placeholders, in order. */
  readonly pathParams: ReadonlyArray<string>
  readonly query: ReadonlyArray<DescriptorQueryParam>
  readonly body: "none" | "json" | "multipart"
  /** The generated schema of the 2xx body (the item schema for arrays), or `null` when the spec names none. */
  readonly success: Schema.Schema.AnyNoContext | null
  readonly kind: "object" | "array" | "void" | "unknown"
  /** The operation takes `limit` and `offset`. */
  readonly paginated: boolean
  /** Served outside `/v1`. */
  readonly versionless: boolean
  readonly auth: DescriptorAuth
  /** Maximum of the `limit` query parameter, when the spec gives one. */
  readonly maxLimit?: number
}
