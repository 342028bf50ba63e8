/**
 * Sign-up attempts.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import { SignUp } from "../models/generated/schemas.js"
import { BackendApi } from "../services/BackendApi.js"

export { SignUp }

/** Params of `signUps.update`. */
export interface UpdateSignUpParams {
  readonly signUpAttemptId: string
  /** Your own id for the user that the sign-up creates. */
  readonly externalId?: string | null | undefined
  /** Whether the sign-up needs a custom action before it completes. */
  readonly customAction?: boolean | null | undefined
}

/** `signUps`: sign-up attempts. */
export class SignUps extends Effect.Service<SignUps>()("effect-clerk/SignUps", {
  accessors: true,
  effect: Effect.gen(function*() {
    const api = yield* BackendApi
    return {
      /** `GET /sign_ups/{id}` */
      get: (signUpAttemptId: string) =>
        api.execute({
          operation: "signUps.get",
          method: "GET",
          path: "/sign_ups/{id}",
          pathParams: { id: signUpAttemptId }
        }, SignUp),
      /** `PATCH /sign_ups/{id}` */
      update: ({ signUpAttemptId, ...body }: UpdateSignUpParams) =>
        api.execute({
          operation: "signUps.update",
          method: "PATCH",
          path: "/sign_ups/{id}",
          pathParams: { id: signUpAttemptId },
          body
        }, SignUp)
    }
  })
}) {}
