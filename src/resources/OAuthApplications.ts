/**
 * OAuth applications: third-party apps that sign users in with your Clerk instance as the identity provider.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import {
  CreateOAuthApplication,
  DeleteOAuthApplication,
  GetOAuthApplication,
  ListOAuthApplications,
  RevokeOAuthApplicationToken,
  RotateOAuthApplicationSecret,
  UpdateOAuthApplication,
  UploadOAuthApplicationLogo
} from "../models/generated/descriptors.js"
import { bind } from "./internal/bind.js"
import { OAuthApplication, OAuthApplicationWithSecret } from "../models/generated/schemas.js"
import { Paginated } from "../models/internal/paginated.js"
import { BackendApi } from "../services/BackendApi.js"
import { ClerkInvalidRequestError } from "../services/ClerkErrors.js"
import { type PaginationParams, pageSize, type StreamParams, type WithSign } from "./internal/lists.js"
import { streamPages } from "./internal/paginate.js"

export { OAuthApplication, OAuthApplicationWithSecret }

/**
 * Params of `oauthApplications.list`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface GetOAuthApplicationListParams extends PaginationParams {
  /** Matches application names. */
  readonly nameQuery?: string | undefined
  readonly orderBy?: WithSign<"name" | "created_at"> | undefined
}

/**
 * Params of `oauthApplications.create`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface CreateOAuthApplicationParams {
  readonly name: string
  readonly redirectUris?: ReadonlyArray<string> | null | undefined
  /** Space-separated scopes. */
  readonly scopes?: string | null | undefined
  /** A public client (PKCE, no secret). */
  readonly public?: boolean | null | undefined
}

/**
 * Params of `oauthApplications.update`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface UpdateOAuthApplicationParams extends CreateOAuthApplicationParams {
  readonly oauthApplicationId: string
}

/**
 * Params of `oauthApplications.revokeToken`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface RevokeOAuthApplicationTokenParams {
  readonly oauthApplicationId: string
  /** The access or refresh token whose grant to revoke. */
  readonly token: string
}

/**
 * Params of `oauthApplications.uploadLogo`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface UploadOAuthApplicationLogoParams {
  readonly oauthApplicationId: string
  /** The image. */
  readonly file: Blob
  /** The user id recorded as the uploader. */
  readonly uploaderUserId?: string | undefined
}

const OAuthApplicationList = Paginated(OAuthApplication)
const LIST_PAGE = pageSize(ListOAuthApplications)

/**
 * `oauthApplications`: manage OAuth applications and their secrets.
 *
 * @since 0.1.0
 * @category Resources
 */
export class OAuthApplications extends Effect.Service<OAuthApplications>()("effect-clerk/OAuthApplications", {
  accessors: true,
  effect: Effect.gen(function* () {
    const api = bind(yield* BackendApi)
    const list = (params: GetOAuthApplicationListParams = {}) =>
      api.execute(ListOAuthApplications, OAuthApplicationList, { query: { ...params } })
    return {
      /** `GET /oauth_applications` */
      list,
      /** Every OAuth application, page by page (`GET /oauth_applications`). */
      listStream: (params: StreamParams<GetOAuthApplicationListParams> = {}) =>
        streamPages(LIST_PAGE, (page) => list({ ...params, ...page })),
      /** `GET /oauth_applications/{oauth_application_id}` */
      get: (oauthApplicationId: string) =>
        api.decode(GetOAuthApplication, {
          pathParams: { oauth_application_id: oauthApplicationId }
        }),
      /** `POST /oauth_applications` */
      create: (params: CreateOAuthApplicationParams) => api.decode(CreateOAuthApplication, { body: params }),
      /** `PATCH /oauth_applications/{oauth_application_id}` */
      update: ({ oauthApplicationId, ...body }: UpdateOAuthApplicationParams) =>
        api.decode(UpdateOAuthApplication, {
          pathParams: { oauth_application_id: oauthApplicationId },
          body
        }),
      /** `DELETE /oauth_applications/{oauth_application_id}` */
      delete: (oauthApplicationId: string) =>
        api.decode(DeleteOAuthApplication, {
          pathParams: { oauth_application_id: oauthApplicationId }
        }),
      /** `POST /oauth_applications/{oauth_application_id}/rotate_secret` */
      rotateSecret: (oauthApplicationId: string) =>
        api.decode(RotateOAuthApplicationSecret, {
          pathParams: { oauth_application_id: oauthApplicationId }
        }),
      /** `POST /oauth_applications/{oauth_application_id}/revoke_token` */
      revokeToken: ({ oauthApplicationId, ...body }: RevokeOAuthApplicationTokenParams) =>
        api.void(RevokeOAuthApplicationToken, {
          pathParams: { oauth_application_id: oauthApplicationId },
          body
        }),
      /** `PUT /oauth_applications/{oauth_application_id}/logo` (multipart) */
      uploadLogo: ({ file, oauthApplicationId, uploaderUserId }: UploadOAuthApplicationLogoParams) => {
        if (!(file instanceof Blob)) {
          return Effect.fail(
            new ClerkInvalidRequestError({ reason: "The logo must be a Blob or File.", param: "file" })
          )
        }
        const formData = new FormData()
        formData.append("file", file)
        if (uploaderUserId !== undefined) formData.append("uploader_user_id", uploaderUserId)
        return api.decode(UploadOAuthApplicationLogo, {
          pathParams: { oauth_application_id: oauthApplicationId },
          formData
        })
      }
    }
  })
}) {}
