/**
 * Accountless applications: temporary instances for trying Clerk before signing up (experimental; not in the spec).
 *
 * @module
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import {
  CompleteAccountlessApplicationOnboarding,
  CreateAccountlessApplication
} from "../models/generated/descriptors.js"
import { BackendApi } from "../services/BackendApi.js"
import { bind } from "./internal/bind.js"

/**
 * An accountless application: keys to try Clerk with, and the URL that claims it into an account.
 *
 * @since 0.1.0
 * @category Resources
 */
export class AccountlessApplication extends Schema.Class<AccountlessApplication>("effect-clerk/AccountlessApplication")(
  {
    object: Schema.optional(Schema.String),
    publishableKey: Schema.String.pipe(Schema.propertySignature, Schema.fromKey("publishable_key")),
    secretKey: Schema.String.pipe(Schema.propertySignature, Schema.fromKey("secret_key")),
    claimUrl: Schema.String.pipe(Schema.propertySignature, Schema.fromKey("claim_url")),
    apiKeysUrl: Schema.optional(Schema.String).pipe(Schema.fromKey("api_keys_url"))
  }
) {}

/**
 * Params of both accountless application methods.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface AccountlessApplicationParams {
  /** Headers of the incoming request, forwarded to Clerk (hop-by-hop headers and `content-type` excepted). */
  readonly requestHeaders?: Headers | undefined
  /** Where the request comes from (sent as the `source` query parameter). */
  readonly source?: string | undefined
}

/** Request headers that describe one HTTP hop and must not be forwarded. */
const NOT_FORWARDED: ReadonlySet<string> = new Set([
  "connection",
  "content-length",
  "content-type",
  "host",
  "keep-alive",
  "transfer-encoding",
  "upgrade"
])

const forwardedHeaders = (headers: Headers | undefined): Record<string, string> | undefined => {
  if (headers === undefined) return undefined
  const out: Record<string, string> = {}
  headers.forEach((value, name) => {
    if (!NOT_FORWARDED.has(name)) out[name] = value
  })
  return out
}

/**
 * `__experimental_accountlessApplications`: accountless applications.
 *
 * @since 0.1.0
 * @category Resources
 */
export class AccountlessApplications extends Effect.Service<AccountlessApplications>()(
  "effect-clerk/AccountlessApplications",
  {
    accessors: true,
    effect: Effect.gen(function* () {
      const api = yield* BackendApi
      // As in @clerk/backend, no secret key is required: it is sent when the client has one.
      const bound = bind(api)
      const auth = api.config.secretKey === undefined ? "none" : "secretKey"
      const call = (
        descriptor: typeof CreateAccountlessApplication | typeof CompleteAccountlessApplicationOnboarding,
        params: AccountlessApplicationParams
      ) =>
        bound.execute(descriptor, AccountlessApplication, {
          auth,
          query: { source: params.source },
          headers: forwardedHeaders(params.requestHeaders)
        })
      return {
        /** `POST /accountless_applications` */
        createAccountlessApplication: (params: AccountlessApplicationParams = {}) =>
          call(CreateAccountlessApplication, params),
        /** `POST /accountless_applications/complete` */
        completeAccountlessApplicationOnboarding: (params: AccountlessApplicationParams = {}) =>
          call(CompleteAccountlessApplicationOnboarding, params)
      }
    })
  }
) {}
