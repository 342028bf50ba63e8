/**
 * Clients: the devices or browsers a user signs in from, with their sessions.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { GetClient, GetClientList, GetHandshakePayload, VerifyClient } from "../models/generated/descriptors.js"
import { bind } from "./internal/bind.js"
import { Client } from "../models/generated/schemas.js"
import { Paginated } from "../models/internal/paginated.js"
import { BackendApi } from "../services/BackendApi.js"
import { type PaginationParams, pageSize } from "./internal/lists.js"
import { streamPages } from "./internal/paginate.js"

export { Client }

/**
 * Params of `clients.getHandshakePayload`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface GetHandshakePayloadParams {
  /** The handshake nonce from the `__clerk_handshake_nonce` query parameter or cookie. */
  readonly nonce: string
}

/**
 * The handshake payload: the `Set-Cookie` directives that resolve a handshake.
 *
 * @since 0.1.0
 * @category Resources
 */
export class HandshakePayload extends Schema.Class<HandshakePayload>("effect-clerk/HandshakePayload")({
  directives: Schema.Array(Schema.String)
}) {}

const ClientList = Paginated(Client)
const LIST_PAGE = pageSize(GetClientList)

/**
 * `clients`: clients and the handshake payload.
 *
 * @since 0.1.0
 * @category Resources
 */
export class Clients extends Effect.Service<Clients>()("effect-clerk/Clients", {
  accessors: true,
  effect: Effect.gen(function* () {
    const api = bind(yield* BackendApi)
    const getClientList = (params: PaginationParams = {}) =>
      api.execute(GetClientList, ClientList, { query: { ...params, paginated: true } })
    return {
      /** `GET /clients` (sends `paginated=true`; deprecated by Clerk) */
      getClientList,
      /** Every client, page by page (`GET /clients`). */
      getClientListStream: () => streamPages(LIST_PAGE, getClientList),
      /** `GET /clients/{client_id}` */
      getClient: (clientId: string) => api.decode(GetClient, { pathParams: { client_id: clientId } }),
      /** `POST /clients/verify` */
      verifyClient: (token: string) => api.decode(VerifyClient, { body: { token } }),
      /** `GET /clients/handshake_payload?nonce=` (not in the spec; used by the handshake flow) */
      getHandshakePayload: (params: GetHandshakePayloadParams) =>
        api.execute(GetHandshakePayload, HandshakePayload, {
          query: { nonce: params.nonce }
        })
    }
  })
}) {}
