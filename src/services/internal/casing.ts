/**
 * Key casing for request bodies and queries, matching what `@clerk/backend` sends.
 *
 * @internal
 */

/** `primaryEmailAddressID` → `primary_email_address_id`, `web3Wallet` → `web3_wallet`; snake keys stay as they are. */
export const snakeCase = (key: string): string =>
  key
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1_$2")
    .replace(/[-\s]+/g, "_")
    .toLowerCase()

const isPlainObject = (u: unknown): u is Record<string, unknown> => {
  if (u === null || typeof u !== "object" || Array.isArray(u)) return false
  const proto = Object.getPrototypeOf(u)
  return proto === Object.prototype || proto === null
}

/** How body keys are snake-cased: top-level only (the default), all the way down, or not at all. */
export type Casing = "shallow" | "deep" | "none"

const deepSnake = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(deepSnake)
  if (!isPlainObject(value)) return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[snakeCase(k)] = deepSnake(v)
  return out
}

const shallowSnake = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(shallowSnake)
  if (!isPlainObject(value)) return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[snakeCase(k)] = v
  return out
}

/** Snake-cases the keys of a body (each element of an array body is cased on its own). */
export const snakeKeys = (value: unknown, casing: Casing): unknown =>
  casing === "none" ? value : casing === "deep" ? deepSnake(value) : shallowSnake(value)
