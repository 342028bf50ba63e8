/**
 * Cookie reading: the `Cookie` header parsed once, and the per-instance cookie suffix.
 *
 * @module
 */
import { backend } from "../crypto.js"

/**
 * Parses a `Cookie` header into name → value. Pairs are split on `;` only (an encoded `;` inside a value never forges
 * another cookie); names and values are trimmed of spaces and tabs; values with `%` are percent-decoded when valid and
 * kept as sent otherwise; the first occurrence of a name wins. Never throws.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const parseCookieHeader = (header: string | null | undefined): ReadonlyMap<string, string> => {
  const cookies = new Map<string, string>()
  if (!header) return cookies
  for (const pair of header.split(";")) {
    const eq = pair.indexOf("=")
    if (eq === -1) continue
    const name = pair.slice(0, eq).replace(/^[ \t]+|[ \t]+$/g, "")
    if (cookies.has(name)) continue
    const raw = pair.slice(eq + 1).replace(/^[ \t]+|[ \t]+$/g, "")
    let value = raw
    if (raw.includes("%")) {
      try {
        value = decodeURIComponent(raw)
      } catch {
        value = raw
      }
    }
    cookies.set(name, value)
  }
  return cookies
}

const SUFFIX_CACHE_SIZE = 32
const suffixCache = new Map<string, string>()

/**
 * The cookie suffix of an instance: the first 8 characters of the URL-safe base64 SHA-1 of its publishable key.
 * Memoised per key (a pure function of its input; at most 32 keys).
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const cookieSuffix = (publishableKey: string): string => {
  const hit = suffixCache.get(publishableKey)
  if (hit !== undefined) return hit
  const suffix = backend.sha1Base64Url(publishableKey).slice(0, 8)
  if (suffixCache.size >= SUFFIX_CACHE_SIZE) {
    const oldest = suffixCache.keys().next()
    if (oldest.done !== true) suffixCache.delete(oldest.value)
  }
  suffixCache.set(publishableKey, suffix)
  return suffix
}

/**
 * `<name>_<suffix>`.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const suffixedCookieName = (name: string, suffix: string): string => `${name}_${suffix}`

/**
 * The name of a `Set-Cookie` directive (`name=value; attrs`).
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const directiveName = (directive: string): string => directive.split(";")[0]!.split("=")[0]!

/**
 * The value of a `Set-Cookie` directive (up to a second `=`, as Clerk reads it).
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export const directiveValue = (directive: string): string => directive.split(";")[0]!.split("=")[1] ?? ""
