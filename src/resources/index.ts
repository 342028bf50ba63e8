/**
 * The registry of resource services: the property name each has on the Promise client, and one layer for all.
 *
 * @module
 */
import * as Layer from "effect/Layer"
import { Jwks } from "./Jwks.js"

/** Every resource service, keyed by its property name on the Promise client (as in `@clerk/backend`). */
export const resourceServices = {
  jwks: Jwks
} as const

/** The resource services' property names. */
export type ResourceName = keyof typeof resourceServices

/** Every resource service. */
export type ResourceServices = InstanceType<(typeof resourceServices)[ResourceName]>

/** One layer providing every resource service; needs BackendApi. */
export const ResourcesLive = Layer.mergeAll(
  Jwks.Default
)
