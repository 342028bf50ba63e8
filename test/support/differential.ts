/**
 * Differential testing against `@clerk/backend` (a devDependency): run the same call through both clients against the
 * same scripted responses, then compare what each sent and what each returned.
 *
 * `@clerk/backend` reads the global `fetch` at call time when NODE_ENV is "test" (vitest sets it), so it is stubbed
 * for the duration of one call. Calls must not run concurrently with each other.
 */
import { createClerkClient as createReferenceClient } from "@clerk/backend"
import { expect } from "vitest"
import * as FakeHttp from "../../src/testing/FakeHttp.js"
import { createClerkClient } from "../../src/promise/createClerkClient.js"
import type { ClerkClient } from "../../src/promise/createClerkClient.js"

/** The reference client's type. */
export type ReferenceClient = ReturnType<typeof createReferenceClient>

/** A request as either client sent it, normalised for comparison. */
export interface WireRequest {
  readonly method: string
  readonly path: string
  readonly query: ReadonlyArray<readonly [string, string]>
  readonly authorization: string | null
  readonly apiVersion: string | null
  readonly contentType: string | null
  readonly body: unknown
  readonly formData: ReadonlyArray<readonly [string, string]> | undefined
}

/** What one side did. */
export interface SideResult {
  readonly requests: ReadonlyArray<WireRequest>
  readonly result?: unknown
  readonly error?: unknown
}

export const API_URL = "https://api.clerk.test"
export const SECRET_KEY = "sk_test_differentialSecretKey0123456789"
export const MACHINE_SECRET_KEY = "ak_differentialMachineKey0123456789"

const sortedQuery = (url: URL): ReadonlyArray<readonly [string, string]> =>
  [...url.searchParams.entries()].sort((a, b) => `${a[0]}=${a[1]}`.localeCompare(`${b[0]}=${b[1]}`))

const formEntries = async (body: FormData): Promise<ReadonlyArray<readonly [string, string]>> => {
  const out: Array<readonly [string, string]> = []
  for (const [key, value] of body.entries()) {
    out.push([key, typeof value === "string" ? value : `file:${value.size}:${await value.text()}`])
  }
  return out
}

const fromWebRequest = async (request: Request): Promise<WireRequest> => {
  const url = new URL(request.url)
  const contentType = request.headers.get("content-type")
  let body: unknown
  let formData: ReadonlyArray<readonly [string, string]> | undefined
  if (contentType?.startsWith("multipart/form-data")) {
    formData = await formEntries(await request.formData())
  } else {
    const text = await request.text()
    body = text.length === 0 ? undefined : JSON.parse(text)
  }
  return {
    method: request.method,
    path: url.pathname,
    query: sortedQuery(url),
    authorization: request.headers.get("authorization"),
    apiVersion: request.headers.get("clerk-api-version"),
    contentType: contentType?.startsWith("multipart/form-data") ? "multipart/form-data" : contentType,
    body,
    formData
  }
}

/** The scripted answer as a web Response (a network error throws, as `fetch` does). */
const toWebResponse = (response: FakeHttp.FakeResponse): Response => {
  if ("networkError" in response) throw new TypeError(response.networkError)
  return FakeHttp.toWebResponse(response)
}

/** A handler that answers from a route table or one fixed response. */
export type Responder = (request: {
  readonly method: string
  readonly path: string
  readonly url: URL
}) => FakeHttp.FakeResponse

/** Runs `call` through `@clerk/backend` with a stubbed global fetch. */
export const runReference = async (
  responder: Responder,
  call: (client: ReferenceClient) => Promise<unknown>,
  options: Record<string, unknown> = {}
): Promise<SideResult> => {
  const requests: Array<WireRequest> = []
  const original = globalThis.fetch
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init)
    requests.push(await fromWebRequest(request.clone()))
    const url = new URL(request.url)
    return toWebResponse(responder({ method: request.method, path: url.pathname, url }))
  }
  try {
    const client = createReferenceClient({ secretKey: SECRET_KEY, apiUrl: API_URL, ...options })
    const result = await call(client)
    return { requests, result }
  } catch (error) {
    return { requests, error }
  } finally {
    globalThis.fetch = original
  }
}

/** Runs `call` through effect-clerk's Promise client over a custom fetch answering the same way. */
export const runOurs = async (
  responder: Responder,
  call: (client: ClerkClient) => Promise<unknown>,
  options: Record<string, unknown> = {}
): Promise<SideResult> => {
  const requests: Array<WireRequest> = []
  const client = createClerkClient({
    secretKey: SECRET_KEY,
    apiUrl: API_URL,
    retry: false,
    ...options,
    fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init)
      requests.push(await fromWebRequest(request.clone()))
      const url = new URL(request.url)
      return toWebResponse(responder({ method: request.method, path: url.pathname, url }))
    }
  })
  try {
    const result = await call(client)
    return { requests, result }
  } catch (error) {
    return { requests, error }
  } finally {
    await client.dispose()
  }
}

/** Runs the same call through both clients. `ours` defaults to the same call as `reference`. */
export const runBoth = async (
  responder: Responder,
  reference: (client: ReferenceClient) => Promise<unknown>,
  ours: (client: ClerkClient) => Promise<unknown>,
  options: Record<string, unknown> = {}
): Promise<{ readonly reference: SideResult; readonly ours: SideResult }> => ({
  reference: await runReference(responder, reference, options),
  ours: await runOurs(responder, ours, options)
})

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null

/**
 * Asserts `ours` holds the same data as `reference`: every own enumerable field of the reference (recursively) is
 * present and equal in ours; ours may have more fields. Returns the list of mismatching paths (empty when equal).
 */
export const dataMismatches = (reference: unknown, ours: unknown, path = "$"): Array<string> => {
  if (reference instanceof URL) {
    return ours instanceof URL && ours.href === reference.href
      ? []
      : [`${path}: URL ${reference.href} vs ${String(ours)}`]
  }
  if (Array.isArray(reference)) {
    if (!Array.isArray(ours)) return [`${path}: array vs ${typeof ours}`]
    if (ours.length !== reference.length) return [`${path}: length ${reference.length} vs ${ours.length}`]
    return reference.flatMap((item, i) => dataMismatches(item, ours[i], `${path}[${i}]`))
  }
  if (isObject(reference)) {
    if (!isObject(ours)) return [`${path}: object vs ${JSON.stringify(ours)}`]
    return Object.keys(reference).flatMap((key) => {
      const value = reference[key]
      if (typeof value === "function") return []
      if (value === undefined && !(key in ours)) return []
      return dataMismatches(value, ours[key], `${path}.${key}`)
    })
  }
  if (Object.is(reference, ours)) return []
  return [`${path}: ${JSON.stringify(reference)} vs ${JSON.stringify(ours)}`]
}

/** Expects the same requests (method, path, query, auth, version, body) on both sides. */
export const expectSameRequests = (result: { readonly reference: SideResult; readonly ours: SideResult }): void => {
  expect(result.ours.requests).toEqual(result.reference.requests)
}

/** Expects both sides to succeed with the same data, or both to fail with the same status. */
export const expectSameOutcome = (result: { readonly reference: SideResult; readonly ours: SideResult }): void => {
  if (result.reference.error !== undefined) {
    expect(result.ours.error, "reference failed, ours succeeded").toBeDefined()
    const status = (e: unknown) => (isObject(e) ? e.status : undefined)
    expect(status(result.ours.error)).toEqual(status(result.reference.error))
    return
  }
  expect(result.ours.error, `ours failed: ${String(result.ours.error)}`).toBeUndefined()
  expect(dataMismatches(result.reference.result, result.ours.result)).toEqual([])
}
