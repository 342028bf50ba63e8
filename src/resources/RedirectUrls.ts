/**
 * Redirect URLs: the allowed destinations for native and OAuth redirects.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import {
  CreateRedirectURL,
  DeleteRedirectURL,
  GetRedirectURL,
  ListRedirectURLs
} from "../models/generated/descriptors.js"
import { bind } from "./internal/bind.js"
import { RedirectURL } from "../models/generated/schemas.js"
import { Paginated } from "../models/internal/paginated.js"
import { BackendApi } from "../services/BackendApi.js"
import { type PaginationParams, pageSize } from "./internal/lists.js"
import { streamPages } from "./internal/paginate.js"

export { RedirectURL }

/**
 * Params of `redirectUrls.createRedirectUrl`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface CreateRedirectUrlParams {
  /** `https://…` or a custom scheme such as `my-app://oauth-callback`. */
  readonly url: string
}

const RedirectUrlList = Paginated(RedirectURL)
const LIST_PAGE = pageSize(ListRedirectURLs)

/**
 * `redirectUrls`: allowed redirect URLs.
 *
 * @since 0.1.0
 * @category Resources
 */
export class RedirectUrls extends Effect.Service<RedirectUrls>()("effect-clerk/RedirectUrls", {
  accessors: true,
  effect: Effect.gen(function* () {
    const api = bind(yield* BackendApi)
    const getRedirectUrlList = (params: PaginationParams = {}) =>
      api.execute(ListRedirectURLs, RedirectUrlList, {
        query: { ...params, paginated: true }
      })
    return {
      /** `GET /redirect_urls` (sends `paginated=true`; `limit`/`offset` are optional additions) */
      getRedirectUrlList,
      /** Every redirect URL, page by page (`GET /redirect_urls`). */
      getRedirectUrlListStream: () => streamPages(LIST_PAGE, getRedirectUrlList),
      /** `GET /redirect_urls/{id}` */
      getRedirectUrl: (redirectUrlId: string) => api.decode(GetRedirectURL, { pathParams: { id: redirectUrlId } }),
      /** `POST /redirect_urls` */
      createRedirectUrl: (params: CreateRedirectUrlParams) => api.decode(CreateRedirectURL, { body: params }),
      /** `DELETE /redirect_urls/{id}` */
      deleteRedirectUrl: (redirectUrlId: string) => api.decode(DeleteRedirectURL, { pathParams: { id: redirectUrlId } })
    }
  })
}) {}
