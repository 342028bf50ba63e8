/**
 * Actor tokens: let an actor (e.g. a support agent) sign in as a user (impersonation).
 *
 * @module
 */
import * as Effect from "effect/Effect"
import { ActorToken } from "../models/generated/schemas.js"
import { BackendApi } from "../services/BackendApi.js"

export { ActorToken }

/** The actor of an actor token; the whole object also lands in the session token's `act` claim. */
export interface ActorTokenActor {
  /** The id of the acting user. */
  readonly sub: string
  /** More claims about the actor. Keys are sent as given. */
  readonly additionalProperties?: Readonly<Record<string, unknown>> | undefined
}

/** Params of `actorTokens.create`. Nested keys are sent as given (top-level keys are snake_cased). */
export interface CreateActorTokenParams {
  /** The user being impersonated. */
  readonly userId: string
  readonly actor: ActorTokenActor
  /** Lifetime of the token in seconds (Clerk's default is 1 hour). */
  readonly expiresInSeconds?: number | undefined
  /** Maximum lifetime of the session the token creates (Clerk's default is 30 minutes). */
  readonly sessionMaxDurationInSeconds?: number | undefined
}

/** `actorTokens`: impersonation tokens. */
export class ActorTokens extends Effect.Service<ActorTokens>()("effect-clerk/ActorTokens", {
  accessors: true,
  effect: Effect.gen(function*() {
    const api = yield* BackendApi
    return {
      /** `POST /actor_tokens` */
      create: (params: CreateActorTokenParams) =>
        api.execute({ operation: "actorTokens.create", method: "POST", path: "/actor_tokens", body: params }, ActorToken),
      /** `POST /actor_tokens/{actor_token_id}/revoke` */
      revoke: (actorTokenId: string) =>
        api.execute({
          operation: "actorTokens.revoke",
          method: "POST",
          path: "/actor_tokens/{actor_token_id}/revoke",
          pathParams: { actor_token_id: actorTokenId }
        }, ActorToken)
    }
  })
}) {}
