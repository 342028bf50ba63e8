/**
 * Invitations to sign up to the application.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import {
  CreateBulkInvitations,
  CreateInvitation,
  DeleteInvitation,
  ListInvitations,
  RevokeInvitation
} from "../models/generated/descriptors.js"
import { bind } from "./internal/bind.js"
import { DeletedObject, Invitation } from "../models/generated/schemas.js"
import { Paginated } from "../models/internal/paginated.js"
import { BackendApi } from "../services/BackendApi.js"
import { type PaginationParams, pageSize, type StreamParams, type WithSign } from "./internal/lists.js"
import { streamPages } from "./internal/paginate.js"

export { DeletedObject, Invitation }

/**
 * The status of an invitation.
 *
 * @since 0.1.0
 * @category Resources
 */
export type InvitationStatus = "accepted" | "expired" | "pending" | "revoked"

/**
 * The email template an invitation is sent with.
 *
 * @since 0.1.0
 * @category Resources
 */
export type InvitationTemplateSlug = "invitation" | "waitlist_invitation"

/**
 * Params of `invitations.getInvitationList`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface GetInvitationListParams extends PaginationParams {
  /** Sort order, e.g. `-created_at` (the default) or `email_address`. */
  readonly orderBy?: WithSign<"created_at" | "email_address" | "expires_at"> | undefined
  readonly status?: InvitationStatus | undefined
  /** Matches the email address or the id. */
  readonly query?: string | undefined
}

/**
 * Params of `invitations.createInvitation` (and one element of `createInvitationBulk`).
 *
 * @since 0.1.0
 * @category Resources
 */
export interface CreateInvitationParams {
  readonly emailAddress: string
  /** Days until the invitation expires (default 30). */
  readonly expiresInDays?: number | undefined
  /** Invite even if the address was already invited or already has an account. */
  readonly ignoreExisting?: boolean | undefined
  /** Send the invitation email (default true). */
  readonly notify?: boolean | undefined
  /** Becomes the user's public metadata on sign-up. Keys are sent as given. */
  readonly publicMetadata?: Readonly<Record<string, unknown>> | undefined
  /** Where the user lands after accepting. */
  readonly redirectUrl?: string | undefined
  readonly templateSlug?: InvitationTemplateSlug | undefined
}

const InvitationList = Paginated(Invitation)
const InvitationArray = Schema.mutable(Schema.Array(Invitation))
const LIST_PAGE = pageSize(ListInvitations)

/**
 * `invitations`: application invitations.
 *
 * @since 0.1.0
 * @category Resources
 */
export class Invitations extends Effect.Service<Invitations>()("effect-clerk/Invitations", {
  accessors: true,
  effect: Effect.gen(function* () {
    const api = bind(yield* BackendApi)
    const getInvitationList = (params: GetInvitationListParams = {}) =>
      api.execute(ListInvitations, InvitationList, {
        query: { ...params, paginated: true }
      })
    return {
      /** `GET /invitations` (sends `paginated=true`) */
      getInvitationList,
      /** Every invitation matching the filters, page by page (`GET /invitations`). */
      getInvitationListStream: (params: StreamParams<GetInvitationListParams> = {}) =>
        streamPages(LIST_PAGE, (page) => getInvitationList({ ...params, ...page })),
      /** `POST /invitations` */
      createInvitation: (params: CreateInvitationParams) => api.decode(CreateInvitation, { body: params }),
      /** `POST /invitations/bulk` (a JSON array body) */
      createInvitationBulk: (params: ReadonlyArray<CreateInvitationParams>) =>
        api.execute(CreateBulkInvitations, InvitationArray, { body: params }),
      /** `POST /invitations/{invitation_id}/revoke` */
      revokeInvitation: (invitationId: string) =>
        api.execute(RevokeInvitation, Invitation, {
          pathParams: { invitation_id: invitationId }
        }),
      /** `DELETE /invitations/{invitation_id}` (not in the spec; kept as `@clerk/backend` sends it) */
      deleteInvitation: (invitationId: string) =>
        api.decode(DeleteInvitation, {
          pathParams: { invitation_id: invitationId }
        })
    }
  })
}) {}
