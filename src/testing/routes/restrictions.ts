/**
 * Allowlist and blocklist identifiers: list, create (the type is read from the identifier; duplicates are a 422
 * `duplicate_record`), delete.
 *
 * @internal
 */
import * as Either from "effect/Either"
import { body, type Ctx, deleted, fail, list, notFound, ok, reqString, type RouteTable } from "../internal/http.js"

/** `email_address`, `phone_number` or `web3_wallet`, from the identifier's shape (`*@domain` allows a domain). */
const identifierType = (identifier: string) =>
  identifier.includes("@") ? "email_address" : identifier.startsWith("0x") ? "web3_wallet" : "phone_number"

const duplicate = (identifier: string) =>
  fail(422, {
    code: "duplicate_record",
    message: "duplicate record",
    long_message: `${identifier} is already on the list.`,
    meta: { param_name: "identifier" }
  })

const create = (ctx: Ctx, kind: "allowlist" | "blocklist") =>
  Either.gen(function* () {
    const identifier = yield* reqString(yield* body(ctx), "identifier")
    const map = ctx.state[kind]
    for (const existing of map.values()) if (existing.identifier === identifier) return yield* duplicate(identifier)
    const common = {
      id: ctx.ids.id(kind === "allowlist" ? "alid" : "blid"),
      identifier,
      identifier_type: identifierType(identifier),
      instance_id: ctx.keys.kid,
      created_at: ctx.now,
      updated_at: ctx.now
    }
    if (kind === "allowlist") {
      const wire = { object: "allowlist_identifier" as const, ...common }
      ctx.state.allowlist.set(common.id, wire)
      return yield* ok(wire)
    }
    const wire = { object: "blocklist_identifier" as const, ...common }
    ctx.state.blocklist.set(common.id, wire)
    return yield* ok(wire)
  })

const remove = (ctx: Ctx, kind: "allowlist" | "blocklist") => {
  const id = ctx.params.identifier_id ?? ""
  if (!ctx.state[kind].delete(id)) return notFound("Identifier")
  return deleted(kind === "allowlist" ? "allowlist_identifier" : "blocklist_identifier", id)
}

/**
 * The allowlist and blocklist routes.
 *
 * @since 0.1.0
 * @category Testing
 */
export const routes: RouteTable = {
  "GET /allowlist_identifiers": (ctx) => list(ctx, [...ctx.state.allowlist.values()].reverse()),
  "POST /allowlist_identifiers": (ctx) => create(ctx, "allowlist"),
  "DELETE /allowlist_identifiers/{identifier_id}": (ctx) => remove(ctx, "allowlist"),
  "GET /blocklist_identifiers": (ctx) => list(ctx, [...ctx.state.blocklist.values()].reverse()),
  "POST /blocklist_identifiers": (ctx) => create(ctx, "blocklist"),
  "DELETE /blocklist_identifiers/{identifier_id}": (ctx) => remove(ctx, "blocklist")
}
