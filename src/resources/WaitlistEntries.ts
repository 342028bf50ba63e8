/**
 * The waitlist: email addresses waiting for access while the instance is in waitlist mode.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import {
  CreateBulkWaitlistEntries,
  CreateWaitlistEntry,
  DeleteWaitlistEntry,
  InviteWaitlistEntry,
  ListWaitlistEntries,
  RejectWaitlistEntry
} from "../models/generated/descriptors.js"
import { bind } from "./internal/bind.js"
import { WaitlistEntry } from "../models/generated/schemas.js"
import { Paginated } from "../models/internal/paginated.js"
import { BackendApi } from "../services/BackendApi.js"
import { type PaginationParams, pageSize, type StreamParams, type WithSign } from "./internal/lists.js"
import { streamPages } from "./internal/paginate.js"

export { WaitlistEntry }

/**
 * The status of a waitlist entry.
 *
 * @since 0.1.0
 * @category Resources
 */
export type WaitlistEntryStatus = "pending" | "invited" | "completed" | "rejected"

/**
 * Params of `waitlistEntries.list`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface WaitlistEntryListParams extends PaginationParams {
  /** Matches the email address or the id. */
  readonly query?: string | undefined
  readonly status?: WaitlistEntryStatus | undefined
  /** Sort order, e.g. `-created_at` (the default). */
  readonly orderBy?: WithSign<"created_at" | "invited_at" | "email_address"> | undefined
}

/**
 * Params of `waitlistEntries.create` (and one element of `createBulk`).
 *
 * @since 0.1.0
 * @category Resources
 */
export interface WaitlistEntryCreateParams {
  readonly emailAddress: string
  /** Tell the address it was added (default true). */
  readonly notify?: boolean | undefined
}

/**
 * Params of `waitlistEntries.invite`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface WaitlistEntryInviteParams {
  /** Invite even if an invitation already exists (default false). */
  readonly ignoreExisting?: boolean | undefined
}

const WaitlistEntryList = Paginated(WaitlistEntry)
const WaitlistEntryArray = Schema.mutable(Schema.Array(WaitlistEntry))
const LIST_PAGE = pageSize(ListWaitlistEntries)

/**
 * `waitlistEntries`: the waitlist.
 *
 * @since 0.1.0
 * @category Resources
 */
export class WaitlistEntries extends Effect.Service<WaitlistEntries>()("effect-clerk/WaitlistEntries", {
  accessors: true,
  effect: Effect.gen(function* () {
    const api = bind(yield* BackendApi)
    const list = (params: WaitlistEntryListParams = {}) =>
      api.execute(ListWaitlistEntries, WaitlistEntryList, { query: { ...params } })
    return {
      /** `GET /waitlist_entries` */
      list,
      /** Every waitlist entry matching the filters, page by page (`GET /waitlist_entries`). */
      listStream: (params: StreamParams<WaitlistEntryListParams> = {}) =>
        streamPages(LIST_PAGE, (page) => list({ ...params, ...page })),
      /** `POST /waitlist_entries` (an address already on the list returns its entry) */
      create: (params: WaitlistEntryCreateParams) => api.decode(CreateWaitlistEntry, { body: params }),
      /** `POST /waitlist_entries/bulk` (a JSON array body) */
      createBulk: (params: ReadonlyArray<WaitlistEntryCreateParams>) =>
        api.execute(CreateBulkWaitlistEntries, WaitlistEntryArray, { body: params }),
      /** `POST /waitlist_entries/{waitlist_entry_id}/invite` */
      invite: (id: string, params: WaitlistEntryInviteParams = {}) =>
        api.decode(InviteWaitlistEntry, {
          pathParams: { waitlist_entry_id: id },
          body: params
        }),
      /** `POST /waitlist_entries/{waitlist_entry_id}/reject` */
      reject: (id: string) => api.decode(RejectWaitlistEntry, { pathParams: { waitlist_entry_id: id } }),
      /** `DELETE /waitlist_entries/{waitlist_entry_id}` */
      delete: (id: string) => api.decode(DeleteWaitlistEntry, { pathParams: { waitlist_entry_id: id } })
    }
  })
}) {}
