/**
 * JWT templates: custom claims and lifetimes for tokens minted with `sessions.getToken(sessionId, template)`.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import {
  CreateJWTTemplate,
  DeleteJWTTemplate,
  GetJWTTemplate,
  ListJWTTemplates,
  UpdateJWTTemplate
} from "../models/generated/descriptors.js"
import { bind } from "./internal/bind.js"
import { JWTTemplate } from "../models/generated/schemas.js"
import { Paginated } from "../models/internal/paginated.js"
import { BackendApi } from "../services/BackendApi.js"
import { type PaginationParams, pageSize } from "./internal/lists.js"
import { streamPages } from "./internal/paginate.js"

export { JWTTemplate }

/**
 * Params of `jwtTemplates.create`. `claims` keys are sent as given.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface CreateJwtTemplateParams {
  readonly name: string
  /** The template's claims (may use shortcodes such as `{{user.id}}`). */
  readonly claims: object
  /** Token lifetime in seconds. */
  readonly lifetime?: number | null | undefined
  /** Allowed clock skew in seconds. */
  readonly allowedClockSkew?: number | null | undefined
  /** Sign with your own key (then give `signingAlgorithm` and `signingKey`). */
  readonly customSigningKey?: boolean | undefined
  readonly signingAlgorithm?: string | null | undefined
  /** The private key that signs the tokens. */
  readonly signingKey?: string | null | undefined
}

/**
 * Params of `jwtTemplates.update`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface UpdateJwtTemplateParams extends CreateJwtTemplateParams {
  readonly templateId: string
}

const JwtTemplateList = Paginated(JWTTemplate)
const LIST_PAGE = pageSize(ListJWTTemplates)

/**
 * `jwtTemplates`: JWT templates.
 *
 * @since 0.1.0
 * @category Resources
 */
export class JwtTemplates extends Effect.Service<JwtTemplates>()("effect-clerk/JwtTemplates", {
  accessors: true,
  effect: Effect.gen(function* () {
    const api = bind(yield* BackendApi)
    const list = (params: PaginationParams = {}) =>
      api.execute(ListJWTTemplates, JwtTemplateList, { query: { ...params, paginated: true } })
    return {
      /** `GET /jwt_templates` (sends `paginated=true`) */
      list,
      /** Every JWT template, page by page (`GET /jwt_templates`). */
      listStream: () => streamPages(LIST_PAGE, list),
      /** `GET /jwt_templates/{template_id}` */
      get: (templateId: string) => api.decode(GetJWTTemplate, { pathParams: { template_id: templateId } }),
      /** `POST /jwt_templates` */
      create: (params: CreateJwtTemplateParams) => api.decode(CreateJWTTemplate, { body: params }),
      /** `PATCH /jwt_templates/{template_id}` */
      update: ({ templateId, ...body }: UpdateJwtTemplateParams) =>
        api.decode(UpdateJWTTemplate, { pathParams: { template_id: templateId }, body }),
      /** `DELETE /jwt_templates/{template_id}` */
      delete: (templateId: string) => api.decode(DeleteJWTTemplate, { pathParams: { template_id: templateId } })
    }
  })
}) {}
