/**
 * Redirect URLs: the allowed destinations for native and OAuth redirects.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import { DeletedObject, RedirectURL } from "../models/generated/schemas.js"
import { Paginated } from "../models/internal/paginated.js"
import { BackendApi } from "../services/BackendApi.js"
import { type PaginationParams, pageSize } from "./internal/lists.js"
import { streamPages } from "./internal/paginate.js"

export { RedirectURL }

/** Params of `redirectUrls.createRedirectUrl`. */
export interface CreateRedirectUrlParams {
  /** `https://…` or a custom scheme such as `my-app://oauth-callback`. */
  readonly url: string
}

const RedirectUrlList = Paginated(RedirectURL)
const LIST_PAGE = pageSize("ListRedirectURLs")

/** `redirectUrls`: allowed redirect URLs. */
export class RedirectUrls extends Effect.Service<RedirectUrls>()("effect-clerk/RedirectUrls", {
  accessors: true,
  effect: Effect.gen(function*() {
    const api = yield* BackendApi
    const getRedirectUrlList = (params: PaginationParams = {}) =>
      api.execute({
        operation: "redirectUrls.getRedirectUrlList",
        method: "GET",
        path: "/redirect_urls",
        query: { ...params, paginated: true }
      }, RedirectUrlList)
    return {
      /** `GET /redirect_urls` (sends `paginated=true`; `limit`/`offset` are optional additions) */
      getRedirectUrlList,
      /** Every redirect URL, page by page (`GET /redirect_urls`). */
      getRedirectUrlListStream: () => streamPages(LIST_PAGE, getRedirectUrlList),
      /** `GET /redirect_urls/{id}` */
      getRedirectUrl: (redirectUrlId: string) =>
        api.execute({
          operation: "redirectUrls.getRedirectUrl",
          method: "GET",
          path: "/redirect_urls/{id}",
          pathParams: { id: redirectUrlId }
        }, RedirectURL),
      /** `POST /redirect_urls` */
      createRedirectUrl: (params: CreateRedirectUrlParams) =>
        api.execute({
          operation: "redirectUrls.createRedirectUrl",
          method: "POST",
          path: "/redirect_urls",
          body: params
        }, RedirectURL),
      /** `DELETE /redirect_urls/{id}` */
      deleteRedirectUrl: (redirectUrlId: string) =>
        api.execute({
          operation: "redirectUrls.deleteRedirectUrl",
          method: "DELETE",
          path: "/redirect_urls/{id}",
          pathParams: { id: redirectUrlId }
        }, DeletedObject)
    }
  })
}) {}
