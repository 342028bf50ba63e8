/**
 * Sign-up attempts.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import { GetSignUp, UpdateSignUp } from "../models/generated/descriptors.js"
import { bind } from "./internal/bind.js"
import { SignUp } from "../models/generated/schemas.js"
import { BackendApi } from "../services/BackendApi.js"

export { SignUp }

/**
 * Params of `signUps.update`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface UpdateSignUpParams {
  readonly signUpAttemptId: string
  /** Your own id for the user that the sign-up creates. */
  readonly externalId?: string | null | undefined
  /** Whether the sign-up needs a custom action before it completes. */
  readonly customAction?: boolean | null | undefined
}

/**
 * `signUps`: sign-up attempts.
 *
 * @since 0.1.0
 * @category Resources
 */
export class SignUps extends Effect.Service<SignUps>()("effect-clerk/SignUps", {
  accessors: true,
  effect: Effect.gen(function* () {
    const api = bind(yield* BackendApi)
    return {
      /** `GET /sign_ups/{id}` */
      get: (signUpAttemptId: string) => api.decode(GetSignUp, { pathParams: { id: signUpAttemptId } }),
      /** `PATCH /sign_ups/{id}` */
      update: ({ signUpAttemptId, ...body }: UpdateSignUpParams) =>
        api.decode(UpdateSignUp, { pathParams: { id: signUpAttemptId }, body })
    }
  })
}) {}
