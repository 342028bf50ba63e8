/**
 * The one request pipeline. Every Backend API call goes through {@link BackendApi}: URL and path-id encoding, headers,
 * query and body encoding, the per-attempt timeout, retries, response decoding, error mapping and the span.
 *
 * @module
 */
import * as HttpBody from "@effect/platform/HttpBody"
import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { dual } from "effect/Function"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Predicate from "effect/Predicate"
import * as Redacted from "effect/Redacted"
import * as Schedule from "effect/Schedule"
import * as ScheduleDecision from "effect/ScheduleDecision"
import * as ScheduleIntervals from "effect/ScheduleIntervals"
import * as Schema from "effect/Schema"
import type * as Tracer from "effect/Tracer"
import { ClerkConfig, CLERK_API_VERSION_HEADER, resolveRetry, transformedClient } from "./ClerkConfig.js"
import type { ClerkConfigShape, RetryOptions, RetryPolicy } from "./ClerkConfig.js"
import {
  apiErrorForStatus,
  ClerkDecodeError,
  type ClerkError,
  ClerkInvalidRequestError,
  ClerkTimeoutError,
  transportErrorFrom
} from "./ClerkErrors.js"
import { type Casing, snakeKeys } from "./internal/casing.js"
import { observer } from "../models/generated/decoders.js"
import { type DriftIssue, hasMismatch, topLevelKind } from "../models/internal/observe.js"
import { type DriftReport, makeDriftRecorder } from "./DriftReport.js"
import { checkQuery } from "./internal/queryCheck.js"
import { type DirectFailure, type DirectResponse, directTransports, type InFlight } from "./internal/directTransport.js"
import { handOff } from "./internal/handOff.js"
import { parseErrorBody, parseRetryAfter } from "./internal/responses.js"
import { encodeQuery, fillPath, joinUrl, type QueryValue } from "./internal/url.js"

export type { Casing } from "./internal/casing.js"
export type { QueryValue } from "./internal/url.js"

/**
 * HTTP methods the Backend API uses.
 *
 * @since 0.1.0
 * @category Pipeline
 */
export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE"

/**
 * One Backend API call, described as data.
 *
 * @since 0.1.0
 * @category Pipeline
 */
export interface ApiRequest {
  /** `resource.method`, used for the span name `clerk.<operation>`. */
  readonly operation: string
  readonly method: HttpMethod
  /** The spec's path template, e.g. `/users/{user_id}`. */
  readonly path: string
  /** Values for the template's placeholders; each is checked and URL-encoded. */
  readonly pathParams?: Readonly<Record<string, unknown>> | undefined
  /** Query parameters; keys are snake_cased, arrays repeat the key, `undefined`/`null` are left out. */
  readonly query?: Readonly<Record<string, QueryValue>> | undefined
  /** A JSON body (object or array). Sent only for non-GET calls with at least one key or element. */
  readonly body?: unknown
  /** How body keys are snake_cased (default `shallow`, as `@clerk/backend` does). */
  readonly casing?: Casing | undefined
  /** A multipart body; wins over `body`. */
  readonly formData?: FormData | undefined
  /** Leave the `/v1` segment out of the URL (API keys, M2M and OAuth token endpoints). */
  readonly versionless?: boolean | undefined
  /** Which key authenticates the call (default the secret key). */
  readonly auth?: "secretKey" | "machineSecretKey" | "none" | undefined
  /** A per-call bearer token that wins over `auth`. */
  readonly bearer?: Redacted.Redacted<string> | undefined
  /** Extra request headers. */
  readonly headers?: Readonly<Record<string, string>> | undefined
}

/** How a 2xx body is read: parsed as JSON, or kept as text. */
type BodyKind = "json" | "text"

/**
 * The pipeline service.
 *
 * @since 0.1.0
 * @category Pipeline
 */
export interface BackendApiShape {
  /** Sends the request and decodes the 2xx body with `schema`. */
  readonly execute: <A, I>(request: ApiRequest, schema: Schema.Schema<A, I, never>) => Effect.Effect<A, ClerkError>
  /** Sends the request and returns the parsed JSON body as it is (`undefined` for an empty body). */
  readonly executeJson: (request: ApiRequest) => Effect.Effect<unknown, ClerkError>
  /** Sends the request and returns the 2xx body as text (for the few endpoints that answer HTML). */
  readonly executeText: (request: ApiRequest) => Effect.Effect<string, ClerkError>
  /** Sends the request and ignores the 2xx body (whatever its content type). */
  readonly executeVoid: (request: ApiRequest) => Effect.Effect<void, ClerkError>
  /** The validated configuration the pipeline was built with. */
  readonly config: ClerkConfigShape
  /** Where the client's responses differed from the spec (tolerant mode keeps such data and reports it here). */
  readonly drift: DriftReport
}

/**
 * The request pipeline service.
 *
 * @since 0.1.0
 * @category Pipeline
 */
export class BackendApi extends Context.Tag("effect-clerk/BackendApi")<BackendApi, BackendApiShape>() {}

/**
 * Per-call overrides of the client's retry policy and timeout.
 *
 * @since 0.1.0
 * @category Pipeline
 */
export interface RequestOverrides {
  readonly retry?: RetryOptions | false | undefined
  readonly timeout?: Duration.DurationInput | false | undefined
}

/**
 * The overrides in force for the current fiber (none by default).
 *
 * @since 0.1.0
 * @category Pipeline
 */
export class CurrentRequestOverrides extends Context.Reference<CurrentRequestOverrides>()(
  "effect-clerk/CurrentRequestOverrides",
  { defaultValue: (): RequestOverrides => ({}) }
) {}

/**
 * Runs `effect` with a different retry policy (`false` turns retries off).
 *
 * @since 0.1.0
 * @category Pipeline
 */
export const withRetry: {
  (retry: RetryOptions | false): <A, E, R>(self: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  <A, E, R>(self: Effect.Effect<A, E, R>, retry: RetryOptions | false): Effect.Effect<A, E, R>
} = dual(
  2,
  <A, E, R>(self: Effect.Effect<A, E, R>, retry: RetryOptions | false): Effect.Effect<A, E, R> =>
    Effect.flatMap(CurrentRequestOverrides, (current) =>
      Effect.provideService(self, CurrentRequestOverrides, { ...current, retry })
    )
)

/**
 * Runs `effect` with a different per-attempt timeout (`false` for none).
 *
 * @since 0.1.0
 * @category Pipeline
 */
export const withTimeout: {
  (timeout: Duration.DurationInput | false): <A, E, R>(self: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  <A, E, R>(self: Effect.Effect<A, E, R>, timeout: Duration.DurationInput | false): Effect.Effect<A, E, R>
} = dual(
  2,
  <A, E, R>(self: Effect.Effect<A, E, R>, timeout: Duration.DurationInput | false): Effect.Effect<A, E, R> =>
    Effect.flatMap(CurrentRequestOverrides, (current) =>
      Effect.provideService(self, CurrentRequestOverrides, { ...current, timeout })
    )
)

const TRIM_SLASHES = /^\/+|\/+$/g

/** Whether a path starts with exactly one slash and does not end with one (what trimming would leave). */
const singleSlashed = (path: string): boolean =>
  path.charCodeAt(0) === 47 && path.charCodeAt(1) !== 47 && path.charCodeAt(path.length - 1) !== 47

const IDEMPOTENT: ReadonlySet<string> = new Set(["GET", "PUT", "DELETE"])

/**
 * Whether a failure is worth another attempt: 429 always (the request was not processed); 5xx, timeouts and network
 * errors only for idempotent methods.
 *
 * @since 0.1.0
 * @category Pipeline
 */
export const isRetryable = (method: HttpMethod, error: ClerkError): boolean => {
  switch (error._tag) {
    case "ClerkRateLimitError":
      return true
    case "ClerkServerError":
      return IDEMPOTENT.has(method) && error.status !== 501
    case "ClerkTimeoutError":
    case "ClerkTransportError":
      return IDEMPOTENT.has(method)
    default:
      return false
  }
}

/**
 * The retry schedule: jittered exponential backoff capped at `maxDelay`, at most `maxRetries` retries, for retryable
 * failures only. A `Retry-After` from a 429 replaces the backoff delay. The total `budget` is enforced by the pipeline
 * over the whole call (attempts and waits together): a wait that would not end before the deadline ends the retries.
 *
 * @since 0.1.0
 * @category Pipeline
 */
export const retrySchedule = (policy: RetryPolicy, method: HttpMethod): Schedule.Schedule<unknown, ClerkError> => {
  const backoff = Schedule.exponential(policy.baseDelay, 2).pipe(
    Schedule.jittered,
    Schedule.modifyDelay((_, delay) => Duration.min(delay, policy.maxDelay))
  )
  return Schedule.identity<ClerkError>().pipe(
    Schedule.intersect(backoff),
    Schedule.intersect(Schedule.recurs(policy.maxRetries)),
    Schedule.whileInput((error: ClerkError) => isRetryable(method, error)),
    Schedule.modifyDelay(([[error]], delay) =>
      error._tag === "ClerkRateLimitError" && error.retryAfter !== undefined
        ? Duration.seconds(error.retryAfter)
        : delay
    )
  )
}

/** Schedules built once per policy and method (a policy object is resolved once per client or override). */
const scheduleCache = new WeakMap<RetryPolicy, Map<HttpMethod, Schedule.Schedule<unknown, ClerkError>>>()
const cachedSchedule = (policy: RetryPolicy, method: HttpMethod): Schedule.Schedule<unknown, ClerkError> => {
  let byMethod = scheduleCache.get(policy)
  if (byMethod === undefined) scheduleCache.set(policy, (byMethod = new Map()))
  let schedule = byMethod.get(method)
  if (schedule === undefined) byMethod.set(method, (schedule = retrySchedule(policy, method)))
  return schedule
}

/** Per-call retry overrides resolved once per override object. */
const overrideCache = new WeakMap<RetryOptions, RetryPolicy | undefined>()
const resolveOverride = (retry: RetryOptions | false): RetryPolicy | undefined => {
  if (retry === false) return undefined
  if (overrideCache.has(retry)) return overrideCache.get(retry)
  const policy = Either.getOrUndefined(resolveRetry(retry))
  overrideCache.set(retry, policy)
  return policy
}

/** A short, secret-free description of why an attempt failed, for the retry log and span event. */
const describeCause = (error: ClerkError): string => {
  switch (error._tag) {
    case "ClerkRateLimitError":
      return "rate limited (429)"
    case "ClerkServerError":
      return `server error (${error.status})`
    case "ClerkTimeoutError":
      return `timeout after ${error.timeoutMillis} ms`
    case "ClerkTransportError":
      return error.code === undefined ? "network error" : `network error (${error.code})`
    default:
      return error._tag
  }
}

/** At most this many mismatches are named in a {@link ClerkDecodeError}, each at most this long. */
const MAX_DECODE_ISSUES = 5
const MAX_EXPECTED_LENGTH = 160

/** The value at `path` inside a parsed body, for describing its kind. */
const valueAt = (json: unknown, path: ReadonlyArray<PropertyKey>): unknown =>
  path.reduce<unknown>((at, key) => (typeof at === "object" && at !== null ? Reflect.get(at, key) : undefined), json)

/**
 * Names where the body breaks the schema and what was expected there, never the received values: a body can carry
 * tokens and personal data, and this text ends up in logs. The received value is described by its kind only.
 */
const decodeIssue = (error: ParseResult.ParseError, json: unknown): string => {
  const issues = ParseResult.ArrayFormatter.formatErrorSync(error)
  const named = issues.slice(0, MAX_DECODE_ISSUES).map((issue) => {
    const at =
      issue.path.length === 0
        ? "the body"
        : issue.path.map((key) => `[${typeof key === "symbol" ? String(key) : JSON.stringify(key)}]`).join("")
    if (issue._tag === "Missing") return `${at} is missing`
    const cut = issue.message.indexOf(", actual ")
    const expected = cut === -1 ? issue._tag : issue.message.slice(0, cut)
    const bounded = expected.length > MAX_EXPECTED_LENGTH ? `${expected.slice(0, MAX_EXPECTED_LENGTH)}…` : expected
    return `${at}: ${bounded}, received ${describeKind(valueAt(json, issue.path))}`
  })
  const more = issues.length - named.length
  return more > 0 ? `${named.join("; ")}; and ${more} more` : named.join("; ")
}

/** An attempt's request as the pipeline built it, before any transport sees it. */
interface Built {
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: string | FormData | undefined
  /** The URL path (version prefix included), as errors name it. */
  readonly path: string
}

/**
 * Builds the pipeline from the configuration and an HttpClient.
 *
 * @since 0.1.0
 * @category Pipeline
 */
export const make: Effect.Effect<BackendApiShape, never, ClerkConfig | HttpClient.HttpClient> = Effect.gen(
  function* () {
    const config = yield* ClerkConfig
    // After the user's transformClient, if any: a transformed client is not one of ours, so it takes the generic path.
    const transport = transformedClient(config, yield* HttpClient.HttpClient)
    // A transport of this package sends an attempt in one async step and times it out itself (no Effect race).
    const direct = directTransports.get(transport)
    // Our `clerk.<operation>` span covers the call; the platform's own `http.client` span (which would carry the raw
    // request: URL, headers) is switched off, and no trace headers are sent to Clerk.
    const client = transport.pipe(
      HttpClient.withTracerPropagation(false),
      HttpClient.withTracerDisabledWhen(() => true)
    )
    const drift = makeDriftRecorder()
    const configTimeoutMillis = config.timeout === undefined ? undefined : Duration.toMillis(config.timeout)
    // Built once: the base URL and the header sets each kind of call starts from.
    const apiBase = joinUrl(config.apiUrl)
    const commonHeaders: Readonly<Record<string, string>> = {
      "clerk-api-version": CLERK_API_VERSION_HEADER,
      "user-agent": config.userAgent
    }
    const jsonHeaders = { ...commonHeaders, "content-type": "application/json" }
    const withKey = (headers: Readonly<Record<string, string>>, key: Redacted.Redacted<string>) => ({
      ...headers,
      authorization: `Bearer ${Redacted.value(key)}`
    })
    /** The header sets of a key, for JSON and for multipart bodies (built once per client). */
    const keyed = (key: Redacted.Redacted<string> | undefined) =>
      key === undefined ? undefined : { json: withKey(jsonHeaders, key), form: withKey(commonHeaders, key) }
    const secretHeaders = keyed(config.secretKey)
    const machineHeaders = keyed(config.machineSecretKey) ?? secretHeaders

    const invalid = (reason: string, param?: string) =>
      new ClerkInvalidRequestError(param === undefined ? { reason } : { reason, param })

    const buildRequest = (request: ApiRequest): Built | ClerkInvalidRequestError => {
      const filled = fillPath(request.path, request.pathParams ?? {})
      if (Either.isLeft(filled)) return invalid(filled.left.reason, filled.left.param)
      const queryProblem = checkQuery(request.method, request.path, request.query)
      if (queryProblem !== undefined) return invalid(queryProblem.reason, queryProblem.param)
      const urlPath = request.versionless ? filled.right : `/${config.apiVersion}${filled.right}`
      const url = `${apiBase}${singleSlashed(urlPath) ? urlPath : `/${urlPath.replace(TRIM_SLASHES, "")}`}${encodeQuery(request.query)}`
      const isForm = request.formData !== undefined
      const unkeyed = isForm ? commonHeaders : jsonHeaders
      let baseHeaders = unkeyed
      if (request.bearer !== undefined) baseHeaders = withKey(unkeyed, request.bearer)
      else if (request.auth !== "none") {
        const sets = request.auth === "machineSecretKey" ? machineHeaders : secretHeaders
        if (sets === undefined) {
          return invalid(
            request.auth === "machineSecretKey"
              ? "Missing Clerk Machine Secret Key or Secret Key. Set machineSecretKey or secretKey."
              : "Missing Clerk Secret Key. Go to https://dashboard.clerk.com and get your key for your instance."
          )
        }
        baseHeaders = isForm ? sets.form : sets.json
      }
      const headers = request.headers === undefined ? baseHeaders : { ...baseHeaders, ...request.headers }
      if (request.formData !== undefined) return { url, headers, body: request.formData, path: urlPath }
      const body = request.body
      const hasBody =
        request.method !== "GET" &&
        body !== undefined &&
        body !== null &&
        (Array.isArray(body) ? body.length > 0 : typeof body === "object" ? Object.keys(body).length > 0 : true)
      return {
        url,
        headers,
        body: hasBody ? JSON.stringify(snakeKeys(body, request.casing ?? "shallow")) : undefined,
        path: urlPath
      }
    }

    /** The platform request for a transport without a direct sender. */
    const httpRequest = (method: HttpMethod, built: Built): HttpClientRequest.HttpClientRequest => {
      const req = HttpClientRequest.make(method)(built.url, { headers: built.headers })
      return built.body === undefined
        ? req
        : HttpClientRequest.setBody(
            req,
            typeof built.body === "string"
              ? HttpBody.text(built.body, "application/json")
              : HttpBody.formData(built.body)
          )
    }

    // Keeps no reference to the transport's error: an HttpClientError holds the request, `Authorization` included.
    const transportError = (
      method: string,
      path: string,
      stage: "request" | "body",
      kind: string,
      error: unknown
    ): ClerkError => transportErrorFrom({ method, path, apiUrl: config.apiUrl, stage, kind, error })

    const httpClientError =
      (method: string, path: string) =>
      (error: HttpClientError.HttpClientError): ClerkError =>
        transportError(method, path, error._tag === "RequestError" ? "request" : "body", error.reason, error)

    const directError = (method: string, path: string, failure: DirectFailure): ClerkError =>
      failure._tag === "AttemptTimedOut"
        ? new ClerkTimeoutError({ method, path, timeoutMillis: failure.timeoutMillis })
        : transportError(method, path, failure.stage, failure.reason, failure)

    /** Reads an answer: a 2xx body parsed (or kept as text), any other status as the typed error it stands for. */
    const answer = (
      span: Tracer.Span,
      method: HttpMethod,
      path: string,
      body: BodyKind,
      response: DirectResponse
    ): Effect.Effect<Received, ClerkError> => {
      const { status, text } = response
      span.attribute("http.response.status_code", status)
      if (status >= 200 && status < 300) {
        if (body === "text") return Effect.succeed({ json: text, status, path })
        if (text.length === 0) return Effect.succeed({ json: undefined, status, path })
        try {
          return Effect.succeed({ json: JSON.parse(text) as unknown, status, path })
        } catch {
          return Effect.fail(
            new ClerkDecodeError({
              method,
              path,
              status,
              issue: `the body is not JSON: ${JSON.stringify(text.slice(0, 120))}`
            })
          )
        }
      }
      const parsed = parseErrorBody(text)
      const clerkTraceId = parsed.clerkTraceId ?? response.headers.get("cf-ray") ?? undefined
      if (clerkTraceId !== undefined) span.attribute("clerk.trace_id", clerkTraceId)
      return Effect.flatMap(Clock.currentTimeMillis, (now) =>
        Effect.fail(
          apiErrorForStatus({
            status,
            statusText: response.statusText,
            errors: parsed.errors,
            clerkTraceId,
            retryAfter: parseRetryAfter(response.headers.get("retry-after") ?? undefined, now),
            method,
            path,
            bodySnippet: parsed.bodySnippet
          })
        )
      )
    }

    /**
     * One attempt, bounded by `millis` (the per-attempt timeout, cut to what is left of the total budget; with no
     * budget left it fails at once). A direct transport sends it in one async step, enforces the bound itself and keeps
     * its abort in `inFlight` for the call's exit hook; any other HttpClient goes through `HttpClient.execute` in a
     * Scope, raced against `Effect.timeoutFail`.
     */
    const attempt = (
      span: Tracer.Span,
      method: HttpMethod,
      built: Built,
      body: BodyKind,
      inFlight: InFlight
    ): ((millis: number | undefined) => Effect.Effect<Received, ClerkError>) => {
      const { path } = built
      let run: (millis: number | undefined) => Effect.Effect<Received, ClerkError>
      if (direct !== undefined) {
        const onFailure = (failure: DirectFailure) => Effect.fail(directError(method, path, failure))
        const onSuccess = (response: DirectResponse) => answer(span, method, path, body, response)
        run = (millis) =>
          Effect.matchEffect(
            direct(
              { method, url: built.url, headers: built.headers, body: built.body, timeoutMillis: millis },
              inFlight
            ),
            { onFailure, onSuccess }
          )
      } else {
        const toError = httpClientError(method, path)
        const once = client.execute(httpRequest(method, built)).pipe(
          Effect.mapError(toError),
          Effect.flatMap((response) =>
            Effect.flatMap(Effect.mapError(response.text, toError), (text) =>
              answer(span, method, path, body, {
                status: response.status,
                statusText: statusText(response),
                headers: { get: (name) => response.headers[name] },
                text
              })
            )
          ),
          Effect.scoped
        )
        run = (millis) =>
          millis === undefined
            ? once
            : Effect.timeoutFail(once, {
                duration: millis,
                onTimeout: () => new ClerkTimeoutError({ method, path, timeoutMillis: millis })
              })
      }
      return (millis) =>
        millis !== undefined && millis <= 0
          ? Effect.fail(new ClerkTimeoutError({ method, path, timeoutMillis: 0 }))
          : run(millis)
    }

    /**
     * Entered only after a retryable first failure, so a call that succeeds first time builds nothing here. Steps the
     * (shared) schedule by hand to know each wait before sleeping: a wait that would not end before the deadline ends
     * the retries with the last failure, and every retry is logged at Debug and recorded as a span event.
     */
    const retryAfter = (
      span: Tracer.Span,
      first: ClerkError,
      policy: RetryPolicy,
      method: HttpMethod,
      path: string,
      bounded: (millis: number | undefined) => Effect.Effect<Received, ClerkError>,
      timeoutMillis: number | undefined,
      deadline: number
    ): Effect.Effect<Received, ClerkError> =>
      Effect.withParentSpan(
        Effect.gen(function* () {
          const schedule = cachedSchedule(policy, method)
          let state = schedule.initial
          let error = first
          for (let attempt = 2; ; attempt++) {
            const now = yield* Clock.currentTimeMillis
            const [next, , decision] = yield* schedule.step(now, error, state)
            if (ScheduleDecision.isDone(decision)) return yield* Effect.fail(error)
            const wait = Math.max(0, Math.ceil(ScheduleIntervals.start(decision.intervals) - now))
            const left = deadline - now
            if (wait >= left) return yield* Effect.fail(error)
            const cause = describeCause(error)
            yield* Effect.annotateLogs(Effect.logDebug(`clerk: retrying ${method} ${path}`), {
              "clerk.retry.attempt": attempt,
              "clerk.retry.cause": cause,
              "clerk.retry.wait_ms": wait
            })
            span.event("clerk.retry", BigInt(Math.round(now)) * 1_000_000n, {
              "clerk.retry.attempt": attempt,
              "clerk.retry.cause": cause,
              "clerk.retry.wait_ms": wait
            })
            if (wait > 0) yield* Effect.sleep(wait)
            const remaining = deadline - (yield* Clock.currentTimeMillis)
            const result = yield* Effect.either(
              bounded(timeoutMillis === undefined ? remaining : Math.min(timeoutMillis, remaining))
            )
            if (Either.isRight(result)) return result.right
            error = result.left
            state = next
          }
        }),
        span
      )

    /** The call inside its span: the request built, sent (retried when the policy allows) and decoded. */
    const run = (
      span: Tracer.Span,
      inFlight: InFlight,
      request: ApiRequest,
      body: BodyKind,
      decode: ((received: Received, span: Tracer.Span) => Effect.Effect<unknown, ClerkError>) | undefined
    ): Effect.Effect<Received, ClerkError> =>
      Effect.flatMap(CurrentRequestOverrides, (overrides) => {
        const built = buildRequest(request)
        if (built instanceof ClerkInvalidRequestError) return Effect.fail(built)
        const method = request.method
        const retry = overrides.retry === undefined ? config.retry : resolveOverride(overrides.retry)
        const timeoutMillis =
          overrides.timeout === undefined
            ? configTimeoutMillis
            : overrides.timeout === false
              ? undefined
              : Duration.toMillis(Duration.decode(overrides.timeout))
        const bounded = attempt(span, method, built, body, inFlight)
        const received =
          retry === undefined || retry.maxRetries === 0
            ? bounded(timeoutMillis)
            : Effect.flatMap(Clock.currentTimeMillis, (start) => {
                const budget = Duration.toMillis(retry.budget)
                const deadline = start + budget
                return Effect.catchIf(
                  bounded(timeoutMillis === undefined ? budget : Math.min(timeoutMillis, budget)),
                  (error) => isRetryable(method, error),
                  (error) => retryAfter(span, error, retry, method, built.path, bounded, timeoutMillis, deadline)
                )
              })
        return decode === undefined
          ? received
          : Effect.flatMap(received, (r) => Effect.map(decode(r, span), (json) => ({ ...r, json })))
      })

    /**
     * One call, with one exit hook: it aborts a direct attempt still outstanding (the call was interrupted) and ends
     * the span. Under the default tracer, whose spans go nowhere, no span is made (any tracer the user provides gets
     * its `clerk.<operation>` span).
     */
    const send = (
      request: ApiRequest,
      body: BodyKind,
      decode?: (received: Received, span: Tracer.Span) => Effect.Effect<unknown, ClerkError>
    ): Effect.Effect<Received, ClerkError> =>
      Effect.tracerWith((tracer) => {
        const inFlight: InFlight = { current: undefined }
        if (tracer === defaultTracer()) {
          const call = run(untraced, inFlight, request, body, decode)
          return direct === undefined
            ? call
            : Effect.onInterrupt(call, () => Effect.sync(() => inFlight.current?.abort()))
        }
        // The span ends with a void success, so that its end status does not hold the body (see internal/handOff.ts).
        return handOff<Received, ClerkError, never>((fill) =>
          Effect.flatMap(
            Effect.makeSpan(`clerk.${request.operation}`, {
              kind: "client",
              captureStackTrace: false,
              attributes: { "clerk.operation": request.operation, "http.route": `${request.method} ${request.path}` }
            }),
            (span) =>
              Effect.onExit(fill(run(span, inFlight, request, body, decode)), (exit) =>
                Effect.clockWith((clock) =>
                  Effect.sync(() => {
                    inFlight.current?.abort()
                    if (span.status._tag !== "Ended") span.end(clock.unsafeCurrentTimeNanos(), exit)
                  })
                )
              )
          )
        )
      })

    const executeJson = (request: ApiRequest): Effect.Effect<unknown, ClerkError> =>
      Effect.map(send(request, "json"), (result) => result.json)

    const executeText = (request: ApiRequest): Effect.Effect<string, ClerkError> =>
      Effect.map(send(request, "text"), (result) => (typeof result.json === "string" ? result.json : ""))

    const strict = config.responseValidation === "strict"

    const execute = <A, I>(request: ApiRequest, schema: Schema.Schema<A, I, never>): Effect.Effect<A, ClerkError> => {
      const observe = observer(schema)
      const expectedKind = topLevelKind(schema)
      const decodeError = (received: Received, issue: string) =>
        new ClerkDecodeError({ method: request.method, path: received.path, status: received.status, issue })
      const decode = (received: Received, span: Tracer.Span): Effect.Effect<unknown, ClerkError> => {
        const { json } = received
        if (expectedKind === "object" ? !isJsonObject(json) : expectedKind === "array" ? !Array.isArray(json) : false) {
          return Effect.fail(decodeError(received, `expected a JSON ${expectedKind}, received ${describeKind(json)}`))
        }
        const issues: Array<DriftIssue> = []
        const value = observe(json, issues)
        if (issues.length === 0) return Effect.succeed(value)
        if (strict && hasMismatch(issues)) {
          // Schema itself gives the error that names the path (and has the last word on what matches).
          return Either.match(Schema.decodeUnknownEither(schema)(json), {
            onLeft: (error) => Effect.fail(decodeError(received, decodeIssue(error, json))),
            onRight: Effect.succeed
          })
        }
        return Effect.as(Effect.withParentSpan(drift.record(request.operation, issues), span), value)
      }
      // The observer built `A`'s classes from the spec; a drifted field is kept as received and reported (above).
      return Effect.map(send(request, "json", decode), (received) => received.json as A)
    }

    const executeVoid = (request: ApiRequest): Effect.Effect<void, ClerkError> => Effect.asVoid(send(request, "text"))

    return {
      execute,
      executeJson,
      executeText,
      executeVoid,
      config,
      drift: { entries: drift.entries, clear: drift.clear }
    }
  }
)

/** The tracer a fiber has when none was provided (read on the first call). */
let nativeTracer: Tracer.Tracer | undefined
const defaultTracer = (): Tracer.Tracer => (nativeTracer ??= Effect.runSync(Effect.tracer))

/** The span of a call under the default tracer: records nothing (that tracer's spans are never exported). */
const untraced: Tracer.Span = {
  _tag: "Span",
  name: "clerk",
  spanId: "",
  traceId: "",
  parent: Option.none(),
  context: Context.empty(),
  status: { _tag: "Started", startTime: 0n },
  attributes: new Map(),
  links: [],
  sampled: false,
  kind: "client",
  end: () => {},
  attribute: () => {},
  event: () => {},
  addLinks: () => {}
}

/** A 2xx answer as read: the parsed body (decoded, once a decoder ran), its status and the URL path. */
interface Received {
  readonly json: unknown
  readonly status: number
  readonly path: string
}

const isJsonObject = (u: unknown): boolean => typeof u === "object" && u !== null && !Array.isArray(u)

const describeKind = (u: unknown): string =>
  u === undefined
    ? "an empty body"
    : u === null
      ? "null"
      : Array.isArray(u)
        ? "an array"
        : typeof u === "object"
          ? "an object"
          : `a ${typeof u}`

const statusText = (response: HttpClientResponse.HttpClientResponse): string => {
  if (Predicate.hasProperty(response, "source") && response.source instanceof Response)
    return response.source.statusText
  return ""
}

/**
 * The pipeline layer; needs a ClerkConfig and an HttpClient.
 *
 * @since 0.1.0
 * @category Pipeline
 */
export const layer: Layer.Layer<BackendApi, never, ClerkConfig | HttpClient.HttpClient> = Layer.effect(BackendApi, make)
