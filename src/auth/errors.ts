/**
 * Token verification errors, for both APIs.
 *
 * - Effect users see {@link TokenVerificationFailure} and {@link MachineTokenVerificationFailure} in the error channel
 *   (`Schema.TaggedError`s tagged `"TokenVerificationError"` / `"MachineTokenVerificationError"`).
 * - Promise users catch {@link TokenVerificationError} and {@link MachineTokenVerificationError}: `Error` subclasses
 *   with `@clerk/backend`'s names, fields and reason/code strings, keeping the tagged error as `cause`.
 *
 * The Effect-side session token failure is defined with the service errors (the OAuth access token resource fails
 * with it too) and re-exported here.
 *
 * Messages never contain a secret key or the token itself.
 *
 * @module
 */
import * as Predicate from "effect/Predicate"
import * as Schema from "effect/Schema"
import {
  formatTokenFailure,
  type TimeClaimDetail,
  type TokenCarrier,
  type TokenVerificationErrorReason,
  type TokenVerificationFailure
} from "../services/TokenVerificationFailure.js"

export {
  TimeClaimDetail,
  TokenCarrier,
  tokenFailure,
  TokenVerificationAction,
  TokenVerificationErrorReason,
  TokenVerificationFailure
} from "../services/TokenVerificationFailure.js"

/**
 * The codes of {@link MachineTokenVerificationFailure}: exactly `@clerk/backend`'s.
 *
 * @since 0.1.0
 * @category Tokens
 */
export const MachineTokenVerificationErrorCode = Schema.Literal(
  "token-invalid",
  "secret-key-invalid",
  "unexpected-error",
  "token-verification-failed"
)
/** The codes of a machine-token failure. */
export type MachineTokenVerificationErrorCode = typeof MachineTokenVerificationErrorCode.Type

/**
 * A machine token (M2M, OAuth access token, API key) failed verification. `_tag` is `"MachineTokenVerificationError"`.
 *
 * @since 0.1.0
 * @category Tokens
 */
export class MachineTokenVerificationFailure extends Schema.TaggedError<MachineTokenVerificationFailure>(
  "effect-clerk/MachineTokenVerificationFailure"
)("MachineTokenVerificationError", {
  code: MachineTokenVerificationErrorCode,
  message: Schema.String,
  /** The Backend API status, when a verify call answered. */
  status: Schema.optional(Schema.Number),
  action: Schema.optional(Schema.String)
}) {
  /** `"<message> (code=<code>, status=<status|n/a>)"`, as `@clerk/backend` formats it. */
  getFullMessage(): string {
    return `${this.message} (code=${this.code}, status=${this.status ?? "n/a"})`
  }
}

/**
 * Builds a {@link MachineTokenVerificationFailure} from trusted data.
 *
 * @since 0.1.0
 * @category Tokens
 */
export const machineFailure = (
  code: MachineTokenVerificationErrorCode,
  message: string,
  extra: { readonly status?: number; readonly action?: string } = {}
): MachineTokenVerificationFailure =>
  new MachineTokenVerificationFailure({ code, message, ...extra }, { disableValidation: true })

/**
 * Thrown by the Promise `verifyToken`: `@clerk/backend`'s `TokenVerificationError` (same `reason`, `action`,
 * `tokenCarrier`, `getFullMessage()`), with the tagged {@link TokenVerificationFailure} as `cause`.
 *
 * @since 0.1.0
 * @category Tokens
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
    return formatTokenFailure(this)
  }
}

/**
 * Thrown by the Promise `verifyMachineToken`; `cause` is the tagged {@link MachineTokenVerificationFailure}.
 *
 * @since 0.1.0
 * @category Tokens
 */
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

/**
 * Type guard for {@link TokenVerificationError}; also recognises one from another copy of the package.
 *
 * @since 0.1.0
 * @category Tokens
 */
export const isTokenVerificationError = (u: unknown): u is TokenVerificationError =>
  u instanceof TokenVerificationError || hasKind(u, TokenVerificationError.kind)

/**
 * Type guard for {@link MachineTokenVerificationError}; also recognises one from another copy of the package.
 *
 * @since 0.1.0
 * @category Tokens
 */
export const isMachineTokenVerificationError = (u: unknown): u is MachineTokenVerificationError =>
  u instanceof MachineTokenVerificationError || hasKind(u, MachineTokenVerificationError.kind)
