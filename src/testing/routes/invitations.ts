/**
 * Instance invitations: list with `status`, `query` and `order_by`, create (an address that already has a user or a
 * pending invitation is a 422 unless `ignore_existing`), bulk create (all or nothing), revoke.
 *
 * @internal
 */
import * as Either from "effect/Either"
import type * as FakeHttp from "../FakeHttp.js"
import type * as S from "../../models/generated/schemas.js"
import {
  arrayBody,
  type Body,
  body,
  type Ctx,
  fail,
  identifierExists,
  invalid,
  list,
  matchesQuery,
  notFound,
  ok,
  optBool,
  optInt,
  optRecord,
  orderBy,
  query,
  queryAll,
  reqString,
  type RouteTable
} from "../internal/http.js"
import type { Wire } from "../internal/store.js"
import { emailTaken, isEmail } from "./identifications.js"

type Invitation = Wire<typeof S.Invitation>

const DAY = 86_400_000

const build = (ctx: Ctx, b: Body, batch: ReadonlyArray<Invitation>): Either.Either<Invitation, FakeHttp.FakeResponse> =>
  Either.gen(function* () {
    const email = yield* reqString(b, "email_address")
    if (!isEmail(email)) return yield* invalid("email_address", "must be a valid email address.")
    if ((yield* optBool(b, "ignore_existing")) !== true) {
      if (emailTaken(ctx.state, email)) return yield* identifierExists("email_address", "email address")
      const pending = [...ctx.state.invitations.values(), ...batch].some(
        (i) => i.status === "pending" && i.email_address.toLowerCase() === email.toLowerCase()
      )
      if (pending) {
        return yield* fail(422, {
          code: "duplicate_record",
          message: "duplicate record",
          long_message: `There is already a pending invitation for ${email}.`,
          meta: { param_name: "email_address" }
        })
      }
    }
    const days = yield* optInt(b, "expires_in_days")
    const id = ctx.ids.id("inv")
    return {
      object: "invitation",
      id,
      email_address: email,
      public_metadata: (yield* optRecord(b, "public_metadata")) ?? {},
      revoked: false,
      status: "pending",
      url: `${ctx.settings.issuer}/v1/tickets/accept?ticket=${ctx.ids.secret("ticket", 24)}`,
      expires_at: days === undefined ? null : ctx.now + days * DAY,
      created_at: ctx.now,
      updated_at: ctx.now
    }
  })

/**
 * The invitation routes.
 *
 * @since 0.1.0
 * @category Testing
 */
export const routes: RouteTable = {
  "GET /invitations": (ctx) =>
    Either.gen(function* () {
      const statuses = new Set(queryAll(ctx, "status"))
      const q = query(ctx, "query")
      const all = [...ctx.state.invitations.values()].filter(
        (i) =>
          (statuses.size === 0 || statuses.has(i.status)) && (q === undefined || matchesQuery(q, i.email_address, i.id))
      )
      const sorted = yield* orderBy(ctx, all, {
        created_at: (i) => i.created_at,
        email_address: (i) => i.email_address,
        expires_at: (i) => i.expires_at
      })
      return yield* list(ctx, sorted)
    }),
  "POST /invitations": (ctx) =>
    Either.gen(function* () {
      const invitation = yield* build(ctx, yield* body(ctx), [])
      ctx.state.invitations.set(invitation.id, invitation)
      return yield* ok(invitation)
    }),
  "POST /invitations/bulk": (ctx) =>
    Either.gen(function* () {
      const built: Array<Invitation> = []
      for (const item of yield* arrayBody(ctx)) built.push(yield* build(ctx, item, built))
      for (const invitation of built) ctx.state.invitations.set(invitation.id, invitation)
      return yield* ok(built)
    }),
  "POST /invitations/{invitation_id}/revoke": (ctx) => {
    const invitation = ctx.state.invitations.get(ctx.params.invitation_id ?? "")
    if (invitation === undefined) return notFound("Invitation")
    if (invitation.status !== "pending") {
      return fail(400, {
        code: "invitation_not_pending",
        message: "not pending",
        long_message: `The invitation is ${invitation.status}; only pending invitations can be revoked.`
      })
    }
    const next = { ...invitation, revoked: true, status: "revoked", updated_at: ctx.now }
    ctx.state.invitations.set(next.id, next)
    return ok(next)
  }
}
