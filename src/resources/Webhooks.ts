/**
 * The instance's Svix application, which delivers Clerk webhooks.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import { SvixURL } from "../models/generated/schemas.js"
import { BackendApi } from "../services/BackendApi.js"

export { SvixURL }

/** `webhooks`: the Svix app behind Clerk webhooks. */
export class Webhooks extends Effect.Service<Webhooks>()("effect-clerk/Webhooks", {
  accessors: true,
  effect: Effect.gen(function*() {
    const api = yield* BackendApi
    return {
      /** `POST /webhooks/svix` */
      createSvixApp: () =>
        api.execute({ operation: "webhooks.createSvixApp", method: "POST", path: "/webhooks/svix" }, SvixURL),
      /** `POST /webhooks/svix_url` */
      generateSvixAuthURL: () =>
        api.execute({ operation: "webhooks.generateSvixAuthURL", method: "POST", path: "/webhooks/svix_url" }, SvixURL),
      /** `DELETE /webhooks/svix` */
      deleteSvixApp: () =>
        api.executeVoid({ operation: "webhooks.deleteSvixApp", method: "DELETE", path: "/webhooks/svix" })
    }
  })
}) {}
