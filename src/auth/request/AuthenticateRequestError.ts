/**
 * The one way `authenticateRequest` fails: its configuration cannot authenticate any request (a missing secret or
 * publishable key, an incomplete satellite setup, an invalid organization pattern), or, on a development instance, a
 * handshake token that does not verify. Everything about the request itself (bad tokens, hostile cookies) is a
 * signed-out or handshake state instead, never a failure.
 *
 * @module
 */
import * as Schema from "effect/Schema"

/**
 * What is wrong.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const AuthenticateRequestErrorReason = Schema.Literal(
  "missing-secret-key",
  "missing-machine-secret-key",
  "missing-publishable-key",
  "invalid-publishable-key",
  "satellite-missing-sign-in-url",
  "satellite-invalid-sign-in-url",
  "satellite-missing-domain",
  "invalid-organization-pattern",
  "handshake-verification-failed"
)
/** What is wrong. */
export type AuthenticateRequestErrorReason = typeof AuthenticateRequestErrorReason.Type

/**
 * `authenticateRequest` cannot run with this configuration. The message names the option; it holds no secret.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export class AuthenticateRequestError extends Schema.TaggedError<AuthenticateRequestError>(
  "effect-clerk/AuthenticateRequestError"
)("AuthenticateRequestError", { reason: AuthenticateRequestErrorReason, message: Schema.String }) {}

/**
 * Builds an {@link AuthenticateRequestError}.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const configError = (reason: AuthenticateRequestErrorReason, message: string): AuthenticateRequestError =>
  new AuthenticateRequestError({ reason, message }, { disableValidation: true })
