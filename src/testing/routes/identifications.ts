/**
 * Email addresses and phone numbers: they belong to a user, so creating or deleting one changes the user's arrays and
 * primary ids. Identifiers are unique across the instance (422 `form_identifier_exists`).
 *
 * @internal
 */
import * as Either from "effect/Either"
import type * as FakeHttp from "../FakeHttp.js"
import type * as S from "../../models/generated/schemas.js"
import {
  body,
  type Ctx,
  deleted,
  identifierExists,
  invalid,
  notFound,
  ok,
  optBool,
  reqString,
  type RouteTable
} from "../internal/http.js"
import type { State, UserRow, Wire } from "../internal/store.js"

/**
 * The part of the context that changes state.
 *
 * @since 0.1.0
 * @category Testing
 */
export type Env = Pick<Ctx, "state" | "ids" | "now">

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * Whether `address` looks like an email address.
 *
 * @since 0.1.0
 * @category Testing
 */
export const isEmail = (address: string): boolean => EMAIL.test(address)
const PHONE = /^\+[1-9]\d{6,14}$/

const adminVerification = {
  object: "verification_admin" as const,
  status: "verified",
  strategy: "admin",
  attempts: null,
  expire_at: null
}

const unverifiedEmail = {
  object: "verification_otp" as const,
  status: "unverified",
  strategy: "email_code",
  attempts: null,
  expire_at: null
}

const unverifiedPhone = { ...unverifiedEmail, strategy: "phone_code" }

/**
 * Whether an email address is already used by anyone (case-insensitive).
 *
 * @since 0.1.0
 * @category Testing
 */
export const emailTaken = (state: State, address: string): boolean => {
  const a = address.toLowerCase()
  for (const e of state.emailAddresses.values()) if (e.wire.email_address.toLowerCase() === a) return true
  return false
}

/**
 * Whether a phone number is already used.
 *
 * @since 0.1.0
 * @category Testing
 */
export const phoneTaken = (state: State, phone: string): boolean => {
  for (const p of state.phoneNumbers.values()) if (p.wire.phone_number === phone) return true
  return false
}

/**
 * Checks an email address's format and uniqueness.
 *
 * @since 0.1.0
 * @category Testing
 */
export const checkEmail = (
  state: State,
  address: string,
  param = "email_address"
): Either.Either<string, FakeHttp.FakeResponse> => {
  if (!EMAIL.test(address)) return invalid(param, "must be a valid email address.")
  if (emailTaken(state, address)) return identifierExists(param, "email address")
  return Either.right(address)
}

/**
 * Checks a phone number's format (E.164) and uniqueness.
 *
 * @since 0.1.0
 * @category Testing
 */
export const checkPhone = (
  state: State,
  phone: string,
  param = "phone_number"
): Either.Either<string, FakeHttp.FakeResponse> => {
  if (!PHONE.test(phone)) return invalid(param, "must be a valid phone number in E.164 format, e.g. +15555550100.")
  if (phoneTaken(state, phone)) return identifierExists(param, "phone number")
  return Either.right(phone)
}

const touchUser = (env: Env, userId: string, change: (row: UserRow) => UserRow): void => {
  const row = env.state.users.get(userId)
  if (row !== undefined) {
    const next = change(row)
    env.state.users.set(userId, { ...next, user: { ...next.user, updated_at: env.now } })
  }
}

/**
 * Adds an (already checked) email address to a user; the first one, or `primary`, becomes the primary.
 *
 * @since 0.1.0
 * @category Testing
 */
export const addEmail = (
  env: Env,
  userId: string,
  address: string,
  options: { readonly verified?: boolean | undefined; readonly primary?: boolean | undefined } = {}
): Wire<typeof S.EmailAddress> => {
  const id = env.ids.id("idn")
  const wire: Wire<typeof S.EmailAddress> = {
    id,
    object: "email_address",
    email_address: address,
    reserved: false,
    verification: options.verified === false ? unverifiedEmail : adminVerification,
    linked_to: [],
    created_at: env.now,
    updated_at: env.now
  }
  env.state.emailAddresses.set(id, { userId, wire })
  touchUser(env, userId, (row) =>
    row.user.primary_email_address_id === null || options.primary === true
      ? { ...row, user: { ...row.user, primary_email_address_id: id } }
      : row
  )
  return wire
}

/**
 * Adds an (already checked) phone number to a user.
 *
 * @since 0.1.0
 * @category Testing
 */
export const addPhone = (
  env: Env,
  userId: string,
  phone: string,
  options: {
    readonly verified?: boolean | undefined
    readonly primary?: boolean | undefined
    readonly reservedForSecondFactor?: boolean | undefined
  } = {}
): Wire<typeof S.PhoneNumber> => {
  const id = env.ids.id("idn")
  const wire: Wire<typeof S.PhoneNumber> = {
    id,
    object: "phone_number",
    phone_number: phone,
    reserved_for_second_factor: options.reservedForSecondFactor ?? false,
    default_second_factor: false,
    reserved: false,
    verification: options.verified === false ? unverifiedPhone : adminVerification,
    linked_to: [],
    backup_codes: null,
    created_at: env.now,
    updated_at: env.now
  }
  env.state.phoneNumbers.set(id, { userId, wire })
  touchUser(env, userId, (row) =>
    row.user.primary_phone_number_id === null || options.primary === true
      ? { ...row, user: { ...row.user, primary_phone_number_id: id } }
      : row
  )
  return wire
}

/**
 * Removes an email address; a removed primary passes to the user's next address (or none).
 *
 * @since 0.1.0
 * @category Testing
 */
export const removeEmail = (env: Env, id: string): void => {
  const row = env.state.emailAddresses.get(id)
  if (row === undefined) return
  env.state.emailAddresses.delete(id)
  const next = [...env.state.emailAddresses.values()].find((e) => e.userId === row.userId)
  touchUser(env, row.userId, (u) =>
    u.user.primary_email_address_id === id
      ? { ...u, user: { ...u.user, primary_email_address_id: next?.wire.id ?? null } }
      : u
  )
}

/**
 * Removes a phone number; a removed primary passes to the user's next number (or none).
 *
 * @since 0.1.0
 * @category Testing
 */
export const removePhone = (env: Env, id: string): void => {
  const row = env.state.phoneNumbers.get(id)
  if (row === undefined) return
  env.state.phoneNumbers.delete(id)
  const next = [...env.state.phoneNumbers.values()].find((p) => p.userId === row.userId)
  touchUser(env, row.userId, (u) =>
    u.user.primary_phone_number_id === id
      ? { ...u, user: { ...u.user, primary_phone_number_id: next?.wire.id ?? null } }
      : u
  )
}

const verification = (verified: boolean | undefined, unverified: typeof unverifiedEmail) =>
  verified === undefined ? undefined : verified ? adminVerification : unverified

/**
 * The email address and phone number routes.
 *
 * @since 0.1.0
 * @category Testing
 */
export const routes: RouteTable = {
  "POST /email_addresses": (ctx) =>
    Either.gen(function* () {
      const b = yield* body(ctx)
      const userId = yield* reqString(b, "user_id")
      const address = yield* reqString(b, "email_address")
      if (!ctx.state.users.has(userId)) return yield* notFound("User")
      yield* checkEmail(ctx.state, address)
      const wire = addEmail(ctx, userId, address, {
        verified: yield* optBool(b, "verified"),
        primary: yield* optBool(b, "primary")
      })
      return yield* ok(wire)
    }),
  "GET /email_addresses/{email_address_id}": (ctx) => {
    const row = ctx.state.emailAddresses.get(ctx.params.email_address_id ?? "")
    return row === undefined ? notFound("Email address") : ok(row.wire)
  },
  "PATCH /email_addresses/{email_address_id}": (ctx) =>
    Either.gen(function* () {
      const id = ctx.params.email_address_id ?? ""
      const row = ctx.state.emailAddresses.get(id)
      if (row === undefined) return yield* notFound("Email address")
      const b = yield* body(ctx)
      const v = verification(yield* optBool(b, "verified"), unverifiedEmail)
      const wire = { ...row.wire, ...(v !== undefined ? { verification: v } : {}), updated_at: ctx.now }
      ctx.state.emailAddresses.set(id, { ...row, wire })
      if ((yield* optBool(b, "primary")) === true) {
        touchUser(ctx, row.userId, (u) => ({ ...u, user: { ...u.user, primary_email_address_id: id } }))
      }
      return yield* ok(wire)
    }),
  "DELETE /email_addresses/{email_address_id}": (ctx) => {
    const id = ctx.params.email_address_id ?? ""
    if (!ctx.state.emailAddresses.has(id)) return notFound("Email address")
    removeEmail(ctx, id)
    return deleted("email_address", id)
  },
  "POST /phone_numbers": (ctx) =>
    Either.gen(function* () {
      const b = yield* body(ctx)
      const userId = yield* reqString(b, "user_id")
      const phone = yield* reqString(b, "phone_number")
      if (!ctx.state.users.has(userId)) return yield* notFound("User")
      yield* checkPhone(ctx.state, phone)
      const wire = addPhone(ctx, userId, phone, {
        verified: yield* optBool(b, "verified"),
        primary: yield* optBool(b, "primary"),
        reservedForSecondFactor: yield* optBool(b, "reserved_for_second_factor")
      })
      return yield* ok(wire)
    }),
  "GET /phone_numbers/{phone_number_id}": (ctx) => {
    const row = ctx.state.phoneNumbers.get(ctx.params.phone_number_id ?? "")
    return row === undefined ? notFound("Phone number") : ok(row.wire)
  },
  "PATCH /phone_numbers/{phone_number_id}": (ctx) =>
    Either.gen(function* () {
      const id = ctx.params.phone_number_id ?? ""
      const row = ctx.state.phoneNumbers.get(id)
      if (row === undefined) return yield* notFound("Phone number")
      const b = yield* body(ctx)
      const v = verification(yield* optBool(b, "verified"), unverifiedPhone)
      const reserved = yield* optBool(b, "reserved_for_second_factor")
      const wire = {
        ...row.wire,
        ...(v !== undefined ? { verification: v } : {}),
        ...(reserved !== undefined ? { reserved_for_second_factor: reserved } : {}),
        updated_at: ctx.now
      }
      ctx.state.phoneNumbers.set(id, { ...row, wire })
      if ((yield* optBool(b, "primary")) === true) {
        touchUser(ctx, row.userId, (u) => ({ ...u, user: { ...u.user, primary_phone_number_id: id } }))
      }
      return yield* ok(wire)
    }),
  "DELETE /phone_numbers/{phone_number_id}": (ctx) => {
    const id = ctx.params.phone_number_id ?? ""
    if (!ctx.state.phoneNumbers.has(id)) return notFound("Phone number")
    removePhone(ctx, id)
    return deleted("phone_number", id)
  }
}
