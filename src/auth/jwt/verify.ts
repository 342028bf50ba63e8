/**
 * Synchronous JWT verification against an imported key, in `@clerk/backend` 3.25.0's order: header `typ`, header
 * `alg`, the key's pinned algorithm, the signature, then the claims ({@link checkClaims}). Synchronous (an `Either`)
 * where the runtime has `node:crypto`; on Web Crypto the signature check is asynchronous, and the verdict an `Effect`.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { backend } from "../crypto.js"
import { tokenFailure, TokenVerificationAction, type TokenVerificationFailure } from "../errors.js"
import { checkClaims, type ClaimOptions, isJwtPayload, type JwtPayload } from "./claims.js"
import type { DecodedJwt } from "./decode.js"
import type { KeyResult } from "./keys.js"
import { memoFor, slotKey, type VerifiedMemo } from "./memo.js"

/**
 * Options of {@link verifyJwt}: the claim checks plus the accepted header types.
 *
 * @since 0.1.0
 * @category Tokens
 */
export interface JwtVerifyOptions extends ClaimOptions {
  /** Accepted header `typ` values (default `"JWT"`; a token with no `typ` passes only when this is not given). */
  readonly headerType?: string | ReadonlyArray<string> | undefined
}

/** The header `typ` values accepted when none are given. */
const DEFAULT_TYPES: ReadonlyArray<string> = ["JWT"]

/** Algorithms a Clerk token header may name; only RS256 verifies against a Clerk key. */
const RSA_ALGORITHMS: ReadonlySet<unknown> = new Set(["RS256", "RS384", "RS512"])

/**
 * Checks the header `typ` and `alg`; returns the failure or `undefined`.
 *
 * @since 0.1.0
 * @category Tokens
 */
export const checkHeader = (
  header: Readonly<Record<string, unknown>>,
  headerType: string | ReadonlyArray<string> | undefined
): TokenVerificationFailure | undefined => {
  const { alg, typ } = header
  if (typ !== undefined || headerType !== undefined) {
    const allowed: ReadonlyArray<string> =
      headerType === undefined ? DEFAULT_TYPES : typeof headerType === "string" ? [headerType] : headerType
    if (typeof typ !== "string" || !allowed.includes(typ)) {
      return tokenFailure(
        "token-invalid",
        `Invalid JWT type ${JSON.stringify(typ)}. Expected "${allowed.join(", ")}".`,
        {
          action: TokenVerificationAction.EnsureClerkJwt
        }
      )
    }
  }
  if (!RSA_ALGORITHMS.has(alg)) {
    return tokenFailure(
      "token-invalid-algorithm",
      `Invalid JWT algorithm ${JSON.stringify(alg)}. Supported: RS256,RS384,RS512.`,
      {
        action: TokenVerificationAction.EnsureClerkJwt
      }
    )
  }
  return undefined
}

const uncheckable = () =>
  tokenFailure("token-verification-failed", "The signature could not be checked.", {
    action: TokenVerificationAction.EnsureClerkJwt
  })

/**
 * A signature failure, `undefined` when it verified, or (on Web Crypto) the Promise of one.
 *
 * @since 0.1.0
 * @category Tokens
 */
export type SignatureCheck = TokenVerificationFailure | undefined | Promise<TokenVerificationFailure | undefined>

/**
 * Whether a check is still pending. A thenable test, not `instanceof Promise`: on Vercel's edge runtime the code runs
 * in a separate realm whose `Promise` is not the one Web Crypto's promises come from.
 */
const isPending = (check: SignatureCheck): check is Promise<TokenVerificationFailure | undefined> =>
  typeof check === "object" && check !== null && typeof Reflect.get(check, "then") === "function"

/**
 * Checks the signature with the key; returns the failure or `undefined`, synchronously on `node:crypto` and as a
 * Promise (which never rejects) on Web Crypto. A token that already verified under this key (same signature, same
 * signed bytes; see `./memo.ts`) skips the RSA operation.
 *
 * @since 0.1.0
 * @category Tokens
 */
export const checkSignature = (decoded: DecodedJwt, key: KeyResult): SignatureCheck => {
  if (Either.isLeft(key)) return key.left
  if (decoded.header.alg !== key.right.alg) {
    return tokenFailure(
      "token-verification-failed",
      `The token is signed with ${String(decoded.header.alg)}, but the key only verifies ${key.right.alg}.`,
      { action: TokenVerificationAction.EnsureClerkJwt }
    )
  }
  const memo = memoFor(key.right.handle.key)
  const { signature, signingInput } = decoded
  const signatureText = decoded.raw.signature
  const slot = slotKey(signature)
  if (memo.has(slot, signatureText, signingInput)) return undefined
  let valid: boolean | Promise<boolean>
  try {
    valid = backend.verifyRs256(key.right.handle, signingInput, signature)
  } catch {
    return uncheckable()
  }
  if (typeof valid !== "boolean") {
    return valid.then((ok) => settleSignature(ok, memo, slot, signatureText, signingInput), uncheckable)
  }
  return settleSignature(valid, memo, slot, signatureText, signingInput)
}

/** The verdict of an RSA check; a valid signature is remembered. */
const settleSignature = (
  valid: boolean,
  memo: VerifiedMemo,
  slot: number,
  signature: string,
  signingInput: string
): TokenVerificationFailure | undefined => {
  if (!valid) return tokenFailure("token-invalid-signature", "JWT signature is invalid.")
  memo.add(slot, signature, signingInput)
  return undefined
}

/**
 * A signature check as an Effect-compatible value: the failure, `undefined`, or an Effect of either.
 *
 * @since 0.1.0
 * @category Tokens
 */
export const signatureEffect = (check: SignatureCheck): Effect.Effect<void, TokenVerificationFailure> =>
  isPending(check)
    ? Effect.flatMap(
        Effect.promise(() => check),
        (failure) => (failure === undefined ? Effect.void : Effect.fail(failure))
      )
    : check === undefined
      ? Effect.void
      : Effect.fail(check)

/**
 * A verdict: an `Either` when reached synchronously, else the Effect that reaches it.
 *
 * @since 0.1.0
 * @category Tokens
 */
export type JwtVerdict =
  | Either.Either<JwtPayload, TokenVerificationFailure>
  | Effect.Effect<JwtPayload, TokenVerificationFailure>

/**
 * Verifies a decoded JWT with a key at `now` (milliseconds since the epoch). Pure: the same inputs always give the
 * same result; an `Either` on `node:crypto`, an Effect where the signature check is asynchronous (Web Crypto).
 *
 * @since 0.1.0
 * @category Tokens
 */
export const verifyJwt = (decoded: DecodedJwt, key: KeyResult, options: JwtVerifyOptions, now: number): JwtVerdict => {
  const headerFailure = checkHeader(decoded.header, options.headerType)
  return headerFailure !== undefined ? Either.left(headerFailure) : verifyCheckedJwt(decoded, key, options, now)
}

/**
 * {@link verifyJwt} for a token whose header already passed {@link checkHeader} with `options.headerType`: the
 * signature, then the claims.
 *
 * @since 0.1.0
 * @category Tokens
 */
export const verifyCheckedJwt = (
  decoded: DecodedJwt,
  key: KeyResult,
  options: JwtVerifyOptions,
  now: number
): JwtVerdict => {
  const signature = checkSignature(decoded, key)
  if (isPending(signature)) {
    return Effect.flatMap(
      Effect.promise(() => signature),
      (failure): Either.Either<JwtPayload, TokenVerificationFailure> =>
        failure !== undefined ? Either.left(failure) : afterSignature(decoded, options, now)
    )
  }
  return signature !== undefined ? Either.left(signature) : afterSignature(decoded, options, now)
}

const afterSignature = (
  decoded: DecodedJwt,
  options: JwtVerifyOptions,
  now: number
): Either.Either<JwtPayload, TokenVerificationFailure> => {
  const failure = checkClaims(decoded.payload, options, now)
  if (failure !== undefined) return Either.left(failure)
  const payload = decoded.payload
  return isJwtPayload(payload)
    ? Either.right(payload)
    : Either.left(
        tokenFailure(
          "token-verification-failed",
          "A standard claim has the wrong type (iss, azp and sid must be strings; aud a string or an array of strings).",
          { action: TokenVerificationAction.EnsureClerkJwt }
        )
      )
}
