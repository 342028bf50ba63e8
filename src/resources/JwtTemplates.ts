/**
 * JWT templates: custom claims and lifetimes for tokens minted with `sessions.getToken(sessionId, template)`.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import { DeletedObject, JWTTemplate } from "../models/generated/schemas.js"
import { Paginated } from "../models/internal/paginated.js"
import { BackendApi } from "../services/BackendApi.js"
import { type PaginationParams, pageSize } from "./internal/lists.js"
import { streamPages } from "./internal/paginate.js"

export { JWTTemplate }

/** Params of `jwtTemplates.create`. `claims` keys are sent as given. */
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

/** Params of `jwtTemplates.update`. */
export interface UpdateJwtTemplateParams extends CreateJwtTemplateParams {
  readonly templateId: string
}

const JwtTemplateList = Paginated(JWTTemplate)
const LIST_PAGE = pageSize("ListJWTTemplates")

/** `jwtTemplates`: JWT templates. */
export class JwtTemplates extends Effect.Service<JwtTemplates>()("effect-clerk/JwtTemplates", {
  accessors: true,
  effect: Effect.gen(function*() {
    const api = yield* BackendApi
    const list = (params: PaginationParams = {}) =>
      api.execute({
        operation: "jwtTemplates.list",
        method: "GET",
        path: "/jwt_templates",
        query: { ...params, paginated: true }
      }, JwtTemplateList)
    return {
      /** `GET /jwt_templates` (sends `paginated=true`) */
      list,
      /** Every JWT template, page by page (`GET /jwt_templates`). */
      listStream: () => streamPages(LIST_PAGE, list),
      /** `GET /jwt_templates/{template_id}` */
      get: (templateId: string) =>
        api.execute({
          operation: "jwtTemplates.get",
          method: "GET",
          path: "/jwt_templates/{template_id}",
          pathParams: { template_id: templateId }
        }, JWTTemplate),
      /** `POST /jwt_templates` */
      create: (params: CreateJwtTemplateParams) =>
        api.execute({ operation: "jwtTemplates.create", method: "POST", path: "/jwt_templates", body: params }, JWTTemplate),
      /** `PATCH /jwt_templates/{template_id}` */
      update: ({ templateId, ...body }: UpdateJwtTemplateParams) =>
        api.execute({
          operation: "jwtTemplates.update",
          method: "PATCH",
          path: "/jwt_templates/{template_id}",
          pathParams: { template_id: templateId },
          body
        }, JWTTemplate),
      /** `DELETE /jwt_templates/{template_id}` */
      delete: (templateId: string) =>
        api.execute({
          operation: "jwtTemplates.delete",
          method: "DELETE",
          path: "/jwt_templates/{template_id}",
          pathParams: { template_id: templateId }
        }, DeletedObject)
    }
  })
}) {}
