/**
 * Sign-in tokens: single-use links that sign a user in without credentials.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import { CreateSignInToken, RevokeSignInToken } from "../models/generated/descriptors.js"
import { bind } from "./internal/bind.js"
import { SignInToken } from "../models/generated/schemas.js"
import { BackendApi } from "../services/BackendApi.js"

export { SignInToken }

/**
 * Params of `signInTokens.createSignInToken`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface CreateSignInTokenParams {
  readonly userId: string
  /** Seconds until the token expires (Clerk's default is 30 days). */
  readonly expiresInSeconds: number
  /** The organization to activate on sign-in; the user must be a member. */
  readonly orgId?: string | undefined
}

/**
 * `signInTokens`: sign-in tokens.
 *
 * @since 0.1.0
 * @category Resources
 */
export class SignInTokens extends Effect.Service<SignInTokens>()("effect-clerk/SignInTokens", {
  accessors: true,
  effect: Effect.gen(function* () {
    const api = bind(yield* BackendApi)
    return {
      /** `POST /sign_in_tokens` */
      createSignInToken: (params: CreateSignInTokenParams) => api.decode(CreateSignInToken, { body: params }),
      /** `POST /sign_in_tokens/{sign_in_token_id}/revoke` */
      revokeSignInToken: (signInTokenId: string) =>
        api.decode(RevokeSignInToken, {
          pathParams: { sign_in_token_id: signInTokenId }
        })
    }
  })
}) {}
