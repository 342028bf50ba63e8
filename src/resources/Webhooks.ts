/**
 * The instance's Svix application, which delivers Clerk webhooks.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import { CreateSvixApp, DeleteSvixApp, GenerateSvixAuthURL } from "../models/generated/descriptors.js"
import { bind } from "./internal/bind.js"
import { SvixURL } from "../models/generated/schemas.js"
import { BackendApi } from "../services/BackendApi.js"

export { SvixURL }

/**
 * `webhooks`: the Svix app behind Clerk webhooks.
 *
 * @since 0.1.0
 * @category Resources
 */
export class Webhooks extends Effect.Service<Webhooks>()("effect-clerk/Webhooks", {
  accessors: true,
  effect: Effect.gen(function* () {
    const api = bind(yield* BackendApi)
    return {
      /** `POST /webhooks/svix` */
      createSvixApp: () => api.decode(CreateSvixApp),
      /** `POST /webhooks/svix_url` */
      generateSvixAuthURL: () => api.decode(GenerateSvixAuthURL),
      /** `DELETE /webhooks/svix` */
      deleteSvixApp: () => api.void(DeleteSvixApp)
    }
  })
}) {}
