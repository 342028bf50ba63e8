/**
 * `auth.has(...)`: authorization checks against a session's organization role and permissions, its billing features
 * and plans, and how recently its factors were verified. Every asked dimension must pass; anything missing or
 * malformed denies (fail closed). Never throws.
 *
 * @module
 */
import { splitByScope } from "./claims.js"

/**
 * A named re-verification level, or an explicit one.
 *
 * @since 0.1.0
 * @category Auth object
 */
export type ReverificationConfig =
  | "strict_mfa"
  | "strict"
  | "moderate"
  | "lax"
  | {
      readonly level: "first_factor" | "second_factor" | "multi_factor"
      readonly afterMinutes: number
    }

/**
 * What `has()` can ask. Asking several dimensions requires all of them.
 *
 * @since 0.1.0
 * @category Auth object
 */
export interface CheckAuthorizationParams {
  /** An organization role, with or without the `org:` prefix. */
  readonly role?: string | undefined
  /** An organization permission, with or without the `org:` prefix. */
  readonly permission?: string | undefined
  /** A billing feature, optionally scoped `org:`/`o:` or `user:`/`u:`. */
  readonly feature?: string | undefined
  /** A billing plan, optionally scoped like `feature`. */
  readonly plan?: string | undefined
  /** How recently the user must have verified a factor. */
  readonly reverification?: ReverificationConfig | undefined
}

/**
 * The session data `has()` reads.
 *
 * @since 0.1.0
 * @category Auth object
 */
export interface AuthorizationData {
  readonly userId: string | null | undefined
  readonly orgId: string | null | undefined
  readonly orgRole: string | null | undefined
  readonly orgPermissions: ReadonlyArray<string> | null | undefined
  readonly factorVerificationAge: readonly [number, number] | null | undefined
  readonly features: string | null | undefined
  readonly plans: string | null | undefined
}

type Verdict = "pass" | "fail" | "skip"

const withOrgPrefix = (value: string): string => value.replace(/^(org:)*/, "org:")

const checkOrg = (params: CheckAuthorizationParams, data: AuthorizationData): Verdict => {
  const roleAsked = params.role !== undefined
  const permissionAsked = params.permission !== undefined
  if (!roleAsked && !permissionAsked) return "skip"
  if (roleAsked && typeof params.role !== "string") return "fail"
  if (permissionAsked && typeof params.permission !== "string") return "fail"
  if (!data.orgId) return "fail"
  if (typeof params.role === "string") {
    if (typeof data.orgRole !== "string" || data.orgRole === "") return "fail"
    if (withOrgPrefix(data.orgRole) !== withOrgPrefix(params.role)) return "fail"
  }
  if (typeof params.permission === "string") {
    if (!Array.isArray(data.orgPermissions)) return "fail"
    if (!data.orgPermissions.includes(withOrgPrefix(params.permission))) return "fail"
  }
  return "pass"
}

const ORG_SCOPES: ReadonlySet<string> = new Set(["o", "org", "organization"])
const USER_SCOPES: ReadonlySet<string> = new Set(["u", "user"])

/** Whether the `fea`/`pla` claim grants `wanted` (`"scope:id"` or `"id"`); throws on a malformed claim or scope. */
const grants = (claim: string, wanted: string): boolean => {
  const { org, user } = splitByScope(claim)
  const [scope, rawId] = wanted.split(":")
  const id = rawId || scope!
  if (rawId !== undefined) {
    if (ORG_SCOPES.has(scope!)) return org.includes(id)
    if (USER_SCOPES.has(scope!)) return user.includes(id)
    throw new Error(`Invalid scope: ${scope}`)
  }
  return org.includes(id) || user.includes(id)
}

const checkEntitlement = (asked: unknown, claim: string | null | undefined): Verdict => {
  if (asked === undefined) return "skip"
  if (typeof asked !== "string" || typeof claim !== "string" || claim === "") return "fail"
  try {
    return grants(claim, asked) ? "pass" : "fail"
  } catch {
    return "fail"
  }
}

const checkBilling = (params: CheckAuthorizationParams, data: AuthorizationData): Verdict => {
  const feature = checkEntitlement(params.feature, data.features)
  const plan = checkEntitlement(params.plan, data.plans)
  if (feature === "skip") return plan
  if (plan === "skip") return feature
  return feature === "pass" && plan === "pass" ? "pass" : "fail"
}

const NAMED_LEVELS = {
  strict_mfa: { afterMinutes: 10, level: "multi_factor" },
  strict: { afterMinutes: 10, level: "second_factor" },
  moderate: { afterMinutes: 60, level: "second_factor" },
  lax: { afterMinutes: 1440, level: "second_factor" }
} as const

const isNamedLevel = (name: string): name is keyof typeof NAMED_LEVELS => Object.hasOwn(NAMED_LEVELS, name)

const LEVELS: ReadonlySet<string> = new Set(["first_factor", "second_factor", "multi_factor"])

const resolveLevel = (config: unknown): { readonly level: string; readonly afterMinutes: number } | undefined => {
  if (typeof config === "string") return isNamedLevel(config) ? NAMED_LEVELS[config] : undefined
  if (typeof config === "object" && config !== null && "level" in config && "afterMinutes" in config) {
    const { afterMinutes, level } = config
    if (typeof level === "string" && LEVELS.has(level) && typeof afterMinutes === "number" && afterMinutes > 0) {
      return { level, afterMinutes }
    }
  }
  return undefined
}

const validAge = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x) && (x === -1 || x >= 0)

const checkReverification = (params: CheckAuthorizationParams, data: AuthorizationData): Verdict => {
  if (params.reverification === undefined) return "skip"
  const fva = data.factorVerificationAge
  // Claims are data from a token: check the shape even though the type says it is a pair of numbers.
  if (!Array.isArray(fva) || fva.length !== 2) return "fail"
  const [first, second] = fva
  if (!validAge(first) || !validAge(second)) return "fail"
  const config = resolveLevel(params.reverification)
  if (config === undefined) return "fail"
  if (first === -1 && second === -1) return "fail"
  const firstFresh = first !== -1 && config.afterMinutes > first
  const secondFresh = second !== -1 && config.afterMinutes > second
  switch (config.level) {
    case "first_factor":
      return firstFresh ? "pass" : "fail"
    case "second_factor":
      if (second === -1) return firstFresh ? "pass" : "fail"
      return secondFresh ? "pass" : "fail"
    default:
      if (second === -1) return firstFresh ? "pass" : "fail"
      if (first === -1) return "fail"
      return firstFresh && secondFresh ? "pass" : "fail"
  }
}

/**
 * Builds `has()` for a session. It is true only when a user is signed in, at least one dimension was asked, and every
 * asked dimension passes.
 *
 * @since 0.1.0
 * @category Auth object
 */
export const createCheckAuthorization =
  (data: AuthorizationData) =>
  (params: CheckAuthorizationParams): boolean => {
    if (!data.userId || typeof params !== "object" || params === null) return false
    const verdicts = [checkOrg(params, data), checkBilling(params, data), checkReverification(params, data)]
    return verdicts.includes("pass") && verdicts.every((v) => v !== "fail")
  }
