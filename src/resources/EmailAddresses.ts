/**
 * Email addresses of users, and backend-driven verification of them with one-time codes.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import {
  AttemptEmailAddressVerification,
  CreateEmailAddress,
  DeleteEmailAddress,
  GetEmailAddress,
  PrepareEmailAddressVerification,
  UpdateEmailAddress
} from "../models/generated/descriptors.js"
import { bind } from "./internal/bind.js"
import { EmailAddress, VerificationResponse } from "../models/generated/schemas.js"
import { BackendApi } from "../services/BackendApi.js"
import type { AttemptVerificationParams } from "./internal/verification.js"

export type { AttemptVerificationParams } from "./internal/verification.js"
export { EmailAddress, VerificationResponse }

/**
 * Params of `emailAddresses.createEmailAddress`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface CreateEmailAddressParams {
  readonly userId: string
  readonly emailAddress: string
  /** Create it verified (default false). */
  readonly verified?: boolean | undefined
  /** Make it the primary address (default false, unless it is the user's first). */
  readonly primary?: boolean | undefined
}

/**
 * Params of `emailAddresses.updateEmailAddress`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface UpdateEmailAddressParams {
  readonly verified?: boolean | undefined
  readonly primary?: boolean | undefined
}

/**
 * `emailAddresses`: users' email addresses.
 *
 * @since 0.1.0
 * @category Resources
 */
export class EmailAddresses extends Effect.Service<EmailAddresses>()("effect-clerk/EmailAddresses", {
  accessors: true,
  effect: Effect.gen(function* () {
    const api = bind(yield* BackendApi)
    return {
      /** `GET /email_addresses/{email_address_id}` */
      getEmailAddress: (emailAddressId: string) =>
        api.decode(GetEmailAddress, {
          pathParams: { email_address_id: emailAddressId }
        }),
      /** `POST /email_addresses` */
      createEmailAddress: (params: CreateEmailAddressParams) => api.decode(CreateEmailAddress, { body: params }),
      /** `PATCH /email_addresses/{email_address_id}` */
      updateEmailAddress: (emailAddressId: string, params: UpdateEmailAddressParams = {}) =>
        api.decode(UpdateEmailAddress, {
          pathParams: { email_address_id: emailAddressId },
          body: params
        }),
      /** `DELETE /email_addresses/{email_address_id}` */
      deleteEmailAddress: (emailAddressId: string) =>
        api.decode(DeleteEmailAddress, {
          pathParams: { email_address_id: emailAddressId }
        }),
      /** `POST /email_addresses/{email_address_id}/prepare_verification`: sends a one-time code. */
      prepareEmailAddressVerification: (emailAddressId: string) =>
        api.decode(PrepareEmailAddressVerification, {
          pathParams: { email_address_id: emailAddressId }
        }),
      /**
       * `POST /email_addresses/{email_address_id}/attempt_verification`: checks a code. A wrong or expired code is
       * reported in the verification's `status`, not as an error.
       */
      attemptEmailAddressVerification: (emailAddressId: string, params: AttemptVerificationParams) =>
        api.decode(AttemptEmailAddressVerification, {
          pathParams: { email_address_id: emailAddressId },
          body: params
        })
    }
  })
}) {}
