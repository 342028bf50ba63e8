/**
 * The Effect configuration conventions of `ClerkConfig` (as `@effect/ai-openai` has them): `layer` takes secrets as
 * strings or `Redacted`, `layerConfig` takes a `Config` per option, `fromEnv` / `ClerkLiveFromEnv` are that over Clerk's
 * variable names, and `transformClient` wraps the HttpClient every Backend API attempt goes through.
 */
import { FetchHttpClient, HttpClient, HttpClientRequest } from "@effect/platform"
import { assert, describe, it, layer } from "@effect/vitest"
import { Config, ConfigError, ConfigProvider, Context, Duration, Effect, Layer, Redacted, Ref } from "effect"
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { inspect } from "node:util"
import { ClerkFrom, ClerkLiveFromEnv } from "../src/layers/live.js"
import { Users } from "../src/resources/exports.js"
import * as Undici from "../src/layers/undici.js"
import * as BackendApi from "../src/services/BackendApi.js"
import * as ClerkConfig from "../src/services/ClerkConfig.js"
import * as FakeHttp from "../src/testing/FakeHttp.js"
import * as readme from "./support/readmeConfiguration.js"
import { userJson } from "./support/samples/users.js"

const SECRET = "sk_live_configLayersSecret42"
const MACHINE_SECRET = "ak_configLayersMachine42"
const SECRET_PART = "configLayersSecret42"

const ok: FakeHttp.FakeHandler = () => FakeHttp.json(200, { id: "t_1" })

/** The pipeline over `config` and a fake HTTP client answering with `handler`. */
const pipelineOver = <E>(config: Layer.Layer<ClerkConfig.ClerkConfig, E>, handler: FakeHttp.FakeHandler = ok) =>
  BackendApi.layer.pipe(Layer.provideMerge(config), Layer.provideMerge(FakeHttp.layer(handler)))

const call = (request: Partial<BackendApi.ApiRequest> = {}) =>
  Effect.flatMap(BackendApi.BackendApi, (api) =>
    api.executeJson({
      operation: "test.call",
      method: "GET",
      path: "/things/{id}",
      pathParams: { id: "t_1" },
      ...request
    })
  )

const recorded = Effect.flatMap(FakeHttp.Recorder, (recorder) => recorder.requests)

/** The ClerkConfig a configuration layer builds, under a config provider holding `env`. */
const buildConfig = <E>(config: Layer.Layer<ClerkConfig.ClerkConfig, E>, env: Record<string, string> = {}) =>
  Layer.build(config).pipe(
    Effect.map(Context.get(ClerkConfig.ClerkConfig)),
    Effect.scoped,
    Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env))))
  )

/** Every way an error can be shown: none may contain the secret. */
const shown = (error: unknown): ReadonlyArray<string> => [
  String(error),
  inspect(error, { depth: 10 }),
  JSON.stringify(error)
]

describe("ClerkConfig.layer with Redacted secrets", () => {
  layer(
    pipelineOver(
      ClerkConfig.layer({ secretKey: Redacted.make(SECRET), machineSecretKey: Redacted.make(MACHINE_SECRET) })
    )
  )("over the fake HTTP client", (it) => {
    it.effect("sends each Redacted key as the Bearer token of its calls", () =>
      Effect.gen(function* () {
        const recorder = yield* FakeHttp.Recorder
        yield* recorder.clear
        yield* call()
        yield* call({ auth: "machineSecretKey" })
        const [first, second] = yield* recorded
        assert.strictEqual(first!.headers.authorization, `Bearer ${SECRET}`)
        assert.strictEqual(second!.headers.authorization, `Bearer ${MACHINE_SECRET}`)
      })
    )

    it.effect("keeps them Redacted, and reads the instance type through them", () =>
      Effect.gen(function* () {
        const config = yield* ClerkConfig.ClerkConfig
        assert.isTrue(Redacted.isRedacted(config.secretKey))
        assert.strictEqual(Redacted.value(config.secretKey!), SECRET)
        assert.strictEqual(config.instanceType, "production")
        for (const text of [inspect(config, { depth: 10 }), JSON.stringify(config)]) {
          assert.notInclude(text, SECRET_PART)
          assert.notInclude(text, MACHINE_SECRET)
        }
      })
    )
  })

  it.effect("a Redacted key and the same string give the same configuration", () =>
    Effect.gen(function* () {
      const fromString = yield* ClerkConfig.make({ secretKey: SECRET, machineSecretKey: MACHINE_SECRET })
      const fromRedacted = yield* ClerkConfig.make({
        secretKey: Redacted.make(SECRET),
        machineSecretKey: Redacted.make(MACHINE_SECRET)
      })
      assert.strictEqual(Redacted.value(fromRedacted.secretKey!), Redacted.value(fromString.secretKey!))
      assert.strictEqual(Redacted.value(fromRedacted.machineSecretKey!), Redacted.value(fromString.machineSecretKey!))
      assert.strictEqual(fromRedacted.instanceType, fromString.instanceType)
    })
  )

  it.effect("checks a Redacted key as a string one: wrong kind or blank is a ConfigError that hides the key", () =>
    Effect.gen(function* () {
      const wrongKind = yield* Effect.flip(ClerkConfig.make({ secretKey: Redacted.make("pk_test_configLayersLeak9") }))
      assert.isTrue(ConfigError.isConfigError(wrongKind))
      assert.isTrue(ConfigError.isInvalidData(wrongKind) && wrongKind.path[0] === "secretKey")
      for (const text of shown(wrongKind)) assert.notInclude(text, "configLayersLeak9")
      const blank = yield* Effect.flip(ClerkConfig.make({ machineSecretKey: Redacted.make("   ") }))
      assert.isTrue(ConfigError.isInvalidData(blank) && blank.path[0] === "machineSecretKey")
      const empty = yield* ClerkConfig.make({ secretKey: Redacted.make("") })
      assert.isUndefined(empty.secretKey)
    })
  )
})

describe("ClerkConfig.layerConfig", () => {
  const env = { MY_SECRET: SECRET, MY_URL: "https://clerk.example.test/", MY_RETRIES: "0", MY_STRICT: "strict" }
  const configured = ClerkConfig.layerConfig({
    secretKey: Config.redacted("MY_SECRET"),
    apiUrl: Config.string("MY_URL"),
    retry: Config.all({ maxRetries: Config.integer("MY_RETRIES") }),
    responseValidation: Config.literal("tolerant", "strict")("MY_STRICT"),
    userAgent: Config.succeed("my-app/1.0")
  })

  layer(
    pipelineOver(configured).pipe(
      Layer.provide(Layer.setConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env)))))
    )
  )("over the fake HTTP client", (it) => {
    it.effect("reads every option from its Config", () =>
      Effect.gen(function* () {
        const config = yield* ClerkConfig.ClerkConfig
        assert.strictEqual(Redacted.value(config.secretKey!), SECRET)
        assert.strictEqual(config.apiUrl, "https://clerk.example.test")
        assert.strictEqual(config.retry?.maxRetries, 0)
        assert.strictEqual(config.responseValidation, "strict")
        assert.strictEqual(config.userAgent, "my-app/1.0")
        assert.isUndefined(config.publishableKey)
      })
    )

    it.effect("the pipeline uses what was read", () =>
      Effect.gen(function* () {
        yield* call()
        const last = yield* Effect.flatMap(FakeHttp.Recorder, (recorder) => recorder.last)
        assert.strictEqual(last.url.origin, "https://clerk.example.test")
        assert.strictEqual(last.headers.authorization, `Bearer ${SECRET}`)
        assert.strictEqual(last.headers["user-agent"], "my-app/1.0")
      })
    )
  })

  it.effect("a missing secret is a ConfigError naming the variable", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(buildConfig(configured, { MY_URL: "https://clerk.example.test" }))
      assert.isTrue(ConfigError.isConfigError(error))
      assert.include(String(error), "MY_SECRET")
    })
  )

  it.effect("a malformed value is a ConfigError that never shows the secret", () =>
    Effect.gen(function* () {
      const wrongKind = yield* Effect.flip(
        buildConfig(ClerkConfig.layerConfig({ secretKey: Config.redacted("MY_SECRET") }), {
          MY_SECRET: "pk_live_configLayersLeak7"
        })
      )
      assert.isTrue(ConfigError.isInvalidData(wrongKind) && wrongKind.path[0] === "secretKey")
      for (const text of shown(wrongKind)) assert.notInclude(text, "configLayersLeak7")
      // A bad value of another option, with the secret present: the error names that option, and the secret stays out.
      const badUrl = yield* Effect.flip(buildConfig(configured, { ...env, MY_URL: "not a url" }))
      assert.isTrue(ConfigError.isInvalidData(badUrl) && badUrl.path[0] === "apiUrl")
      for (const text of shown(badUrl)) assert.notInclude(text, SECRET_PART)
      const badInteger = yield* Effect.flip(buildConfig(configured, { ...env, MY_RETRIES: "many" }))
      assert.include(String(badInteger), "MY_RETRIES")
      for (const text of shown(badInteger)) assert.notInclude(text, SECRET_PART)
    })
  )

  it.effect("an option left out, or given as undefined, is not configured", () =>
    Effect.gen(function* () {
      const config = yield* buildConfig(ClerkConfig.layerConfig({ apiUrl: Config.string("MY_URL") }), env)
      assert.isUndefined(config.secretKey)
      assert.strictEqual(config.retry?.maxRetries, 3)
      // As a caller without exactOptionalPropertyTypes (or from JavaScript) may write it.
      const loose = { secretKey: undefined, apiUrl: Config.string("MY_URL") } as unknown as ClerkConfig.ClerkLayerConfig
      const fromLoose = yield* buildConfig(ClerkConfig.layerConfig(loose), env)
      assert.isUndefined(fromLoose.secretKey)
      assert.strictEqual(fromLoose.apiUrl, "https://clerk.example.test")
    })
  )
})

describe("fromEnv and ClerkLiveFromEnv: layerConfig over Clerk's variable names", () => {
  const PK = `pk_test_${Buffer.from("clerk.example.test$").toString("base64").replace(/=+$/, "")}`
  const env = {
    CLERK_SECRET_KEY: SECRET,
    CLERK_MACHINE_SECRET_KEY: MACHINE_SECRET,
    CLERK_PUBLISHABLE_KEY: PK,
    CLERK_JWT_KEY: "-----BEGIN PUBLIC KEY-----\\nMIIB\\n-----END PUBLIC KEY-----",
    CLERK_API_URL: "https://api.example.test",
    CLERK_API_VERSION: "v2",
    CLERK_DOMAIN: "example.test",
    CLERK_PROXY_URL: "https://example.test/__clerk",
    CLERK_IS_SATELLITE: "true"
  }

  it.effect("reads each variable into its option", () =>
    Effect.gen(function* () {
      const config = yield* buildConfig(ClerkConfig.fromEnv(), env)
      assert.strictEqual(Redacted.value(config.secretKey!), SECRET)
      assert.strictEqual(Redacted.value(config.machineSecretKey!), MACHINE_SECRET)
      assert.strictEqual(config.publishableKey, PK)
      assert.strictEqual(config.frontendApi, "clerk.example.test")
      assert.strictEqual(config.jwtKey, "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----")
      assert.strictEqual(config.apiUrl, "https://api.example.test")
      assert.strictEqual(config.apiVersion, "v2")
      assert.strictEqual(config.domain, "example.test")
      assert.strictEqual(config.proxyUrl, "https://example.test/__clerk")
      assert.isTrue(config.isSatellite)
    })
  )

  it.effect("ClerkLiveFromEnv builds the same configuration, with overrides winning", () =>
    Effect.gen(function* () {
      const config = yield* buildConfig(ClerkLiveFromEnv({ apiVersion: "v1", timeout: false }), env)
      assert.strictEqual(Redacted.value(config.secretKey!), SECRET)
      assert.strictEqual(config.apiUrl, "https://api.example.test")
      assert.strictEqual(config.apiVersion, "v1")
      assert.isUndefined(config.timeout)
    })
  )

  it.effect("every variable is optional; a malformed one is a ConfigError that hides the secret", () =>
    Effect.gen(function* () {
      const none = yield* buildConfig(ClerkLiveFromEnv(), {})
      assert.isUndefined(none.secretKey)
      assert.strictEqual(none.apiUrl, ClerkConfig.DEFAULT_API_URL)
      const badFlag = yield* Effect.flip(buildConfig(ClerkLiveFromEnv(), { ...env, CLERK_IS_SATELLITE: "maybe" }))
      assert.include(String(badFlag), "CLERK_IS_SATELLITE")
      for (const text of shown(badFlag)) assert.notInclude(text, SECRET_PART)
    })
  )

  it.effect("optionsFromConfig (the Promise default instance) reads the same names", () =>
    Effect.gen(function* () {
      const options = yield* ClerkConfig.optionsFromConfig({ apiUrl: "http://127.0.0.1:1" }).pipe(
        Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env))))
      )
      assert.strictEqual(options.secretKey, SECRET)
      assert.strictEqual(options.machineSecretKey, MACHINE_SECRET)
      assert.strictEqual(options.apiUrl, "http://127.0.0.1:1")
      assert.strictEqual(options.apiVersion, "v2")
      assert.strictEqual(options.isSatellite, true)
    })
  )
})

describe("transformClient", () => {
  const tagged = HttpClient.mapRequest(HttpClientRequest.setHeader("x-tenant", "tenant_1"))

  it.live("wraps the transport of every attempt of every call, after the pipeline set URL and headers", () =>
    Effect.gen(function* () {
      const seen = yield* Ref.make<ReadonlyArray<HttpClientRequest.HttpClientRequest>>([])
      const transformClient = (client: HttpClient.HttpClient) =>
        client.pipe(
          tagged,
          HttpClient.tapRequest((request) => Ref.update(seen, (all) => [...all, request]))
        )
      let attempts = 0
      // The first attempt of each call fails with a 503 and is retried.
      const flaky: FakeHttp.FakeHandler = () => (attempts++ % 2 === 0 ? FakeHttp.json(503, {}) : FakeHttp.json(200, {}))
      const config = ClerkConfig.layer({ secretKey: SECRET, retry: { baseDelay: "1 millis" }, transformClient })
      const requests = yield* Effect.gen(function* () {
        yield* call()
        yield* call({ method: "POST", path: "/things", pathParams: {}, body: { a: 1 }, auth: "none" })
        yield* call({ versionless: true })
        return yield* recorded
      }).pipe(
        Effect.provide(pipelineOver(config, (request) => (request.method === "POST" ? ok(request) : flaky(request))))
      )
      assert.strictEqual(requests.length, 5)
      for (const request of requests) assert.strictEqual(request.headers["x-tenant"], "tenant_1")
      const observed = yield* Ref.get(seen)
      assert.deepStrictEqual(
        observed.map((r) => r.url),
        requests.map((r) => r.url.href)
      )
      assert.strictEqual(observed[0]!.url, "https://api.clerk.com/v1/things/t_1")
      assert.strictEqual(observed[0]!.headers.authorization, `Bearer ${SECRET}`)
      assert.isUndefined(observed[2]!.headers.authorization)
    })
  )

  it.effect("applies to the resource services, and comes from layerConfig and fromEnv too", () =>
    Effect.gen(function* () {
      const handler: FakeHttp.FakeHandler = () => FakeHttp.json(200, userJson)
      const viaOptions = yield* Effect.gen(function* () {
        const users = yield* Users
        yield* users.getUser(userJson.id)
        return yield* recorded
      }).pipe(
        Effect.provide(
          ClerkFrom({ secretKey: SECRET, transformClient: tagged }).pipe(Layer.provideMerge(FakeHttp.layer(handler)))
        )
      )
      assert.strictEqual(viaOptions[0]!.path, `/v1/users/${userJson.id}`)
      assert.strictEqual(viaOptions[0]!.headers["x-tenant"], "tenant_1")

      const provider = Layer.setConfigProvider(ConfigProvider.fromMap(new Map([["CLERK_SECRET_KEY", SECRET]])))
      for (const config of [
        ClerkConfig.layerConfig({ secretKey: Config.redacted("CLERK_SECRET_KEY"), transformClient: tagged }),
        ClerkConfig.fromEnv({ transformClient: tagged })
      ]) {
        const [request] = yield* Effect.zipRight(call(), recorded).pipe(
          Effect.provide(pipelineOver(config).pipe(Layer.provide(provider)))
        )
        assert.strictEqual(request!.headers["x-tenant"], "tenant_1")
        assert.strictEqual(request!.headers.authorization, `Bearer ${SECRET}`)
      }
    })
  )

  it.live("wraps this package's own transports too (fetch, undici), over a real socket", () =>
    Effect.gen(function* () {
      // Answers with the headers the server received.
      const server = yield* Effect.acquireRelease(
        Effect.async<Server>((resume) => {
          const started = createServer((req, res) => {
            res.writeHead(200, { "content-type": "application/json" })
            res.end(
              JSON.stringify({ tenant: req.headers["x-tenant"] ?? null, auth: req.headers.authorization ?? null })
            )
          })
          started.listen(0, "127.0.0.1", () => resume(Effect.succeed(started)))
        }),
        (started) =>
          Effect.async<void>((resume) => {
            started.closeAllConnections()
            started.close(() => resume(Effect.void))
          })
      )
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      for (const transport of [FetchHttpClient.layer, Undici.layer({ connections: 1 })]) {
        const config = ClerkConfig.layer({ secretKey: SECRET, apiUrl: url, retry: false, transformClient: tagged })
        const body = yield* call().pipe(
          Effect.provide(BackendApi.layer.pipe(Layer.provideMerge(config), Layer.provide(transport)))
        )
        assert.deepStrictEqual(body, { tenant: "tenant_1", auth: `Bearer ${SECRET}` })
      }
    }).pipe(Effect.scoped)
  )

  it.effect("without it the transport is used as given", () =>
    Effect.gen(function* () {
      const [request] = yield* Effect.zipRight(call(), recorded).pipe(
        Effect.provide(pipelineOver(ClerkConfig.layer({ secretKey: SECRET })))
      )
      assert.isUndefined(request!.headers["x-tenant"])
    })
  )

  it.effect("a transformClient that is not a function is a ConfigError", () =>
    Effect.gen(function* () {
      // As a JavaScript caller may write it.
      const options = { secretKey: SECRET, transformClient: "tagged" } as unknown as ClerkConfig.ClerkLayerOptions
      const error = yield* Effect.flip(ClerkConfig.make(options))
      assert.isTrue(ConfigError.isInvalidData(error) && error.path[0] === "transformClient")
    })
  )
})

describe("the README's configuration snippet (test/support/readmeConfiguration.ts)", () => {
  it.effect("each layer builds the configuration it says", () =>
    Effect.gen(function* () {
      const fromConfig = yield* buildConfig(readme.fromConfig, { MY_CLERK_SECRET: SECRET, MY_CLERK_RETRIES: "1" })
      assert.strictEqual(Redacted.value(fromConfig.secretKey!), SECRET)
      assert.strictEqual(fromConfig.apiUrl, "https://api.clerk.com")
      assert.strictEqual(fromConfig.retry?.maxRetries, 1)
      const missing = yield* Effect.flip(buildConfig(readme.fromConfig, {}))
      assert.isTrue(ConfigError.isConfigError(missing))
      assert.include(String(missing), "MY_CLERK_SECRET")
      const fromEnv = yield* buildConfig(readme.fromEnv, { CLERK_SECRET_KEY: SECRET })
      assert.strictEqual(Redacted.value(fromEnv.secretKey!), SECRET)
      assert.strictEqual(fromEnv.timeout?.pipe(Duration.toMillis), 10_000)
      const configOnly = yield* buildConfig(readme.configOnly, { MY_CLERK_SECRET: SECRET })
      assert.strictEqual(Redacted.value(configOnly.secretKey!), SECRET)
    })
  )

  it.effect("the tagged layer's transformClient adds its header to the requests", () =>
    Effect.gen(function* () {
      const config = yield* buildConfig(readme.tagged, { CLERK_SECRET_KEY: SECRET })
      const [request] = yield* Effect.zipRight(call(), recorded).pipe(
        Effect.provide(pipelineOver(Layer.succeed(ClerkConfig.ClerkConfig, config)))
      )
      assert.strictEqual(request!.headers["x-request-source"], "billing-worker")
    })
  )
})
