/**
 * Machine authentication: API keys (create with a one-time `secret`, list by subject, get, update, revoke, delete,
 * verify `ak_…` secrets), M2M tokens (opaque `mt_…` or JWT, created by the calling machine, list, revoke, verify) and
 * OAuth access-token verification (`oat_…`). A revoked or expired token fails verification with 404 by default, or
 * answers 200 with `revoked`/`expired` set when the fake is built with `revokedTokenVerification: "flagged"`.
 *
 * @internal
 */
import * as Either from "effect/Either"
import type * as FakeHttp from "../FakeHttp.js"
import type * as S from "../../models/generated/schemas.js"
import {
  body,
  type Ctx,
  fail,
  invalid,
  matchesQuery,
  missing,
  notFound,
  ok,
  okFor,
  optInt,
  optString,
  optStrings,
  page,
  query,
  queryBool,
  reqString,
  type RouteTable
} from "../internal/http.js"
import type { MachineRow, SecretRow, State, Wire } from "../internal/store.js"
import { machineJwtParts, signJwt } from "../tokens.js"
import type { Env } from "./identifications.js"

type ApiKey = Wire<typeof S.ApiKey>
type M2MToken = Wire<typeof S.MachineToMachineToken>
type OAuthToken = Wire<typeof S.ClerkIdpOauthAccessToken>

/**
 * Registers a machine; its secret key (`ak_…`) authenticates M2M token calls.
 *
 * @since 0.1.0
 * @category Testing
 */
export const addMachine = (env: Env, name: string): MachineRow => {
  const row: MachineRow = {
    id: env.ids.id("mch"),
    name,
    secretKey: env.ids.secret("ak", 40),
    createdAt: env.now
  }
  env.state.machines.set(row.id, row)
  return row
}

/**
 * The machine M2M calls made with the instance secret key act as (created on first use).
 *
 * @since 0.1.0
 * @category Testing
 */
export const defaultMachine = (env: Env): MachineRow =>
  env.state.machines.values().next().value ?? addMachine(env, "Fake default machine")

/**
 * The machine whose secret key is `secret`, if any.
 *
 * @since 0.1.0
 * @category Testing
 */
export const machineBySecret = (state: State, secret: string): MachineRow | undefined =>
  [...state.machines.values()].find((m) => m.secretKey === secret)

/** Adds `expired` as of now. */
const current = <W extends { readonly expiration: number | null; readonly expired: boolean }>(
  wire: W,
  now: number
): W => ({
  ...wire,
  expired: wire.expiration !== null && wire.expiration <= now
})

const expiration = (env: Env, seconds: number | undefined) => (seconds === undefined ? null : env.now + seconds * 1000)

/**
 * Options of {@link issueApiKey}.
 *
 * @since 0.1.0
 * @category Testing
 */
export interface ApiKeyInput {
  readonly name: string
  readonly subject: string
  readonly description?: string | undefined
  readonly claims?: unknown
  readonly scopes?: ReadonlyArray<string> | undefined
  readonly createdBy?: string | undefined
  readonly secondsUntilExpiration?: number | undefined
  readonly type?: string | undefined
}

/**
 * Creates an API key and its `ak_…` secret.
 *
 * @since 0.1.0
 * @category Testing
 */
export const issueApiKey = (env: Env, input: ApiKeyInput): SecretRow<ApiKey> => {
  const wire: ApiKey = {
    object: "api_key",
    id: env.ids.id("ak"),
    type: input.type ?? "api_key",
    subject: input.subject,
    name: input.name,
    description: input.description ?? null,
    claims: input.claims ?? null,
    scopes: [...(input.scopes ?? [])],
    revoked: false,
    revocation_reason: null,
    expired: false,
    expiration: expiration(env, input.secondsUntilExpiration),
    created_by: input.createdBy ?? null,
    last_used_at: null,
    created_at: env.now,
    updated_at: env.now
  }
  const row = { wire, secret: env.ids.secret("ak", 48) }
  env.state.apiKeys.set(wire.id, row)
  return row
}

/**
 * Options of {@link issueM2MToken}.
 *
 * @since 0.1.0
 * @category Testing
 */
export interface M2MInput {
  readonly machineId: string
  readonly format?: "opaque" | "jwt" | undefined
  readonly claims?: unknown
  readonly scopes?: ReadonlyArray<string> | undefined
  readonly secondsUntilExpiration?: number | undefined
}

/**
 * Creates an M2M token for a machine: opaque `mt_…` or a signed JWT. Both verify through the API.
 *
 * @since 0.1.0
 * @category Testing
 */
export const issueM2MToken = (env: Env & Pick<Ctx, "keys" | "settings">, input: M2MInput): SecretRow<M2MToken> => {
  const id = env.ids.id("mt")
  const claims = input.claims ?? null
  const wire: M2MToken = {
    object: "machine_to_machine_token",
    id,
    subject: input.machineId,
    claims,
    scopes: [...(input.scopes ?? [])],
    revoked: false,
    revocation_reason: null,
    expired: false,
    expiration: expiration(env, input.secondsUntilExpiration),
    last_used_at: null,
    created_at: env.now,
    updated_at: env.now
  }
  const extra =
    claims !== null && typeof claims === "object" && !Array.isArray(claims)
      ? Object.fromEntries(Object.entries(claims))
      : undefined
  const secret =
    input.format === "jwt"
      ? (() => {
          const parts = machineJwtParts(
            env.settings.issuer,
            {
              kind: "m2m_token",
              scopes: input.scopes,
              claims: extra,
              expiresInSeconds: input.secondsUntilExpiration
            },
            id,
            input.machineId,
            Math.floor(env.now / 1000)
          )
          return signJwt(env.keys, parts.payload, parts.header)
        })()
      : env.ids.secret("mt", 48)
  const row = { wire, secret }
  env.state.m2mTokens.set(id, row)
  return row
}

/**
 * Registers an opaque OAuth access token (`oat_…`).
 *
 * @since 0.1.0
 * @category Testing
 */
export const issueOAuthToken = (
  env: Env,
  input: {
    readonly subject: string
    readonly clientId?: string | undefined
    readonly scopes?: ReadonlyArray<string> | undefined
    readonly secondsUntilExpiration?: number | undefined
  }
): SecretRow<OAuthToken> => {
  const wire: OAuthToken = {
    object: "clerk_idp_oauth_access_token",
    id: env.ids.id("oat"),
    client_id: input.clientId ?? "fake_client_id",
    subject: input.subject,
    scopes: [...(input.scopes ?? [])],
    revoked: false,
    revocation_reason: null,
    expired: false,
    expiration: expiration(env, input.secondsUntilExpiration),
    created_at: env.now,
    updated_at: env.now
  }
  const row = { wire, secret: env.ids.secret("oat", 48) }
  env.state.oauthTokens.set(wire.id, row)
  return row
}

const verify = <W extends { readonly revoked: boolean; readonly expiration: number | null; readonly expired: boolean }>(
  ctx: Ctx,
  rows: Map<string, SecretRow<W>>,
  secret: string,
  what: string,
  touch: (wire: W) => W = (wire) => wire
): Either.Either<FakeHttp.FakeResponse, FakeHttp.FakeResponse> => {
  const found = [...rows.entries()].find(([, r]) => r.secret === secret)
  if (found === undefined) return notFound(what)
  const [id, row] = found
  const wire = touch(row.wire)
  rows.set(id, { ...row, wire })
  const now = current(wire, ctx.now)
  if ((now.revoked || now.expired) && ctx.settings.revokedTokenVerification === "not-found") return notFound(what)
  return ok(now)
}

const subjectPattern = /^(user|org|mch)_\S+$/

const withApiKey = (
  ctx: Ctx,
  f: (row: SecretRow<ApiKey>) => Either.Either<FakeHttp.FakeResponse, FakeHttp.FakeResponse>
) => {
  const row = ctx.state.apiKeys.get(ctx.params.apiKeyID ?? "")
  return row === undefined ? notFound("API key") : f(row)
}

const saveApiKey = (ctx: Ctx, row: SecretRow<ApiKey>, change: Partial<ApiKey>) => {
  const next = { ...row, wire: { ...row.wire, ...change, updated_at: ctx.now } }
  ctx.state.apiKeys.set(row.wire.id, next)
  return ok(current(next.wire, ctx.now))
}

const withM2M = (
  ctx: Ctx,
  f: (row: SecretRow<M2MToken>) => Either.Either<FakeHttp.FakeResponse, FakeHttp.FakeResponse>
) => {
  const row = ctx.state.m2mTokens.get(ctx.params.m2m_token_id ?? "")
  return row === undefined ? notFound("Machine token") : f(row)
}

const forbiddenMachine = fail(403, {
  code: "authorization_invalid",
  message: "Unauthorized request",
  long_message: "This machine may not act on that token."
})

/**
 * The API key, M2M token and OAuth token routes.
 *
 * @since 0.1.0
 * @category Testing
 */
export const routes: RouteTable = {
  "POST /api_keys": (ctx) =>
    Either.gen(function* () {
      const b = yield* body(ctx)
      const name = yield* reqString(b, "name")
      const subject = yield* reqString(b, "subject")
      if (!subjectPattern.test(subject)) return yield* invalid("subject", "must be a user, organization or machine id.")
      const seconds = yield* optInt(b, "seconds_until_expiration")
      const row = issueApiKey(ctx, {
        name,
        subject,
        description: yield* optString(b, "description"),
        claims: b.claims ?? null,
        scopes: yield* optStrings(b, "scopes"),
        createdBy: yield* optString(b, "created_by"),
        secondsUntilExpiration: seconds,
        type: yield* optString(b, "type")
      })
      return yield* okFor(ctx, { ...row.wire, secret: row.secret })
    }),
  "GET /api_keys": (ctx) =>
    Either.gen(function* () {
      const subject = query(ctx, "subject")
      if (subject === undefined) return yield* missing("subject")
      const type = query(ctx, "type")
      const q = query(ctx, "query")
      const includeInvalid = (yield* queryBool(ctx, "include_invalid")) === true
      const keys = [...ctx.state.apiKeys.values()]
        .map((r) => current(r.wire, ctx.now))
        .filter(
          (k) =>
            k.subject === subject &&
            (type === undefined || k.type === type) &&
            (includeInvalid || (!k.revoked && !k.expired)) &&
            (q === undefined || matchesQuery(q, k.name, k.id))
        )
        .reverse()
      return yield* ok({ data: yield* page(ctx, keys), total_count: keys.length })
    }),
  "GET /api_keys/{apiKeyID}": (ctx) => withApiKey(ctx, (row) => ok(current(row.wire, ctx.now))),
  "PATCH /api_keys/{apiKeyID}": (ctx) =>
    withApiKey(ctx, (row) =>
      Either.gen(function* () {
        const b = yield* body(ctx)
        const change: { -readonly [K in keyof ApiKey]?: ApiKey[K] } = {}
        const description = yield* optString(b, "description")
        if (description !== undefined) change.description = description
        if (b.claims !== undefined) change.claims = b.claims
        const scopes = yield* optStrings(b, "scopes")
        if (scopes !== undefined) change.scopes = [...scopes]
        const seconds = yield* optInt(b, "seconds_until_expiration")
        if (seconds !== undefined) change.expiration = expiration(ctx, seconds)
        return yield* saveApiKey(ctx, row, change)
      })
    ),
  "POST /api_keys/{apiKeyID}/revoke": (ctx) =>
    withApiKey(ctx, (row) =>
      Either.gen(function* () {
        const reason = yield* optString(yield* body(ctx), "revocation_reason")
        return yield* saveApiKey(ctx, row, { revoked: true, revocation_reason: reason ?? null })
      })
    ),
  "DELETE /api_keys/{apiKeyID}": (ctx) =>
    withApiKey(ctx, (row) => {
      ctx.state.apiKeys.delete(row.wire.id)
      return ok({ id: row.wire.id, object: "api_key", deleted: true })
    }),
  "GET /api_keys/{apiKeyID}/secret": (ctx) => withApiKey(ctx, (row) => ok({ secret: row.secret })),
  "POST /api_keys/verify": (ctx) =>
    Either.gen(function* () {
      const secret = yield* reqString(yield* body(ctx), "secret")
      return yield* verify(ctx, ctx.state.apiKeys, secret, "API key", (wire) => ({ ...wire, last_used_at: ctx.now }))
    }),
  "POST /m2m_tokens": (ctx) =>
    Either.gen(function* () {
      const b = yield* body(ctx)
      const format = (yield* optString(b, "token_format")) ?? "opaque"
      if (format !== "opaque" && format !== "jwt") return yield* invalid("token_format", "must be opaque or jwt.")
      const machineId = ctx.caller._tag === "Machine" ? ctx.caller.machineId : defaultMachine(ctx).id
      const row = issueM2MToken(ctx, {
        machineId,
        format,
        claims: b.claims ?? null,
        secondsUntilExpiration: yield* optInt(b, "seconds_until_expiration")
      })
      return yield* okFor(ctx, { ...row.wire, token: row.secret })
    }),
  "GET /m2m_tokens": (ctx) =>
    Either.gen(function* () {
      const subject = query(ctx, "subject")
      if (subject === undefined) return yield* missing("subject")
      if (ctx.caller._tag === "Machine" && ctx.caller.machineId !== subject) return yield* forbiddenMachine
      const revoked = yield* queryBool(ctx, "revoked")
      const expired = yield* queryBool(ctx, "expired")
      const tokens = [...ctx.state.m2mTokens.values()]
        .map((r) => current(r.wire, ctx.now))
        .filter(
          (t) =>
            t.subject === subject &&
            (revoked === undefined || t.revoked === revoked) &&
            (expired === undefined || t.expired === expired)
        )
        .reverse()
      return yield* ok({ m2m_tokens: yield* page(ctx, tokens), total_count: tokens.length })
    }),
  "POST /m2m_tokens/{m2m_token_id}/revoke": (ctx) =>
    withM2M(ctx, (row) =>
      Either.gen(function* () {
        if (ctx.caller._tag === "Machine" && ctx.caller.machineId !== row.wire.subject) return yield* forbiddenMachine
        const reason = yield* optString(yield* body(ctx), "revocation_reason")
        const wire = { ...row.wire, revoked: true, revocation_reason: reason ?? null, updated_at: ctx.now }
        ctx.state.m2mTokens.set(wire.id, { ...row, wire })
        return yield* ok(current(wire, ctx.now))
      })
    ),
  "POST /m2m_tokens/verify": (ctx) =>
    Either.gen(function* () {
      const token = yield* reqString(yield* body(ctx), "token")
      return yield* verify(ctx, ctx.state.m2mTokens, token, "Machine token", (wire) => ({
        ...wire,
        last_used_at: ctx.now
      }))
    }),
  "POST /oauth_applications/access_tokens/verify": (ctx) =>
    Either.gen(function* () {
      const b = yield* body(ctx)
      const token = (yield* optString(b, "access_token")) ?? (yield* optString(b, "secret"))
      if (token === undefined) return yield* missing("access_token")
      return yield* verify(ctx, ctx.state.oauthTokens, token, "OAuth token")
    })
}
