/**
 * Email and SMS templates (deprecated by Clerk in favour of the Dashboard, still served by the Backend API).
 *
 * @module
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import {
  GetTemplate,
  GetTemplateList,
  PreviewTemplate,
  RevertTemplate,
  ToggleTemplateDelivery,
  UpsertTemplate
} from "../models/generated/descriptors.js"
import { Template } from "../models/generated/schemas.js"
import { Paginated } from "../models/internal/paginated.js"
import { BackendApi } from "../services/BackendApi.js"
import { bind } from "./internal/bind.js"
import { type PaginationParams, pageSize, type StreamParams } from "./internal/lists.js"
import { streamPages } from "./internal/paginate.js"

export { Template }

/**
 * The kind of template.
 *
 * @since 0.1.0
 * @category Resources
 */
export type TemplateType = "email" | "sms"

/**
 * Identifies one template.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface TemplateRef {
  readonly templateType: TemplateType
  /** The template's machine-friendly name, e.g. `verification_code`. */
  readonly slug: string
}

/**
 * Params of `templates.getTemplateList`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface GetTemplateListParams extends PaginationParams {
  readonly templateType: TemplateType
}

/**
 * The editable content of a template. `subject`, `fromEmailName` and `replyToEmailName` apply to emails only.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface TemplateContent {
  readonly subject?: string | null | undefined
  /** The body before variable interpolation. */
  readonly body?: string | undefined
  /** Local part of the From address (`hello` for `hello@example.com`). */
  readonly fromEmailName?: string | undefined
  /** Local part of the Reply-To address. */
  readonly replyToEmailName?: string | undefined
}

/**
 * Params of `templates.upsertTemplate`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface UpsertTemplateParams extends TemplateRef, TemplateContent {
  readonly name?: string | undefined
  /** The editor markup the body was generated from. */
  readonly markup?: string | null | undefined
  /** Whether Clerk delivers the messages (otherwise handle the `email.created` / `sms.created` webhooks). */
  readonly deliveredByClerk?: boolean | null | undefined
}

/**
 * Params of `templates.previewTemplate`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface PreviewTemplateParams extends TemplateRef, TemplateContent {}

/**
 * Params of `templates.toggleTemplateDelivery`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface ToggleTemplateDeliveryParams extends TemplateRef {
  readonly deliveredByClerk?: boolean | undefined
}

/**
 * A rendered template preview.
 *
 * @since 0.1.0
 * @category Resources
 */
export class TemplatePreview extends Schema.Class<TemplatePreview>("effect-clerk/TemplatePreview")({
  subject: Schema.optional(Schema.NullOr(Schema.String)),
  body: Schema.optional(Schema.String),
  fromEmailAddress: Schema.optional(Schema.NullOr(Schema.String)).pipe(Schema.fromKey("from_email_address")),
  replyToEmailAddress: Schema.optional(Schema.NullOr(Schema.String)).pipe(Schema.fromKey("reply_to_email_address"))
}) {}

const TemplateList = Paginated(Template)
const LIST_PAGE = pageSize(GetTemplateList)

/**
 * `templates`: email and SMS templates.
 *
 * @since 0.1.0
 * @category Resources
 */
export class Templates extends Effect.Service<Templates>()("effect-clerk/Templates", {
  accessors: true,
  effect: Effect.gen(function* () {
    const api = bind(yield* BackendApi)
    const getTemplateList = ({ templateType, ...query }: GetTemplateListParams) =>
      api.execute(GetTemplateList, TemplateList, {
        pathParams: { template_type: templateType },
        query: { ...query, paginated: true }
      })
    const pathParams = (ref: TemplateRef) => ({ template_type: ref.templateType, slug: ref.slug })
    return {
      /** `GET /templates/{template_type}` (sends `paginated=true`) */
      getTemplateList,
      /** Every template of a type, page by page (`GET /templates/{template_type}`). */
      getTemplateListStream: (params: StreamParams<GetTemplateListParams>) =>
        streamPages(LIST_PAGE, (page) => getTemplateList({ ...params, ...page })),
      /** `GET /templates/{template_type}/{slug}` */
      getTemplate: (params: TemplateRef) => api.decode(GetTemplate, { pathParams: pathParams(params) }),
      /** `PUT /templates/{template_type}/{slug}` */
      upsertTemplate: ({ slug, templateType, ...body }: UpsertTemplateParams) =>
        api.decode(UpsertTemplate, {
          pathParams: pathParams({ slug, templateType }),
          body
        }),
      /** `POST /templates/{template_type}/{slug}/preview` */
      previewTemplate: ({ slug, templateType, ...body }: PreviewTemplateParams) =>
        api.execute(PreviewTemplate, TemplatePreview, {
          pathParams: pathParams({ slug, templateType }),
          body
        }),
      /** `POST /templates/{template_type}/{slug}/revert`: back to Clerk's default. */
      revertTemplate: (params: TemplateRef) => api.decode(RevertTemplate, { pathParams: pathParams(params) }),
      /** `POST /templates/{template_type}/{slug}/toggle_delivery` */
      toggleTemplateDelivery: ({ slug, templateType, ...body }: ToggleTemplateDeliveryParams) =>
        api.decode(ToggleTemplateDelivery, {
          pathParams: pathParams({ slug, templateType }),
          body
        })
    }
  })
}) {}
