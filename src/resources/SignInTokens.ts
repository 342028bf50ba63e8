/**
 * Sign-in tokens: single-use links that sign a user in without credentials.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import { SignInToken } from "../models/generated/schemas.js"
import { BackendApi } from "../services/BackendApi.js"

export { SignInToken }

/** Params of `signInTokens.createSignInToken`. */
export interface CreateSignInTokenParams {
  readonly userId: string
  /** Seconds until the token expires (Clerk's default is 30 days). */
  readonly expiresInSeconds: number
  /** The organization to activate on sign-in; the user must be a member. */
  readonly orgId?: string | undefined
}

/** `signInTokens`: sign-in tokens. */
export class SignInTokens extends Effect.Service<SignInTokens>()("effect-clerk/SignInTokens", {
  accessors: true,
  effect: Effect.gen(function*() {
    const api = yield* BackendApi
    return {
      /** `POST /sign_in_tokens` */
      createSignInToken: (params: CreateSignInTokenParams) =>
        api.execute({
          operation: "signInTokens.createSignInToken",
          method: "POST",
          path: "/sign_in_tokens",
          body: params
        }, SignInToken),
      /** `POST /sign_in_tokens/{sign_in_token_id}/revoke` */
      revokeSignInToken: (signInTokenId: string) =>
        api.execute({
          operation: "signInTokens.revokeSignInToken",
          method: "POST",
          path: "/sign_in_tokens/{sign_in_token_id}/revoke",
          pathParams: { sign_in_token_id: signInTokenId }
        }, SignInToken)
    }
  })
}) {}
