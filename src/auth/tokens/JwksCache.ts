/**
 * Where a client's verification keys come from: its `jwtKey` when set, else the instance JWKS (`GET /jwks` through the
 * request pipeline), cached per client.
 *
 * The cache keeps imported keys by `kid` for a fixed TTL (5 minutes from the fetch, never sliding). Concurrent misses
 * share one fetch. An unknown `kid` triggers a refetch at most once per `unknownKidRefetchInterval` (10 s), so tokens
 * with made-up `kid`s cannot flood the Backend API. When a refresh fails, keys up to `maxStale` (1 hour) past their
 * TTL keep verifying (stale-while-error), and for the next `unknownKidRefetchInterval` requests get the stale key (or
 * the failure) at once instead of waiting on another doomed fetch. `skipJwksCache` forces a refetch (still shared with
 * one in flight).
 *
 * @module
 */
import * as Cause from "effect/Cause"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Deferred from "effect/Deferred"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import type * as Scope from "effect/Scope"
import { Jwks } from "../../resources/Jwks.js"
import { ClerkConfig } from "../../services/ClerkConfig.js"
import { type ClerkError, isApiResponseError } from "../../services/ClerkErrors.js"
import { tokenFailure, TokenVerificationAction, type TokenVerificationFailure } from "../errors.js"
import { importJwk, type KeyResult, type PublicKey } from "../jwt/keys.js"

/**
 * Tuning of the JWKS cache.
 *
 * @since 0.1.0
 * @category Tokens
 */
export interface JwksCacheOptions {
  /** How long fetched keys are trusted (default 5 minutes). */
  readonly ttl?: Duration.DurationInput | undefined
  /** The least time between two fetches caused by unknown `kid`s (default 10 seconds). */
  readonly unknownKidRefetchInterval?: Duration.DurationInput | undefined
  /** How long past the TTL keys keep verifying while refreshing fails (default 1 hour; 0 turns it off). */
  readonly maxStale?: Duration.DurationInput | undefined
}

/**
 * The key source of one client.
 *
 * @since 0.1.0
 * @category Tokens
 */
export interface JwksCacheShape {
  /** The client's PEM public key (`jwtKey` / CLERK_JWT_KEY); when set, verification never needs the network. */
  readonly jwtKey: string | undefined
  /** The usable cached key for `kid` when it is fresh at `now` (milliseconds); no effect, for hot paths. */
  readonly peek: (kid: string, now: number) => PublicKey | undefined
  /**
   * The key for `kid`: from the cache when fresh, else after a (shared, rate-limited) JWKS fetch. Fails with
   * `jwk-kid-mismatch`, `jwk-remote-failed-to-load`, `secret-key-invalid`, `jwk-failed-to-resolve` (no secret key), or
   * `token-verification-failed` (the JWKS key is not a usable RS256 key).
   */
  readonly getKey: (
    kid: unknown,
    options?: { readonly skipCache?: boolean | undefined }
  ) => Effect.Effect<PublicKey, TokenVerificationFailure>
  /** Forgets every cached key. */
  readonly invalidate: Effect.Effect<void>
}

/**
 * The key source service (one per client).
 *
 * @since 0.1.0
 * @category Tokens
 */
export class JwksCache extends Context.Tag("effect-clerk/JwksCache")<JwksCache, JwksCacheShape>() {}

interface Snapshot {
  readonly keys: ReadonlyMap<string, KeyResult>
  readonly fetchedAt: number
}

const kidMismatch = (kid: string) =>
  tokenFailure(
    "jwk-kid-mismatch",
    `Unable to find a signing key in JWKS that matches the kid='${kid}' of the provided session token. Please make sure that the __session cookie or the HTTP authorization header contain a Clerk-generated session JWT.`,
    { action: TokenVerificationAction.CheckKeys }
  )

/**
 * `jwk-failed-to-resolve`: neither a jwtKey nor a secret key is configured.
 *
 * @since 0.1.0
 * @category Tokens
 */
export const noKeySource = (): TokenVerificationFailure =>
  tokenFailure("jwk-failed-to-resolve", "No key to verify the token with: neither jwtKey nor secretKey is set.", {
    action: TokenVerificationAction.SetJwtKey
  })

const fromKeyResult = (key: KeyResult): Effect.Effect<PublicKey, TokenVerificationFailure> =>
  Either.isRight(key) ? Effect.succeed(key.right) : Effect.fail(key.left)

/**
 * Maps a failed JWKS call to `@clerk/backend`'s reasons.
 *
 * @since 0.1.0
 * @category Tokens
 */
export const jwksFailure = (error: ClerkError): TokenVerificationFailure => {
  const invalidKey = isApiResponseError(error) ? error.errors.find((e) => e.code === "clerk_key_invalid") : undefined
  if (invalidKey !== undefined) {
    return tokenFailure("secret-key-invalid", invalidKey.longMessage ?? invalidKey.message, {
      action: TokenVerificationAction.SetSecretKey
    })
  }
  return tokenFailure("jwk-remote-failed-to-load", `Could not load the instance JWKS: ${error.message}`, {
    action: TokenVerificationAction.CheckKeys
  })
}

const millis = (input: Duration.DurationInput | undefined, fallback: Duration.DurationInput): number =>
  Duration.toMillis(Duration.decode(input ?? fallback))

/**
 * A key source with only a PEM key (or none): it never fetches.
 *
 * @since 0.1.0
 * @category Tokens
 */
export const makeLocal = (jwtKey: string | undefined): JwksCacheShape => ({
  jwtKey: jwtKey === "" ? undefined : jwtKey,
  peek: () => undefined,
  getKey: () => Effect.fail(noKeySource()),
  invalidate: Effect.void
})

/**
 * Builds the cache over the `Jwks` resource; its fetches run in the layer's scope.
 *
 * @since 0.1.0
 * @category Tokens
 */
export const make = (
  options: JwksCacheOptions = {}
): Effect.Effect<JwksCacheShape, never, Jwks | ClerkConfig | Scope.Scope> =>
  Effect.gen(function* () {
    const config = yield* ClerkConfig
    if (config.secretKey === undefined) return makeLocal(config.jwtKey)
    const jwks = yield* Jwks
    const scope = yield* Effect.scope
    const ttl = millis(options.ttl, "5 minutes")
    const refetchInterval = millis(options.unknownKidRefetchInterval, "10 seconds")
    const maxStale = millis(options.maxStale, "1 hour")

    // Per-instance state. Only touched inside Effect.sync / suspend blocks, which never interleave.
    let snapshot: Snapshot | undefined
    let inflight: Deferred.Deferred<Snapshot, TokenVerificationFailure> | undefined
    let lastFetchStartedAt = Number.NEGATIVE_INFINITY
    let lastFailure: { readonly at: number; readonly error: TokenVerificationFailure } | undefined

    const fetchSnapshot: Effect.Effect<Snapshot, TokenVerificationFailure> = jwks.getJwks().pipe(
      Effect.mapError(jwksFailure),
      Effect.filterOrFail(
        (doc) => Array.isArray(doc.keys) && doc.keys.length > 0,
        () =>
          tokenFailure("jwk-remote-failed-to-load", "The instance JWKS has no signing keys.", {
            action: TokenVerificationAction.CheckKeys
          })
      ),
      Effect.flatMap((doc) =>
        Effect.map(
          Clock.currentTimeMillis,
          (fetchedAt): Snapshot => ({
            keys: new Map(doc.keys.map((jwk) => [jwk.kid, importJwk(jwk)] as const)),
            fetchedAt
          })
        )
      )
    )

    /** Joins the fetch in flight, or starts one in the layer's scope (so one caller's interruption cannot stop it). */
    const refresh = (now: number): Effect.Effect<Snapshot, TokenVerificationFailure> =>
      Effect.fiberIdWith((fiberId) => {
        if (inflight !== undefined) return Deferred.await(inflight)
        const deferred = Deferred.unsafeMake<Snapshot, TokenVerificationFailure>(fiberId)
        inflight = deferred
        lastFetchStartedAt = now
        const run = fetchSnapshot.pipe(
          Effect.onExit((exit) =>
            Effect.clockWith((clock) => {
              inflight = undefined
              if (Exit.isSuccess(exit)) {
                snapshot = exit.value
                lastFailure = undefined
              } else {
                const error = Cause.failureOption(exit.cause)
                if (Option.isSome(error)) lastFailure = { at: clock.unsafeCurrentTimeMillis(), error: error.value }
              }
              return Deferred.done(deferred, exit)
            })
          )
        )
        return Effect.zipRight(Effect.forkIn(run, scope), Deferred.await(deferred))
      })

    const peek = (kid: string, now: number): PublicKey | undefined => {
      if (snapshot === undefined || now - snapshot.fetchedAt >= ttl) return undefined
      const key = snapshot.keys.get(kid)
      return key !== undefined && Either.isRight(key) ? key.right : undefined
    }

    const getKey = (
      kid: unknown,
      opts?: { readonly skipCache?: boolean | undefined }
    ): Effect.Effect<PublicKey, TokenVerificationFailure> =>
      Effect.clockWith((clock) => {
        if (typeof kid !== "string" || kid === "") return Effect.fail(kidMismatch(String(kid)))
        const now = clock.unsafeCurrentTimeMillis()
        const previous = snapshot
        const age = previous === undefined ? Number.POSITIVE_INFINITY : now - previous.fetchedAt
        const forced = opts?.skipCache === true
        if (!forced && age < ttl) {
          const cached = previous?.keys.get(kid)
          if (cached !== undefined) return fromKeyResult(cached)
          if (inflight === undefined && now - lastFetchStartedAt < refetchInterval) return Effect.fail(kidMismatch(kid))
        }
        const stale = age < ttl + maxStale ? previous?.keys.get(kid) : undefined
        const failure = lastFailure
        if (!forced && inflight === undefined && failure !== undefined && now - failure.at < refetchInterval) {
          return stale === undefined ? Effect.fail(failure.error) : fromKeyResult(stale)
        }
        return Effect.matchEffect(refresh(now), {
          onSuccess: (next) => {
            const key = next.keys.get(kid)
            return key === undefined ? Effect.fail(kidMismatch(kid)) : fromKeyResult(key)
          },
          onFailure: (error) => (stale === undefined ? Effect.fail(error) : fromKeyResult(stale))
        })
      })

    return {
      jwtKey: config.jwtKey,
      peek,
      getKey,
      invalidate: Effect.sync(() => {
        snapshot = undefined
        lastFailure = undefined
        lastFetchStartedAt = Number.NEGATIVE_INFINITY
      })
    }
  })

/**
 * The JWKS cache of a client; needs the `Jwks` resource and the client's `ClerkConfig`.
 *
 * @since 0.1.0
 * @category Tokens
 */
export const layer = (options: JwksCacheOptions = {}): Layer.Layer<JwksCache, never, Jwks | ClerkConfig> =>
  Layer.scoped(JwksCache, make(options))

/**
 * A key source with only a PEM key: verification never touches the network (JWKS lookups fail).
 *
 * @since 0.1.0
 * @category Tokens
 */
export const layerLocal = (jwtKey: string | undefined): Layer.Layer<JwksCache> =>
  Layer.succeed(JwksCache, makeLocal(jwtKey))
