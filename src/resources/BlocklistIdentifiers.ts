/**
 * The blocklist: identifiers (emails, `*@domain` patterns, phone numbers, wallets) that may not sign up or sign in.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import { BlocklistIdentifier, DeletedObject } from "../models/generated/schemas.js"
import { Paginated } from "../models/internal/paginated.js"
import { BackendApi } from "../services/BackendApi.js"
import type { PaginationParams } from "./internal/lists.js"

export { BlocklistIdentifier }

/** Params of `blocklistIdentifiers.createBlocklistIdentifier`. */
export interface CreateBlocklistIdentifierParams {
  /** An email address, `*@example.com`, an E.164 phone number or a Web3 wallet address. */
  readonly identifier: string
}

const BlocklistIdentifierList = Paginated(BlocklistIdentifier)

/** `blocklistIdentifiers`: the sign-up and sign-in blocklist. */
export class BlocklistIdentifiers extends Effect.Service<BlocklistIdentifiers>()("effect-clerk/BlocklistIdentifiers", {
  accessors: true,
  effect: Effect.gen(function*() {
    const api = yield* BackendApi
    return {
      /**
       * `GET /blocklist_identifiers`. `limit`/`offset` are forwarded as `@clerk/backend` does, although the spec lists
       * no pagination for this endpoint (so there is no `Stream` variant).
       */
      getBlocklistIdentifierList: (params: PaginationParams = {}) =>
        api.execute({
          operation: "blocklistIdentifiers.getBlocklistIdentifierList",
          method: "GET",
          path: "/blocklist_identifiers",
          query: { ...params }
        }, BlocklistIdentifierList),
      /** `POST /blocklist_identifiers` */
      createBlocklistIdentifier: (params: CreateBlocklistIdentifierParams) =>
        api.execute({
          operation: "blocklistIdentifiers.createBlocklistIdentifier",
          method: "POST",
          path: "/blocklist_identifiers",
          body: params
        }, BlocklistIdentifier),
      /** `DELETE /blocklist_identifiers/{identifier_id}` */
      deleteBlocklistIdentifier: (blocklistIdentifierId: string) =>
        api.execute({
          operation: "blocklistIdentifiers.deleteBlocklistIdentifier",
          method: "DELETE",
          path: "/blocklist_identifiers/{identifier_id}",
          pathParams: { identifier_id: blocklistIdentifierId }
        }, DeletedObject)
    }
  })
}) {}
