/**
 * Reading Backend API responses: error bodies, trace ids and Retry-After.
 *
 * @internal
 */
import type { ClerkAPIErrorItem } from "../ClerkErrors.js"

const isRecord = (u: unknown): u is Record<string, unknown> => u !== null && typeof u === "object" && !Array.isArray(u)

const META_KEYS: Readonly<Record<string, string>> = {
  param_name: "paramName",
  session_id: "sessionId",
  email_addresses: "emailAddresses",
  identifiers: "identifiers",
  zxcvbn: "zxcvbn",
  plan: "plan",
  is_plan_upgrade_possible: "isPlanUpgradePossible",
  seats_quantity_to_add: "seatsQuantityToAdd",
  seats_quantity: "seatsQuantity",
  trace_id: "traceId",
  kind: "kind",
  title: "title",
  description: "description",
  link_url: "linkUrl",
  link_text: "linkText",
  data: "data"
}

const parseMeta = (meta: unknown): Record<string, unknown> | undefined => {
  if (!isRecord(meta)) return undefined
  const out: Record<string, unknown> = {}
  for (const [wire, camel] of Object.entries(META_KEYS)) {
    if (wire in meta) out[camel] = meta[wire]
  }
  for (const [key, value] of Object.entries(meta)) {
    if (!(key in META_KEYS)) out[key] = value
  }
  return out
}

/** Parses one wire error entry (`{ code, message, long_message, meta }`); `undefined` when it is not an object. */
export const parseErrorItem = (item: unknown): ClerkAPIErrorItem | undefined => {
  if (!isRecord(item)) return undefined
  const code = typeof item.code === "string" ? item.code : "unknown_error"
  const message = typeof item.message === "string" ? item.message : ""
  const longMessage = typeof item.long_message === "string" ? item.long_message : undefined
  const meta = parseMeta(item.meta)
  return {
    code,
    message,
    ...(longMessage !== undefined ? { longMessage } : {}),
    ...(meta !== undefined ? { meta } : {})
  }
}

/** What an error body holds, however malformed it is. */
export interface ParsedErrorBody {
  readonly errors: ReadonlyArray<ClerkAPIErrorItem>
  readonly clerkTraceId: string | undefined
  /** Set when the body was not a Clerk error document. */
  readonly bodySnippet: string | undefined
}

const SNIPPET_LENGTH = 200

/** Parses an error response body; never fails (HTML pages, truncated JSON and empty bodies are all handled). */
export const parseErrorBody = (text: string): ParsedErrorBody => {
  let json: unknown
  try {
    json = text.length > 0 ? JSON.parse(text) : undefined
  } catch {
    return { errors: [], clerkTraceId: undefined, bodySnippet: text.slice(0, SNIPPET_LENGTH) }
  }
  if (!isRecord(json)) {
    return {
      errors: [],
      clerkTraceId: undefined,
      bodySnippet: text.length > 0 ? text.slice(0, SNIPPET_LENGTH) : undefined
    }
  }
  const errors = Array.isArray(json.errors)
    ? json.errors.flatMap((e) => {
        const item = parseErrorItem(e)
        return item === undefined ? [] : [item]
      })
    : []
  return {
    errors,
    clerkTraceId: typeof json.clerk_trace_id === "string" ? json.clerk_trace_id : undefined,
    bodySnippet: Array.isArray(json.errors) ? undefined : text.slice(0, SNIPPET_LENGTH)
  }
}

/** Parses `Retry-After` (delta seconds or an HTTP date) into whole seconds from `nowMillis`. */
export const parseRetryAfter = (header: string | undefined, nowMillis: number): number | undefined => {
  if (header === undefined) return undefined
  const trimmed = header.trim()
  if (/^\d+$/.test(trimmed)) return Number.parseInt(trimmed, 10)
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, Math.ceil((date - nowMillis) / 1000))
}
