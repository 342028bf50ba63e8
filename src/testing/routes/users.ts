/**
 * Users: create (with email addresses, phone numbers, username, password, metadata), get, list with Clerk's filters
 * and `order_by`, count, update, metadata merge (PATCH, deep) and replace (PUT), ban/unban/lock/unlock, password
 * checks, profile image upload (multipart) and delete, and delete with its cascade.
 *
 * @internal
 */
import * as Either from "effect/Either"
import type * as FakeHttp from "../FakeHttp.js"
import {
  type Body,
  body,
  type Ctx,
  deleted,
  fail,
  identifierExists,
  invalid,
  list,
  matchesQuery,
  metadataChange,
  missing,
  notFound,
  ok,
  optBool,
  optInt,
  optRecord,
  optString,
  optStrings,
  orderBy,
  query,
  queryAll,
  queryBool,
  queryInt,
  type RouteTable,
  uniqueString,
  uploadedFile
} from "../internal/http.js"
import { defaultImageUrl, renderUser } from "../internal/render.js"
import type { State, UserCore, UserRow } from "../internal/store.js"
import { addEmail, addPhone, checkEmail, checkPhone, type Env, removeEmail, removePhone } from "./identifications.js"

const USERNAME = /^[A-Za-z0-9_.-]{4,64}$/

const usernameTaken = (state: State, username: string, except?: string): boolean => {
  const u = username.toLowerCase()
  for (const row of state.users.values()) {
    if (row.user.id !== except && row.user.username?.toLowerCase() === u) return true
  }
  return false
}

const externalIdTaken = (state: State, externalId: string, except?: string): boolean => {
  for (const row of state.users.values()) {
    if (row.user.id !== except && row.user.external_id === externalId) return true
  }
  return false
}

const checkPassword = (b: Body): Either.Either<string | undefined, FakeHttp.FakeResponse> =>
  Either.gen(function* () {
    const password = yield* optString(b, "password")
    if (password === undefined || (yield* optBool(b, "skip_password_checks")) === true) return password
    if (password.length < 8) {
      return yield* fail(422, {
        code: "form_password_length_too_short",
        message: "Passwords must be 8 characters or more.",
        long_message: "Passwords must be 8 characters or more.",
        meta: { param_name: "password" }
      })
    }
    return password
  })

const checkUsername = (state: State, b: Body, except?: string) =>
  uniqueString(b, "username", {
    what: "username",
    format: USERNAME,
    formatHint: "must be 4 to 64 letters, digits, '_', '-' or '.'.",
    taken: (username) => usernameTaken(state, username, except)
  })

const checkExternalId = (state: State, b: Body, except?: string) =>
  uniqueString(b, "external_id", { what: "external ID", taken: (id) => externalIdTaken(state, id, except) })

const dateMillis = (b: Body, key: string): Either.Either<number | undefined, FakeHttp.FakeResponse> =>
  Either.flatMap(optString(b, key), (value) => {
    if (value === undefined) return Either.right(undefined)
    const ms = Date.parse(value)
    return Number.isNaN(ms) ? invalid(key, "must be an RFC3339 date.") : Either.right(ms)
  })

/**
 * Creates a user from a `POST /users` body; nothing is stored unless every check passes.
 *
 * @since 0.1.0
 * @category Testing
 */
export const createUser = (env: Env, b: Body): Either.Either<UserRow, FakeHttp.FakeResponse> =>
  Either.gen(function* () {
    const emails = (yield* optStrings(b, "email_address")) ?? []
    const phones = (yield* optStrings(b, "phone_number")) ?? []
    for (const email of emails) yield* checkEmail(env.state, email)
    for (const phone of phones) yield* checkPhone(env.state, phone)
    if (new Set(emails.map((e) => e.toLowerCase())).size !== emails.length) {
      return yield* identifierExists("email_address", "email address")
    }
    const username = yield* checkUsername(env.state, b)
    const externalId = yield* checkExternalId(env.state, b)
    const password = yield* checkPassword(b)
    const digest = yield* optString(b, "password_digest")
    const totp = yield* optString(b, "totp_secret")
    const backupCodes = yield* optStrings(b, "backup_codes")
    const createdAt = (yield* dateMillis(b, "created_at")) ?? env.now
    const legalAcceptedAt = (yield* dateMillis(b, "legal_accepted_at")) ?? null
    const id = env.ids.id("user")
    const user: UserCore = {
      id,
      object: "user",
      external_id: externalId ?? null,
      primary_email_address_id: null,
      primary_phone_number_id: null,
      primary_web3_wallet_id: null,
      username: username ?? null,
      first_name: (yield* optString(b, "first_name")) ?? null,
      last_name: (yield* optString(b, "last_name")) ?? null,
      locale: (yield* optString(b, "locale")) ?? null,
      profile_image_url: defaultImageUrl(id),
      image_url: defaultImageUrl(id),
      has_image: false,
      public_metadata: (yield* optRecord(b, "public_metadata")) ?? {},
      private_metadata: (yield* optRecord(b, "private_metadata")) ?? {},
      unsafe_metadata: (yield* optRecord(b, "unsafe_metadata")) ?? {},
      web3_wallets: [],
      passkeys: [],
      password_enabled: password !== undefined || digest !== undefined,
      two_factor_enabled: totp !== undefined || backupCodes !== undefined,
      totp_enabled: totp !== undefined,
      backup_code_enabled: backupCodes !== undefined,
      mfa_enabled_at: totp !== undefined ? env.now : null,
      mfa_disabled_at: null,
      password_last_updated_at: password !== undefined ? env.now : null,
      external_accounts: [],
      saml_accounts: [],
      enterprise_accounts: [],
      last_sign_in_at: null,
      banned: (yield* optBool(b, "banned")) ?? false,
      locked: (yield* optBool(b, "locked")) ?? false,
      lockout_expires_in_seconds: null,
      verification_attempts_remaining: 100,
      updated_at: env.now,
      created_at: createdAt,
      delete_self_enabled: (yield* optBool(b, "delete_self_enabled")) ?? true,
      create_organization_enabled: (yield* optBool(b, "create_organization_enabled")) ?? true,
      create_organizations_limit: (yield* optInt(b, "create_organizations_limit")) ?? null,
      last_active_at: null,
      legal_accepted_at: legalAcceptedAt,
      bypass_client_trust: (yield* optBool(b, "bypass_client_trust")) ?? false
    }
    env.state.users.set(id, { user, password })
    for (const email of emails) addEmail(env, id, email)
    for (const phone of phones) addPhone(env, id, phone)
    return env.state.users.get(id) ?? { user, password }
  })

/**
 * Deletes a user with everything that belongs to it.
 *
 * @since 0.1.0
 * @category Testing
 */
export const deleteUser = (env: Env, id: string): void => {
  for (const [eid, e] of env.state.emailAddresses) if (e.userId === id) removeEmail(env, eid)
  for (const [pid, p] of env.state.phoneNumbers) if (p.userId === id) removePhone(env, pid)
  for (const [mid, m] of env.state.memberships) if (m.userId === id) env.state.memberships.delete(mid)
  for (const [sid, s] of env.state.sessions) if (s.user_id === id) env.state.sessions.delete(sid)
  env.state.users.delete(id)
}

const identifiersOf = (state: State, userId: string) => ({
  emails: [...state.emailAddresses.values()].filter((e) => e.userId === userId).map((e) => e.wire.email_address),
  phones: [...state.phoneNumbers.values()].filter((p) => p.userId === userId).map((p) => p.wire.phone_number)
})

const lower = (values: ReadonlyArray<string>) => new Set(values.map((v) => v.toLowerCase()))

/** The users that match the list/count filters of the request. */
const filterUsers = (ctx: Ctx): Either.Either<ReadonlyArray<UserRow>, FakeHttp.FakeResponse> =>
  Either.gen(function* () {
    const emails = lower(queryAll(ctx, "email_address"))
    const phones = new Set(queryAll(ctx, "phone_number"))
    const usernames = lower(queryAll(ctx, "username"))
    const externalIds = new Set(queryAll(ctx, "external_id"))
    const userIds = new Set(queryAll(ctx, "user_id"))
    const orgIds = new Set(queryAll(ctx, "organization_id"))
    const q = query(ctx, "query")
    const emailQuery = query(ctx, "email_address_query")
    const phoneQuery = query(ctx, "phone_number_query")
    const usernameQuery = query(ctx, "username_query")
    const nameQuery = query(ctx, "name_query")
    const banned = yield* queryBool(ctx, "banned")
    const createdBefore = yield* queryInt(ctx, "created_at_before")
    const createdAfter = yield* queryInt(ctx, "created_at_after")
    const members = new Set(
      [...ctx.state.memberships.values()].filter((m) => orgIds.has(m.organizationId)).map((m) => m.userId)
    )
    return [...ctx.state.users.values()].filter(({ user }) => {
      const ids = identifiersOf(ctx.state, user.id)
      if (emails.size > 0 && !ids.emails.some((e) => emails.has(e.toLowerCase()))) return false
      if (phones.size > 0 && !ids.phones.some((p) => phones.has(p))) return false
      if (usernames.size > 0 && !usernames.has((user.username ?? "").toLowerCase())) return false
      if (externalIds.size > 0 && !externalIds.has(user.external_id ?? "")) return false
      if (userIds.size > 0 && !userIds.has(user.id)) return false
      if (orgIds.size > 0 && !members.has(user.id)) return false
      if (banned !== undefined && user.banned !== banned) return false
      if (createdBefore !== undefined && user.created_at >= createdBefore) return false
      if (createdAfter !== undefined && user.created_at <= createdAfter) return false
      if (emailQuery !== undefined && !matchesQuery(emailQuery, ...ids.emails)) return false
      if (phoneQuery !== undefined && !matchesQuery(phoneQuery, ...ids.phones)) return false
      if (usernameQuery !== undefined && !matchesQuery(usernameQuery, user.username)) return false
      if (nameQuery !== undefined && !matchesQuery(nameQuery, `${user.first_name ?? ""} ${user.last_name ?? ""}`)) {
        return false
      }
      if (
        q !== undefined &&
        !matchesQuery(
          q,
          user.id,
          user.external_id,
          user.username,
          user.first_name,
          user.last_name,
          ...ids.emails,
          ...ids.phones
        )
      )
        return false
      return true
    })
  })

const withUser = (ctx: Ctx, f: (row: UserRow) => Either.Either<FakeHttp.FakeResponse, FakeHttp.FakeResponse>) => {
  const row = ctx.state.users.get(ctx.params.user_id ?? "")
  return row === undefined ? notFound("User") : f(row)
}

/** Stores a changed user (bumping `updated_at`) and answers with it. */
const save = (ctx: Ctx, row: UserRow, change: Partial<UserCore>, password?: string | undefined) => {
  const next: UserRow = {
    user: { ...row.user, ...change, updated_at: ctx.now },
    password: password ?? row.password
  }
  ctx.state.users.set(row.user.id, next)
  return ok(renderUser(ctx.state, next))
}

const METADATA = ["public_metadata", "private_metadata", "unsafe_metadata"] as const

const updateMetadata = (ctx: Ctx, row: UserRow, merge: boolean) =>
  Either.gen(function* () {
    const b = yield* body(ctx)
    return yield* save(ctx, row, yield* metadataChange(b, METADATA, (key) => row.user[key], merge))
  })

const bulk = (ctx: Ctx, banned: boolean) =>
  Either.gen(function* () {
    const b = yield* body(ctx)
    const ids = (yield* optStrings(b, "user_ids")) ?? []
    if (ids.length === 0) return yield* missing("user_ids")
    const out = []
    for (const id of ids) {
      const row = ctx.state.users.get(id)
      if (row === undefined) continue
      const next: UserRow = { ...row, user: { ...row.user, banned, updated_at: ctx.now } }
      ctx.state.users.set(id, next)
      out.push(renderUser(ctx.state, next))
    }
    return yield* ok(out)
  })

/**
 * The user routes.
 *
 * @since 0.1.0
 * @category Testing
 */
export const routes: RouteTable = {
  "POST /users": (ctx) =>
    Either.gen(function* () {
      const row = yield* createUser(ctx, yield* body(ctx))
      return yield* ok(renderUser(ctx.state, row))
    }),
  "GET /users": (ctx) =>
    Either.gen(function* () {
      const users = yield* filterUsers(ctx)
      const first = (u: UserRow) => identifiersOf(ctx.state, u.user.id)
      const sorted = yield* orderBy(ctx, users, {
        created_at: (u) => u.user.created_at,
        updated_at: (u) => u.user.updated_at,
        email_address: (u) => first(u).emails[0],
        phone_number: (u) => first(u).phones[0],
        web3wallet: () => "",
        first_name: (u) => u.user.first_name,
        last_name: (u) => u.user.last_name,
        username: (u) => u.user.username,
        last_active_at: (u) => u.user.last_active_at,
        last_sign_in_at: (u) => u.user.last_sign_in_at
      })
      return yield* list(
        ctx,
        sorted.map((row) => renderUser(ctx.state, row))
      )
    }),
  "GET /users/count": (ctx) =>
    Either.gen(function* () {
      const users = yield* filterUsers(ctx)
      return yield* ok({ object: "total_count", total_count: users.length })
    }),
  "GET /users/{user_id}": (ctx) => withUser(ctx, (row) => ok(renderUser(ctx.state, row))),
  "PATCH /users/{user_id}": (ctx) =>
    withUser(ctx, (row) =>
      Either.gen(function* () {
        const b = yield* body(ctx)
        const id = row.user.id
        const username = yield* checkUsername(ctx.state, b, id)
        const externalId = yield* checkExternalId(ctx.state, b, id)
        const password = yield* checkPassword(b)
        const primaryEmail = yield* optString(b, "primary_email_address_id")
        if (primaryEmail !== undefined && ctx.state.emailAddresses.get(primaryEmail)?.userId !== id) {
          return yield* invalid("primary_email_address_id", "does not belong to this user.")
        }
        const primaryPhone = yield* optString(b, "primary_phone_number_id")
        if (primaryPhone !== undefined && ctx.state.phoneNumbers.get(primaryPhone)?.userId !== id) {
          return yield* invalid("primary_phone_number_id", "does not belong to this user.")
        }
        const change: { -readonly [K in keyof UserCore]?: UserCore[K] } = {}
        if (username !== undefined) change.username = username
        if (externalId !== undefined) change.external_id = externalId
        if (primaryEmail !== undefined) change.primary_email_address_id = primaryEmail
        if (primaryPhone !== undefined) change.primary_phone_number_id = primaryPhone
        if (password !== undefined) {
          change.password_enabled = true
          change.password_last_updated_at = ctx.now
        }
        for (const key of ["first_name", "last_name", "locale"] as const) {
          const value = yield* optString(b, key)
          if (value !== undefined) change[key] = value
        }
        Object.assign(change, yield* metadataChange(b, METADATA, (key) => row.user[key], false))
        for (const key of ["delete_self_enabled", "create_organization_enabled", "bypass_client_trust"] as const) {
          const value = yield* optBool(b, key)
          if (value !== undefined) change[key] = value
        }
        const limit = yield* optInt(b, "create_organizations_limit")
        if (limit !== undefined) change.create_organizations_limit = limit
        const legal = yield* dateMillis(b, "legal_accepted_at")
        if (legal !== undefined) change.legal_accepted_at = legal
        const created = yield* dateMillis(b, "created_at")
        if (created !== undefined) change.created_at = created
        if ((yield* optString(b, "totp_secret")) !== undefined) {
          change.totp_enabled = true
          change.two_factor_enabled = true
        }
        return yield* save(ctx, row, change, password)
      })
    ),
  "PATCH /users/{user_id}/metadata": (ctx) => withUser(ctx, (row) => updateMetadata(ctx, row, true)),
  "PUT /users/{user_id}/metadata": (ctx) => withUser(ctx, (row) => updateMetadata(ctx, row, false)),
  "DELETE /users/{user_id}": (ctx) =>
    withUser(ctx, (row) => {
      deleteUser(ctx, row.user.id)
      return deleted("user", row.user.id)
    }),
  "POST /users/{user_id}/ban": (ctx) =>
    withUser(ctx, (row) => {
      for (const [sid, s] of ctx.state.sessions) {
        if (s.user_id === row.user.id && s.status === "active") {
          ctx.state.sessions.set(sid, { ...s, status: "revoked", updated_at: ctx.now })
        }
      }
      return save(ctx, row, { banned: true })
    }),
  "POST /users/{user_id}/unban": (ctx) => withUser(ctx, (row) => save(ctx, row, { banned: false })),
  "POST /users/{user_id}/lock": (ctx) =>
    withUser(ctx, (row) => save(ctx, row, { locked: true, verification_attempts_remaining: 0 })),
  "POST /users/{user_id}/unlock": (ctx) =>
    withUser(ctx, (row) => save(ctx, row, { locked: false, verification_attempts_remaining: 100 })),
  "POST /users/ban": (ctx) => bulk(ctx, true),
  "POST /users/unban": (ctx) => bulk(ctx, false),
  "POST /users/{user_id}/verify_password": (ctx) =>
    withUser(ctx, (row) =>
      Either.gen(function* () {
        const password = yield* optString(yield* body(ctx), "password")
        if (password === undefined) return yield* missing("password")
        if (row.password === undefined || row.password !== password) {
          return yield* fail(422, {
            code: "incorrect_password",
            message: "Password is incorrect.",
            long_message: "Password is incorrect. Try again, or use another method.",
            meta: { param_name: "password" }
          })
        }
        return yield* ok({ verified: true })
      })
    ),
  "POST /users/{user_id}/remove_password": (ctx) =>
    withUser(ctx, (row) => {
      const next: UserRow = { user: { ...row.user, password_enabled: false, updated_at: ctx.now }, password: undefined }
      ctx.state.users.set(row.user.id, next)
      return ok(renderUser(ctx.state, next))
    }),
  "POST /users/{user_id}/password/set_compromised": (ctx) => withUser(ctx, (row) => save(ctx, row, {})),
  "POST /users/{user_id}/password/unset_compromised": (ctx) => withUser(ctx, (row) => save(ctx, row, {})),
  "POST /users/{user_id}/profile_image": (ctx) =>
    withUser(ctx, (row) =>
      Either.flatMap(uploadedFile(ctx), () => {
        const url = `https://img.clerk.com/fake/uploaded/${ctx.ids.secret("img", 16)}`
        return save(ctx, row, { image_url: url, profile_image_url: url, has_image: true })
      })
    ),
  "DELETE /users/{user_id}/profile_image": (ctx) =>
    withUser(ctx, (row) =>
      save(ctx, row, {
        image_url: defaultImageUrl(row.user.id),
        profile_image_url: defaultImageUrl(row.user.id),
        has_image: false
      })
    )
}
