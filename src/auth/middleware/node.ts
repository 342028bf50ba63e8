/**
 * Node / connect / Express integration: `toWebRequest` (an `IncomingMessage` as a Fetch `Request`), and
 * `clerkMiddleware` / `requireAuth` / `getAuth` with `@clerk/express`'s shapes: `req.auth()` returns the Auth object
 * (reading `req.auth.userId` still works, as in `@clerk/express`, but is deprecated there).
 *
 * ```ts
 * import express from "express"
 * import { clerkMiddleware, getAuth, requireAuth } from "effect-clerk"
 *
 * const app = express()
 * app.use(clerkMiddleware())                     // CLERK_SECRET_KEY / CLERK_PUBLISHABLE_KEY from the environment
 * app.get("/me", requireAuth(), (req, res) => res.json({ userId: getAuth(req).userId }))
 * ```
 *
 * @module
 */
import { type ClerkClient, clerkClient as defaultClerkClient } from "../../promise/createClerkClient.js"
import type { AuthObject } from "../auth-object/AuthObject.js"
import type { AuthenticateRequestOptions } from "../request/options.js"
import type { PendingSessionOptions, RequestState } from "../request/RequestState.js"
import { type AuthDecisionOptions, authOf, decide } from "./decision.js"
import { absoluteUrl, authMethod } from "./headers.js"

// ---------------------------------------------------------------------------------------------------------------
// IncomingMessage -> Request
// ---------------------------------------------------------------------------------------------------------------

/**
 * Options of {@link toWebRequest}.
 *
 * @since 0.1.0
 * @category Integrations
 */
export interface ToWebRequestOptions {
  /** Take the protocol and host from `X-Forwarded-Proto` / `X-Forwarded-Host` (first value) when present (default true). */
  readonly trustProxy?: boolean | undefined
  /**
   * Attach the body (non-GET/HEAD requests; default true). It is streamed lazily: nothing is read from the
   * `IncomingMessage` until the `Request`'s body is. If the body was already consumed (e.g. by `express.json()`),
   * reading it fails with an error that says so.
   */
  readonly body?: boolean | undefined
}

/**
 * The part of node's `http.IncomingMessage` this module reads, declared here so the package's types need no
 * `@types/node`: any `IncomingMessage` (or Express `Request`) is one.
 *
 * @since 0.1.0
 * @category Integrations
 */
export interface IncomingMessage extends AsyncIterable<unknown> {
  readonly method?: string | undefined
  readonly url?: string | undefined
  readonly headers: Readonly<Record<string, string | ReadonlyArray<string> | undefined>>
  readonly rawHeaders: ReadonlyArray<string>
  readonly socket: object
  readonly readableDidRead: boolean
  readonly readableEnded: boolean
}

/**
 * The part of node's `http.ServerResponse` this module writes (any `ServerResponse` or Express `Response` is one).
 *
 * @since 0.1.0
 * @category Integrations
 */
export interface ServerResponse {
  /** The status code to send. */
  statusCode: number
  /** Sets one header, replacing any value it had. */
  setHeader(name: string, value: string): unknown
  /** Adds a value to a header (used for each `Set-Cookie`). */
  appendHeader(name: string, value: string): unknown
  /** Ends the response, with an optional body. */
  end(chunk?: string): unknown
}

/**
 * An `IncomingMessage`, possibly with Express's `originalUrl` (the URL before router mounting rewrote `url`).
 *
 * @since 0.1.0
 * @category Integrations
 */
export type NodeRequest = IncomingMessage & { readonly originalUrl?: string | undefined }

const isEncrypted = (req: IncomingMessage): boolean => "encrypted" in req.socket && req.socket.encrypted === true

/** Headers from `rawHeaders`: repeated headers appended (cookies joined with `; `), invalid ones left out. */
const fetchHeaders = (req: IncomingMessage): Headers => {
  const headers = new Headers()
  const cookies: Array<string> = []
  const raw = req.rawHeaders
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!
    const value = raw[i + 1]!
    if (name.startsWith(":")) continue // HTTP/2 pseudo-headers
    if (name.toLowerCase() === "cookie") {
      cookies.push(value)
      continue
    }
    try {
      headers.append(name, value)
    } catch {
      // not a valid Fetch header
    }
  }
  if (cookies.length > 0) {
    try {
      headers.set("cookie", cookies.join("; "))
    } catch {
      // not a valid Fetch header
    }
  }
  return headers
}

const encoder = new TextEncoder()

/** The body as a lazily-started stream: the `IncomingMessage` is only read when the stream is. */
const lazyBody = (req: IncomingMessage): ReadableStream<Uint8Array> => {
  let iterator: AsyncIterator<unknown> | undefined
  return new ReadableStream<Uint8Array>(
    {
      pull: async (controller) => {
        if (iterator === undefined) {
          if (req.readableDidRead || req.readableEnded) {
            controller.error(
              new Error(
                "effect-clerk: the request body was already read (e.g. by express.json()); mount this route before " +
                  "body parsers, or pass the raw body yourself"
              )
            )
            return
          }
          iterator = req[Symbol.asyncIterator]()
        }
        const next = await iterator.next()
        if (next.done === true) return controller.close()
        const chunk: unknown = next.value
        controller.enqueue(
          typeof chunk === "string"
            ? encoder.encode(chunk)
            : chunk instanceof Uint8Array
              ? chunk
              : encoder.encode(String(chunk))
        )
      },
      cancel: async () => {
        await iterator?.return?.()
      }
    },
    { highWaterMark: 0 }
  ) // pull only when the body is read
}

const buildRequest = (req: NodeRequest, method: string, trustProxy: boolean, withBody: boolean): Request => {
  const init: RequestInit & { duplex?: "half" } = withBody
    ? { method, headers: fetchHeaders(req), body: lazyBody(req), duplex: "half" }
    : { method, headers: fetchHeaders(req) }
  const url = absoluteUrl(req.originalUrl ?? req.url ?? "/", (name) => req.headers[name], {
    encrypted: isEncrypted(req),
    trustProxy
  })
  return new Request(url, init)
}

/**
 * An `IncomingMessage` as a Fetch `Request`: method, absolute URL (from `X-Forwarded-Proto`/`X-Forwarded-Host`, else
 * `Host`), every header (repeated ones kept), and for non-GET/HEAD requests the body, streamed lazily.
 *
 * @throws TypeError for a method a Fetch `Request` cannot carry (`CONNECT`, `TRACE`, `TRACK`).
 *
 * @since 0.1.0
 * @category Integrations
 */
export const toWebRequest = (req: NodeRequest, options: ToWebRequestOptions = {}): Request => {
  const method = (req.method ?? "GET").toUpperCase()
  const withBody = options.body !== false && method !== "GET" && method !== "HEAD"
  return buildRequest(req, method, options.trustProxy !== false, withBody)
}

// ---------------------------------------------------------------------------------------------------------------
// Middleware
// ---------------------------------------------------------------------------------------------------------------

/**
 * `req.auth`: call it for the Auth object; its properties are the Auth object's too (deprecated in `@clerk/express`).
 *
 * @since 0.1.0
 * @category Integrations
 */
export type AuthFunction = ((options?: PendingSessionOptions) => AuthObject) & AuthObject

/**
 * A request that went through {@link clerkMiddleware}.
 *
 * @since 0.1.0
 * @category Integrations
 */
export type RequestWithAuth = IncomingMessage & { auth: AuthFunction }

/**
 * `next` of connect / Express.
 *
 * @since 0.1.0
 * @category Integrations
 */
export type NextFunction = (error?: unknown) => void

/**
 * A connect / Express middleware.
 *
 * @since 0.1.0
 * @category Integrations
 */
export type NodeMiddleware = (req: IncomingMessage, res: ServerResponse, next: NextFunction) => void

/**
 * Options of {@link clerkMiddleware}: `authenticateRequest`'s, the client, and how to respond.
 *
 * @since 0.1.0
 * @category Integrations
 */
export interface ClerkMiddlewareOptions extends AuthenticateRequestOptions, AuthDecisionOptions, ToWebRequestOptions {
  /** The client whose `authenticateRequest` is used (default: `clerkClient()`, configured from the environment). */
  readonly clerkClient?: ClerkClient | undefined
  /** Authenticate with this instead (tests, a custom policy); `clerkClient` is then not used. */
  readonly authenticate?: ((request: Request) => Promise<RequestState>) | undefined
  /** Answer handshakes with their 307 redirect (default true); when false the request continues signed out. */
  readonly enableHandshake?: boolean | undefined
}

const authFunction = (state: RequestState, defaults: PendingSessionOptions): AuthFunction => {
  const current = authOf(state, defaults)
  const call = (options?: PendingSessionOptions) => authOf(state, { ...defaults, ...options })
  // A function's own `name` is read-only; an API key's Auth object has a `name` of its own.
  Object.defineProperty(call, "name", { value: "auth", writable: true, configurable: true })
  return Object.assign(call, current)
}

const hasAuth = (req: IncomingMessage): req is RequestWithAuth => "auth" in req && typeof req.auth === "function"

const appendHeaders = (res: ServerResponse, headers: Headers): void => {
  for (const cookie of headers.getSetCookie()) res.appendHeader("set-cookie", cookie)
  headers.forEach((value, name) => {
    if (name !== "set-cookie") res.setHeader(name, value)
  })
}

const unauthorized = (res: ServerResponse): void => {
  res.statusCode = 401
  res.setHeader("content-type", "text/plain; charset=utf-8")
  res.end("Unauthorized")
}

/**
 * Authenticates every request and sets `req.auth`. A handshake is answered with its 307 redirect; with
 * `protect: true` a request that is not authenticated gets 401. The request state's headers go on the response.
 * A configuration error (e.g. no secret key) goes to `next(error)`. Requests already carrying `req.auth` pass through.
 * The body is never read.
 *
 * @since 0.1.0
 * @category Integrations
 */
export const clerkMiddleware = (options: ClerkMiddlewareOptions = {}): NodeMiddleware => {
  const {
    authenticate: custom,
    body: _body,
    clerkClient: client,
    enableHandshake,
    protect,
    treatPendingAsSignedOut,
    trustProxy,
    ...authenticateOptions
  } = options
  const authenticate =
    custom ??
    (async (request: Request) =>
      (client ?? (await defaultClerkClient())).authenticateRequest(request, authenticateOptions))
  const defaults: PendingSessionOptions = treatPendingAsSignedOut === undefined ? {} : { treatPendingAsSignedOut }
  return (req, res, next) => {
    if (hasAuth(req)) return next()
    const onState = (state: RequestState): void => {
      const decision = decide(state, { protect, ...defaults })
      if (decision._tag === "Handshake" && enableHandshake !== false) {
        appendHeaders(res, decision.headers)
        res.statusCode = 307
        res.end()
        return
      }
      // With handshakes disabled, a handshake state continues signed out, without the redirect's headers.
      if (decision._tag !== "Handshake") appendHeaders(res, decision.headers)
      Object.assign(req, { auth: authFunction(state, defaults) })
      if (decision._tag === "Unauthorized" || (decision._tag === "Handshake" && protect === true)) {
        return unauthorized(res)
      }
      next()
    }
    Promise.resolve()
      .then(() => authenticate(buildRequest(req, authMethod(req.method ?? "GET"), trustProxy !== false, false)))
      .then(onState)
      .catch(next)
  }
}

/**
 * What {@link getAuth} throws for a request that did not go through {@link clerkMiddleware}.
 *
 * @since 0.1.0
 * @category Integrations
 */
export const MIDDLEWARE_MISSING_MESSAGE = "The clerkMiddleware should be registered before using getAuth"

/**
 * The Auth object of a request that went through {@link clerkMiddleware}. Throws (as `@clerk/express` does) when it
 * did not, so a forgotten middleware is an error rather than every request silently signed out.
 *
 * @since 0.1.0
 * @category Integrations
 */
export const getAuth = (req: IncomingMessage, options?: PendingSessionOptions): AuthObject => {
  if (!hasAuth(req)) throw new Error(MIDDLEWARE_MISSING_MESSAGE)
  return req.auth(options)
}

/**
 * Answers 401 unless {@link clerkMiddleware} authenticated the request (mount it after `clerkMiddleware()`; without
 * it, the error goes to `next`).
 *
 * @since 0.1.0
 * @category Integrations
 */
export const requireAuth =
  (options: PendingSessionOptions = {}): NodeMiddleware =>
  (req, res, next) => {
    if (!hasAuth(req)) return next(new Error(MIDDLEWARE_MISSING_MESSAGE))
    if (req.auth(options).isAuthenticated) return next()
    unauthorized(res)
  }

declare global {
  // Express's `Request` (from `@types/express`, when installed) gains `auth`, so `req.auth().userId` and
  // `req.auth.userId` type-check in handlers after `clerkMiddleware()`.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Set by `clerkMiddleware()`: call it for the Auth object (its properties are the Auth object's too). */
      auth: AuthFunction
    }
  }
}
