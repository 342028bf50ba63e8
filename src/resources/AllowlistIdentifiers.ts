/**
 * The allowlist: identifiers (emails, `*@domain` patterns, phone numbers, wallets) allowed to sign up when the
 * instance is restricted to it.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import {
  CreateAllowlistIdentifier,
  DeleteAllowlistIdentifier,
  ListAllowlistIdentifiers
} from "../models/generated/descriptors.js"
import { bind } from "./internal/bind.js"
import { AllowlistIdentifier } from "../models/generated/schemas.js"
import { Paginated } from "../models/internal/paginated.js"
import { BackendApi } from "../services/BackendApi.js"
import { type PaginationParams, pageSize } from "./internal/lists.js"
import { streamPages } from "./internal/paginate.js"

export { AllowlistIdentifier }

/**
 * Params of `allowlistIdentifiers.createAllowlistIdentifier`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface CreateAllowlistIdentifierParams {
  /** An email address, `*@example.com`, an E.164 phone number or a Web3 wallet address. */
  readonly identifier: string
  /** Tell the owner of an email address or phone number that it was added. */
  readonly notify: boolean
}

const AllowlistIdentifierList = Paginated(AllowlistIdentifier)
const LIST_PAGE = pageSize(ListAllowlistIdentifiers)

/**
 * `allowlistIdentifiers`: the sign-up allowlist.
 *
 * @since 0.1.0
 * @category Resources
 */
export class AllowlistIdentifiers extends Effect.Service<AllowlistIdentifiers>()("effect-clerk/AllowlistIdentifiers", {
  accessors: true,
  effect: Effect.gen(function* () {
    const api = bind(yield* BackendApi)
    const getAllowlistIdentifierList = (params: PaginationParams = {}) =>
      api.execute(ListAllowlistIdentifiers, AllowlistIdentifierList, { query: { ...params, paginated: true } })
    return {
      /** `GET /allowlist_identifiers` (sends `paginated=true`) */
      getAllowlistIdentifierList,
      /** Every allowlist identifier, page by page (`GET /allowlist_identifiers`). */
      getAllowlistIdentifierListStream: () => streamPages(LIST_PAGE, getAllowlistIdentifierList),
      /** `POST /allowlist_identifiers` */
      createAllowlistIdentifier: (params: CreateAllowlistIdentifierParams) =>
        api.decode(CreateAllowlistIdentifier, { body: params }),
      /** `DELETE /allowlist_identifiers/{identifier_id}` */
      deleteAllowlistIdentifier: (allowlistIdentifierId: string) =>
        api.decode(DeleteAllowlistIdentifier, {
          pathParams: { identifier_id: allowlistIdentifierId }
        })
    }
  })
}) {}
