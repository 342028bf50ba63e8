/**
 * The operations table: every Backend API operation (249), its HTTP method and path template from the spec, and
 * where it lives on the Promise client (`promise: "users.getUser"`) and in the Effect API (`effect: "Users.getUser"`).
 *
 * ```ts
 * import { operations } from "effect-clerk"
 * operations.find((op) => op.operationId === "GetUser")
 * // { operationId: "GetUser", method: "GET", path: "/users/{user_id}", promise: "users.getUser", effect: "Users.getUser", ... }
 * ```
 *
 * @module
 */
import * as Record from "effect/Record"
import { specDescriptors } from "./models/generated/descriptors.js"
import { type SpecOperation, type SpecOperationId, specOperations } from "./models/generated/operations.js"
import { type ResourceName, resourceServices } from "./resources/index.js"

/**
 * Where each spec operation lives on the Promise client, as `"property.method"`: each descriptor's `operation`, which
 * `scripts/generate.config.ts` declares. The property names and, for the operations `@clerk/backend` has, the method
 * names are `@clerk/backend`'s. Typed as a total record whose values start with a resource property, so a name
 * outside the Promise client fails to compile.
 *
 * @since 0.1.0
 * @category Resources
 */
export const promiseNames: Readonly<Record<SpecOperationId, `${ResourceName}.${string}`>> = Record.map(
  specDescriptors,
  (descriptor) => descriptor.operation
)

/**
 * One entry of the operations table.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface Operation {
  readonly operationId: SpecOperationId
  /** Upper-case HTTP method. */
  readonly method: SpecOperation["method"]
  /** The spec's path template, e.g. `/users/{user_id}`. */
  readonly path: string
  /** The spec's tag (its resource group). */
  readonly tag: string
  /** `"property.method"` on the Promise client. */
  readonly promise: string
  /** `"Service.method"` in the Effect API (the service class exported from the package root). */
  readonly effect: string
  /** The spec marks the operation deprecated. */
  readonly deprecated: boolean
}

const services: Readonly<Record<string, { readonly key: string }>> = resourceServices

const serviceName = (property: string): string => {
  const tag = services[property]
  if (tag === undefined) throw new Error(`operations: no resource service for ${property}`)
  return tag.key.replace(/^effect-clerk\//, "")
}

/**
 * Every Backend API operation, sorted by path then method.
 *
 * @since 0.1.0
 * @category Resources
 */
export const operations: ReadonlyArray<Operation> = specOperations.map((op) => {
  const promise = promiseNames[op.operationId]
  const dot = promise.indexOf(".")
  const property = promise.slice(0, dot)
  const method = promise.slice(dot + 1)
  return {
    operationId: op.operationId,
    method: op.method,
    path: op.path,
    tag: op.tag,
    promise,
    effect: `${serviceName(property)}.${method}`,
    deprecated: op.deprecated
  }
})
