/**
 * The Promise adapter: `createClerkClient(options)` and the default `clerkClient()`, drop-in for `@clerk/backend`.
 *
 * One `ManagedRuntime` per client runs every call; it is built on first use and never per call.
 *
 * @module
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as Context from "effect/Context"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Predicate from "effect/Predicate"
import type * as Runtime from "effect/Runtime"
import * as Stream from "effect/Stream"
import { type AuthenticateRequestPromise, makeAuthenticateRequest } from "./authenticateRequest.js"
import { type DebugRequestState, debugRequestState, type RequestState } from "../auth/request/RequestState.js"
import type { JwksCache } from "../auth/tokens/JwksCache.js"
import { httpClientLayer, type TransportOptions } from "../layers/http.js"
import { withServices } from "../layers/live.js"
import { type ResourceName, resourceServices, type ResourceServices } from "../resources/index.js"
import { type BackendApi, CurrentRequestOverrides, layer as backendApiLayer } from "../services/BackendApi.js"
import type { RequestOverrides } from "../services/BackendApi.js"
import {
  ClerkConfig,
  type ClerkConfigShape,
  type ClerkOptions,
  optionsFromConfig,
  resolve,
  warnUnfamiliarKeys
} from "../services/ClerkConfig.js"
import type { ClerkError } from "../services/ClerkErrors.js"
import { ClerkRequestError } from "./errors.js"
import { promiseRunner, runPromise, toAsyncIterable } from "./runtime.js"

/**
 * A service method as a Promise method: Effects become Promises, Streams become async iterables.
 *
 * @since 0.1.0
 * @category Promise client
 */
export type Promisified<S> = {
  readonly [K in keyof S as S[K] extends (...args: ReadonlyArray<never>) => unknown ? K : never]: S[K] extends (
    ...args: infer Args
  ) => infer Result
    ? Result extends Effect.Effect<infer A, infer _E, infer _R>
      ? (...args: Args) => Promise<A>
      : Result extends Stream.Stream<infer A, infer _E, infer _R>
        ? (...args: Args) => AsyncIterable<A>
        : never
    : never
}

/**
 * Options of `createClerkClient`: `@clerk/backend`'s, plus transport choices.
 *
 * @since 0.1.0
 * @category Promise client
 */
export interface CreateClerkClientOptions extends ClerkOptions, TransportOptions {}

/**
 * Per-call options for `client.withOptions` (see {@link ClerkClient}).
 *
 * @since 0.1.0
 * @category Promise client
 */
export interface CallOptions {
  /** Retry policy for calls made through the returned client, or `false` for none. */
  readonly retry?: RequestOverrides["retry"]
  /** Per-attempt timeout for calls made through the returned client, or `false` for none. */
  readonly timeout?: Duration.DurationInput | false | undefined
  /** Aborting this signal interrupts the call and aborts its HTTP request. */
  readonly signal?: AbortSignal | undefined
}

/**
 * Everything the client's runtime provides.
 *
 * @since 0.1.0
 * @category Promise client
 */
export type ClerkClientServices = ResourceServices | BackendApi | ClerkConfig | JwksCache

/**
 * The resource properties of the client (`users`, `organizations`, ...).
 *
 * @since 0.1.0
 * @category Promise client
 */
export type ClerkClientResources = {
  readonly [K in ResourceName]: Promisified<InstanceType<(typeof resourceServices)[K]>>
}

/**
 * The Promise client. Calling it resolves to itself, so `const client = await clerkClient()` also works.
 *
 * @since 0.1.0
 * @category Promise client
 */
export type ClerkClient = ClerkClientResources & {
  (): Promise<ClerkClient>
  /** A client that shares this one's runtime but uses other per-call options. */
  readonly withOptions: (options: CallOptions) => ClerkClient
  /** Runs an Effect with this client's services (the escape hatch to the Effect API). */
  readonly runEffect: <A, E>(effect: Effect.Effect<A, E, ClerkClientServices>, signal?: AbortSignal) => Promise<A>
  /** The client's runtime, for Effect users who want to share it. */
  readonly runtime: ManagedRuntime.ManagedRuntime<ClerkClientServices, never>
  /** Releases the runtime. */
  readonly dispose: () => Promise<void>
  /** Authenticates a Fetch `Request` (session cookie or token, or a machine token), as `@clerk/backend` does. */
  readonly authenticateRequest: AuthenticateRequestPromise
  /** The debug summary of a request state. */
  readonly debugRequestState: (state: RequestState) => DebugRequestState
  /** Accepted for compatibility: effect-clerk sends no telemetry, so `record` and `recordLog` do nothing. */
  readonly telemetry: {
    readonly isEnabled: false
    readonly isDebug: boolean
    /** Does nothing. */
    readonly record: (event: unknown) => void
    /** Does nothing. */
    readonly recordLog: (entry: unknown) => void
  }
  /** The validated configuration (secrets stay Redacted). */
  readonly config: ClerkConfigShape
}

const isStream = (u: unknown): u is Stream.Stream<unknown, ClerkError> => Predicate.hasProperty(u, Stream.StreamTypeId)

const makeRunner = (runtime: ManagedRuntime.ManagedRuntime<ClerkClientServices, never>, options: CallOptions) => {
  const overrides: RequestOverrides = {
    ...(options.retry !== undefined ? { retry: options.retry } : {}),
    ...(options.timeout !== undefined ? { timeout: options.timeout } : {})
  }
  const hasOverrides = Object.keys(overrides).length > 0
  const withOverrides = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
    hasOverrides ? Effect.provideService(effect, CurrentRequestOverrides, overrides) : effect
  const run = <A, E>(effect: Effect.Effect<A, E, ClerkClientServices>, signal?: AbortSignal): Promise<A> =>
    runPromise(runtime, withOverrides(effect), signal ?? options.signal)
  let plain: Runtime.Runtime<ClerkClientServices> | undefined
  const iterate = <A>(stream: Stream.Stream<A, ClerkError, never>): AsyncIterable<A> => ({
    [Symbol.asyncIterator]: () => {
      plain ??= runtime.runSync(Effect.runtime<ClerkClientServices>())
      const provided = hasOverrides ? Stream.provideService(stream, CurrentRequestOverrides, overrides) : stream
      return toAsyncIterable(plain, provided, options.signal)[Symbol.asyncIterator]()
    }
  })
  return { run, iterate }
}

const wrapService = (service: object, runner: ReturnType<typeof makeRunner>): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(service)) {
    if (typeof value !== "function") continue
    out[key] = (...args: ReadonlyArray<unknown>) => {
      let result: unknown
      try {
        result = value.apply(service, args)
      } catch (error) {
        // Arguments of the wrong shape (e.g. `undefined` for a params object) reject like any other bad input.
        return Promise.reject(
          new ClerkRequestError(
            `effect-clerk: invalid arguments for ${key}: ${error instanceof Error ? error.message : String(error)}`,
            { cause: error }
          )
        )
      }
      // Service methods resolve their dependencies when the service is built, so their Effects need nothing.
      if (Effect.isEffect(result)) return runner.run(result as Effect.Effect<unknown, unknown, never>)
      if (isStream(result)) return runner.iterate(result)
      return result
    }
  }
  return out
}

const serviceOf = (context: Context.Context<ClerkClientServices>, key: string): object => {
  const service: unknown = context.unsafeMap.get(key)
  if (typeof service !== "object" || service === null) throw new Error(`effect-clerk: no service for ${key}`)
  return service
}

/**
 * The layer behind a client: every resource service, the JWKS cache, the pipeline and the configuration.
 *
 * @since 0.1.0
 * @category Promise client
 */
export const clientLayer = (
  config: ClerkConfigShape,
  httpClient: Layer.Layer<HttpClient.HttpClient>
): Layer.Layer<ClerkClientServices> =>
  withServices(backendApiLayer.pipe(Layer.provideMerge(Layer.succeed(ClerkConfig, config)))).pipe(
    Layer.provide(httpClient)
  )

/**
 * Thrown by `createClerkClient` for malformed options; the message names the option and never shows a secret.
 *
 * @since 0.1.0
 * @category Promise client
 */
export class ClerkOptionsError extends Error {
  override get name(): string {
    return "ClerkOptionsError"
  }
}

/**
 * Creates a Promise client with `@clerk/backend`'s property and method names. Options are validated now: a malformed
 * key throws {@link ClerkOptionsError} here, not at the first request.
 *
 * @since 0.1.0
 * @category Promise client
 */
export const createClerkClient = (options: CreateClerkClientOptions = {}): ClerkClient => {
  const resolved = resolve(options)
  if (Either.isLeft(resolved)) {
    throw new ClerkOptionsError(`effect-clerk: invalid createClerkClient options: ${resolved.left.toString()}`, {
      cause: resolved.left
    })
  }
  const config = resolved.right
  Effect.runSync(warnUnfamiliarKeys(config))
  const runtime = ManagedRuntime.make(clientLayer(config, httpClientLayer(options)))
  return buildClient(runtime, config, {})
}

const buildClient = (
  runtime: ManagedRuntime.ManagedRuntime<ClerkClientServices, never>,
  config: ClerkConfigShape,
  callOptions: CallOptions
): ClerkClient => {
  const runner = makeRunner(runtime, callOptions)
  let services: Context.Context<ClerkClientServices> | undefined
  const context = () => {
    if (services === undefined) {
      try {
        services = runtime.runSync(Effect.context<ClerkClientServices>())
      } catch (error) {
        throw new Error("effect-clerk: the client's layers must build synchronously (check the httpClient layer)", {
          cause: error
        })
      }
    }
    return services
  }
  const resources: Record<string, Record<string, unknown>> = {}
  const self = Object.assign(() => Promise.resolve(client), {
    withOptions: (options: CallOptions) => buildClient(runtime, config, { ...callOptions, ...options }),
    runEffect: <A, E>(effect: Effect.Effect<A, E, ClerkClientServices>, signal?: AbortSignal) =>
      runner.run(effect, signal),
    runtime,
    dispose: () => runtime.dispose(),
    authenticateRequest: makeAuthenticateRequest(context, runner.run, promiseRunner(runner.run)),
    debugRequestState,
    telemetry: {
      isEnabled: false as const,
      isDebug: config.telemetry.debug,
      record: (_event: unknown) => {},
      recordLog: (_entry: unknown) => {}
    },
    config
  })
  for (const [name, tag] of Object.entries(resourceServices)) {
    Object.defineProperty(self, name, {
      enumerable: true,
      get: () => (resources[name] ??= wrapService(serviceOf(context(), tag.key), runner))
    })
  }
  const client = self as unknown as ClerkClient
  return client
}

let defaultClient: ClerkClient | undefined

/**
 * The default client, configured from the environment (CLERK_SECRET_KEY, CLERK_PUBLISHABLE_KEY, CLERK_JWT_KEY,
 * CLERK_API_URL, CLERK_API_VERSION, ...). Created on first call and reused.
 *
 * @since 0.1.0
 * @category Promise client
 */
export const clerkClient = async (): Promise<ClerkClient> => {
  if (defaultClient === undefined) {
    const options = Effect.runSync(Effect.either(optionsFromConfig()))
    if (Either.isLeft(options)) {
      throw new ClerkOptionsError(`effect-clerk: invalid Clerk environment: ${options.left.toString()}`, {
        cause: options.left
      })
    }
    defaultClient = createClerkClient(options.right)
  }
  return defaultClient
}
