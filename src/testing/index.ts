/**
 * The test kit (`effect-clerk/testing`): test against Clerk with no Clerk account and no network.
 *
 * - `FakeHttp`: scripted responses and a request recorder.
 * - `FakeBackend`: a stateful in-memory fake of the Backend API that mints tokens and injects faults.
 * - `FakeServer`: the fake backend on loopback, for code that goes through `fetch`.
 * - `ClerkTest`: every resource service (Effect) or a Promise client, wired to a fresh fake.
 * - `fixtures`: complete, valid models (and their wire JSON) from a partial input: `fixtures.user({ firstName })`.
 * - `signWebhook`: a signed delivery (headers and body) that the webhook verifiers accept.
 *
 * The fake accepts any secret key (`sk_…`) unless it is configured with one (`secretKey`); a rejected key gets a 401
 * whose message describes the key shape it expects.
 *
 * ```ts
 * // Effect
 * it.effect("creates a user", () =>
 *   Effect.gen(function*() {
 *     const users = yield* Users
 *     const user = yield* users.createUser({ emailAddress: ["ada@example.com"] })
 *   }).pipe(Effect.provide(ClerkTest.layer())))
 *
 * // Promise
 * const clerk = ClerkTest.client()
 * const user = clerk.fake.seed.user({ emailAddress: ["ada@example.com"] })
 * await clerk.users.getUser(user.id)
 * ```
 *
 * @module
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as ConfigError from "effect/ConfigError"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { type ClerkClient, createClerkClient } from "../promise/createClerkClient.js"
import type { ClerkOptions } from "../services/ClerkConfig.js"
import * as FakeBackend from "./FakeBackend.js"
import * as FakeHttp from "./FakeHttp.js"
import { ClerkFrom, type ClerkServices } from "../layers/live.js"

export * as Fault from "./faults.js"
export * as FakeBackend from "./FakeBackend.js"
export * as FakeServer from "./FakeServer.js"
export * as FakeTokens from "./tokens.js"
export * as FakeHttp from "./FakeHttp.js"
export * as fixtures from "./fixtures.js"
export {
  type SignedWebhook,
  signWebhook,
  type SignWebhookOptions,
  type WebhookEventInput,
  webhookSecret
} from "./webhooks.js"

/**
 * Options of {@link ClerkTest}: the fake's options, client options (the keys default to the fake's), or a fake to use.
 *
 * @since 0.1.0
 * @category Testing
 */
export interface ClerkTestOptions extends FakeBackend.FakeBackendOptions {
  /** Use this fake instead of making a new one. */
  readonly fake?: FakeBackend.FakeBackendInstance | undefined
  /** Client options; `secretKey`, `publishableKey` and `jwtKey` default to the fake's. Retries and timeouts apply. */
  readonly client?: Omit<ClerkOptions, "apiUrl"> | undefined
}

const clientOptions = (fake: FakeBackend.FakeBackendInstance, options: ClerkTestOptions): ClerkOptions => ({
  secretKey: fake.secretKey,
  publishableKey: fake.publishableKey,
  jwtKey: fake.jwtKey,
  ...options.client
})

/**
 * Everything {@link ClerkTest.layer} provides.
 *
 * @since 0.1.0
 * @category Testing
 */
export type ClerkTestServices = ClerkServices | HttpClient.HttpClient | FakeHttp.Recorder | FakeBackend.FakeBackend

/**
 * Ready-made test wiring over a fresh fake backend.
 *
 * @since 0.1.0
 * @category Testing
 */
export const ClerkTest = {
  /**
   * Every resource service, `BackendApi` and `ClerkConfig` (the fake's test keys), over the fake backend as the
   * `HttpClient`; also provides the `FakeBackend` service and the `FakeHttp.Recorder`. The fake's clock is the Effect
   * clock (`TestClock` in `it.effect`).
   */
  layer: (options: ClerkTestOptions = {}): Layer.Layer<ClerkTestServices, ConfigError.ConfigError> =>
    Layer.unwrapEffect(Effect.map(FakeBackend.FakeBackend, (fake) => ClerkFrom(clientOptions(fake, options)))).pipe(
      Layer.provideMerge(options.fake !== undefined ? FakeBackend.layerFrom(options.fake) : FakeBackend.layer(options))
    ),
  /**
   * A Promise client (`@clerk/backend`'s surface) over a fake backend, with the fake at `client.fake`. Runs no server
   * and touches no network. `dispose()` it when done.
   */
  client: (options: ClerkTestOptions = {}): ClerkClient & { readonly fake: FakeBackend.FakeBackendInstance } => {
    const fake = options.fake ?? FakeBackend.make(options)
    const client = createClerkClient({
      ...clientOptions(fake, options),
      httpClient: FakeHttp.layer(fake.handler)
    })
    return Object.assign(client, { fake })
  }
}
