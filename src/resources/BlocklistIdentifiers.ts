/**
 * The blocklist: identifiers (emails, `*@domain` patterns, phone numbers, wallets) that may not sign up or sign in.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import {
  CreateBlocklistIdentifier,
  DeleteBlocklistIdentifier,
  ListBlocklistIdentifiers
} from "../models/generated/descriptors.js"
import { bind } from "./internal/bind.js"
import { BlocklistIdentifier } from "../models/generated/schemas.js"
import { Paginated } from "../models/internal/paginated.js"
import { BackendApi } from "../services/BackendApi.js"
import type { PaginationParams } from "./internal/lists.js"

export { BlocklistIdentifier }

/**
 * Params of `blocklistIdentifiers.createBlocklistIdentifier`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface CreateBlocklistIdentifierParams {
  /** An email address, `*@example.com`, an E.164 phone number or a Web3 wallet address. */
  readonly identifier: string
}

const BlocklistIdentifierList = Paginated(BlocklistIdentifier)

/**
 * `blocklistIdentifiers`: the sign-up and sign-in blocklist.
 *
 * @since 0.1.0
 * @category Resources
 */
export class BlocklistIdentifiers extends Effect.Service<BlocklistIdentifiers>()("effect-clerk/BlocklistIdentifiers", {
  accessors: true,
  effect: Effect.gen(function* () {
    const api = bind(yield* BackendApi)
    return {
      /**
       * `GET /blocklist_identifiers`. `limit`/`offset` are forwarded as `@clerk/backend` does, although the spec lists
       * no pagination for this endpoint (so there is no `Stream` variant).
       */
      getBlocklistIdentifierList: (params: PaginationParams = {}) =>
        api.execute(ListBlocklistIdentifiers, BlocklistIdentifierList, { query: { ...params } }),
      /** `POST /blocklist_identifiers` */
      createBlocklistIdentifier: (params: CreateBlocklistIdentifierParams) =>
        api.decode(CreateBlocklistIdentifier, { body: params }),
      /** `DELETE /blocklist_identifiers/{identifier_id}` */
      deleteBlocklistIdentifier: (blocklistIdentifierId: string) =>
        api.decode(DeleteBlocklistIdentifier, {
          pathParams: { identifier_id: blocklistIdentifierId }
        })
    }
  })
}) {}
