/**
 * Claim checks, in `@clerk/backend`'s order: `sub`, `aud`, `azp`, `iss`, `exp`, `nbf`, `iat`. Each returns the failure
 * or `undefined`.
 *
 * @module
 */
import {
  type TimeClaimDetail,
  tokenFailure,
  TokenVerificationAction,
  type TokenVerificationFailure
} from "../errors.js"

/**
 * The claims of a verified Clerk session token (or JWT-template token). Other claims are kept as sent.
 *
 * @since 0.1.0
 * @category Tokens
 */
export interface JwtPayload {
  /** The user (or machine) id. */
  readonly sub: string
  /** Expiry, in seconds since the epoch. */
  readonly exp: number
  readonly iat?: number
  readonly nbf?: number
  /** The Frontend API URL of the instance. */
  readonly iss?: string
  /** The origin the token was issued for. */
  readonly azp?: string
  /** The session id. */
  readonly sid?: string
  readonly aud?: string | ReadonlyArray<string>
  readonly [claim: string]: unknown
}

/**
 * Options of the claim checks.
 *
 * @since 0.1.0
 * @category Tokens
 */
export interface ClaimOptions {
  /** Accepted `aud` values; checked when both this and the token's `aud` are non-empty. */
  readonly audience?: string | ReadonlyArray<string> | undefined
  /** Accepted `azp` origins; when non-empty the token must carry one of them. */
  readonly authorizedParties?: ReadonlyArray<string> | undefined
  /** Accepted `iss` values; when given the token must carry one of them. */
  readonly issuer?: string | ReadonlyArray<string> | undefined
  /** Tolerance for `exp`, `nbf` and `iat` (default 5000 ms; any finite number, 0 included). */
  readonly clockSkewInMs?: number | undefined
}

/**
 * The default tolerance for time claims.
 *
 * @since 0.1.0
 * @category Tokens
 */
export const DEFAULT_CLOCK_SKEW_MS = 5000

/**
 * The tolerance to apply: `clockSkewInMs` when it is a finite number, else 5000 ms.
 *
 * @since 0.1.0
 * @category Tokens
 */
export const clockSkew = (clockSkewInMs: number | undefined): number =>
  typeof clockSkewInMs === "number" && Number.isFinite(clockSkewInMs) ? clockSkewInMs : DEFAULT_CLOCK_SKEW_MS

const failed = (message: string) =>
  tokenFailure("token-verification-failed", message, { action: TokenVerificationAction.EnsureClerkJwt })

const NONE: ReadonlyArray<string> = []

const list = (value: string | ReadonlyArray<string> | undefined): ReadonlyArray<string> =>
  value === undefined
    ? NONE
    : (typeof value === "string" ? [value] : value).filter((v) => typeof v === "string" && v !== "")

const isStringArray = (u: unknown): u is ReadonlyArray<string> =>
  Array.isArray(u) && u.every((v) => typeof v === "string")

const checkAudience = (aud: unknown, audience: ClaimOptions["audience"]): TokenVerificationFailure | undefined => {
  const accepted = list(audience)
  if (accepted.length === 0 || aud === undefined || aud === null || aud === "") return undefined
  if (typeof aud === "string") {
    return accepted.includes(aud)
      ? undefined
      : failed(
          `Invalid JWT audience claim (aud) ${JSON.stringify(aud)}. Is not included in "${JSON.stringify(accepted)}".`
        )
  }
  // Deliberately stricter than @clerk/backend: an `aud` that is neither a string nor a string array fails.
  if (!isStringArray(aud)) return failed(`Invalid JWT audience claim (aud): expected a string or an array of strings.`)
  const present = aud.filter((a) => a !== "")
  if (present.length === 0 || present.some((a) => accepted.includes(a))) return undefined
  return failed(
    `Invalid JWT audience claim array (aud) ${JSON.stringify(aud)}. Is not included in "${JSON.stringify(accepted)}".`
  )
}

const timeDetail = (claim: "exp" | "nbf" | "iat", seconds: number, now: number, skew: number): TimeClaimDetail => ({
  claim,
  at: Math.trunc(seconds) * 1000,
  now,
  clockSkewInMs: skew
})

/**
 * Runs every claim check at `now` (milliseconds); returns the first failure.
 *
 * @since 0.1.0
 * @category Tokens
 */
export const checkClaims = (
  payload: Readonly<Record<string, unknown>>,
  options: ClaimOptions,
  now: number
): TokenVerificationFailure | undefined => {
  const { aud, azp, exp, iat, iss, nbf, sub } = payload
  if (typeof sub !== "string")
    return failed(`Subject claim (sub) is required and must be a string. Received ${JSON.stringify(sub)}.`)
  const audFailure = checkAudience(aud, options.audience)
  if (audFailure !== undefined) return audFailure
  const parties = options.authorizedParties
  if (
    parties !== undefined &&
    parties.length > 0 &&
    (typeof azp !== "string" || azp === "" || !parties.includes(azp))
  ) {
    return tokenFailure(
      "token-invalid-authorized-parties",
      `Invalid JWT Authorized party claim (azp) ${JSON.stringify(azp)}. Expected "${parties.join(",")}".`
    )
  }
  const issuers = list(options.issuer)
  if (issuers.length > 0 && (typeof iss !== "string" || !issuers.includes(iss))) {
    return tokenFailure(
      "token-invalid-issuer",
      `Invalid JWT issuer claim (iss) ${JSON.stringify(iss)}. Expected "${issuers.join(",")}".`,
      { action: TokenVerificationAction.EnsureClerkJwt }
    )
  }
  const skew = clockSkew(options.clockSkewInMs)
  if (typeof exp !== "number")
    return failed(`Invalid JWT expiry date claim (exp) ${JSON.stringify(exp)}. Expected number.`)
  return (
    timeFailure("exp", exp, Math.trunc(exp) * 1000 <= now - skew, now, skew) ??
    (nbf === undefined
      ? undefined
      : timeFailure("nbf", nbf, typeof nbf === "number" && Math.trunc(nbf) * 1000 > now + skew, now, skew)) ??
    (iat === undefined
      ? undefined
      : timeFailure("iat", iat, typeof iat === "number" && Math.trunc(iat) * 1000 > now + skew, now, skew))
  )
}

const TIME_CLAIMS = {
  exp: { reason: "token-expired", name: "expiry date" },
  nbf: { reason: "token-not-active-yet", name: "not before date" },
  iat: { reason: "token-iat-in-the-future", name: "issued at date" }
} as const

/** A claim's instant as `@clerk/backend` shows it: the whole seconds, as a UTC date string. */
const utc = (seconds: number): string => {
  const date = new Date(0)
  date.setUTCSeconds(seconds)
  return date.toUTCString()
}

/** `@clerk/backend`'s message for a time claim out of range (same text, dates and punctuation). */
const outOfRangeMessage = (claim: "exp" | "nbf" | "iat", seconds: number, now: number): string => {
  const current = new Date(now).toUTCString()
  switch (claim) {
    case "exp":
      return `JWT is expired. Expiry date: ${utc(seconds)}, Current date: ${current}.`
    case "nbf":
      return `JWT cannot be used prior to not before date claim (nbf). Not before date: ${utc(seconds)}; Current date: ${current};`
    case "iat":
      return `JWT issued at date claim (iat) is in the future. Issued at date: ${utc(seconds)}; Current date: ${current};`
  }
}

/** The failure of a present time claim: not a number, or `outOfRange`. */
const timeFailure = (
  claim: "exp" | "nbf" | "iat",
  value: unknown,
  outOfRange: boolean,
  now: number,
  skew: number
): TokenVerificationFailure | undefined => {
  const { name, reason } = TIME_CLAIMS[claim]
  if (typeof value !== "number") {
    return failed(`Invalid JWT ${name} claim (${claim}) ${JSON.stringify(value)}. Expected number.`)
  }
  if (!outOfRange) return undefined
  const time = timeDetail(claim, value, now, skew)
  return tokenFailure(reason, outOfRangeMessage(claim, value, now), { time })
}

const optionalString = (u: unknown): boolean => u === undefined || typeof u === "string"

/**
 * Whether the standard claims have their standard JSON types (`iss`, `azp`, `sid` strings; `aud` a string or string
 * array). Deliberately stricter than `@clerk/backend`, which passes such claims through unchecked.
 *
 * @since 0.1.0
 * @category Tokens
 */
export const isJwtPayload = (payload: Readonly<Record<string, unknown>>): payload is JwtPayload =>
  typeof payload.sub === "string" &&
  typeof payload.exp === "number" &&
  (payload.iat === undefined || typeof payload.iat === "number") &&
  (payload.nbf === undefined || typeof payload.nbf === "number") &&
  optionalString(payload.iss) &&
  optionalString(payload.azp) &&
  optionalString(payload.sid) &&
  (payload.aud === undefined || typeof payload.aud === "string" || isStringArray(payload.aud))
