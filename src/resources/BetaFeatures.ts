/**
 * Instance settings Clerk ships as beta features, and changing a production instance's domain.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import {
  ChangeDomain,
  ChangeProductionInstanceDomain,
  UpdateInstanceAuthConfig,
  UpdateProductionInstanceDomain
} from "../models/generated/descriptors.js"
import { bind } from "./internal/bind.js"
import { InstanceSettings } from "../models/generated/schemas.js"
import type { ClerkError } from "../services/ClerkErrors.js"
import { BackendApi } from "../services/BackendApi.js"

export { InstanceSettings }

/**
 * Params of the domain-changing methods.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface ChangeDomainParams {
  /** The new home URL of the production instance, e.g. `https://www.example.com`. */
  readonly homeUrl?: string | undefined
  /** Whether the domain is for a secondary app (its subdomain is significant). */
  readonly isSecondary?: boolean | undefined
}

/**
 * What `betaFeatures.changeDomain` resolves: the response's JSON object as sent (e.g. `{}`), as `@clerk/backend`
 * returns it; `undefined` when the body is empty or not an object.
 *
 * @since 0.1.0
 * @category Resources
 */
export type ChangeDomainResult = Readonly<Record<string, unknown>> | undefined

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

/**
 * Params of `betaFeatures.updateInstanceSettings`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface UpdateInstanceSettingsParams {
  /** Restrict sign-up to the allowlist. */
  readonly restrictedToAllowlist?: boolean | null | undefined
  /** Local part of the address authentication emails come from (e.g. `foo` for `foo@example.com`). */
  readonly fromEmailAddress?: string | null | undefined
  /** Progressive sign-up (deprecated by Clerk). */
  readonly progressiveSignUp?: boolean | null | undefined
  /** Allow test email addresses and phone numbers. */
  readonly testMode?: boolean | null | undefined
}

/**
 * `betaFeatures`: beta instance settings and production domain changes.
 *
 * @since 0.1.0
 * @category Resources
 */
export class BetaFeatures extends Effect.Service<BetaFeatures>()("effect-clerk/BetaFeatures", {
  accessors: true,
  effect: Effect.gen(function* () {
    const api = bind(yield* BackendApi)
    return {
      /**
       * `POST /beta_features/change_domain` (not in the spec; kept as `@clerk/backend` sends it). Changing the domain
       * signs every user out.
       */
      changeDomain: (params: ChangeDomainParams): Effect.Effect<ChangeDomainResult, ClerkError> =>
        api
          .json(ChangeDomain, { body: params })
          .pipe(Effect.map((body): ChangeDomainResult => (isRecord(body) ? body : undefined))),
      /** `PATCH /beta_features/instance_settings` */
      updateInstanceSettings: (params: UpdateInstanceSettingsParams) =>
        api.decode(UpdateInstanceAuthConfig, { body: params }),
      /** `PUT /beta_features/domain` (deprecated by Clerk: use `changeProductionInstanceDomain`) */
      updateProductionInstanceDomain: (params: ChangeDomainParams) =>
        api.void(UpdateProductionInstanceDomain, { body: params }),
      /** `POST /instance/change_domain`. Changing the domain signs every user out. */
      changeProductionInstanceDomain: (params: ChangeDomainParams) =>
        api.void(ChangeProductionInstanceDomain, { body: params })
    }
  })
}) {}
