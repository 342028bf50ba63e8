/**
 * SAML connections (the older, SAML-only form of enterprise connections).
 *
 * @module
 */
import * as Effect from "effect/Effect"
import {
  CreateSAMLConnection,
  DeleteSAMLConnection,
  GetSAMLConnection,
  ListSAMLConnections,
  UpdateSAMLConnection
} from "../models/generated/descriptors.js"
import { bind } from "./internal/bind.js"
import { SAMLConnection } from "../models/generated/schemas.js"
import { Paginated } from "../models/internal/paginated.js"
import { BackendApi } from "../services/BackendApi.js"
import { type PaginationParams, pageSize, type StreamParams, type WithSign } from "./internal/lists.js"
import { streamPages } from "./internal/paginate.js"

export { SAMLConnection }

/**
 * A SAML connection (with `idpCertificates`, `[]` when none are sent), under `@clerk/backend`'s name.
 *
 * @since 0.1.0
 * @category Resources
 */
export type SamlConnection = SAMLConnection

/**
 * The attribute mapping of a SAML connection (keys are deep snake-cased on the wire).
 *
 * @since 0.1.0
 * @category Resources
 */
export interface SamlAttributeMappingParams {
  readonly emailAddress?: string | undefined
  readonly firstName?: string | undefined
  readonly lastName?: string | undefined
  readonly userId?: string | undefined
}

/**
 * The SAML identity providers.
 *
 * @since 0.1.0
 * @category Resources
 */
export type SamlIdpSlug = "saml_okta" | "saml_google" | "saml_microsoft" | "saml_custom"

/**
 * Params of `samlConnections.getSamlConnectionList`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface SamlConnectionListParams extends PaginationParams {
  readonly query?: string | undefined
  readonly orderBy?:
    | WithSign<"phone_number" | "email_address" | "created_at" | "first_name" | "last_name" | "username">
    | undefined
  /** Only connections of these organizations. */
  readonly organizationId?: ReadonlyArray<WithSign<string>> | undefined
}

/**
 * Params of `samlConnections.createSamlConnection`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface CreateSamlConnectionParams {
  readonly name: string
  readonly provider: SamlIdpSlug
  readonly domain: string
  readonly organizationId?: string | undefined
  readonly idpEntityId?: string | undefined
  readonly idpSsoUrl?: string | undefined
  readonly idpCertificate?: string | undefined
  readonly idpCertificates?: ReadonlyArray<string> | undefined
  readonly idpMetadataUrl?: string | undefined
  readonly idpMetadata?: string | undefined
  readonly attributeMapping?: SamlAttributeMappingParams | undefined
}

/**
 * Params of `samlConnections.updateSamlConnection`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface UpdateSamlConnectionParams extends Partial<CreateSamlConnectionParams> {
  readonly active?: boolean | undefined
  readonly syncUserAttributes?: boolean | undefined
  readonly allowSubdomains?: boolean | undefined
  readonly allowIdpInitiated?: boolean | undefined
}

const SamlConnectionList = Paginated(SAMLConnection)
const LIST_PAGE = pageSize(ListSAMLConnections)

/**
 * `samlConnections`: create, read, update and delete SAML connections.
 *
 * @since 0.1.0
 * @category Resources
 */
export class SamlConnections extends Effect.Service<SamlConnections>()("effect-clerk/SamlConnections", {
  accessors: true,
  effect: Effect.gen(function* () {
    const api = bind(yield* BackendApi)
    const getSamlConnectionList = (params: SamlConnectionListParams = {}) =>
      api.execute(ListSAMLConnections, SamlConnectionList, {
        query: { ...params }
      })
    return {
      /** `GET /saml_connections` */
      getSamlConnectionList,
      /** Every SAML connection, page by page (`GET /saml_connections`). */
      getSamlConnectionListStream: (params: StreamParams<SamlConnectionListParams> = {}) =>
        streamPages(LIST_PAGE, (page) => getSamlConnectionList({ ...params, ...page })),
      /** `POST /saml_connections` (body keys deep snake-cased) */
      createSamlConnection: (params: CreateSamlConnectionParams) =>
        api.decode(CreateSAMLConnection, { body: params, casing: "deep" }),
      /** `GET /saml_connections/{saml_connection_id}` */
      getSamlConnection: (samlConnectionId: string) =>
        api.decode(GetSAMLConnection, {
          pathParams: { saml_connection_id: samlConnectionId }
        }),
      /** `PATCH /saml_connections/{saml_connection_id}` (body keys deep snake-cased) */
      updateSamlConnection: (samlConnectionId: string, params: UpdateSamlConnectionParams = {}) =>
        api.decode(UpdateSAMLConnection, {
          pathParams: { saml_connection_id: samlConnectionId },
          body: params,
          casing: "deep"
        }),
      /** `DELETE /saml_connections/{saml_connection_id}` */
      deleteSamlConnection: (samlConnectionId: string) =>
        api.decode(DeleteSAMLConnection, {
          pathParams: { saml_connection_id: samlConnectionId }
        })
    }
  })
}) {}
