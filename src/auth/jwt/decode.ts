/**
 * JWT decoding: three canonical base64url segments, a JSON object header and payload. No verification here.
 *
 * @module
 */
import * as Either from "effect/Either"
import { backend } from "../crypto.js"
import { tokenFailure, TokenVerificationAction, type TokenVerificationFailure } from "../errors.js"

/**
 * Tokens longer than this (in characters) are rejected before any parsing.
 *
 * @since 0.1.0
 * @category Tokens
 */
export const MAX_TOKEN_LENGTH = 16 * 1024

/**
 * A decoded, not yet verified, JWT.
 *
 * @since 0.1.0
 * @category Tokens
 */
export interface DecodedJwt {
  /** The JOSE header (`alg`, `typ`, `kid`, `cat`, ...), as sent. */
  readonly header: Readonly<Record<string, unknown>>
  /** The claims, as sent. */
  readonly payload: Readonly<Record<string, unknown>>
  /** The signature bytes. */
  readonly signature: Uint8Array
  /** `<header>.<payload>`: the bytes the signature covers. */
  readonly signingInput: string
  /** The token's segments as sent. */
  readonly raw: {
    readonly header: string
    readonly payload: string
    readonly signature: string
    readonly text: string
  }
}

const SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/

/** The 6-bit value of a base64url character (the shape regex has already checked the alphabet). */
const sextet = (code: number): number =>
  code >= 97 ? code - 71 : code >= 65 ? code - 65 : code >= 48 ? code + 4 : code === 45 ? 62 : 63

/**
 * Whether a base64url segment is canonical: no impossible length and no stray bits in the last character. Without
 * this, two different strings would decode to the same signature.
 */
const isCanonical = (segment: string): boolean => {
  const rem = segment.length % 4
  if (rem === 1) return false
  if (rem === 0) return true
  const last = sextet(segment.charCodeAt(segment.length - 1))
  return rem === 2 ? (last & 0x0f) === 0 : (last & 0x03) === 0
}

const isObject = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

const parseSegment = (segment: string): Readonly<Record<string, unknown>> | undefined => {
  try {
    const value: unknown = JSON.parse(backend.base64UrlToUtf8(segment))
    return isObject(value) ? value : undefined
  } catch {
    return undefined
  }
}

const HEADER_MEMO_SIZE = 64
const headerMemo = new Map<string, Readonly<Record<string, unknown>>>()

/**
 * Parses a header segment, memoised: every token of an instance carries the same few headers. The memo holds at most
 * 64 frozen headers (oldest dropped first); it caches a pure function of its input.
 */
const parseHeader = (segment: string): Readonly<Record<string, unknown>> | undefined => {
  const hit = headerMemo.get(segment)
  if (hit !== undefined) return hit
  const header = parseSegment(segment)
  if (header === undefined || segment.length > 1024) return header
  if (headerMemo.size >= HEADER_MEMO_SIZE) {
    const oldest = headerMemo.keys().next()
    if (oldest.done !== true) headerMemo.delete(oldest.value)
  }
  const frozen = Object.freeze(header)
  headerMemo.set(segment, frozen)
  return frozen
}

const invalid = (message: string) =>
  Either.left(tokenFailure("token-invalid", message, { action: TokenVerificationAction.EnsureClerkJwt }))

/**
 * Decodes a compact JWS. Fails with `token-invalid` for anything that is not three canonical base64url segments with
 * JSON-object header and payload, and for tokens over {@link MAX_TOKEN_LENGTH} characters.
 *
 * @since 0.1.0
 * @category Tokens
 */
export const decodeJwt = (token: string): Either.Either<DecodedJwt, TokenVerificationFailure> => {
  if (typeof token !== "string") return invalid("The token is not a string.")
  if (token.length > MAX_TOKEN_LENGTH) {
    return invalid(`The token is ${token.length} characters long; at most ${MAX_TOKEN_LENGTH} are accepted.`)
  }
  if (!SHAPE.test(token)) {
    return invalid("Invalid JWT form: expected three base64url segments separated by dots.")
  }
  const first = token.indexOf(".")
  const second = token.indexOf(".", first + 1)
  const rawHeader = token.slice(0, first)
  const rawPayload = token.slice(first + 1, second)
  const rawSignature = token.slice(second + 1)
  if (!isCanonical(rawHeader) || !isCanonical(rawPayload) || !isCanonical(rawSignature)) {
    return invalid("Invalid JWT form: a segment is not canonical base64url.")
  }
  const header = parseHeader(rawHeader)
  const payload = header === undefined ? undefined : parseSegment(rawPayload)
  if (header === undefined || payload === undefined) {
    return invalid("Invalid JWT form: the header and payload must be base64url-encoded JSON objects.")
  }
  return Either.right({
    header,
    payload,
    signature: backend.base64ToBytes(rawSignature),
    signingInput: token.slice(0, second),
    raw: { header: rawHeader, payload: rawPayload, signature: rawSignature, text: token }
  })
}
