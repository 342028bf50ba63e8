/**
 * Token verification errors, for both APIs.
 *
 * - Effect users see {@link TokenVerificationFailure} and {@link MachineTokenVerificationFailure} in the error channel
 *   (`Schema.TaggedError`s tagged `"TokenVerificationError"` / `"MachineTokenVerificationError"`).
 * - Promise users catch {@link TokenVerificationError} and {@link MachineTokenVerificationError}: `Error` subclasses
 *   with `@clerk/backend`'s names, fields and reason/code strings, keeping the tagged error as `cause`.
 *
 * Messages never contain a secret key or the token itself.
 *
 * @module
 */
import * as Predicate from "effect/Predicate"
import * as Schema from "effect/Schema"

/** Why a token failed verification: exactly `@clerk/backend`'s reason strings. */
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

/** Suggested next steps attached to some failures (our wording). */
export const TokenVerificationAction = {
  /** The token is not a Clerk session token, or it was altered. */
  EnsureClerkJwt: "Check that the token is an unmodified session token issued by your Clerk instance.",
  /** No key was available to verify the token. */
  SetJwtKey: "Set jwtKey (CLERK_JWT_KEY) for networkless verification, or secretKey (CLERK_SECRET_KEY) to use the JWKS.",
  /** The secret key was rejected. */
  SetSecretKey: "Check secretKey (CLERK_SECRET_KEY) against the API keys page of the Clerk Dashboard.",
  /** The JWKS could not be used. */
  CheckKeys: "Check that the secret key and the token come from the same Clerk instance; contact support@clerk.com if it persists."
} as const

/** Where the token was read from, set by `authenticateRequest`. */
export const TokenCarrier = Schema.Literal("header", "cookie")
/** Where the token was read from. */
export type TokenCarrier = typeof TokenCarrier.Type

/** Which time claim failed, with the instants compared (milliseconds since the epoch). */
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

const fullMessage = (e: {
  readonly message: string
  readonly action?: string | undefined
  readonly reason: string
  readonly tokenCarrier?: string | undefined
}): string =>
  `${[e.message, e.action].filter((part) => part !== undefined && part !== "").join(" ")} (reason=${e.reason}, token-carrier=${e.tokenCarrier})`

/** A session token (or JWT) failed verification. The Effect-side error; `_tag` is `"TokenVerificationError"`. */
export class TokenVerificationFailure
  extends Schema.TaggedError<TokenVerificationFailure>("effect-clerk/TokenVerificationFailure")(
    "TokenVerificationError",
    {
      reason: TokenVerificationErrorReason,
      message: Schema.String,
      action: Schema.optional(Schema.String),
      tokenCarrier: Schema.optional(TokenCarrier),
      /** For `token-expired`, `token-not-active-yet` and `token-iat-in-the-future`: the instants compared. */
      time: Schema.optional(TimeClaimDetail)
    }
  )
{
  /** `"<message> <action> (reason=<reason>, token-carrier=<carrier>)"`, as `@clerk/backend` formats it. */
  getFullMessage(): string {
    return fullMessage(this)
  }
}

/** Builds a {@link TokenVerificationFailure} from trusted data (no validation cost). */
export const tokenFailure = (
  reason: TokenVerificationErrorReason,
  message: string,
  extra: { readonly action?: string; readonly time?: TimeClaimDetail } = {}
): TokenVerificationFailure => new TokenVerificationFailure({ reason, message, ...extra }, { disableValidation: true })

/** The codes of {@link MachineTokenVerificationFailure}: exactly `@clerk/backend`'s. */
export const MachineTokenVerificationErrorCode = Schema.Literal(
  "token-invalid",
  "secret-key-invalid",
  "unexpected-error",
  "token-verification-failed"
)
/** The codes of a machine-token failure. */
export type MachineTokenVerificationErrorCode = typeof MachineTokenVerificationErrorCode.Type

/** A machine token (M2M, OAuth access token, API key) failed verification. `_tag` is `"MachineTokenVerificationError"`. */
export class MachineTokenVerificationFailure
  extends Schema.TaggedError<MachineTokenVerificationFailure>("effect-clerk/MachineTokenVerificationFailure")(
    "MachineTokenVerificationError",
    {
      code: MachineTokenVerificationErrorCode,
      message: Schema.String,
      /** The Backend API status, when a verify call answered. */
      status: Schema.optional(Schema.Number),
      action: Schema.optional(Schema.String)
    }
  )
{
  /** `"<message> (code=<code>, status=<status|n/a>)"`, as `@clerk/backend` formats it. */
  getFullMessage(): string {
    return `${this.message} (code=${this.code}, status=${this.status ?? "n/a"})`
  }
}

/** Builds a {@link MachineTokenVerificationFailure} from trusted data. */
export const machineFailure = (
  code: MachineTokenVerificationErrorCode,
  message: string,
  extra: { readonly status?: number; readonly action?: string } = {}
): MachineTokenVerificationFailure =>
  new MachineTokenVerificationFailure({ code, message, ...extra }, { disableValidation: true })

/**
 * Thrown by the Promise `verifyToken`: `@clerk/backend`'s `TokenVerificationError` (same `reason`, `action`,
 * `tokenCarrier`, `getFullMessage()`), with the tagged {@link TokenVerificationFailure} as `cause`.
 */
export class TokenVerificationError extends Error {
  /** Used by {@link isTokenVerificationError} across copies of the package. */
  static readonly kind = "TokenVerificationError"
  readonly reason: TokenVerificationErrorReason
  readonly action: string | undefined
  tokenCarrier: TokenCarrier | undefined
  /** For time-claim failures: the instants compared. */
  readonly time: TimeClaimDetail | undefined

  constructor(failure: TokenVerificationFailure) {
    super(failure.message, { cause: failure })
    this.reason = failure.reason
    this.action = failure.action
    this.tokenCarrier = failure.tokenCarrier
    this.time = failure.time
  }

  override get name(): string {
    return "TokenVerificationError"
  }

  /** `"<message> <action> (reason=<reason>, token-carrier=<carrier>)"`. */
  getFullMessage(): string {
    return fullMessage(this)
  }
}

/** Thrown by the Promise `verifyMachineToken`; `cause` is the tagged {@link MachineTokenVerificationFailure}. */
export class MachineTokenVerificationError extends Error {
  /** Used by {@link isMachineTokenVerificationError} across copies of the package. */
  static readonly kind = "MachineTokenVerificationError"
  readonly clerkError = true as const
  readonly code: MachineTokenVerificationErrorCode
  readonly status: number | undefined
  readonly action: string | undefined

  constructor(failure: MachineTokenVerificationFailure) {
    super(failure.message, { cause: failure })
    this.code = failure.code
    this.status = failure.status
    this.action = failure.action
  }

  override get name(): string {
    return "MachineTokenVerificationError"
  }

  /** `"<message> (code=<code>, status=<status|n/a>)"`. */
  getFullMessage(): string {
    return `${this.message} (code=${this.code}, status=${this.status ?? "n/a"})`
  }
}

const hasKind = (u: unknown, kind: string): boolean =>
  Predicate.hasProperty(u, "constructor") && Predicate.hasProperty(u.constructor, "kind") && u.constructor.kind === kind

/** Type guard for {@link TokenVerificationError}; also recognises one from another copy of the package. */
export const isTokenVerificationError = (u: unknown): u is TokenVerificationError =>
  u instanceof TokenVerificationError || hasKind(u, TokenVerificationError.kind)

/** Type guard for {@link MachineTokenVerificationError}; also recognises one from another copy of the package. */
export const isMachineTokenVerificationError = (u: unknown): u is MachineTokenVerificationError =>
  u instanceof MachineTokenVerificationError || hasKind(u, MachineTokenVerificationError.kind)
