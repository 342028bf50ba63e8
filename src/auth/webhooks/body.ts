/**
 * The size limit on a delivery's body. Neither `svix` nor `@clerk/backend` has one; a verifier here refuses a body
 * over `maxBodyBytes` (1 MiB by default, far above any Clerk event) with {@link WebhookBodyTooLargeError}: from the
 * `Content-Length` header before reading, while reading a request's stream (it stops at the limit), and for a body
 * already in hand, always before the HMAC is computed.
 *
 * @module
 */
import * as Either from "effect/Either"
import { bodyReadFailure, type WebhookBodyError, WebhookBodyTooLargeError } from "./errors.js"
import { bodyText, type WebhookHeaders } from "./signature.js"

/**
 * The default limit on a delivery's body: 1 MiB.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024

/**
 * A body as a caller may hold it.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export type WebhookBody = string | Uint8Array | ArrayBuffer

/**
 * The limit from an option: a positive number of bytes (`Infinity` lifts it), else the default.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export const maxBodyBytesOf = (option: number | undefined): number =>
  option !== undefined && option > 0 ? option : DEFAULT_MAX_BODY_BYTES

const encoder = new TextEncoder()

/** The UTF-8 size of a string is at least its UTF-16 length and at most three times it: encode only in between. */
const exceeds = (body: WebhookBody, limit: number): boolean => {
  if (typeof body !== "string") return body.byteLength > limit
  if (body.length > limit) return true
  return body.length * 3 > limit && encoder.encode(body).byteLength > limit
}

/**
 * A body in hand, or the error when it is over the limit.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export const checkBodySize = (
  body: WebhookBody,
  limit: number
): Either.Either<WebhookBody, WebhookBodyTooLargeError> =>
  exceeds(body, limit) ? Either.left(new WebhookBodyTooLargeError({ limit })) : Either.right(body)

/**
 * True when the headers declare a `Content-Length` over the limit.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export const declaredTooLarge = (headers: WebhookHeaders, limit: number): boolean => {
  const raw = headers instanceof Headers ? headers.get("content-length") : headers["content-length"]
  const length = Number(typeof raw === "string" ? raw : undefined)
  return Number.isFinite(length) && length > limit
}

/**
 * Reads a Fetch `Request`'s body as text (UTF-8, as `Request.text()` does), stopping as soon as it passes the limit.
 * Never rejects: a stream failure is a {@link WebhookBodyError}.
 *
 * @since 0.1.0
 * @category Webhooks
 */
export const readRequestBody = async (
  request: Request,
  limit: number
): Promise<Either.Either<string, WebhookBodyError | WebhookBodyTooLargeError>> => {
  const tooLarge = () => Either.left(new WebhookBodyTooLargeError({ limit }))
  if (declaredTooLarge(request.headers, limit)) return tooLarge()
  if (request.body === null) return Either.right("")
  const chunks: Array<Uint8Array> = []
  let size = 0
  try {
    const reader = request.body.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > limit) {
        await reader.cancel().catch(() => undefined)
        return tooLarge()
      }
      chunks.push(value)
    }
  } catch (cause) {
    return Either.left(bodyReadFailure(cause))
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return Either.right(bodyText(bytes))
}
