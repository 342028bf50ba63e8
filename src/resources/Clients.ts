/**
 * Clients: the devices or browsers a user signs in from, with their sessions.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { Client } from "../models/generated/schemas.js"
import { Paginated } from "../models/internal/paginated.js"
import { BackendApi } from "../services/BackendApi.js"
import { type PaginationParams, pageSize } from "./internal/lists.js"
import { streamPages } from "./internal/paginate.js"

export { Client }

/** Params of `clients.getHandshakePayload`. */
export interface GetHandshakePayloadParams {
  /** The handshake nonce from the `__clerk_handshake_nonce` query parameter or cookie. */
  readonly nonce: string
}

/** The handshake payload: the `Set-Cookie` directives that resolve a handshake. */
export class HandshakePayload extends Schema.Class<HandshakePayload>("effect-clerk/HandshakePayload")({
  directives: Schema.Array(Schema.String)
}) {}

const ClientList = Paginated(Client)
const LIST_PAGE = pageSize("GetClientList")

/** `clients`: clients and the handshake payload. */
export class Clients extends Effect.Service<Clients>()("effect-clerk/Clients", {
  accessors: true,
  effect: Effect.gen(function*() {
    const api = yield* BackendApi
    const getClientList = (params: PaginationParams = {}) =>
      api.execute({
        operation: "clients.getClientList",
        method: "GET",
        path: "/clients",
        query: { ...params, paginated: true }
      }, ClientList)
    return {
      /** `GET /clients` (sends `paginated=true`; deprecated by Clerk) */
      getClientList,
      /** Every client, page by page (`GET /clients`). */
      getClientListStream: () => streamPages(LIST_PAGE, getClientList),
      /** `GET /clients/{client_id}` */
      getClient: (clientId: string) =>
        api.execute({
          operation: "clients.getClient",
          method: "GET",
          path: "/clients/{client_id}",
          pathParams: { client_id: clientId }
        }, Client),
      /** `POST /clients/verify` */
      verifyClient: (token: string) =>
        api.execute({ operation: "clients.verifyClient", method: "POST", path: "/clients/verify", body: { token } }, Client),
      /** `GET /clients/handshake_payload?nonce=` (not in the spec; used by the handshake flow) */
      getHandshakePayload: (params: GetHandshakePayloadParams) =>
        api.execute({
          operation: "clients.getHandshakePayload",
          method: "GET",
          path: "/clients/handshake_payload",
          query: { nonce: params.nonce }
        }, HandshakePayload)
    }
  })
}) {}
