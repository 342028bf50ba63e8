/**
 * Admin portal link tokens: short-lived links that let an organization's IT contact configure SSO and directory sync.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import { AdminPortalLinkToken, RevokeAdminPortalLinkTokenResponse } from "../models/generated/schemas.js"
import { BackendApi } from "../services/BackendApi.js"

export { AdminPortalLinkToken, RevokeAdminPortalLinkTokenResponse }

/** Params of `adminPortalLinkTokens.create`. */
export interface CreateAdminPortalLinkTokenParams {
  readonly organizationId?: string | undefined
  readonly itContactId?: string | undefined
  readonly scopes?: ReadonlyArray<string> | undefined
  readonly secondsUntilExpiration?: number | undefined
}

/** Params of `adminPortalLinkTokens.revoke`. */
export interface RevokeAdminPortalLinkTokenParams {
  readonly adminPortalLinkTokenId: string
  /** Kept for your records; sent as `null` when left out. */
  readonly revocationReason?: string | null | undefined
}

/** `adminPortalLinkTokens`: create and revoke admin portal link tokens. */
export class AdminPortalLinkTokens extends Effect.Service<AdminPortalLinkTokens>()("effect-clerk/AdminPortalLinkTokens", {
  accessors: true,
  effect: Effect.gen(function*() {
    const api = yield* BackendApi
    return {
      /** `POST /admin_portal_link_tokens` */
      create: (params: CreateAdminPortalLinkTokenParams = {}) =>
        api.execute({
          operation: "adminPortalLinkTokens.create",
          method: "POST",
          path: "/admin_portal_link_tokens",
          body: params
        }, AdminPortalLinkToken),
      /** `POST /admin_portal_link_tokens/{adminPortalLinkTokenID}/revoke` */
      revoke: ({ adminPortalLinkTokenId, revocationReason = null }: RevokeAdminPortalLinkTokenParams) =>
        api.execute({
          operation: "adminPortalLinkTokens.revoke",
          method: "POST",
          path: "/admin_portal_link_tokens/{adminPortalLinkTokenID}/revoke",
          pathParams: { adminPortalLinkTokenID: adminPortalLinkTokenId },
          body: { revocationReason }
        }, RevokeAdminPortalLinkTokenResponse)
    }
  })
}) {}
