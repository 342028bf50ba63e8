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

const isObject = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

const parseObject = (text: string): Readonly<Record<string, unknown>> | undefined => {
  try {
    const value: unknown = JSON.parse(text)
    return isObject(value) ? value : undefined
  } catch {
    return undefined
  }
}

const HEADER_MEMO_SIZE = 64
const headerMemo = new Map<string, Readonly<Record<string, unknown>>>()

/**
 * Parses a header (the canonical `segment`, already decoded to `text`), memoised: every token of an instance carries
 * the same few headers. The memo holds at most 64 frozen headers (oldest dropped first), keyed by segments that were
 * checked canonical; it caches a pure function of its input.
 */
const parseHeader = (segment: string, text: string): Readonly<Record<string, unknown>> | undefined => {
  const header = parseObject(text)
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
 * Why a token whose segments did not all decode as canonical base64url is malformed: not three base64url segments
 * (checked first), or a segment that is not canonical.
 */
const formFailure = (token: string) =>
  SHAPE.test(token)
    ? invalid("Invalid JWT form: a segment is not canonical base64url.")
    : invalid("Invalid JWT form: expected three base64url segments separated by dots.")

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
  // Every segment is decoded (and checked canonical) before any JSON is parsed, so a malformed token gets the form
  // failure below whatever its JSON holds.
  const first = token.indexOf(".")
  const second = first <= 0 ? -1 : token.indexOf(".", first + 1)
  if (second <= first + 1) return formFailure(token)
  const rawHeader = token.slice(0, first)
  const rawPayload = token.slice(first + 1, second)
  const rawSignature = token.slice(second + 1)
  const known = headerMemo.get(rawHeader)
  const headerText = known === undefined ? backend.canonicalBase64UrlToUtf8(rawHeader) : ""
  const payloadText = backend.canonicalBase64UrlToUtf8(rawPayload)
  const signature = backend.canonicalBase64Url(rawSignature)
  if (headerText === undefined || payloadText === undefined || signature === undefined) return formFailure(token)
  const header = known ?? parseHeader(rawHeader, headerText)
  const payload = header === undefined ? undefined : parseObject(payloadText)
  if (header === undefined || payload === undefined) {
    return invalid("Invalid JWT form: the header and payload must be base64url-encoded JSON objects.")
  }
  return Either.right({
    header,
    payload,
    signature,
    signingInput: token.slice(0, second),
    raw: { header: rawHeader, payload: rawPayload, signature: rawSignature, text: token }
  })
}
