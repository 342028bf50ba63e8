/**
 * Authentication for `@effect/platform` HTTP servers: every request goes through `authenticateRequest`; a handshake is
 * answered with its 307 redirect; with `protect: true` a request that is not authenticated gets 401; otherwise the
 * handler runs with the Auth object as the {@link CurrentAuth} service. The request state's headers (`Set-Cookie`,
 * `x-clerk-auth-*`) are added to the response. The body is never read.
 *
 * Two forms:
 * - {@link middleware}: an `HttpMiddleware`-style function for any `HttpApp` (`HttpRouter`, `HttpServer.serve`).
 * - {@link ClerkAuthorization}: an `HttpApiMiddleware` for `HttpApi` groups and endpoints, built by {@link layer}.
 *
 * ```ts
 * const router = HttpRouter.empty.pipe(
 *   HttpRouter.get("/me", Effect.map(CurrentAuth, (auth) => HttpServerResponse.unsafeJson({ userId: auth.userId })))
 * )
 * const app = router.pipe(ClerkMiddleware.middleware({ protect: true }))
 * ```
 *
 * @module
 */
import * as Cookies from "@effect/platform/Cookies"
import * as HttpApp from "@effect/platform/HttpApp"
import * as HttpApiMiddleware from "@effect/platform/HttpApiMiddleware"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import { CurrentAuth } from "../auth-object/CurrentAuth.js"
import type { AuthenticateRequestError } from "../request/AuthenticateRequestError.js"
import { authenticateRequest, type AuthenticateRequestServices } from "../request/authenticateRequest.js"
import type { AuthenticateRequestOptions } from "../request/options.js"
import type { RequestState } from "../request/RequestState.js"
import { type AuthDecision, type AuthDecisionOptions, decide } from "./decision.js"
import { absoluteUrl, authMethod } from "./headers.js"

/**
 * How a request is authenticated: `authenticateRequest`, or a stand-in (tests, a custom policy).
 *
 * @since 0.1.0
 * @category Integrations
 */
export type Authenticate<E = never, R = never> = (request: Request) => Effect.Effect<RequestState, E, R>

/**
 * Options of {@link middleware} and {@link layer}: `authenticateRequest`'s, plus `protect`.
 *
 * @since 0.1.0
 * @category Integrations
 */
export interface ClerkMiddlewareOptions extends AuthenticateRequestOptions, AuthDecisionOptions {}

const absoluteOriginal = (request: HttpServerRequest.HttpServerRequest): URL | undefined => {
  try {
    return new URL(request.originalUrl)
  } catch {
    return undefined
  }
}

/**
 * The Fetch `Request` `authenticateRequest` reads: method, absolute URL and headers of the server request, no body.
 * The URL is the original one (before any router prefix was stripped): as received on web runtimes, else built from
 * `X-Forwarded-Proto`/`X-Forwarded-Host` or `Host`. Header values a Fetch `Headers` refuses are left out; a method
 * `Request` refuses (`TRACE`) is seen as `POST`.
 *
 * @since 0.1.0
 * @category Integrations
 */
export const toFetchRequest = (request: HttpServerRequest.HttpServerRequest): Request => {
  const url =
    absoluteOriginal(request) ??
    absoluteUrl(request.originalUrl, (name) => request.headers[name], { encrypted: false, trustProxy: true })
  const headers = new Headers()
  for (const [name, value] of Object.entries(request.headers)) {
    try {
      headers.append(name, value)
    } catch {
      // not a valid Fetch header; authenticateRequest does not need it
    }
  }
  return new Request(url, { method: authMethod(request.method), headers })
}

const withStateHeaders = (response: HttpServerResponse.HttpServerResponse, headers: Headers) => {
  const cookies = headers.getSetCookie()
  let out = response
  headers.forEach((value, name) => {
    if (name !== "set-cookie") out = HttpServerResponse.setHeader(out, name, value)
  })
  return cookies.length === 0 ? out : HttpServerResponse.mergeCookies(out, Cookies.fromSetCookie(cookies))
}

/** The response for a handshake or an unauthorized request. */
const refusal = (decision: Exclude<AuthDecision, { readonly _tag: "Continue" }>) =>
  withStateHeaders(
    decision._tag === "Handshake"
      ? HttpServerResponse.empty({ status: 307 })
      : HttpServerResponse.text("Unauthorized", { status: 401 }),
    decision.headers
  )

/**
 * The middleware over any {@link Authenticate}. The handler's `CurrentAuth` requirement is satisfied; the
 * authenticator's errors and requirements are added.
 *
 * @since 0.1.0
 * @category Integrations
 */
export const withAuthenticate =
  <AE, AR>(authenticate: Authenticate<AE, AR>, options: AuthDecisionOptions = {}) =>
  <E, R>(app: HttpApp.Default<E, R>): HttpApp.Default<E | AE, Exclude<R, CurrentAuth> | AR> =>
    Effect.gen(function* () {
      const request = yield* HttpServerRequest.HttpServerRequest
      const decision = decide(yield* authenticate(toFetchRequest(request)), options)
      if (decision._tag !== "Continue") return refusal(decision)
      const response = yield* Effect.provideService(app, CurrentAuth, decision.auth)
      return withStateHeaders(response, decision.headers)
    })

/**
 * The middleware with `authenticateRequest` (its services come from your Clerk layer).
 *
 * @since 0.1.0
 * @category Integrations
 */
export const middleware = (options: ClerkMiddlewareOptions = {}) =>
  withAuthenticate<AuthenticateRequestError, AuthenticateRequestServices>(
    (request) => authenticateRequest(request, options),
    options
  )

// ---------------------------------------------------------------------------------------------------------------
// HttpApi
// ---------------------------------------------------------------------------------------------------------------

/**
 * 401: the request is not authenticated (with `protect: true`).
 *
 * @since 0.1.0
 * @category Integrations
 */
export class ClerkUnauthorized extends Schema.TaggedError<ClerkUnauthorized>("effect-clerk/ClerkUnauthorized")(
  "ClerkUnauthorized",
  { reason: Schema.NullOr(Schema.String) },
  HttpApiSchema.annotations({ status: 401 })
) {
  override get message(): string {
    return `Unauthorized${this.reason === null ? "" : ` (${this.reason})`}`
  }
}

/**
 * 307: the browser must go through Clerk's handshake; the `Location` and cookies are set on the response.
 *
 * @since 0.1.0
 * @category Integrations
 */
export class ClerkHandshakeRedirect extends Schema.TaggedError<ClerkHandshakeRedirect>(
  "effect-clerk/ClerkHandshakeRedirect"
)("ClerkHandshakeRedirect", {}, HttpApiSchema.annotations({ status: 307 })) {}

/**
 * An `HttpApiMiddleware` that authenticates each request and provides {@link CurrentAuth}; build it with {@link layer}.
 *
 * @since 0.1.0
 * @category Integrations
 */
export class ClerkAuthorization extends HttpApiMiddleware.Tag<ClerkAuthorization>()("effect-clerk/ClerkAuthorization", {
  provides: CurrentAuth,
  failure: Schema.Union(ClerkUnauthorized, ClerkHandshakeRedirect)
}) {}

/**
 * {@link ClerkAuthorization} over any {@link Authenticate}; a failing authenticator is a defect (500).
 *
 * @since 0.1.0
 * @category Integrations
 */
export const layerWithAuthenticate = <AE, AR>(
  authenticate: Authenticate<AE, AR>,
  options: AuthDecisionOptions = {}
): Layer.Layer<ClerkAuthorization, never, AR> =>
  Layer.effect(
    ClerkAuthorization,
    Effect.map(Effect.context<AR>(), (context) =>
      Effect.gen(function* () {
        const request = yield* HttpServerRequest.HttpServerRequest
        const state = yield* Effect.orDie(Effect.provide(authenticate(toFetchRequest(request)), context))
        const decision = decide(state, options)
        yield* HttpApp.appendPreResponseHandler((_, response) =>
          Effect.succeed(withStateHeaders(response, decision.headers))
        )
        switch (decision._tag) {
          case "Handshake":
            return yield* new ClerkHandshakeRedirect()
          case "Unauthorized":
            return yield* new ClerkUnauthorized({ reason: state.reason })
          case "Continue":
            return decision.auth
        }
      })
    )
  )

/**
 * {@link ClerkAuthorization} with `authenticateRequest` (its services come from your Clerk layer).
 *
 * @since 0.1.0
 * @category Integrations
 */
export const layer = (
  options: ClerkMiddlewareOptions = {}
): Layer.Layer<ClerkAuthorization, never, AuthenticateRequestServices> =>
  layerWithAuthenticate((request) => authenticateRequest(request, options), options)

/** The services {@link middleware} and {@link layer} need besides the request. */
export type { AuthenticateRequestServices }
