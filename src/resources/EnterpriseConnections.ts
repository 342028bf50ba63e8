/**
 * Enterprise connections: SAML and OIDC single sign-on for a set of email domains, and their test runs.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import {
  CreateEnterpriseConnection,
  CreateEnterpriseConnectionTestRun,
  DeleteEnterpriseConnection,
  GetEnterpriseConnection,
  ListEnterpriseConnections,
  ListEnterpriseConnectionTestRuns,
  UpdateEnterpriseConnection
} from "../models/generated/descriptors.js"
import { bind } from "./internal/bind.js"
import {
  EnterpriseConnection,
  EnterpriseConnectionTestRun,
  EnterpriseConnectionTestRunResponse
} from "../models/generated/schemas.js"
import { Paginated } from "../models/internal/paginated.js"
import { BackendApi } from "../services/BackendApi.js"
import { type PaginationParams, pageSize, type StreamParams } from "./internal/lists.js"
import { streamPages } from "./internal/paginate.js"

export { EnterpriseConnection, EnterpriseConnectionTestRun, EnterpriseConnectionTestRunResponse }

/**
 * The enterprise identity providers.
 *
 * @since 0.1.0
 * @category Resources
 */
export type EnterpriseConnectionProvider =
  | "saml_custom"
  | "saml_okta"
  | "saml_google"
  | "saml_microsoft"
  | "oidc_custom"
  | "oidc_github_enterprise"
  | "oidc_gitlab"

/**
 * Params of `enterpriseConnections.getEnterpriseConnectionList`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface EnterpriseConnectionListParams extends PaginationParams {
  readonly organizationId?: string | undefined
  /** Only active (`true`) or inactive (`false`, sent) connections. */
  readonly active?: boolean | undefined
}

/**
 * OIDC settings of an enterprise connection.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface EnterpriseConnectionOidcParams {
  readonly authUrl?: string | undefined
  readonly clientId?: string | undefined
  readonly clientSecret?: string | undefined
  readonly discoveryUrl?: string | undefined
  readonly requiresPkce?: boolean | undefined
  readonly tokenUrl?: string | undefined
  readonly userInfoUrl?: string | undefined
}

/**
 * How SAML attributes map to user fields.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface EnterpriseConnectionSamlAttributeMappingParams {
  readonly userId?: string | null | undefined
  readonly emailAddress?: string | null | undefined
  readonly firstName?: string | null | undefined
  readonly lastName?: string | null | undefined
}

/**
 * Where the SAML login hint comes from.
 *
 * @since 0.1.0
 * @category Resources
 */
export type EnterpriseConnectionSamlLoginHintParams =
  | { readonly mode: "custom_attribute"; readonly source: string }
  | { readonly mode: "email_address" | "off"; readonly source?: undefined }

/**
 * A custom user attribute read from SSO or SCIM.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface EnterpriseConnectionCustomAttributeParams {
  readonly name: string
  readonly key: string
  readonly ssoPath?: string | undefined
  readonly scimPath?: string | undefined
  readonly multiValued?: boolean | undefined
}

/**
 * SAML settings of an enterprise connection.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface EnterpriseConnectionSamlParams {
  readonly allowIdpInitiated?: boolean | undefined
  readonly allowSubdomains?: boolean | undefined
  readonly attributeMapping?: EnterpriseConnectionSamlAttributeMappingParams | undefined
  readonly forceAuthn?: boolean | undefined
  readonly idpCertificate?: string | undefined
  readonly idpCertificates?: ReadonlyArray<string> | undefined
  readonly idpEntityId?: string | undefined
  readonly idpMetadata?: string | undefined
  readonly idpMetadataUrl?: string | undefined
  readonly idpSsoUrl?: string | undefined
  readonly loginHint?: EnterpriseConnectionSamlLoginHintParams | undefined
}

interface EnterpriseConnectionFields {
  readonly organizationId?: string | undefined
  readonly active?: boolean | undefined
  readonly syncUserAttributes?: boolean | undefined
  readonly allowOrganizationAccountLinking?: boolean | undefined
  readonly customAttributes?: ReadonlyArray<EnterpriseConnectionCustomAttributeParams> | undefined
  readonly authenticatable?: boolean | undefined
  readonly disableJitProvisioning?: boolean | undefined
  readonly oidc?: EnterpriseConnectionOidcParams | undefined
  readonly saml?: EnterpriseConnectionSamlParams | undefined
}

/**
 * Params of `enterpriseConnections.createEnterpriseConnection`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface CreateEnterpriseConnectionParams extends EnterpriseConnectionFields {
  readonly name: string
  readonly domains: ReadonlyArray<string>
  readonly provider: EnterpriseConnectionProvider
}

/**
 * Params of `enterpriseConnections.updateEnterpriseConnection`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface UpdateEnterpriseConnectionParams extends EnterpriseConnectionFields {
  readonly name?: string | undefined
  readonly domains?: ReadonlyArray<string> | undefined
  readonly disableAdditionalIdentifications?: boolean | undefined
  readonly provider?: string | undefined
}

/**
 * Params of `enterpriseConnections.getEnterpriseConnectionTestRunList`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface EnterpriseConnectionTestRunListParams extends PaginationParams {
  /** Only runs with these statuses. */
  readonly status?: ReadonlyArray<"pending" | "success" | "failed"> | undefined
}

const EnterpriseConnectionList = Paginated(EnterpriseConnection)
const TestRunList = Paginated(EnterpriseConnectionTestRun)
const LIST_PAGE = pageSize(ListEnterpriseConnections)
const TEST_RUN_PAGE = pageSize(ListEnterpriseConnectionTestRuns)

/**
 * `enterpriseConnections`: create, read, update and delete enterprise SSO connections; run connection tests.
 *
 * @since 0.1.0
 * @category Resources
 */
export class EnterpriseConnections extends Effect.Service<EnterpriseConnections>()(
  "effect-clerk/EnterpriseConnections",
  {
    accessors: true,
    effect: Effect.gen(function* () {
      const api = bind(yield* BackendApi)
      const getEnterpriseConnectionList = (params: EnterpriseConnectionListParams = {}) =>
        api.execute(ListEnterpriseConnections, EnterpriseConnectionList, { query: { ...params } })
      const getEnterpriseConnectionTestRunList = (
        enterpriseConnectionId: string,
        params: EnterpriseConnectionTestRunListParams = {}
      ) =>
        api.execute(ListEnterpriseConnectionTestRuns, TestRunList, {
          pathParams: { enterprise_connection_id: enterpriseConnectionId },
          query: { ...params }
        })
      return {
        /** `POST /enterprise_connections` (body keys deep snake-cased) */
        createEnterpriseConnection: (params: CreateEnterpriseConnectionParams) =>
          api.decode(CreateEnterpriseConnection, {
            body: params,
            casing: "deep"
          }),
        /** `PATCH /enterprise_connections/{enterprise_connection_id}` (body keys deep snake-cased) */
        updateEnterpriseConnection: (enterpriseConnectionId: string, params: UpdateEnterpriseConnectionParams) =>
          api.decode(UpdateEnterpriseConnection, {
            pathParams: { enterprise_connection_id: enterpriseConnectionId },
            body: params,
            casing: "deep"
          }),
        /** `GET /enterprise_connections` */
        getEnterpriseConnectionList,
        /** Every enterprise connection, page by page (`GET /enterprise_connections`). */
        getEnterpriseConnectionListStream: (params: StreamParams<EnterpriseConnectionListParams> = {}) =>
          streamPages(LIST_PAGE, (page) => getEnterpriseConnectionList({ ...params, ...page })),
        /** `GET /enterprise_connections/{enterprise_connection_id}` */
        getEnterpriseConnection: (enterpriseConnectionId: string) =>
          api.decode(GetEnterpriseConnection, {
            pathParams: { enterprise_connection_id: enterpriseConnectionId }
          }),
        /** `DELETE /enterprise_connections/{enterprise_connection_id}` */
        deleteEnterpriseConnection: (enterpriseConnectionId: string) =>
          api.decode(DeleteEnterpriseConnection, {
            pathParams: { enterprise_connection_id: enterpriseConnectionId }
          }),
        /** `GET /enterprise_connections/{enterprise_connection_id}/test_runs` */
        getEnterpriseConnectionTestRunList,
        /** Every test run of a connection, page by page (`GET /enterprise_connections/{id}/test_runs`). */
        getEnterpriseConnectionTestRunListStream: (
          enterpriseConnectionId: string,
          params: StreamParams<EnterpriseConnectionTestRunListParams> = {}
        ) =>
          streamPages(TEST_RUN_PAGE, (page) =>
            getEnterpriseConnectionTestRunList(enterpriseConnectionId, { ...params, ...page })
          ),
        /** `POST /enterprise_connections/{enterprise_connection_id}/test_runs`: starts a run; returns its URL. */
        createEnterpriseConnectionTestRun: (enterpriseConnectionId: string) =>
          api.decode(CreateEnterpriseConnectionTestRun, {
            pathParams: { enterprise_connection_id: enterpriseConnectionId }
          })
      }
    })
  }
) {}
