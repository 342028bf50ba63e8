/**
 * Admin portal link tokens: short-lived links that let an organization's IT contact configure SSO and directory sync.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import { createAdminPortalLinkToken, revokeAdminPortalLinkToken } from "../models/generated/descriptors.js"
import { bind } from "./internal/bind.js"
import { AdminPortalLinkToken, RevokeAdminPortalLinkTokenResponse } from "../models/generated/schemas.js"
import { BackendApi } from "../services/BackendApi.js"

export { AdminPortalLinkToken, RevokeAdminPortalLinkTokenResponse }

/**
 * Params of `adminPortalLinkTokens.create`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface CreateAdminPortalLinkTokenParams {
  readonly organizationId?: string | undefined
  readonly itContactId?: string | undefined
  readonly scopes?: ReadonlyArray<string> | undefined
  readonly secondsUntilExpiration?: number | undefined
}

/**
 * Params of `adminPortalLinkTokens.revoke`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface RevokeAdminPortalLinkTokenParams {
  readonly adminPortalLinkTokenId: string
  /** Kept for your records; sent as `null` when left out. */
  readonly revocationReason?: string | null | undefined
}

/**
 * `adminPortalLinkTokens`: create and revoke admin portal link tokens.
 *
 * @since 0.1.0
 * @category Resources
 */
export class AdminPortalLinkTokens extends Effect.Service<AdminPortalLinkTokens>()(
  "effect-clerk/AdminPortalLinkTokens",
  {
    accessors: true,
    effect: Effect.gen(function* () {
      const api = bind(yield* BackendApi)
      return {
        /** `POST /admin_portal_link_tokens` */
        create: (params: CreateAdminPortalLinkTokenParams = {}) =>
          api.decode(createAdminPortalLinkToken, { body: params }),
        /** `POST /admin_portal_link_tokens/{adminPortalLinkTokenID}/revoke` */
        revoke: ({ adminPortalLinkTokenId, revocationReason = null }: RevokeAdminPortalLinkTokenParams) =>
          api.decode(revokeAdminPortalLinkToken, {
            pathParams: { adminPortalLinkTokenID: adminPortalLinkTokenId },
            body: { revocationReason }
          })
      }
    })
  }
) {}
