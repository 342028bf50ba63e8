/**
 * Verification of OAuth access tokens issued by your Clerk instance acting as an identity provider. The endpoint lives
 * outside `/v1`.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { verifyOAuthAccessToken } from "../models/generated/descriptors.js"
import { bind } from "./internal/bind.js"
import { ClerkIdpOauthAccessToken } from "../models/generated/schemas.js"
import { UnionMemberOf, type UnionMemberSelector } from "../models/internal/observe.js"
import { BackendApi } from "../services/BackendApi.js"
import type { ClerkError } from "../services/ClerkErrors.js"
import { oauthAudienceProblem } from "../services/internal/audience.js"
import { tokenFailure, type TokenVerificationFailure } from "../services/TokenVerificationFailure.js"

/**
 * The actor of a delegated OAuth token (`act` claim), from a verify response or a verified OAuth JWT.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface OAuthTokenActor {
  readonly iss?: string | undefined
  readonly sub: string
  readonly act?: OAuthTokenActor | undefined
}

const Actor: Schema.Schema<OAuthTokenActor> = Schema.Struct({
  iss: Schema.optional(Schema.String),
  sub: Schema.String,
  act: Schema.optional(Schema.suspend(() => Actor))
})

/**
 * An active OAuth access token, as the verify endpoint answers for a valid one (`@clerk/backend`'s
 * `IdPOAuthAccessToken`), with `type`, `aud` and `act` when sent.
 *
 * @since 0.1.0
 * @category Resources
 */
export class ActiveOAuthAccessToken extends ClerkIdpOauthAccessToken.extend<ActiveOAuthAccessToken>(
  "effect-clerk/ActiveOAuthAccessToken"
)({
  type: Schema.optional(Schema.String),
  aud: Schema.optional(Schema.Union(Schema.String, Schema.Array(Schema.String))),
  act: Schema.optional(Actor)
}) {}

/**
 * An inactive token: the Backend API's answer for a token it does not know as valid.
 *
 * @since 0.1.0
 * @category Resources
 */
export const InactiveOAuthAccessToken = Schema.Struct({ active: Schema.Literal(false) })

/**
 * What `idPOAuthAccessToken.verify` resolves to. A body with `active: false` is the inactive answer; any other is an
 * active token, decoded (tolerantly) as one even when fields are missing.
 *
 * @since 0.1.0
 * @category Resources
 */
export const OAuthAccessTokenVerification = Schema.Union(ActiveOAuthAccessToken, InactiveOAuthAccessToken).annotations({
  [UnionMemberOf]: ((input) =>
    typeof input === "object" && input !== null && "active" in input && input.active === false
      ? 1
      : 0) satisfies UnionMemberSelector
})
/** What `idPOAuthAccessToken.verify` resolves to. */
export type OAuthAccessTokenVerification = typeof OAuthAccessTokenVerification.Type

/**
 * Options of `idPOAuthAccessToken.verify`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface VerifyOAuthAccessTokenOptions {
  /** When given, the token's `aud` must contain one of these. */
  readonly audience?: string | ReadonlyArray<string> | undefined
}

const audienceFailure = (
  aud: string | ReadonlyArray<string> | undefined,
  audience: VerifyOAuthAccessTokenOptions["audience"]
): TokenVerificationFailure | undefined => {
  const problem = oauthAudienceProblem(aud, audience)
  return problem === undefined ? undefined : tokenFailure("token-verification-failed", problem)
}

/**
 * `idPOAuthAccessToken`: verifies OAuth access tokens through the Backend API.
 *
 * @since 0.1.0
 * @category Resources
 */
export class IdPOAuthAccessToken extends Effect.Service<IdPOAuthAccessToken>()("effect-clerk/IdPOAuthAccessToken", {
  accessors: true,
  effect: Effect.gen(function* () {
    const api = bind(yield* BackendApi)
    return {
      /** `POST /oauth_applications/access_tokens/verify`; then checks `audience` when given. */
      verify: (
        accessToken: string,
        options: VerifyOAuthAccessTokenOptions = {}
      ): Effect.Effect<OAuthAccessTokenVerification, ClerkError | TokenVerificationFailure> =>
        api
          .execute(verifyOAuthAccessToken, OAuthAccessTokenVerification, {
            body: { access_token: accessToken }
          })
          .pipe(
            Effect.flatMap((token) => {
              const failure = audienceFailure("aud" in token ? token.aud : undefined, options.audience)
              return failure === undefined ? Effect.succeed(token) : Effect.fail(failure)
            })
          )
    }
  })
}) {}
