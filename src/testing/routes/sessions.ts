/**
 * Sessions and clients: create a session for a user (a client is created with it), get, list with `user_id`,
 * `client_id` and `status` filters, revoke, mint session tokens (`POST /sessions/{id}/tokens`, optionally from a JWT
 * template whose `{{user.…}}` shortcodes are resolved), refresh, and the client reads.
 *
 * @internal
 */
import * as Either from "effect/Either"
import * as Predicate from "effect/Predicate"
import type * as S from "../../models/generated/schemas.js"
import {
  body,
  type Ctx,
  fail,
  invalid,
  list,
  notFound,
  ok,
  optInt,
  optString,
  orderBy,
  queryAll,
  reqString,
  type RouteTable
} from "../internal/http.js"
import { renderClient, renderUser } from "../internal/render.js"
import type { State, Wire } from "../internal/store.js"
import { sessionClaims, signJwt } from "../tokens.js"
import type { Env } from "./identifications.js"

type Session = Wire<typeof S.Session>

const DAY = 86_400_000

/**
 * Creates a client and an active session on it for `userId` (checked by the caller).
 *
 * @since 0.1.0
 * @category Testing
 */
export const createSession = (env: Env, userId: string, activeOrganizationId?: string | undefined): Session => {
  const clientId = env.ids.id("client")
  env.state.clients.set(clientId, { id: clientId, createdAt: env.now, updatedAt: env.now })
  const session: Session = {
    object: "session",
    id: env.ids.id("sess"),
    user_id: userId,
    client_id: clientId,
    status: "active",
    last_active_organization_id: activeOrganizationId ?? null,
    last_active_at: env.now,
    expire_at: env.now + 7 * DAY,
    abandon_at: env.now + 30 * DAY,
    updated_at: env.now,
    created_at: env.now,
    tasks: []
  }
  env.state.sessions.set(session.id, session)
  const user = env.state.users.get(userId)
  if (user !== undefined) {
    env.state.users.set(userId, {
      ...user,
      user: { ...user.user, last_sign_in_at: env.now, last_active_at: env.now }
    })
  }
  return session
}

/**
 * The session token claims for a session, with its active organization when the user is still a member.
 *
 * @since 0.1.0
 * @category Testing
 */
export const sessionTokenFor = (ctx: Ctx, session: Session, expiresInSeconds?: number): string => {
  const orgId = session.last_active_organization_id ?? undefined
  const org = orgId === undefined ? undefined : ctx.state.organizations.get(orgId)
  const membership =
    org === undefined
      ? undefined
      : [...ctx.state.memberships.values()].find((m) => m.organizationId === org.id && m.userId === session.user_id)
  return signJwt(
    ctx.keys,
    sessionClaims(
      ctx.settings.issuer,
      {
        userId: session.user_id,
        sessionId: session.id,
        expiresInSeconds,
        ...(org !== undefined && membership !== undefined
          ? { organization: { id: org.id, slug: org.slug, role: membership.role } }
          : {})
      },
      Math.floor(ctx.now / 1000)
    )
  )
}

const lookup = (value: unknown, path: ReadonlyArray<string>): unknown =>
  path.reduce<unknown>((current, key) => (Predicate.hasProperty(current, key) ? current[key] : undefined), value)

/** Resolves `{{user.first_name}}`-style shortcodes in template claims. A claim that is one shortcode keeps its type. */
const resolveClaims = (claims: unknown, scope: Readonly<Record<string, unknown>>): unknown => {
  if (typeof claims === "string") {
    const whole = /^\{\{\s*([\w.]+)\s*\}\}$/.exec(claims)
    if (whole) return lookup(scope, whole[1]!.split(".")) ?? null
    return claims.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, path: string) => {
      const value = lookup(scope, path.split("."))
      return value === undefined || value === null ? "" : String(value)
    })
  }
  if (Array.isArray(claims)) return claims.map((c) => resolveClaims(c, scope))
  if (claims !== null && typeof claims === "object") {
    return Object.fromEntries(Object.entries(claims).map(([k, v]) => [k, resolveClaims(v, scope)]))
  }
  return claims
}

const withSession = (ctx: Ctx, f: (session: Session) => ReturnType<typeof ok>) => {
  const session = ctx.state.sessions.get(ctx.params.session_id ?? "")
  return session === undefined ? notFound("Session") : f(session)
}

const requireActive = (session: Session) =>
  session.status === "active" || session.status === "pending"
    ? Either.right(session)
    : fail(422, {
        code: "session_not_active",
        message: "Session is not active",
        long_message: `Session ${session.id} is ${session.status}.`
      })

const decodePayload = (jwt: string): Readonly<Record<string, unknown>> | undefined => {
  const part = jwt.split(".")[1]
  if (part === undefined) return undefined
  try {
    const parsed: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"))
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)
      ? Object.fromEntries(Object.entries(parsed))
      : undefined
  } catch {
    return undefined
  }
}

const templateScope = (state: State, session: Session): Record<string, unknown> => {
  const user = state.users.get(session.user_id)
  const org =
    session.last_active_organization_id === null || session.last_active_organization_id === undefined
      ? undefined
      : state.organizations.get(session.last_active_organization_id)
  return {
    user: user === undefined ? {} : renderUser(state, user),
    session,
    org: org ?? {}
  }
}

/**
 * The session and client routes.
 *
 * @since 0.1.0
 * @category Testing
 */
export const routes: RouteTable = {
  "POST /sessions": (ctx) =>
    Either.gen(function* () {
      const b = yield* body(ctx)
      const userId = yield* reqString(b, "user_id")
      if (!ctx.state.users.has(userId)) return yield* notFound("User")
      const orgId = yield* optString(b, "active_organization_id")
      if (
        orgId !== undefined &&
        ![...ctx.state.memberships.values()].some((m) => m.organizationId === orgId && m.userId === userId)
      ) {
        return yield* invalid("active_organization_id", "is not an organization the user is a member of.")
      }
      return yield* ok(createSession(ctx, userId, orgId))
    }),
  "GET /sessions": (ctx) =>
    Either.gen(function* () {
      const users = new Set(queryAll(ctx, "user_id"))
      const clients = new Set(queryAll(ctx, "client_id"))
      const statuses = new Set(queryAll(ctx, "status"))
      const sessions = [...ctx.state.sessions.values()].filter(
        (s) =>
          (users.size === 0 || users.has(s.user_id)) &&
          (clients.size === 0 || clients.has(s.client_id)) &&
          (statuses.size === 0 || statuses.has(s.status))
      )
      return yield* list(ctx, yield* orderBy(ctx, sessions, { created_at: (s) => s.created_at }))
    }),
  "GET /sessions/{session_id}": (ctx) => withSession(ctx, ok),
  "POST /sessions/{session_id}/revoke": (ctx) =>
    withSession(ctx, (session) => {
      const next = { ...session, status: "revoked", updated_at: ctx.now }
      ctx.state.sessions.set(session.id, next)
      return ok(next)
    }),
  "POST /sessions/{session_id}/tokens": (ctx) =>
    withSession(ctx, (session) =>
      Either.gen(function* () {
        yield* requireActive(session)
        const expires = yield* optInt(yield* body(ctx), "expires_in_seconds")
        return yield* ok({ object: "token", jwt: sessionTokenFor(ctx, session, expires) })
      })
    ),
  "POST /sessions/{session_id}/tokens/{template_name}": (ctx) =>
    withSession(ctx, (session) =>
      Either.gen(function* () {
        yield* requireActive(session)
        const name = ctx.params.template_name ?? ""
        const template = [...ctx.state.jwtTemplates.values()].find((t) => t.name === name || t.id === name)
        if (template === undefined) return yield* notFound("JWT template")
        const expires = yield* optInt(yield* body(ctx), "expires_in_seconds")
        const iat = Math.floor(ctx.now / 1000)
        const resolved = resolveClaims(template.claims, templateScope(ctx.state, session))
        const claims =
          resolved !== null && typeof resolved === "object" && !Array.isArray(resolved)
            ? Object.fromEntries(Object.entries(resolved))
            : {}
        const jwt = signJwt(ctx.keys, {
          azp: "http://localhost:3000",
          exp: iat + (expires ?? template.lifetime),
          iat,
          iss: ctx.settings.issuer,
          jti: ctx.ids.secret("jti", 20),
          nbf: iat - template.allowed_clock_skew,
          sub: session.user_id,
          ...claims
        })
        return yield* ok({ object: "token", jwt })
      })
    ),
  "POST /sessions/{session_id}/refresh": (ctx) =>
    withSession(ctx, (session) =>
      Either.gen(function* () {
        const b = yield* body(ctx)
        const expired = yield* reqString(b, "expired_token")
        yield* reqString(b, "refresh_token")
        yield* reqString(b, "request_origin")
        if (decodePayload(expired)?.sid !== session.id) {
          return yield* invalid("expired_token", "is not a session token of this session.")
        }
        yield* requireActive(session)
        const jwt = sessionTokenFor(ctx, session)
        return (yield* optString(b, "format")) === "cookie"
          ? yield* ok({ object: "cookies", cookies: [`__session=${jwt}; Path=/; Secure; SameSite=Lax`] })
          : yield* ok({ object: "token", jwt })
      })
    ),
  "GET /clients": (ctx) =>
    Either.gen(function* () {
      const clients = yield* orderBy(ctx, [...ctx.state.clients.values()], { created_at: (c) => c.createdAt })
      return yield* list(
        ctx,
        clients.map((c) => renderClient(ctx.state, c))
      )
    }),
  "GET /clients/{client_id}": (ctx) => {
    const client = ctx.state.clients.get(ctx.params.client_id ?? "")
    return client === undefined ? notFound("Client") : ok(renderClient(ctx.state, client))
  }
}
