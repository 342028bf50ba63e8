import { assert, describe, it } from "@effect/vitest"
import { ConfigProvider, Context, Effect, Layer, Redacted } from "effect"
import { inspect } from "node:util"
import * as FakeHttp from "../src/testing/FakeHttp.js"
import { Jwks } from "../src/resources/Jwks.js"
import * as ClerkConfig from "../src/services/ClerkConfig.js"
import { pipelineLayer } from "./support/pipeline.js"
import { type RecordedSpan, recordingTracer } from "./support/tracing.js"

const SECRET = "sk_test_observabilitySecret987"

const layer = (handler: FakeHttp.FakeHandler) =>
  Jwks.Default.pipe(Layer.provideMerge(pipelineLayer(handler, { secretKey: SECRET })))

describe("observability", () => {
  it.effect("opens one clerk.<resource>.<method> span per call with route, status and trace id, and no secret", () =>
    Effect.gen(function* () {
      const spans: Array<RecordedSpan> = []
      yield* Jwks.getJwks().pipe(
        Effect.exit,
        Effect.withTracer(recordingTracer(spans)),
        Effect.provide(
          layer(() => FakeHttp.clerkError(404, [{ code: "not_found", message: "nope" }], { traceId: "trace_abc" }))
        )
      )
      const span = spans.find((s) => s.name === "clerk.jwks.getJwks")
      assert.isDefined(span)
      if (span === undefined) return
      assert.strictEqual(span.kind, "client")
      assert.strictEqual(span.attributes.get("http.route"), "GET /jwks")
      assert.strictEqual(span.attributes.get("http.response.status_code"), 404)
      assert.strictEqual(span.attributes.get("clerk.trace_id"), "trace_abc")
      for (const s of spans) {
        for (const value of s.attributes.values()) {
          assert.notInclude(String(inspect(value)), SECRET)
        }
      }
    })
  )

  it.effect("the configuration never shows the secret key in inspect, JSON or String output", () =>
    Effect.gen(function* () {
      const config = yield* ClerkConfig.make({ secretKey: SECRET, machineSecretKey: "ak_machineSecret55" })
      for (const text of [inspect(config, { depth: 10 }), JSON.stringify(config), String(config.secretKey)]) {
        assert.notInclude(text, SECRET)
        assert.notInclude(text, "ak_machineSecret55")
      }
    })
  )

  it.effect("a malformed key fails layer construction with a ConfigError naming the option, not the key", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(ClerkConfig.make({ secretKey: "pk_test_wrongKindOfKeySecretish" }))
      const text = String(error)
      assert.include(text, "secretKey")
      assert.notInclude(text, "wrongKindOfKeySecretish")
      const fromEnv = yield* Effect.flip(
        Layer.build(ClerkConfig.fromEnv()).pipe(
          Effect.scoped,
          Effect.withConfigProvider(ConfigProvider.fromMap(new Map([["CLERK_SECRET_KEY", "pk_live_nonsenseKeyValue"]])))
        )
      )
      assert.include(String(fromEnv), "secretKey")
      assert.notInclude(String(fromEnv), "nonsenseKeyValue")
      const ok = yield* Layer.build(ClerkConfig.fromEnv({ apiUrl: "http://127.0.0.1:1" })).pipe(
        Effect.scoped,
        Effect.withConfigProvider(
          ConfigProvider.fromMap(
            new Map([
              ["CLERK_SECRET_KEY", SECRET],
              ["CLERK_API_URL", "https://x.test"]
            ])
          )
        )
      )
      const config = Context.get(ok, ClerkConfig.ClerkConfig)
      assert.strictEqual(config.apiUrl, "http://127.0.0.1:1")
      assert.strictEqual(Redacted.value(config.secretKey!), SECRET)
    })
  )
})
