/**
 * A scripted fake `HttpClient` for tests: answer requests from a handler or a route table, and record every request
 * so a test can assert what was sent. No network, no Clerk account.
 *
 * ```ts
 * const Http = FakeHttp.layer(FakeHttp.routes({
 *   "GET /v1/users/{user_id}": (req) => FakeHttp.json(200, { object: "user", id: req.params.user_id, ... })
 * }))
 * ```
 *
 * @module
 */
import type * as HttpBody from "@effect/platform/HttpBody"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Ref from "effect/Ref"

/**
 * A request as the fake saw it.
 *
 * @since 0.1.0
 * @category Testing
 */
export interface RecordedRequest {
  readonly method: string
  readonly url: URL
  /** The URL path, e.g. `/v1/users/user_1`. */
  readonly path: string
  /** Query values by key; repeated keys give several values. */
  readonly query: Readonly<Record<string, ReadonlyArray<string>>>
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>
  /** The raw body text (`undefined` when there is none or it is multipart). */
  readonly bodyText: string | undefined
  /** The JSON body parsed (`undefined` when there is none or it is not JSON). */
  readonly body: unknown
  /** The multipart body, when one was sent. */
  readonly formData: FormData | undefined
  /** Placeholders matched by a route pattern. */
  readonly params: Readonly<Record<string, string>>
}

/**
 * What the fake answers: a status, an optional JSON or text body and headers; or a simulated network failure.
 *
 * @since 0.1.0
 * @category Testing
 */
export type FakeResponse =
  | {
      readonly status: number
      readonly body?: unknown
      readonly text?: string | undefined
      readonly headers?: Readonly<Record<string, string>> | undefined
    }
  | { readonly networkError: string }

/**
 * A handler: returns a response, or an Effect of one (use `Effect.never` to simulate a hang).
 *
 * @since 0.1.0
 * @category Testing
 */
export type FakeHandler = (request: RecordedRequest) => FakeResponse | Effect.Effect<FakeResponse>

/**
 * A JSON response.
 *
 * @since 0.1.0
 * @category Testing
 */
export const json = (status: number, body: unknown, headers?: Readonly<Record<string, string>>): FakeResponse => ({
  status,
  body,
  headers
})

/**
 * A plain text (or HTML) response.
 *
 * @since 0.1.0
 * @category Testing
 */
export const text = (status: number, body: string, headers?: Readonly<Record<string, string>>): FakeResponse => ({
  status,
  text: body,
  headers: { "content-type": "text/html", ...headers }
})

/**
 * A Clerk-style error response (`{ errors: [...], clerk_trace_id }`).
 *
 * @since 0.1.0
 * @category Testing
 */
export const clerkError = (
  status: number,
  errors: ReadonlyArray<{
    readonly code: string
    readonly message: string
    readonly long_message?: string
    readonly meta?: unknown
  }>,
  options: { readonly traceId?: string; readonly headers?: Readonly<Record<string, string>> } = {}
): FakeResponse => ({
  status,
  body: { errors, ...(options.traceId !== undefined ? { clerk_trace_id: options.traceId } : {}) },
  headers: options.headers
})

/**
 * A network failure (no response at all).
 *
 * @since 0.1.0
 * @category Testing
 */
export const networkError = (reason = "connection refused"): FakeResponse => ({ networkError: reason })

/**
 * Records every request the fake received.
 *
 * @since 0.1.0
 * @category Testing
 */
export class Recorder extends Context.Tag("effect-clerk/FakeHttp/Recorder")<
  Recorder,
  {
    /** All requests so far, oldest first. */
    readonly requests: Effect.Effect<ReadonlyArray<RecordedRequest>>
    /** The most recent request (fails with NoSuchElementException when there is none). */
    readonly last: Effect.Effect<RecordedRequest, Error>
    /** Forgets what was recorded. */
    readonly clear: Effect.Effect<void>
  }
>() {}

const decoder = new TextDecoder()

const readBody = (body: HttpBody.HttpBody): { text: string | undefined; formData: FormData | undefined } => {
  switch (body._tag) {
    case "Uint8Array":
      return { text: decoder.decode(body.body), formData: undefined }
    case "FormData":
      return { text: undefined, formData: body.formData }
    case "Raw":
      return { text: typeof body.body === "string" ? body.body : undefined, formData: undefined }
    default:
      return { text: undefined, formData: undefined }
  }
}

const parseJson = (text: string | undefined): unknown => {
  if (text === undefined || text.length === 0) return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/**
 * Turns a (non-network-error) fake response into a web `Response`; also used by the loopback fake server.
 *
 * @since 0.1.0
 * @category Testing
 */
export const toWebResponse = (response: Exclude<FakeResponse, { networkError: string }>): Response => {
  const headers = new Headers(response.headers)
  let payload: string | null = null
  if (response.text !== undefined) payload = response.text
  else if (response.body !== undefined) {
    payload = JSON.stringify(response.body)
    if (!headers.has("content-type")) headers.set("content-type", "application/json")
  }
  const nullBody = response.status === 204 || response.status === 304
  return new Response(nullBody ? null : payload, { status: response.status, headers })
}

/**
 * Builds a {@link RecordedRequest} from what arrived; also used by the loopback fake server.
 *
 * @since 0.1.0
 * @category Testing
 */
export const recordRequest = (
  method: string,
  url: URL,
  headers: Readonly<Record<string, string>>,
  bodyText: string | undefined,
  formData: FormData | undefined
): RecordedRequest => {
  const query: Record<string, Array<string>> = {}
  url.searchParams.forEach((value, key) => {
    ;(query[key] ??= []).push(value)
  })
  return { method, url, path: url.pathname, query, headers, bodyText, body: parseJson(bodyText), formData, params: {} }
}

/**
 * Builds a fake HttpClient plus its recorder from a handler.
 *
 * @since 0.1.0
 * @category Testing
 */
export const make = (handler: FakeHandler) =>
  Effect.gen(function* () {
    const log = yield* Ref.make<ReadonlyArray<RecordedRequest>>([])
    const client = HttpClient.make((request, url) =>
      Effect.gen(function* () {
        const { formData, text: bodyText } = readBody(request.body)
        const recorded = recordRequest(request.method, url, { ...request.headers }, bodyText, formData)
        yield* Ref.update(log, (all) => [...all, recorded])
        const answer = handler(recorded)
        const response = Effect.isEffect(answer) ? yield* answer : answer
        if ("networkError" in response) {
          return yield* new HttpClientError.RequestError({
            request,
            reason: "Transport",
            cause: new Error(response.networkError)
          })
        }
        return HttpClientResponse.fromWeb(request, toWebResponse(response))
      })
    )
    const recorder = Recorder.of({
      requests: Ref.get(log),
      last: Effect.flatMap(Ref.get(log), (all) => {
        const last = all[all.length - 1]
        return last === undefined ? Effect.fail(new Error("no request was recorded")) : Effect.succeed(last)
      }),
      clear: Ref.set(log, [])
    })
    return { client, recorder }
  })

/**
 * A layer providing the fake HttpClient and its Recorder.
 *
 * @since 0.1.0
 * @category Testing
 */
export const layer = (handler: FakeHandler): Layer.Layer<HttpClient.HttpClient | Recorder> =>
  Layer.effectContext(
    Effect.map(make(handler), ({ client, recorder }) =>
      Context.make(HttpClient.HttpClient, client).pipe(Context.add(Recorder, recorder))
    )
  )

const compile = (pattern: string) => {
  const space = pattern.indexOf(" ")
  const method = pattern.slice(0, space).toUpperCase()
  const names: Array<string> = []
  const source = pattern
    .slice(space + 1)
    .split("/")
    .map((segment) => {
      const m = /^\{([^}]+)\}$/.exec(segment) ?? /^:(.+)$/.exec(segment)
      if (m) {
        names.push(m[1]!)
        return "([^/]+)"
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    })
    .join("/")
  return { method, names, regex: new RegExp(`^${source}$`) }
}

/**
 * A handler from a route table keyed `"METHOD /path/{param}"` (or `:param`). Unmatched requests get a Clerk-style 404,
 * so a wrong path shows up as a typed error in the test.
 *
 * @since 0.1.0
 * @category Testing
 */
export const routes = (table: Readonly<Record<string, FakeHandler>>): FakeHandler => {
  const compiled = Object.entries(table).map(([pattern, handle]) => ({ ...compile(pattern), handle }))
  return (request) => {
    for (const route of compiled) {
      if (route.method !== request.method) continue
      const m = route.regex.exec(request.path)
      if (!m) continue
      const params: Record<string, string> = {}
      route.names.forEach((name, i) => {
        params[name] = decodeURIComponent(m[i + 1]!)
      })
      return route.handle({ ...request, params })
    }
    return clerkError(404, [
      {
        code: "resource_not_found",
        message: "not found",
        long_message: `No fake route for ${request.method} ${request.path}`
      }
    ])
  }
}
