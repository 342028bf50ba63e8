/**
 * Actor tokens: let an actor (e.g. a support agent) sign in as a user (impersonation).
 *
 * @module
 */
import * as Effect from "effect/Effect"
import { CreateActorToken, RevokeActorToken } from "../models/generated/descriptors.js"
import { bind } from "./internal/bind.js"
import { ActorToken } from "../models/generated/schemas.js"
import { BackendApi } from "../services/BackendApi.js"

export { ActorToken }

/**
 * The actor of an actor token; the whole object also lands in the session token's `act` claim.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface ActorTokenActor {
  /** The id of the acting user. */
  readonly sub: string
  /** More claims about the actor. Keys are sent as given. */
  readonly additionalProperties?: Readonly<Record<string, unknown>> | undefined
}

/**
 * Params of `actorTokens.create`. Nested keys are sent as given (top-level keys are snake_cased).
 *
 * @since 0.1.0
 * @category Resources
 */
export interface CreateActorTokenParams {
  /** The user being impersonated. */
  readonly userId: string
  readonly actor: ActorTokenActor
  /** Lifetime of the token in seconds (Clerk's default is 1 hour). */
  readonly expiresInSeconds?: number | undefined
  /** Maximum lifetime of the session the token creates (Clerk's default is 30 minutes). */
  readonly sessionMaxDurationInSeconds?: number | undefined
}

/**
 * `actorTokens`: impersonation tokens.
 *
 * @since 0.1.0
 * @category Resources
 */
export class ActorTokens extends Effect.Service<ActorTokens>()("effect-clerk/ActorTokens", {
  accessors: true,
  effect: Effect.gen(function* () {
    const api = bind(yield* BackendApi)
    return {
      /** `POST /actor_tokens` */
      create: (params: CreateActorTokenParams) => api.decode(CreateActorToken, { body: params }),
      /** `POST /actor_tokens/{actor_token_id}/revoke` */
      revoke: (actorTokenId: string) => api.decode(RevokeActorToken, { pathParams: { actor_token_id: actorTokenId } })
    }
  })
}) {}
