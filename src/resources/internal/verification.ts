/**
 * The shared params of the backend-driven verification endpoints (email addresses and phone numbers).
 *
 * @internal
 */

/** Params of `attemptEmailAddressVerification` / `attemptPhoneNumberVerification`. */
export interface AttemptVerificationParams {
  /** The verification to check, e.g. the `id` that `prepare…Verification` returned. */
  readonly verificationId: string
  /** The one-time code the user received. */
  readonly code: string
}
