/**
 * A stateful, in-memory fake of the Clerk Backend API. It speaks the real wire format (snake_case JSON, `/v1` paths
 * and the versionless machine-auth paths), checks `Authorization: Bearer <secret key>`, keeps state for users,
 * organizations, memberships, invitations, sessions, clients, identifiers, API keys, M2M tokens and more, answers
 * every other spec operation from its example fixture, mints session and machine tokens signed with its own key
 * (served at `GET /v1/jwks`), and can inject faults.
 *
 * Run it as an `HttpClient` layer ({@link layer}) or on loopback (`FakeServer.start`).
 *
 * ```ts
 * const fake = FakeBackend.make()
 * const user = fake.seed.user({ emailAddress: ["ada@example.com"] })
 * const token = fake.mintSessionToken({ userId: user.id })
 * ```
 *
 * @module
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import * as FakeHttp from "./FakeHttp.js"
import { type SpecOperation, specOperations } from "../models/generated/operations.js"
import type * as S from "../models/generated/schemas.js"
import * as Faults from "./faults.js"
import { isStateful, makeDispatch } from "./internal/dispatch.js"
import type { HandlerSettings } from "./internal/http.js"
import { secretKeyPolicy } from "./internal/keys.js"
import { renderClient, renderMembership, renderUser } from "./internal/render.js"
import { clearState, emptyState, makeIds, type Wire } from "./internal/store.js"
import * as Machine from "./routes/machine.js"
import { type FakeSeeder, FakeSeedError, makeSeeder } from "./seed.js"
import * as Tokens from "./tokens.js"

export type { FakeJwk, FakeKeys, MachineTokenOptions, SessionTokenOptions, TokenOrganization } from "./tokens.js"
export { FakeSeedError } from "./seed.js"
export type { FakeSeeder, OrganizationSeed, UserSeed } from "./seed.js"
export { statefulRoutes } from "./internal/dispatch.js"
/** The wire (snake_case, encoded) shape of a generated model, e.g. `Wire<typeof User>`: what seeds return. */
export type { Wire } from "./internal/store.js"

/**
 * The secret key a fake reports (and its clients use) unless told otherwise; with none configured, any `sk_…` key works.
 *
 * @since 0.1.0
 * @category Testing
 */
export const DEFAULT_SECRET_KEY = "sk_test_effectClerkFakeBackendSecretKey"

/**
 * The Frontend API host a fake's publishable key and token issuer name unless told otherwise.
 *
 * @since 0.1.0
 * @category Testing
 */
export const DEFAULT_FRONTEND_API = "effect-clerk-fake.clerk.accounts.dev"

/**
 * Options of {@link make}. Everything is optional.
 *
 * @since 0.1.0
 * @category Testing
 */
export interface FakeBackendOptions {
  /**
   * The only secret key the fake accepts. Unset (the default), the fake accepts any secret key (`sk_…`), so a client
   * keeps the key it has, and reports {@link DEFAULT_SECRET_KEY} as its own. A rejected key gets a 401
   * `clerk_key_invalid` whose message describes the expected key's shape (never a key).
   */
  readonly secretKey?: string | undefined
  /** The fake Frontend API host: the publishable key encodes it and tokens are issued by `https://<host>`. */
  readonly frontendApi?: string | undefined
  /** A signing key pair to reuse (generating one takes ~100 ms); see `Tokens.generateKeys`. */
  readonly keys?: Tokens.FakeKeys | undefined
  /** Seed of the deterministic id generator (default 1). */
  readonly seed?: number | undefined
  /** The fake's clock in epoch milliseconds (default `Date.now`; the layer uses the Effect clock, so `TestClock` works). */
  readonly now?: (() => number) | undefined
  /**
   * Verifying a revoked or expired API key / M2M / OAuth token: `not-found` (default) answers 404 as for an unknown
   * token; `flagged` answers 200 with `revoked`/`expired` set, as Clerk has been seen to do.
   */
  readonly revokedTokenVerification?: "not-found" | "flagged" | undefined
}

/**
 * Read-only views of the fake's state, as wire objects.
 *
 * @since 0.1.0
 * @category Testing
 */
export interface FakeInspector {
  /** Every user, as `GET /v1/users/{id}` would answer. */
  readonly users: () => ReadonlyArray<Wire<typeof S.User>>
  /** One user, or `undefined`. */
  readonly user: (id: string) => Wire<typeof S.User> | undefined
  /** Every organization. */
  readonly organizations: () => ReadonlyArray<Wire<typeof S.Organization>>
  /** Every organization membership. */
  readonly memberships: () => ReadonlyArray<Wire<typeof S.OrganizationMembership>>
  /** Every organization invitation. */
  readonly organizationInvitations: () => ReadonlyArray<Wire<typeof S.OrganizationInvitation>>
  /** Every session. */
  readonly sessions: () => ReadonlyArray<Wire<typeof S.Session>>
  /** Every client, with its sessions. */
  readonly clients: () => ReadonlyArray<Wire<typeof S.Client>>
  /** Every instance invitation. */
  readonly invitations: () => ReadonlyArray<Wire<typeof S.Invitation>>
  /** Every API key (without secrets). */
  readonly apiKeys: () => ReadonlyArray<Wire<typeof S.ApiKey>>
  /** Every M2M token (without secrets). */
  readonly m2mTokens: () => ReadonlyArray<Wire<typeof S.MachineToMachineToken>>
}

/**
 * A running fake backend.
 *
 * @since 0.1.0
 * @category Testing
 */
export interface FakeBackendInstance {
  /** A secret key the fake accepts: the configured one, else {@link DEFAULT_SECRET_KEY}. */
  readonly secretKey: string
  /** A publishable key (`pk_test_…`) for the fake Frontend API host. */
  readonly publishableKey: string
  /** The fake Frontend API host. */
  readonly frontendApi: string
  /** `https://<frontendApi>`: the `iss` of every minted token. */
  readonly issuer: string
  /** The public key (SPKI PEM) that verifies minted tokens: a client's `jwtKey`. */
  readonly jwtKey: string
  /** The JWKS served at `GET /v1/jwks`. */
  readonly jwks: { readonly keys: ReadonlyArray<Tokens.FakeJwk> }
  /** The signing key pair (reuse it in other fakes with the `keys` option). */
  readonly keys: Tokens.FakeKeys
  /** The request handler: plug it into `FakeHttp.layer`, or let `FakeServer` serve it. */
  readonly handler: FakeHttp.FakeHandler
  /** Creates state through the API's own code paths; throws `FakeSeedError` when Clerk would answer with an error. */
  readonly seed: FakeSeeder
  /** Reads the state. */
  readonly inspect: FakeInspector
  /** Signs a session token (RS256, v2 claims by default) verifiable with `jwtKey` or the JWKS. */
  readonly mintSessionToken: (options: Tokens.SessionTokenOptions) => string
  /**
   * Mints a machine token: opaque tokens (`mt_…`, `ak_…`, `oat_…`) are registered so the verify endpoints accept them;
   * JWTs are signed with the fake's key.
   */
  readonly mintMachineToken: (options: Tokens.MachineTokenOptions) => { readonly id: string; readonly token: string }
  /** Injects a fault (see `Fault`). */
  readonly inject: (fault: Faults.Fault, options?: Faults.InjectOptions) => Faults.InjectedFault
  /** Removes every injected fault. */
  readonly clearFaults: () => void
  /** Forgets all state and faults and restarts the id sequence; keys stay. */
  readonly reset: () => void
}

/**
 * The fake backend as a service, for state inspection, seeding and token minting in Effect tests.
 *
 * @since 0.1.0
 * @category Testing
 */
export class FakeBackend extends Context.Tag("effect-clerk/testing/FakeBackend")<FakeBackend, FakeBackendInstance>() {}

/**
 * Builds a fake backend (synchronously; generating the RSA key takes ~100 ms unless `keys` is given).
 *
 * @since 0.1.0
 * @category Testing
 */
export const make = (options: FakeBackendOptions = {}): FakeBackendInstance => {
  const secretKey = options.secretKey ?? DEFAULT_SECRET_KEY
  const frontendApi = options.frontendApi ?? DEFAULT_FRONTEND_API
  const keys = options.keys ?? Tokens.generateKeys()
  const now = options.now ?? Date.now
  const seed = options.seed ?? 1
  const ids = makeIds(seed)
  const state = emptyState()
  const faults = Faults.makeRegistry()
  const settings: HandlerSettings = {
    issuer: `https://${frontendApi}`,
    revokedTokenVerification: options.revokedTokenVerification ?? "not-found"
  }
  const env = () => ({ state, ids, now: now(), keys, settings })
  const dispatch = makeDispatch({
    secretKey: secretKeyPolicy(options.secretKey),
    state,
    ids,
    keys,
    settings,
    faults,
    now
  })
  const handler: FakeHttp.FakeHandler = (request) => dispatch(request, false)
  const seeder = makeSeeder(dispatch, (name) => {
    const row = Machine.addMachine(env(), name)
    return { id: row.id, name: row.name, secretKey: row.secretKey }
  })

  const inspect: FakeInspector = {
    users: () => [...state.users.values()].map((row) => renderUser(state, row)),
    user: (id) => {
      const row = state.users.get(id)
      return row === undefined ? undefined : renderUser(state, row)
    },
    organizations: () => [...state.organizations.values()],
    memberships: () =>
      [...state.memberships.values()].flatMap((m) => {
        const rendered = renderMembership(state, m)
        return rendered === undefined ? [] : [rendered]
      }),
    organizationInvitations: () => [...state.organizationInvitations.values()],
    sessions: () => [...state.sessions.values()],
    clients: () => [...state.clients.values()].map((c) => renderClient(state, c)),
    invitations: () => [...state.invitations.values()],
    apiKeys: () => [...state.apiKeys.values()].map((r) => r.wire),
    m2mTokens: () => [...state.m2mTokens.values()].map((r) => r.wire)
  }

  const mintMachineToken = (options: Tokens.MachineTokenOptions) => {
    const e = env()
    const seconds = options.expiresInSeconds
    switch (options.kind) {
      case "api_key": {
        const row = Machine.issueApiKey(e, {
          name: options.name ?? "fake key",
          subject: options.subject ?? "user_fake",
          scopes: options.scopes,
          claims: options.claims,
          secondsUntilExpiration: seconds
        })
        return { id: row.wire.id, token: row.secret }
      }
      case "m2m_token": {
        const row = Machine.issueM2MToken(e, {
          machineId: options.subject ?? Machine.defaultMachine(e).id,
          format: options.format,
          scopes: options.scopes,
          claims: options.claims,
          secondsUntilExpiration: seconds
        })
        return { id: row.wire.id, token: row.secret }
      }
      case "oauth_token": {
        const subject = options.subject ?? "user_fake"
        const row = Machine.issueOAuthToken(e, {
          subject,
          clientId: options.clientId,
          scopes: options.scopes,
          secondsUntilExpiration: seconds
        })
        if (options.format !== "jwt") return { id: row.wire.id, token: row.secret }
        const parts = Tokens.machineJwtParts(settings.issuer, options, row.wire.id, subject, Math.floor(e.now / 1000))
        const token = Tokens.signJwt(keys, parts.payload, parts.header)
        state.oauthTokens.set(row.wire.id, { ...row, secret: token })
        return { id: row.wire.id, token }
      }
    }
  }

  return {
    secretKey,
    publishableKey: Tokens.publishableKeyFor(frontendApi),
    frontendApi,
    issuer: settings.issuer,
    jwtKey: keys.publicKeyPem,
    jwks: { keys: [keys.jwk] },
    keys,
    handler,
    seed: seeder,
    inspect,
    mintSessionToken: (tokenOptions) =>
      Tokens.signJwt(keys, Tokens.sessionClaims(settings.issuer, tokenOptions, Math.floor(now() / 1000))),
    mintMachineToken,
    inject: faults.inject,
    clearFaults: faults.clear,
    reset: () => {
      clearState(state)
      faults.clear()
      ids.reset()
    }
  }
}

/**
 * Every spec operation the fake answers, with whether it keeps state for it.
 *
 * @since 0.1.0
 * @category Testing
 */
export const operations: ReadonlyArray<{ readonly operation: SpecOperation; readonly stateful: boolean }> =
  specOperations.map((operation) => ({
    operation,
    stateful: isStateful(`${operation.method} ${operation.path}`)
  }))

/**
 * The fake as an `HttpClient` layer: provides `HttpClient` (answered by the fake, no network), the `FakeHttp.Recorder`
 * of every request, and the {@link FakeBackend} service. The fake's clock is the Effect clock, so `TestClock` moves
 * its timestamps and token times.
 *
 * @since 0.1.0
 * @category Testing
 */
export const layer = (
  options: FakeBackendOptions = {}
): Layer.Layer<HttpClient.HttpClient | FakeHttp.Recorder | FakeBackend> =>
  Layer.effectContext(
    Effect.gen(function* () {
      const clock = yield* Effect.clock
      return yield* contextFor(make({ ...options, now: options.now ?? (() => clock.unsafeCurrentTimeMillis()) }))
    })
  )

/**
 * An `HttpClient` layer over an existing fake (share one fake between a layer and a server, or between tests).
 *
 * @since 0.1.0
 * @category Testing
 */
export const layerFrom = (
  fake: FakeBackendInstance
): Layer.Layer<HttpClient.HttpClient | FakeHttp.Recorder | FakeBackend> => Layer.effectContext(contextFor(fake))

const contextFor = (fake: FakeBackendInstance) =>
  Effect.map(FakeHttp.make(fake.handler), ({ client, recorder }) =>
    Context.make(HttpClient.HttpClient, client).pipe(
      Context.add(FakeHttp.Recorder, recorder),
      Context.add(FakeBackend, fake)
    )
  )

/**
 * Seeds state in an Effect: `FakeBackend.seed((s) => s.user({ ... }))`; a rejected seed fails with `FakeSeedError`.
 *
 * @since 0.1.0
 * @category Testing
 */
export const seed = <A>(f: (seeder: FakeSeeder) => A): Effect.Effect<A, FakeSeedError, FakeBackend> =>
  Effect.flatMap(FakeBackend, (fake) =>
    Effect.try({
      try: () => f(fake.seed),
      catch: (error) =>
        error instanceof FakeSeedError
          ? error
          : new FakeSeedError({ status: 0, code: "unexpected", detail: String(error) })
    })
  )

/**
 * Mints a session token with the fake in context.
 *
 * @since 0.1.0
 * @category Testing
 */
export const mintSessionToken = (options: Tokens.SessionTokenOptions): Effect.Effect<string, never, FakeBackend> =>
  Effect.map(FakeBackend, (fake) => fake.mintSessionToken(options))

/**
 * Mints a machine token with the fake in context.
 *
 * @since 0.1.0
 * @category Testing
 */
export const mintMachineToken = (
  options: Tokens.MachineTokenOptions
): Effect.Effect<{ readonly id: string; readonly token: string }, never, FakeBackend> =>
  Effect.map(FakeBackend, (fake) => fake.mintMachineToken(options))

/**
 * Injects a fault into the fake in context; it is removed when the scope closes.
 *
 * @since 0.1.0
 * @category Testing
 */
export const inject = (
  fault: Faults.Fault,
  options?: Faults.InjectOptions
): Effect.Effect<Faults.InjectedFault, never, FakeBackend | Scope.Scope> =>
  Effect.flatMap(FakeBackend, (fake) =>
    Effect.acquireRelease(
      Effect.sync(() => fake.inject(fault, options)),
      (injected) => Effect.sync(injected.remove)
    )
  )
