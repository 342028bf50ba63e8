/**
 * Phone numbers of users, and backend-driven verification of them with one-time codes.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import { DeletedObject, PhoneNumber, VerificationResponse } from "../models/generated/schemas.js"
import { BackendApi } from "../services/BackendApi.js"
import type { AttemptVerificationParams } from "./internal/verification.js"

export { PhoneNumber }

/** Params of `phoneNumbers.updatePhoneNumber`. */
export interface UpdatePhoneNumberParams {
  readonly verified?: boolean | undefined
  readonly primary?: boolean | undefined
  /** Reserve it for multi-factor authentication (it must be verified). */
  readonly reservedForSecondFactor?: boolean | undefined
}

/** Params of `phoneNumbers.createPhoneNumber`. */
export interface CreatePhoneNumberParams extends UpdatePhoneNumberParams {
  readonly userId: string
  /** In E.164 format, e.g. `+15555555555`. */
  readonly phoneNumber: string
}

/** `phoneNumbers`: users' phone numbers. */
export class PhoneNumbers extends Effect.Service<PhoneNumbers>()("effect-clerk/PhoneNumbers", {
  accessors: true,
  effect: Effect.gen(function*() {
    const api = yield* BackendApi
    return {
      /** `GET /phone_numbers/{phone_number_id}` */
      getPhoneNumber: (phoneNumberId: string) =>
        api.execute({
          operation: "phoneNumbers.getPhoneNumber",
          method: "GET",
          path: "/phone_numbers/{phone_number_id}",
          pathParams: { phone_number_id: phoneNumberId }
        }, PhoneNumber),
      /** `POST /phone_numbers` */
      createPhoneNumber: (params: CreatePhoneNumberParams) =>
        api.execute({
          operation: "phoneNumbers.createPhoneNumber",
          method: "POST",
          path: "/phone_numbers",
          body: params
        }, PhoneNumber),
      /** `PATCH /phone_numbers/{phone_number_id}` */
      updatePhoneNumber: (phoneNumberId: string, params: UpdatePhoneNumberParams = {}) =>
        api.execute({
          operation: "phoneNumbers.updatePhoneNumber",
          method: "PATCH",
          path: "/phone_numbers/{phone_number_id}",
          pathParams: { phone_number_id: phoneNumberId },
          body: params
        }, PhoneNumber),
      /** `DELETE /phone_numbers/{phone_number_id}` */
      deletePhoneNumber: (phoneNumberId: string) =>
        api.execute({
          operation: "phoneNumbers.deletePhoneNumber",
          method: "DELETE",
          path: "/phone_numbers/{phone_number_id}",
          pathParams: { phone_number_id: phoneNumberId }
        }, DeletedObject),
      /** `POST /phone_numbers/{phone_number_id}/prepare_verification`: sends a one-time code by SMS. */
      preparePhoneNumberVerification: (phoneNumberId: string) =>
        api.execute({
          operation: "phoneNumbers.preparePhoneNumberVerification",
          method: "POST",
          path: "/phone_numbers/{phone_number_id}/prepare_verification",
          pathParams: { phone_number_id: phoneNumberId }
        }, VerificationResponse),
      /**
       * `POST /phone_numbers/{phone_number_id}/attempt_verification`: checks a code. A wrong or expired code is
       * reported in the verification's `status`, not as an error.
       */
      attemptPhoneNumberVerification: (phoneNumberId: string, params: AttemptVerificationParams) =>
        api.execute({
          operation: "phoneNumbers.attemptPhoneNumberVerification",
          method: "POST",
          path: "/phone_numbers/{phone_number_id}/attempt_verification",
          pathParams: { phone_number_id: phoneNumberId },
          body: params
        }, VerificationResponse)
    }
  })
}) {}
