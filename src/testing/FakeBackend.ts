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
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import type * as Scope from "effect/Scope"
import { randomBytes } from "node:crypto"
import * as FakeHttp from "../layers/FakeHttp.js"
import { type SpecOperation, specOperations } from "../models/generated/operations.js"
import * as S from "../models/generated/schemas.js"
import { snakeKeys } from "../services/internal/casing.js"
import * as Faults from "./faults.js"
import { generic } from "./internal/generic.js"
import { type Caller, type Ctx, errorResponse, type HandlerSettings, type Route } from "./internal/http.js"
import { renderClient, renderMembership, renderUser } from "./internal/render.js"
import { clearState, emptyState, makeIds, type Wire } from "./internal/store.js"
import * as Identifications from "./routes/identifications.js"
import * as Instance from "./routes/instance.js"
import * as Invitations from "./routes/invitations.js"
import * as Machine from "./routes/machine.js"
import * as Memberships from "./routes/memberships.js"
import * as OrganizationDomains from "./routes/organizationDomains.js"
import * as OrganizationInvitations from "./routes/organizationInvitations.js"
import * as Organizations from "./routes/organizations.js"
import * as Restrictions from "./routes/restrictions.js"
import * as Sessions from "./routes/sessions.js"
import * as Users from "./routes/users.js"
import * as Tokens from "./tokens.js"

export type { FakeJwk, FakeKeys, MachineTokenOptions, SessionTokenOptions, TokenOrganization } from "./tokens.js"

/** The secret key a fake accepts unless told otherwise. */
export const DEFAULT_SECRET_KEY = "sk_test_effectClerkFakeBackendSecretKey"

/** The Frontend API host a fake's publishable key and token issuer name unless told otherwise. */
export const DEFAULT_FRONTEND_API = "effect-clerk-fake.clerk.accounts.dev"

/** Options of {@link make}. Everything is optional. */
export interface FakeBackendOptions {
  /** The only secret key the fake accepts (default {@link DEFAULT_SECRET_KEY}). */
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

/** Parameters of `seed.user`: `createUser`'s parameters (camelCase or snake_case). */
export interface UserSeed {
  readonly emailAddress?: ReadonlyArray<string> | undefined
  readonly phoneNumber?: ReadonlyArray<string> | undefined
  readonly username?: string | undefined
  readonly password?: string | undefined
  readonly firstName?: string | undefined
  readonly lastName?: string | undefined
  readonly externalId?: string | undefined
  readonly publicMetadata?: Readonly<Record<string, unknown>> | undefined
  readonly privateMetadata?: Readonly<Record<string, unknown>> | undefined
  readonly unsafeMetadata?: Readonly<Record<string, unknown>> | undefined
  readonly [param: string]: unknown
}

/** Parameters of `seed.organization`. */
export interface OrganizationSeed {
  readonly name: string
  readonly slug?: string | undefined
  readonly createdBy?: string | undefined
  readonly maxAllowedMemberships?: number | undefined
  readonly publicMetadata?: Readonly<Record<string, unknown>> | undefined
  readonly privateMetadata?: Readonly<Record<string, unknown>> | undefined
  readonly [param: string]: unknown
}

/** Test-setup helpers: each creates through the same code path as the API call and returns the wire object. */
export interface FakeSeeder {
  readonly user: (params?: UserSeed) => Wire<typeof S.User>
  readonly organization: (params: OrganizationSeed) => Wire<typeof S.Organization>
  readonly membership: (params: {
    readonly organizationId: string
    readonly userId: string
    readonly role?: string | undefined
    readonly [param: string]: unknown
  }) => Wire<typeof S.OrganizationMembership>
  readonly organizationInvitation: (params: {
    readonly organizationId: string
    readonly emailAddress: string
    readonly role?: string | undefined
    readonly [param: string]: unknown
  }) => Wire<typeof S.OrganizationInvitation>
  readonly organizationDomain: (params: {
    readonly organizationId: string
    readonly name: string
    readonly [param: string]: unknown
  }) => Wire<typeof S.OrganizationDomain>
  readonly session: (params: {
    readonly userId: string
    readonly activeOrganizationId?: string | undefined
  }) => Wire<typeof S.Session>
  readonly emailAddress: (params: {
    readonly userId: string
    readonly emailAddress: string
    readonly [param: string]: unknown
  }) => Wire<typeof S.EmailAddress>
  readonly phoneNumber: (params: {
    readonly userId: string
    readonly phoneNumber: string
    readonly [param: string]: unknown
  }) => Wire<typeof S.PhoneNumber>
  readonly invitation: (params: {
    readonly emailAddress: string
    readonly [param: string]: unknown
  }) => Wire<typeof S.Invitation>
  readonly jwtTemplate: (params: {
    readonly name: string
    readonly claims: Readonly<Record<string, unknown>>
    readonly [param: string]: unknown
  }) => Wire<typeof S.JWTTemplate>
  readonly allowlistIdentifier: (identifier: string) => Wire<typeof S.AllowlistIdentifier>
  readonly blocklistIdentifier: (identifier: string) => Wire<typeof S.BlocklistIdentifier>
  readonly redirectUrl: (url: string) => Wire<typeof S.RedirectURL>
  readonly domain: (params: { readonly name: string; readonly isSatellite?: boolean | undefined }) => Wire<typeof S.Domain>
  readonly apiKey: (params: {
    readonly name: string
    readonly subject: string
    readonly [param: string]: unknown
  }) => Wire<typeof S.CreateApiKeyResponse>
  /** A machine whose `secretKey` (`ak_…`) can be the client's `machineSecretKey`. */
  readonly machine: (name?: string) => { readonly id: string; readonly name: string; readonly secretKey: string }
}

/** Read-only views of the fake's state, as wire objects. */
export interface FakeInspector {
  readonly users: () => ReadonlyArray<Wire<typeof S.User>>
  readonly user: (id: string) => Wire<typeof S.User> | undefined
  readonly organizations: () => ReadonlyArray<Wire<typeof S.Organization>>
  readonly memberships: () => ReadonlyArray<Wire<typeof S.OrganizationMembership>>
  readonly organizationInvitations: () => ReadonlyArray<Wire<typeof S.OrganizationInvitation>>
  readonly sessions: () => ReadonlyArray<Wire<typeof S.Session>>
  readonly clients: () => ReadonlyArray<Wire<typeof S.Client>>
  readonly invitations: () => ReadonlyArray<Wire<typeof S.Invitation>>
  readonly apiKeys: () => ReadonlyArray<Wire<typeof S.ApiKey>>
  readonly m2mTokens: () => ReadonlyArray<Wire<typeof S.MachineToMachineToken>>
}

/** A running fake backend. */
export interface FakeBackendInstance {
  /** The secret key the fake accepts. */
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

/** A seed helper was given what Clerk would reject; carries the Clerk error. */
export class FakeSeedError extends Schema.TaggedError<FakeSeedError>("effect-clerk/FakeSeedError")("FakeSeedError", {
  status: Schema.Number,
  code: Schema.String,
  detail: Schema.String
}) {
  override get message(): string {
    return `Fake backend rejected the seed (${this.status} ${this.code}): ${this.detail}`
  }
}

/** The fake backend as a service, for state inspection, seeding and token minting in Effect tests. */
export class FakeBackend extends Context.Tag("effect-clerk/testing/FakeBackend")<FakeBackend, FakeBackendInstance>() {}

const VERSIONLESS = ["/api_keys", "/m2m_tokens", "/oauth_applications/access_tokens/verify"]

const isParam = (segment: string) => segment.startsWith("{")

/** Literal segments before placeholders, so `/users/count` wins over `/users/{user_id}`. */
const specificity = (a: string, b: string): number => {
  const x = a.split(" ")[1]!.split("/")
  const y = b.split(" ")[1]!.split("/")
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const px = isParam(x[i]!)
    const py = isParam(y[i]!)
    if (px !== py) return px ? 1 : -1
  }
  return 0
}

const stateful: ReadonlyArray<Readonly<Record<string, Route>>> = [
  Users.routes,
  Identifications.routes,
  Organizations.routes,
  Memberships.routes,
  OrganizationInvitations.routes,
  OrganizationDomains.routes,
  Sessions.routes,
  Invitations.routes,
  Restrictions.routes,
  Instance.routes,
  Machine.routes
]

/** The spec route (`"METHOD /path"`) of every stateful handler; each is a spec operation. */
export const statefulRoutes: ReadonlyArray<string> = stateful.flatMap((table) => Object.keys(table))

const statefulTable: Readonly<Record<string, Route>> = Object.assign({}, ...stateful)

const notFoundResponse = (method: string, path: string) =>
  errorResponse(404, {
    code: "resource_not_found",
    message: "not found",
    long_message: `No route ${method} ${path} in the Backend API`
  })

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  u !== null && typeof u === "object" && !Array.isArray(u)

/** Adds a `clerk_trace_id` to Clerk error bodies that lack one. */
const withTraceId = (response: FakeHttp.FakeResponse): FakeHttp.FakeResponse =>
  "status" in response && response.status >= 400 && isRecord(response.body) && Array.isArray(response.body.errors) &&
    response.body.clerk_trace_id === undefined
    ? { ...response, body: { ...response.body, clerk_trace_id: randomBytes(16).toString("hex") } }
    : response

const wireOf = <A, I>(schema: Schema.Schema<A, I>): (u: unknown) => I =>
  Schema.decodeUnknownSync(Schema.encodedSchema(schema))

/** Decoders of the wire side of what seeds return: they check the fake's answers are valid wire objects. */
const wire = {
  user: wireOf(S.User),
  organization: wireOf(S.Organization),
  membership: wireOf(S.OrganizationMembership),
  organizationInvitation: wireOf(S.OrganizationInvitation),
  organizationDomain: wireOf(S.OrganizationDomain),
  session: wireOf(S.Session),
  emailAddress: wireOf(S.EmailAddress),
  phoneNumber: wireOf(S.PhoneNumber),
  invitation: wireOf(S.Invitation),
  jwtTemplate: wireOf(S.JWTTemplate),
  allowlistIdentifier: wireOf(S.AllowlistIdentifier),
  blocklistIdentifier: wireOf(S.BlocklistIdentifier),
  redirectUrl: wireOf(S.RedirectURL),
  domain: wireOf(S.Domain),
  apiKey: wireOf(S.CreateApiKeyResponse)
}

const mapAnswer = (
  answer: FakeHttp.FakeResponse | Effect.Effect<FakeHttp.FakeResponse>,
  f: (response: FakeHttp.FakeResponse) => FakeHttp.FakeResponse
) => (Effect.isEffect(answer) ? Effect.map(answer, f) : f(answer))

/** Builds a fake backend (synchronously; generating the RSA key takes ~100 ms unless `keys` is given). */
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

  const authenticate = (req: FakeHttp.RecordedRequest, route: string): Either.Either<Caller, FakeHttp.FakeResponse> => {
    if (route.startsWith("GET /public/")) return Either.right({ _tag: "Public" })
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers["authorization"] ?? "")?.[1]
    if (bearer === undefined) {
      return Either.left(errorResponse(401, {
        code: "authentication_invalid",
        message: "Invalid authentication",
        long_message: "Unable to authenticate the request, you need to supply an active API key"
      }))
    }
    if (bearer === secretKey) return Either.right({ _tag: "Instance" })
    const machine = route.includes(" /m2m_tokens") ? Machine.machineBySecret(state, bearer) : undefined
    if (machine !== undefined) return Either.right({ _tag: "Machine", machineId: machine.id })
    return Either.left(errorResponse(401, {
      code: "clerk_key_invalid",
      message: "The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.",
      long_message: "The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct."
    }))
  }

  const run = (op: SpecOperation, route: Route, req: FakeHttp.RecordedRequest, caller: Caller) => {
    const ctx: Ctx = { req, params: req.params, op, caller, ...env() }
    return Either.merge(route(ctx))
  }

  const answer = (
    op: SpecOperation,
    route: Route,
    key: string,
    req: FakeHttp.RecordedRequest,
    trusted: boolean
  ): FakeHttp.FakeResponse | Effect.Effect<FakeHttp.FakeResponse> => {
    const proceed = () => {
      if (trusted) return run(op, route, req, { _tag: "Instance" })
      return Either.match(authenticate(req, key), { onLeft: (r) => r, onRight: (caller) => run(op, route, req, caller) })
    }
    const fault = trusted ? undefined : faults.take(req, { operationId: op.operationId, route: key })
    if (fault === undefined) return proceed()
    switch (fault._tag) {
      case "Respond":
        return fault.response
      case "Hang":
        return Effect.never
      case "Delay":
        return Effect.andThen(Effect.sleep(fault.duration), Effect.sync(proceed))
    }
  }

  const dispatchers = new Map<boolean, FakeHttp.FakeHandler>()
  const table = (trusted: boolean): FakeHttp.FakeHandler => {
    const existing = dispatchers.get(trusted)
    if (existing !== undefined) return existing
    const entries: Record<string, FakeHttp.FakeHandler> = {}
    const keysSorted = specOperations.map((op) => `${op.method} ${op.path}`).sort(specificity)
    const byKey = new Map(specOperations.map((op) => [`${op.method} ${op.path}`, op]))
    for (const key of keysSorted) {
      const op = byKey.get(key)
      if (op === undefined) continue
      const route = statefulTable[key] ?? generic
      entries[key] = (req) => answer(op, route, key, req, trusted)
    }
    const handler = FakeHttp.routes(entries)
    dispatchers.set(trusted, handler)
    return handler
  }

  const dispatch = (req: FakeHttp.RecordedRequest, trusted: boolean) => {
    const path = req.path.startsWith("/v1/")
      ? req.path.slice(3)
      : VERSIONLESS.some((p) => req.path === p || req.path.startsWith(`${p}/`))
      ? req.path
      : undefined
    if (path === undefined) return withTraceId(notFoundResponse(req.method, req.path))
    try {
      return mapAnswer(table(trusted)({ ...req, path }), withTraceId)
    } catch (error) {
      return withTraceId(
        error instanceof URIError
          ? notFoundResponse(req.method, req.path)
          : errorResponse(500, {
            code: "internal_clerk_error",
            message: "Oops, an unexpected error occurred",
            long_message: `The fake backend failed: ${error instanceof Error ? error.message : String(error)}`
          })
      )
    }
  }

  const handler: FakeHttp.FakeHandler = (req) => dispatch(req, false)

  /** Calls the API as a trusted caller (no auth, no faults) and returns the decoded wire body. */
  const call = <I>(
    decode: (u: unknown) => I,
    method: string,
    path: string,
    body?: unknown
  ): I => {
    const text = body === undefined ? undefined : JSON.stringify(snakeKeys(body, "shallow"))
    const req = FakeHttp.recordRequest(method, new URL(`https://api.clerk.com/v1${path}`), {}, text, undefined)
    const response = dispatch(req, true)
    if (Effect.isEffect(response) || "networkError" in response) {
      throw new FakeSeedError({ status: 0, code: "unexpected", detail: "the fake answered asynchronously" })
    }
    if (response.status >= 400) {
      const first = isRecord(response.body) && Array.isArray(response.body.errors) && isRecord(response.body.errors[0])
        ? response.body.errors[0]
        : {}
      throw new FakeSeedError({
        status: response.status,
        code: String(first.code ?? "unknown"),
        detail: String(first.long_message ?? first.message ?? "")
      })
    }
    return decode(response.body)
  }

  const without = (params: Readonly<Record<string, unknown>>, drop: string) =>
    Object.fromEntries(Object.entries(params).filter(([k]) => k !== drop))

  const seeder: FakeSeeder = {
    user: (params = {}) => call(wire.user, "POST", "/users", params),
    organization: (params) => call(wire.organization, "POST", "/organizations", params),
    membership: (params) =>
      call(wire.membership,
        "POST",
        `/organizations/${encodeURIComponent(params.organizationId)}/memberships`,
        { role: "org:member", ...without(params, "organizationId") }
      ),
    organizationInvitation: (params) =>
      call(wire.organizationInvitation,
        "POST",
        `/organizations/${encodeURIComponent(params.organizationId)}/invitations`,
        { role: "org:member", ...without(params, "organizationId") }
      ),
    organizationDomain: (params) =>
      call(wire.organizationDomain,
        "POST",
        `/organizations/${encodeURIComponent(params.organizationId)}/domains`,
        without(params, "organizationId")
      ),
    session: (params) => call(wire.session, "POST", "/sessions", params),
    emailAddress: (params) => call(wire.emailAddress, "POST", "/email_addresses", params),
    phoneNumber: (params) => call(wire.phoneNumber, "POST", "/phone_numbers", params),
    invitation: (params) => call(wire.invitation, "POST", "/invitations", params),
    jwtTemplate: (params) => call(wire.jwtTemplate, "POST", "/jwt_templates", params),
    allowlistIdentifier: (identifier) => call(wire.allowlistIdentifier, "POST", "/allowlist_identifiers", { identifier }),
    blocklistIdentifier: (identifier) => call(wire.blocklistIdentifier, "POST", "/blocklist_identifiers", { identifier }),
    redirectUrl: (url) => call(wire.redirectUrl, "POST", "/redirect_urls", { url }),
    domain: (params) => call(wire.domain, "POST", "/domains", { isSatellite: true, ...params }),
    apiKey: (params) => call(wire.apiKey, "POST", "/api_keys", params),
    machine: (name = "Fake machine") => {
      const row = Machine.addMachine(env(), name)
      return { id: row.id, name: row.name, secretKey: row.secretKey }
    }
  }

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

/** Every spec operation the fake answers, with whether it keeps state for it. */
export const operations: ReadonlyArray<{ readonly operation: SpecOperation; readonly stateful: boolean }> =
  specOperations.map((operation) => ({
    operation,
    stateful: `${operation.method} ${operation.path}` in statefulTable
  }))

/**
 * The fake as an `HttpClient` layer: provides `HttpClient` (answered by the fake, no network), the `FakeHttp.Recorder`
 * of every request, and the {@link FakeBackend} service. The fake's clock is the Effect clock, so `TestClock` moves
 * its timestamps and token times.
 */
export const layer = (
  options: FakeBackendOptions = {}
): Layer.Layer<HttpClient.HttpClient | FakeHttp.Recorder | FakeBackend> =>
  Layer.effectContext(Effect.gen(function*() {
    const clock = yield* Effect.clock
    return yield* contextFor(make({ ...options, now: options.now ?? (() => clock.unsafeCurrentTimeMillis()) }))
  }))

/** An `HttpClient` layer over an existing fake (share one fake between a layer and a server, or between tests). */
export const layerFrom = (
  fake: FakeBackendInstance
): Layer.Layer<HttpClient.HttpClient | FakeHttp.Recorder | FakeBackend> => Layer.effectContext(contextFor(fake))

const contextFor = (fake: FakeBackendInstance) =>
  Effect.map(FakeHttp.make(fake.handler), ({ client, recorder }) =>
    Context.make(HttpClient.HttpClient, client).pipe(
      Context.add(FakeHttp.Recorder, recorder),
      Context.add(FakeBackend, fake)
    ))

/** Seeds state in an Effect: `FakeBackend.seed((s) => s.user({ ... }))`; a rejected seed fails with `FakeSeedError`. */
export const seed = <A>(f: (seeder: FakeSeeder) => A): Effect.Effect<A, FakeSeedError, FakeBackend> =>
  Effect.flatMap(FakeBackend, (fake) =>
    Effect.try({
      try: () => f(fake.seed),
      catch: (error) =>
        error instanceof FakeSeedError
          ? error
          : new FakeSeedError({ status: 0, code: "unexpected", detail: String(error) })
    }))

/** Mints a session token with the fake in context. */
export const mintSessionToken = (options: Tokens.SessionTokenOptions): Effect.Effect<string, never, FakeBackend> =>
  Effect.map(FakeBackend, (fake) => fake.mintSessionToken(options))

/** Mints a machine token with the fake in context. */
export const mintMachineToken = (
  options: Tokens.MachineTokenOptions
): Effect.Effect<{ readonly id: string; readonly token: string }, never, FakeBackend> =>
  Effect.map(FakeBackend, (fake) => fake.mintMachineToken(options))

/** Injects a fault into the fake in context; it is removed when the scope closes. */
export const inject = (
  fault: Faults.Fault,
  options?: Faults.InjectOptions
): Effect.Effect<Faults.InjectedFault, never, FakeBackend | Scope.Scope> =>
  Effect.flatMap(FakeBackend, (fake) =>
    Effect.acquireRelease(Effect.sync(() => fake.inject(fault, options)), (injected) => Effect.sync(injected.remove)))
