import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import * as FakeHttp from "../src/testing/FakeHttp.js"
import { Miscellaneous } from "../src/resources/Miscellaneous.js"
import * as BackendApi from "../src/services/BackendApi.js"
import * as ClerkConfig from "../src/services/ClerkConfig.js"

const layer = (handler: FakeHttp.FakeHandler) =>
  Miscellaneous.Default.pipe(
    Layer.provideMerge(BackendApi.layer),
    Layer.provideMerge(ClerkConfig.layer({ secretKey: "sk_test_miscSecret1" })),
    Layer.provideMerge(FakeHttp.layer(handler))
  )

describe("miscellaneous.getPublicInterstitial", () => {
  it.effect("returns the HTML as text, sends the query snake_cased and no secret key", () =>
    Effect.gen(function* () {
      const html = yield* Miscellaneous.getPublicInterstitial({
        frontendApi: "clerk.example.test",
        useDomainForScript: false
      })
      assert.strictEqual(html, "<html><body>interstitial</body></html>")
      const req = yield* Effect.flatMap(FakeHttp.Recorder, (r) => r.last)
      assert.strictEqual(req.path, "/v1/public/interstitial")
      assert.deepStrictEqual(req.query, { frontend_api: ["clerk.example.test"], use_domain_for_script: ["false"] })
      assert.isUndefined(req.headers["authorization"])
    }).pipe(Effect.provide(layer(() => FakeHttp.text(200, "<html><body>interstitial</body></html>"))))
  )

  it.effect("an error status is still a typed API error", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(Miscellaneous.getPublicInterstitial())
      assert.strictEqual(error._tag, "ClerkBadRequestError")
    }).pipe(Effect.provide(layer(() => FakeHttp.clerkError(400, [{ code: "bad", message: "bad" }]))))
  )
})
