/**
 * Transactional emails sent through Clerk (`POST /email`; an experimental endpoint that is not in the spec).
 *
 * @module
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { GetEmail, SendEmail, SendEmailBatch } from "../models/generated/descriptors.js"
import { bind } from "./internal/bind.js"
import { BackendApi } from "../services/BackendApi.js"
import { type ClerkAPIErrorItem, ClerkInvalidRequestError } from "../services/ClerkErrors.js"
import { parseErrorItem } from "../services/internal/responses.js"

/**
 * A mailbox: an address and an optional display name (up to 200 characters).
 *
 * @since 0.1.0
 * @category Resources
 */
export interface Mailbox {
  readonly address: string
  readonly name?: string | undefined
}

/**
 * The recipient: a literal address, or the id of a user whose primary address Clerk resolves.
 *
 * @since 0.1.0
 * @category Resources
 */
export type EmailRecipient =
  | { readonly address: string; readonly userId?: never }
  | { readonly userId: string; readonly address?: never }

/**
 * The body: `html`, `text` or both (`html` wins); together at most 50,000 bytes of UTF-8.
 *
 * @since 0.1.0
 * @category Resources
 */
export type EmailContent =
  | { readonly html: string; readonly text?: string | undefined }
  | { readonly html?: string | undefined; readonly text: string }

/**
 * Params of `emails.create`. Only `to.userId` (→ `to.user_id`) and `replyTo` (→ `reply_to`) are renamed.
 *
 * @since 0.1.0
 * @category Resources
 */
export type CreateEmailParams = {
  readonly to: EmailRecipient
  /** The sender; its domain must be the instance's verified sending domain. */
  readonly from: Mailbox
  readonly replyTo?: Mailbox | undefined
  /** At most 998 characters. */
  readonly subject: string
  /** Up to 50 recipients in all across `to`, `cc` and `bcc`. */
  readonly cc?: ReadonlyArray<string> | undefined
  readonly bcc?: ReadonlyArray<string> | undefined
  /** Threading, unsubscribe or custom `X-*` headers. Sent as given. */
  readonly headers?: Readonly<Record<string, string>> | undefined
  /** Base64 content; up to 10 attachments and 1 MiB decoded in all. */
  readonly attachments?: ReadonlyArray<{ readonly filename: string; readonly content: string }> | undefined
} & EmailContent

/**
 * Options of `emails.create`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface CreateEmailOptions {
  /** Deduplicates retries of one send: ASCII letters, digits, `_` and `-`, at most 255 characters. */
  readonly idempotencyKey?: string | undefined
}

/**
 * One message of `emails.createBatch`.
 *
 * @since 0.1.0
 * @category Resources
 */
export type CreateBatchEmailParams = CreateEmailParams & CreateEmailOptions

/**
 * A stored email and its send state (`accepted` means the provider took it, not that it was delivered).
 *
 * @since 0.1.0
 * @category Resources
 */
export class Email extends Schema.Class<Email>("effect-clerk/Email")({
  object: Schema.optional(Schema.String),
  id: Schema.String,
  slug: Schema.optional(Schema.NullOr(Schema.String)),
  fromEmailName: Schema.optional(Schema.String).pipe(Schema.fromKey("from_email_name")),
  toEmailAddress: Schema.optional(Schema.String).pipe(Schema.fromKey("to_email_address")),
  emailAddressId: Schema.optional(Schema.NullOr(Schema.String)).pipe(Schema.fromKey("email_address_id")),
  userId: Schema.optional(Schema.NullOr(Schema.String)).pipe(Schema.fromKey("user_id")),
  subject: Schema.optional(Schema.String),
  body: Schema.optional(Schema.String),
  bodyPlain: Schema.optional(Schema.NullOr(Schema.String)).pipe(Schema.fromKey("body_plain")),
  status: Schema.optional(Schema.String),
  data: Schema.optional(Schema.NullOr(Schema.Record({ key: Schema.String, value: Schema.Unknown }))),
  deliveredByClerk: Schema.optional(Schema.Boolean).pipe(Schema.fromKey("delivered_by_clerk")),
  suppressionReason: Schema.optional(Schema.NullOr(Schema.String)).pipe(Schema.fromKey("suppression_reason"))
}) {}

/**
 * The outcome of one message of a batch, by its zero-based input `index`.
 *
 * @since 0.1.0
 * @category Resources
 */
export type BatchEmailResult =
  | {
      readonly index: number
      readonly email: Email
      readonly statusCode: number
      readonly errors?: never
      readonly retryAfterSeconds?: never
    }
  | {
      readonly index: number
      readonly errors: ReadonlyArray<ClerkAPIErrorItem>
      readonly statusCode: number
      readonly retryAfterSeconds?: number | undefined
      readonly email?: never
    }

const BatchItem = Schema.Struct({
  index: Schema.Number,
  email: Schema.optional(Schema.NullOr(Email)),
  errors: Schema.optional(Schema.NullOr(Schema.Array(Schema.Unknown))),
  status_code: Schema.Number,
  retry_after_seconds: Schema.optional(Schema.NullOr(Schema.Number))
})

/** The batch answer: an array of items, bare or as `{ data }`. */
const BatchResponse = Schema.Union(
  Schema.Array(BatchItem),
  Schema.transform(Schema.Struct({ data: Schema.Array(BatchItem) }), Schema.Array(Schema.typeSchema(BatchItem)), {
    strict: true,
    decode: (wrapped) => wrapped.data,
    encode: (data) => ({ data })
  })
)

const toBatchResult = (item: typeof BatchItem.Type): BatchEmailResult => {
  if (item.email) return { index: item.index, email: item.email, statusCode: item.status_code }
  const errors = (item.errors ?? []).flatMap((entry) => {
    const parsed = parseErrorItem(entry)
    return parsed === undefined ? [] : [parsed]
  })
  return {
    index: item.index,
    errors: errors.map((error) => ({ ...error, meta: error.meta ?? {} })),
    statusCode: item.status_code,
    ...(item.retry_after_seconds != null ? { retryAfterSeconds: item.retry_after_seconds } : {})
  }
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{1,255}$/

const checkIdempotencyKey = (key: string | undefined): Effect.Effect<void, ClerkInvalidRequestError> =>
  key === undefined || IDEMPOTENCY_KEY.test(key)
    ? Effect.void
    : Effect.fail(
        new ClerkInvalidRequestError({
          reason: "An idempotency key may hold only ASCII letters, digits, `_` and `-`, and at most 255 characters.",
          param: "idempotencyKey"
        })
      )

/** The wire body of one message: `to.userId` → `to.user_id`, `replyTo` → `reply_to`; everything else as given. */
const emailBody = ({ replyTo, to, ...rest }: CreateEmailParams): Record<string, unknown> => {
  const { userId, ...recipient } = to
  return {
    ...rest,
    to: { ...recipient, ...(userId !== undefined ? { user_id: userId } : {}) },
    ...(replyTo !== undefined ? { reply_to: replyTo } : {})
  }
}

/**
 * `emails`: transactional emails (experimental in Clerk).
 *
 * @since 0.1.0
 * @category Resources
 */
export class Emails extends Effect.Service<Emails>()("effect-clerk/Emails", {
  accessors: true,
  effect: Effect.gen(function* () {
    const api = bind(yield* BackendApi)
    return {
      /** `POST /email`, with an `Idempotency-Key` header when given. */
      create: (params: CreateEmailParams, options: CreateEmailOptions = {}) =>
        Effect.zipRight(
          checkIdempotencyKey(options.idempotencyKey),
          api.execute(SendEmail, Email, {
            body: emailBody(params),
            headers: options.idempotencyKey === undefined ? undefined : { "Idempotency-Key": options.idempotencyKey }
          })
        ),
      /** `POST /email/batch`: 1 to 100 messages, one result per message in input order; item errors are results. */
      createBatch: (messages: ReadonlyArray<CreateBatchEmailParams>) =>
        Effect.gen(function* () {
          if (messages.length < 1 || messages.length > 100) {
            return yield* new ClerkInvalidRequestError({
              reason: "A batch must hold between 1 and 100 messages.",
              param: "messages"
            })
          }
          for (const message of messages) yield* checkIdempotencyKey(message.idempotencyKey)
          const items = yield* api.execute(SendEmailBatch, BatchResponse, {
            body: {
              messages: messages.map(({ idempotencyKey, ...params }) => ({
                ...emailBody(params),
                ...(idempotencyKey !== undefined ? { idempotency_key: idempotencyKey } : {})
              }))
            }
          })
          return items.map(toBatchResult)
        }),
      /** `GET /email/{email_id}` */
      get: (emailId: string) => api.execute(GetEmail, Email, { pathParams: { email_id: emailId } })
    }
  })
}) {}
