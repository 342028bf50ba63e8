/**
 * Reading a verified session token's claims into the fields of a signed-in Auth object.
 *
 * Session tokens come in two shapes: version 1 carries `org_id`, `org_role`, `org_slug` and `org_permissions`;
 * version 2 (`v: 2`) packs the active organization into one `o` claim (`id`, `slg`, `rol`, `per`, `fpm`) and
 * derives the permissions from the organization features in `fea` and the `fpm` bitmaps.
 *
 * @module
 */
import * as Predicate from "effect/Predicate"

/**
 * The `act` claim of an impersonation session.
 *
 * @since 0.1.0
 * @category Auth object
 */
export interface ActClaim {
  readonly sub: string
  readonly [key: string]: unknown
}

/**
 * The `sts` claim: the session's status.
 *
 * @since 0.1.0
 * @category Auth object
 */
export type SessionStatusClaim = "active" | "pending" | (string & {})

/**
 * A verified session token payload. Known claims are typed; any other claim is kept as sent.
 *
 * @since 0.1.0
 * @category Auth object
 */
export interface SessionClaims {
  readonly sub: string
  readonly sid?: string | undefined
  readonly iss?: string | undefined
  readonly azp?: string | undefined
  readonly exp?: number | undefined
  readonly iat?: number | undefined
  readonly nbf?: number | undefined
  readonly v?: number | undefined
  readonly sts?: SessionStatusClaim | undefined
  readonly act?: ActClaim | undefined
  readonly fva?: readonly [number, number] | undefined
  readonly fea?: string | undefined
  readonly pla?: string | undefined
  readonly [claim: string]: unknown
}

/**
 * The session fields of a signed-in Auth object, read from the claims.
 *
 * @since 0.1.0
 * @category Auth object
 */
export interface SessionAuthFields {
  readonly sessionClaims: SessionClaims
  readonly sessionId: string | undefined
  readonly sessionStatus: SessionStatusClaim | null
  readonly actor: ActClaim | undefined
  readonly userId: string
  readonly orgId: string | undefined
  readonly orgRole: string | undefined
  readonly orgSlug: string | undefined
  readonly orgPermissions: ReadonlyArray<string> | undefined
  /** Minutes since the first and second factor were verified (`-1`: that factor is not enabled). */
  readonly factorVerificationAge: readonly [number, number] | null
}

const str = (u: unknown): string | undefined => (typeof u === "string" ? u : undefined)

/**
 * Splits a `fea`/`pla` claim (`"o:reports,u:billing,ou:chat"`) into organization and user entries. A malformed entry
 * (no scope) throws, as `@clerk/backend` does; callers that must not throw catch it.
 *
 * @since 0.1.0
 * @category Auth object
 */
export const splitByScope = (
  claim: string | null | undefined
): { readonly org: ReadonlyArray<string>; readonly user: ReadonlyArray<string> } => {
  const org: Array<string> = []
  const user: Array<string> = []
  if (!claim) return { org, user }
  for (const raw of claim.split(",")) {
    const part = raw.trim()
    const colon = part.indexOf(":")
    if (colon === -1) throw new Error(`Invalid claim element (missing colon): ${part}`)
    const scope = part.slice(0, colon)
    const value = part.slice(colon + 1)
    if (scope === "o" || scope === "ou" || scope === "uo") org.push(value)
    if (scope === "u" || scope === "ou" || scope === "uo") user.push(value)
  }
  return { org, user }
}

/** The bits of a non-negative decimal string, least significant first, padded to `length`; undefined if not decimal. */
const bitsOf = (decimal: string, length: number): ReadonlyArray<number> | undefined => {
  if (!/^\d+$/.test(decimal)) return undefined
  let n = BigInt(decimal)
  const bits: Array<number> = []
  while (n > 0n) {
    bits.push(Number(n & 1n))
    n >>= 1n
  }
  if (bits.length === 0) bits.push(0)
  while (bits.length < length) bits.push(0)
  return bits
}

/** Organization permissions of a v2 token: `org:<feature>:<permission>` for each bit set in the feature's map. */
const v2Permissions = (fea: unknown, per: unknown, fpm: unknown): ReadonlyArray<string> => {
  if (typeof per !== "string" || typeof fpm !== "string" || per === "" || fpm === "") return []
  const features = splitByScope(typeof fea === "string" ? fea : undefined).org
  const permissions = per.split(",").map((p) => p.trim())
  const maps = fpm.split(",").map((m) => bitsOf(m.trim(), permissions.length) ?? [])
  const out: Array<string> = []
  features.forEach((feature, i) => {
    const bits = maps[i]
    if (bits === undefined) return
    for (let j = 0; j < bits.length && j < permissions.length; j++) {
      if (bits[j] === 1) out.push(`org:${feature}:${permissions[j]}`)
    }
  })
  return out
}

/**
 * Reads the Auth object's session fields from verified claims (v1 `org_*` claims, or the v2 `o` claim).
 *
 * @since 0.1.0
 * @category Auth object
 */
export const sessionAuthFields = (claims: SessionClaims): SessionAuthFields => {
  let orgId: string | undefined
  let orgRole: string | undefined
  let orgSlug: string | undefined
  let orgPermissions: ReadonlyArray<string> | undefined
  if (claims.v === 2) {
    const o = claims["o"]
    if (Predicate.isRecord(o)) {
      orgId = str(o["id"])
      orgSlug = str(o["slg"])
      if (o["rol"]) orgRole = `org:${String(o["rol"])}`
      orgPermissions = v2Permissions(claims.fea, o["per"], o["fpm"])
    }
  } else {
    orgId = str(claims["org_id"])
    orgRole = str(claims["org_role"])
    orgSlug = str(claims["org_slug"])
    const perms = claims["org_permissions"]
    orgPermissions = Array.isArray(perms) ? perms.filter(Predicate.isString) : undefined
  }
  return {
    sessionClaims: claims,
    sessionId: claims.sid,
    sessionStatus: claims.sts ?? null,
    actor: claims.act,
    userId: claims.sub,
    orgId,
    orgRole,
    orgSlug,
    orgPermissions,
    factorVerificationAge: claims.fva ?? null
  }
}
