/**
 * The Promise API of token verification, drop-in for `@clerk/backend`'s top-level `verifyToken` (and its internal
 * `verifyMachineAuthToken`, as {@link TokenVerifier.verifyMachineToken}).
 *
 * A {@link TokenVerifier} keeps one small runtime (request pipeline + JWKS cache) per (apiUrl, apiVersion, secretKey,
 * machineSecretKey), built on first use, at most `maxClients` of them (least recently used disposed first). With a
 * `jwtKey`, `verifyToken` runs synchronously and never builds a runtime or touches the network.
 *
 * @module
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Cause from "effect/Cause"
import * as ConfigError from "effect/ConfigError"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Option from "effect/Option"
import { httpClientLayer } from "../layers/http.js"
import { ApiKeys } from "../resources/ApiKeys.js"
import { IdPOAuthAccessToken } from "../resources/IdPOAuthAccessToken.js"
import { Jwks } from "../resources/Jwks.js"
import { M2M } from "../resources/M2M.js"
import { layer as backendApiLayer } from "../services/BackendApi.js"
import { ClerkConfig, type ClerkOptions, resolve } from "../services/ClerkConfig.js"
import {
  machineFailure,
  MachineTokenVerificationError,
  type MachineTokenVerificationFailure,
  tokenFailure,
  TokenVerificationAction,
  TokenVerificationError,
  type TokenVerificationFailure
} from "../auth/errors.js"
import type { JwtPayload } from "../auth/jwt/claims.js"
import type { MachineTokenResult } from "../auth/machine/results.js"
import {
  type MachineVerifyServices,
  verifyMachineToken as verifyMachineTokenEffect,
  type VerifyMachineTokenOptions
} from "../auth/machine/verify.js"
import {
  JwksCache,
  type JwksCacheOptions,
  type JwksCacheShape,
  layer as jwksCacheLayer,
  makeLocal
} from "../auth/tokens/JwksCache.js"
import { planVerification, type VerifyTokenOptions } from "../auth/tokens/verifyToken.js"
import { type ExitRunner, runPromise } from "./runtime.js"

/** Runs a plan that needs no service (a local key, checked through Web Crypto) on the default runtime. */
const standalone: ExitRunner<never> = {
  runPromiseExit: (effect, options) =>
    Effect.runPromiseExit(effect, options?.signal === undefined ? undefined : { signal: options.signal })
}

/**
 * Options of the Promise `verifyToken`: exactly `@clerk/backend` 3.25.0's.
 *
 * @since 0.1.0
 * @category Promise client
 */
export interface VerifyTokenPromiseOptions extends VerifyTokenOptions {
  /** Secret key used to fetch the JWKS when no `jwtKey` is given. */
  readonly secretKey?: string | undefined
  /** Backend API origin (default `https://api.clerk.com`). */
  readonly apiUrl?: string | undefined
  /** URL path version (default `v1`). */
  readonly apiVersion?: string | undefined
  /** Accepted and ignored, as in `@clerk/backend` (deprecated there). The cache TTL is 5 minutes. */
  readonly jwksCacheTtlInMs?: number | undefined
}

/**
 * Options of the Promise `verifyMachineToken`.
 *
 * @since 0.1.0
 * @category Promise client
 */
export interface VerifyMachineTokenPromiseOptions extends VerifyMachineTokenOptions {
  readonly secretKey?: string | undefined
  /** Authenticates `POST /m2m_tokens/verify` (falls back to `secretKey`). */
  readonly machineSecretKey?: string | undefined
  readonly apiUrl?: string | undefined
  readonly apiVersion?: string | undefined
}

/**
 * How a {@link TokenVerifier} talks to the Backend API.
 *
 * @since 0.1.0
 * @category Promise client
 */
export interface TokenVerifierOptions {
  /** A `fetch` to use instead of the global one. */
  readonly fetch?: typeof globalThis.fetch | undefined
  /** An HttpClient layer to use instead of fetch (tests: `FakeHttp.layer`, the fake backend). */
  readonly httpClient?: Layer.Layer<HttpClient.HttpClient> | undefined
  /** JWKS cache tuning. */
  readonly jwks?: JwksCacheOptions | undefined
  /** Retry and timeout of the JWKS and verify calls (the client defaults otherwise). */
  readonly retry?: ClerkOptions["retry"]
  readonly timeout?: ClerkOptions["timeout"]
  /** How many (apiUrl, apiVersion, keys) runtimes to keep (default 16). */
  readonly maxClients?: number | undefined
}

/**
 * A Promise token verifier with its own bounded set of runtimes.
 *
 * @since 0.1.0
 * @category Promise client
 */
export interface TokenVerifier {
  /** Resolves the claims of a valid session token; rejects with {@link TokenVerificationError}. */
  readonly verifyToken: (token: string, options?: VerifyTokenPromiseOptions) => Promise<JwtPayload>
  /** Resolves a verified machine token and its type; rejects with {@link MachineTokenVerificationError}. */
  readonly verifyMachineToken: (
    token: string,
    options?: VerifyMachineTokenPromiseOptions
  ) => Promise<MachineTokenResult>
  /** Disposes every runtime (in-flight calls are interrupted). The verifier can still be used afterwards. */
  readonly dispose: () => Promise<void>
}

type Services = JwksCache | MachineVerifyServices

interface Client {
  readonly runtime: ManagedRuntime.ManagedRuntime<Services, never>
  readonly keys: JwksCacheShape
  /** The options it was built for (the most recently used client is matched on these, without building its id). */
  readonly apiUrl: string | undefined
  readonly apiVersion: string | undefined
  readonly secretKey: string | undefined
  readonly machineSecretKey: string | undefined
}

const NO_KEYS = makeLocal(undefined)

/** Why options cannot make a runtime; `badKey` when a (machine) secret key is malformed. */
interface OptionsProblem {
  readonly badKey: boolean
  readonly message: string
}

const optionsProblem = (error: ConfigError.ConfigError): OptionsProblem => {
  const path = ConfigError.isInvalidData(error) ? error.path[0] : undefined
  return {
    badKey: path === "secretKey" || path === "machineSecretKey",
    message: `Invalid verification options: ${error.toString()}`
  }
}

const failureOf = <E>(cause: Cause.Cause<E>, unexpected: (message: string) => E): E =>
  Option.getOrElse(Cause.failureOption(cause), () =>
    unexpected(
      Cause.isInterruptedOnly(cause) ? "Verification was interrupted." : "Unexpected error during verification."
    )
  )

const rejectToken = (failure: TokenVerificationFailure): Promise<never> =>
  Promise.reject(new TokenVerificationError(failure))

/**
 * Creates a verifier; `verifyToken` from the package root is a default one over the global `fetch`.
 *
 * @since 0.1.0
 * @category Promise client
 */
export const createTokenVerifier = (verifierOptions: TokenVerifierOptions = {}): TokenVerifier => {
  const maxClients = Math.max(1, verifierOptions.maxClients ?? 16)
  const clients = new Map<string, Client>()
  let newest: Client | undefined
  const http = httpClientLayer(verifierOptions)

  /** The runtime for these keys, or why the options cannot make one. */
  const clientFor = (options: ClerkOptions): Either.Either<Client, OptionsProblem> => {
    const last = newest
    if (
      last !== undefined &&
      last.apiUrl === options.apiUrl &&
      last.apiVersion === options.apiVersion &&
      last.secretKey === options.secretKey &&
      last.machineSecretKey === options.machineSecretKey
    )
      return Either.right(last)
    const id = `${options.apiUrl ?? ""}|${options.apiVersion ?? ""}|${options.secretKey ?? ""}|${options.machineSecretKey ?? ""}`
    const hit = clients.get(id)
    if (hit !== undefined) {
      clients.delete(id)
      clients.set(id, hit)
      newest = hit
      return Either.right(hit)
    }
    const config = resolve({ ...options, retry: verifierOptions.retry, timeout: verifierOptions.timeout })
    if (Either.isLeft(config)) return Either.left(optionsProblem(config.left))
    const services = Layer.mergeAll(
      jwksCacheLayer(verifierOptions.jwks),
      M2M.Default,
      ApiKeys.Default,
      IdPOAuthAccessToken.Default
    )
    const layer = services.pipe(
      Layer.provideMerge(Jwks.Default),
      Layer.provideMerge(backendApiLayer),
      Layer.provide(Layer.succeed(ClerkConfig, config.right)),
      Layer.provide(http)
    )
    const runtime = ManagedRuntime.make(layer)
    const keys = runtime.runSyncExit(JwksCache)
    if (Exit.isFailure(keys)) {
      runtime.dispose().catch(() => undefined)
      return Either.left({ badKey: false, message: "The HTTP client layer must build synchronously." })
    }
    const client: Client = {
      runtime,
      keys: keys.value,
      apiUrl: options.apiUrl,
      apiVersion: options.apiVersion,
      secretKey: options.secretKey,
      machineSecretKey: options.machineSecretKey
    }
    if (clients.size >= maxClients) {
      const oldest = clients.entries().next()
      if (oldest.done !== true) {
        clients.delete(oldest.value[0])
        oldest.value[1].runtime.dispose().catch(() => undefined)
      }
    }
    clients.set(id, client)
    newest = client
    return Either.right(client)
  }

  const optionsFailure = (problem: OptionsProblem): TokenVerificationFailure =>
    problem.badKey
      ? tokenFailure("secret-key-invalid", problem.message, { action: TokenVerificationAction.SetSecretKey })
      : tokenFailure("jwk-remote-failed-to-load", problem.message, { action: TokenVerificationAction.CheckKeys })

  const settle = (
    plan: Either.Either<JwtPayload, TokenVerificationFailure> | Effect.Effect<JwtPayload, TokenVerificationFailure>,
    client: Client | undefined
  ): Promise<JwtPayload> => {
    if (Either.isEither(plan)) return Either.isRight(plan) ? Promise.resolve(plan.right) : rejectToken(plan.left)
    const onFailure = (cause: Cause.Cause<TokenVerificationFailure>) =>
      new TokenVerificationError(failureOf(cause, (m) => tokenFailure("token-verification-failed", m)))
    // A networkless plan that is still an Effect checks its signature asynchronously (Web Crypto): it needs no client.
    if (client === undefined) return runPromise(standalone, plan, undefined, onFailure)
    return runPromise(client.runtime, plan, undefined, onFailure)
  }

  const verifyToken = (token: string, options: VerifyTokenPromiseOptions = {}): Promise<JwtPayload> => {
    try {
      const now = Date.now()
      if (options.jwtKey || !options.secretKey) return settle(planVerification(token, options, NO_KEYS, now), undefined)
      const client = clientFor(options)
      if (Either.isLeft(client)) {
        // Token problems are reported first (as @clerk/backend does), then the bad options.
        const local = planVerification(token, options, NO_KEYS, now)
        return rejectToken(Either.isEither(local) && Either.isLeft(local) ? local.left : optionsFailure(client.left))
      }
      return settle(planVerification(token, options, client.right.keys, now), client.right)
    } catch (error) {
      return Promise.reject(error)
    }
  }

  const verifyMachineToken = (
    token: string,
    options: VerifyMachineTokenPromiseOptions = {}
  ): Promise<MachineTokenResult> => {
    const rejectMachine = (failure: MachineTokenVerificationFailure): Promise<never> =>
      Promise.reject(new MachineTokenVerificationError(failure))
    try {
      const client = clientFor(options)
      if (Either.isLeft(client)) {
        const { badKey, message } = client.left
        return rejectMachine(
          badKey
            ? machineFailure("secret-key-invalid", message, { action: TokenVerificationAction.SetSecretKey })
            : machineFailure("unexpected-error", message)
        )
      }
      return runPromise(
        client.right.runtime,
        verifyMachineTokenEffect(token, options),
        undefined,
        (cause) => new MachineTokenVerificationError(failureOf(cause, (m) => machineFailure("unexpected-error", m)))
      )
    } catch (error) {
      return Promise.reject(error)
    }
  }

  const dispose = async (): Promise<void> => {
    const all = [...clients.values()]
    clients.clear()
    newest = undefined
    await Promise.all(all.map((client) => client.runtime.dispose()))
  }

  return { verifyToken, verifyMachineToken, dispose }
}

let defaultVerifier: TokenVerifier | undefined
const getDefault = (): TokenVerifier => (defaultVerifier ??= createTokenVerifier())

/**
 * Verifies a Clerk session token: resolves its claims or rejects with {@link TokenVerificationError}, like
 * `@clerk/backend`'s `verifyToken`. Networkless with `jwtKey`; otherwise the JWKS is fetched with `secretKey` and
 * cached (5 minutes) per (apiUrl, apiVersion, secretKey).
 *
 * @since 0.1.0
 * @category Promise client
 */
export const verifyToken = (token: string, options: VerifyTokenPromiseOptions = {}): Promise<JwtPayload> =>
  getDefault().verifyToken(token, options)

/**
 * Verifies an M2M token, OAuth access token or API key: resolves `{ tokenType, data }` or rejects with
 * {@link MachineTokenVerificationError}. Revoked or expired tokens are rejected even when the Backend API answers 200.
 *
 * @since 0.1.0
 * @category Promise client
 */
export const verifyMachineToken = (
  token: string,
  options: VerifyMachineTokenPromiseOptions = {}
): Promise<MachineTokenResult> => getDefault().verifyMachineToken(token, options)
