/**
 * Phone numbers of users, and backend-driven verification of them with one-time codes.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import {
  AttemptPhoneNumberVerification,
  CreatePhoneNumber,
  DeletePhoneNumber,
  GetPhoneNumber,
  PreparePhoneNumberVerification,
  UpdatePhoneNumber
} from "../models/generated/descriptors.js"
import { bind } from "./internal/bind.js"
import { PhoneNumber } from "../models/generated/schemas.js"
import { BackendApi } from "../services/BackendApi.js"
import type { AttemptVerificationParams } from "./internal/verification.js"

export { PhoneNumber }

/**
 * Params of `phoneNumbers.updatePhoneNumber`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface UpdatePhoneNumberParams {
  readonly verified?: boolean | undefined
  readonly primary?: boolean | undefined
  /** Reserve it for multi-factor authentication (it must be verified). */
  readonly reservedForSecondFactor?: boolean | undefined
}

/**
 * Params of `phoneNumbers.createPhoneNumber`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface CreatePhoneNumberParams extends UpdatePhoneNumberParams {
  readonly userId: string
  /** In E.164 format, e.g. `+15555555555`. */
  readonly phoneNumber: string
}

/**
 * `phoneNumbers`: users' phone numbers.
 *
 * @since 0.1.0
 * @category Resources
 */
export class PhoneNumbers extends Effect.Service<PhoneNumbers>()("effect-clerk/PhoneNumbers", {
  accessors: true,
  effect: Effect.gen(function* () {
    const api = bind(yield* BackendApi)
    return {
      /** `GET /phone_numbers/{phone_number_id}` */
      getPhoneNumber: (phoneNumberId: string) =>
        api.decode(GetPhoneNumber, {
          pathParams: { phone_number_id: phoneNumberId }
        }),
      /** `POST /phone_numbers` */
      createPhoneNumber: (params: CreatePhoneNumberParams) => api.decode(CreatePhoneNumber, { body: params }),
      /** `PATCH /phone_numbers/{phone_number_id}` */
      updatePhoneNumber: (phoneNumberId: string, params: UpdatePhoneNumberParams = {}) =>
        api.decode(UpdatePhoneNumber, {
          pathParams: { phone_number_id: phoneNumberId },
          body: params
        }),
      /** `DELETE /phone_numbers/{phone_number_id}` */
      deletePhoneNumber: (phoneNumberId: string) =>
        api.decode(DeletePhoneNumber, {
          pathParams: { phone_number_id: phoneNumberId }
        }),
      /** `POST /phone_numbers/{phone_number_id}/prepare_verification`: sends a one-time code by SMS. */
      preparePhoneNumberVerification: (phoneNumberId: string) =>
        api.decode(PreparePhoneNumberVerification, {
          pathParams: { phone_number_id: phoneNumberId }
        }),
      /**
       * `POST /phone_numbers/{phone_number_id}/attempt_verification`: checks a code. A wrong or expired code is
       * reported in the verification's `status`, not as an error.
       */
      attemptPhoneNumberVerification: (phoneNumberId: string, params: AttemptVerificationParams) =>
        api.decode(AttemptPhoneNumberVerification, {
          pathParams: { phone_number_id: phoneNumberId },
          body: params
        })
    }
  })
}) {}
