/**
 * API keys that users and organizations use to call your backend. The endpoints live outside `/v1`.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import {
  createApiKey,
  deleteApiKey,
  getApiKey,
  getApiKeys,
  getApiKeySecret,
  revokeApiKey,
  updateApiKey,
  verifyApiKey
} from "../models/generated/descriptors.js"
import { bind } from "./internal/bind.js"
import { ApiKey, CreateApiKeyResponse, DeletedObject, GetApiKeySecretResponse } from "../models/generated/schemas.js"
import { Paginated } from "../models/internal/paginated.js"
import { BackendApi } from "../services/BackendApi.js"
import { type PaginationParams, pageSize, type StreamParams } from "./internal/lists.js"
import { streamPages } from "./internal/paginate.js"

export { ApiKey, CreateApiKeyResponse, GetApiKeySecretResponse }

/**
 * An API key, under `@clerk/backend`'s name.
 *
 * @since 0.1.0
 * @category Resources
 */
export type APIKey = ApiKey

/**
 * Params of `apiKeys.list`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface GetAPIKeyListParams extends PaginationParams {
  /** The user or organization id the keys belong to. */
  readonly subject: string
  /** Include revoked and expired keys (default false). */
  readonly includeInvalid?: boolean | undefined
}

/**
 * Params of `apiKeys.create`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface CreateAPIKeyParams {
  readonly name: string
  /** The user or organization id the key belongs to. */
  readonly subject: string
  readonly description?: string | null | undefined
  readonly claims?: Readonly<Record<string, unknown>> | null | undefined
  readonly scopes?: ReadonlyArray<string> | undefined
  /** The user id of the creator. */
  readonly createdBy?: string | null | undefined
  /** Lifetime in seconds; `null` (the default) never expires. */
  readonly secondsUntilExpiration?: number | null | undefined
}

/**
 * Params of `apiKeys.update`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface UpdateAPIKeyParams {
  readonly apiKeyId: string
  readonly subject: string
  readonly description?: string | null | undefined
  readonly claims?: Readonly<Record<string, unknown>> | null | undefined
  readonly scopes?: ReadonlyArray<string> | undefined
  readonly secondsUntilExpiration?: number | null | undefined
}

/**
 * Params of `apiKeys.revoke`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface RevokeAPIKeyParams {
  readonly apiKeyId: string
  /** Kept for your records; sent as `null` when left out. */
  readonly revocationReason?: string | null | undefined
}

const ApiKeyList = Paginated(ApiKey)
const LIST_PAGE = pageSize(getApiKeys)

/**
 * `apiKeys`: create, read, revoke and verify API keys.
 *
 * @since 0.1.0
 * @category Resources
 */
export class ApiKeys extends Effect.Service<ApiKeys>()("effect-clerk/ApiKeys", {
  accessors: true,
  effect: Effect.gen(function* () {
    const api = bind(yield* BackendApi)
    const list = (params: GetAPIKeyListParams) => api.execute(getApiKeys, ApiKeyList, { query: { ...params } })
    return {
      /** `GET /api_keys` */
      list,
      /** Every API key of a subject, page by page (`GET /api_keys`). */
      listStream: (params: StreamParams<GetAPIKeyListParams>) =>
        streamPages(LIST_PAGE, (page) => list({ ...params, ...page })),
      /** `POST /api_keys` */
      create: (params: CreateAPIKeyParams) => api.decode(createApiKey, { body: params }),
      /** `GET /api_keys/{apiKeyID}` */
      get: (apiKeyId: string) => api.decode(getApiKey, { pathParams: { apiKeyID: apiKeyId } }),
      /** `PATCH /api_keys/{apiKeyID}` */
      update: ({ apiKeyId, ...body }: UpdateAPIKeyParams) =>
        api.decode(updateApiKey, { pathParams: { apiKeyID: apiKeyId }, body }),
      /** `DELETE /api_keys/{apiKeyID}` */
      delete: (apiKeyId: string) => api.execute(deleteApiKey, DeletedObject, { pathParams: { apiKeyID: apiKeyId } }),
      /** `POST /api_keys/{apiKeyID}/revoke` */
      revoke: ({ apiKeyId, revocationReason = null }: RevokeAPIKeyParams) =>
        api.decode(revokeApiKey, {
          pathParams: { apiKeyID: apiKeyId },
          body: { revocationReason }
        }),
      /** `GET /api_keys/{apiKeyID}/secret` */
      getSecret: (apiKeyId: string) => api.decode(getApiKeySecret, { pathParams: { apiKeyID: apiKeyId } }),
      /** `POST /api_keys/verify` */
      verify: (secret: string) => api.decode(verifyApiKey, { body: { secret } })
    }
  })
}) {}
