/**
 * The session token verification failure: the Effect-side error of `verifyToken`, `authenticateRequest` and of the
 * Backend API's OAuth access token check (`idPOAuthAccessToken.verify`). It sits with the service errors so that both
 * the resources and auth can use it; `src/auth/errors.ts` re-exports it beside its Promise form.
 *
 * Messages never contain a secret key or the token itself.
 *
 * @module
 */
import * as Schema from "effect/Schema"

/**
 * Why a token failed verification: exactly `@clerk/backend`'s reason strings.
 *
 * @since 0.1.0
 * @category Errors
 */
export const TokenVerificationErrorReason = Schema.Literal(
  "token-expired",
  "token-invalid",
  "token-invalid-algorithm",
  "token-invalid-authorized-parties",
  "token-invalid-signature",
  "token-not-active-yet",
  "token-iat-in-the-future",
  "token-verification-failed",
  "secret-key-invalid",
  "jwk-local-missing",
  "jwk-remote-failed-to-load",
  "jwk-failed-to-resolve",
  "jwk-kid-mismatch",
  "token-invalid-issuer"
)
/** Why a token failed verification. */
export type TokenVerificationErrorReason = typeof TokenVerificationErrorReason.Type

/**
 * Suggested next steps attached to some failures (our wording).
 *
 * @since 0.1.0
 * @category Errors
 */
export const TokenVerificationAction = {
  /** The token is not a Clerk session token, or it was altered. */
  EnsureClerkJwt: "Check that the token is an unmodified session token issued by your Clerk instance.",
  /** No key was available to verify the token. */
  SetJwtKey:
    "Set jwtKey (CLERK_JWT_KEY) for networkless verification, or secretKey (CLERK_SECRET_KEY) to use the JWKS.",
  /** The secret key was rejected. */
  SetSecretKey: "Check secretKey (CLERK_SECRET_KEY) against the API keys page of the Clerk Dashboard.",
  /** The JWKS could not be used. */
  CheckKeys:
    "Check that the secret key and the token come from the same Clerk instance; contact support@clerk.com if it persists."
} as const

/**
 * Where the token was read from, set by `authenticateRequest`.
 *
 * @since 0.1.0
 * @category Errors
 */
export const TokenCarrier = Schema.Literal("header", "cookie")
/** Where the token was read from. */
export type TokenCarrier = typeof TokenCarrier.Type

/**
 * Which time claim failed, with the instants compared (milliseconds since the epoch).
 *
 * @since 0.1.0
 * @category Errors
 */
export const TimeClaimDetail = Schema.Struct({
  claim: Schema.Literal("exp", "nbf", "iat"),
  /** The claim, in milliseconds. */
  at: Schema.Number,
  /** The verifier's clock. */
  now: Schema.Number,
  /** The tolerance applied. */
  clockSkewInMs: Schema.Number
})
/** Which time claim failed, with the instants compared. */
export type TimeClaimDetail = typeof TimeClaimDetail.Type

/**
 * @internal `"<message> <action> (reason=<reason>, token-carrier=<carrier>)"`, for both forms of the failure.
 *
 * @since 0.1.0
 * @category Errors
 */
export const formatTokenFailure = (e: {
  readonly message: string
  readonly action?: string | undefined
  readonly reason: string
  readonly tokenCarrier?: string | undefined
}): string =>
  `${[e.message, e.action].filter((part) => part !== undefined && part !== "").join(" ")} (reason=${e.reason}, token-carrier=${e.tokenCarrier})`

/**
 * A session token (or JWT) failed verification. The Effect-side error; `_tag` is `"TokenVerificationError"`.
 *
 * @since 0.1.0
 * @category Errors
 */
export class TokenVerificationFailure extends Schema.TaggedError<TokenVerificationFailure>(
  "effect-clerk/TokenVerificationFailure"
)("TokenVerificationError", {
  reason: TokenVerificationErrorReason,
  message: Schema.String,
  action: Schema.optional(Schema.String),
  tokenCarrier: Schema.optional(TokenCarrier),
  /** For `token-expired`, `token-not-active-yet` and `token-iat-in-the-future`: the instants compared. */
  time: Schema.optional(TimeClaimDetail)
}) {
  /** `"<message> <action> (reason=<reason>, token-carrier=<carrier>)"`, as `@clerk/backend` formats it. */
  getFullMessage(): string {
    return formatTokenFailure(this)
  }
}

/**
 * Builds a {@link TokenVerificationFailure} from trusted data (no validation cost).
 *
 * @since 0.1.0
 * @category Errors
 */
export const tokenFailure = (
  reason: TokenVerificationErrorReason,
  message: string,
  extra: { readonly action?: string; readonly time?: TimeClaimDetail } = {}
): TokenVerificationFailure => new TokenVerificationFailure({ reason, message, ...extra }, { disableValidation: true })
