/**
 * The Promise form of `authenticateRequest`, as the Promise client exposes it (`client.authenticateRequest`), with
 * `@clerk/backend`'s overloads: the result type follows `acceptsToken`.
 *
 * @module
 */
import type * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type { TokenType } from "../auth/auth-object/AuthObject.js"
import { withSpanWhenTraced } from "../auth/tokens/tracing.js"
import type { AuthenticateRequestError } from "../auth/request/AuthenticateRequestError.js"
import { type AuthenticateRequestServices, begin, decide } from "../auth/request/authenticateRequest.js"
import type { PromiseRunner } from "../auth/request/AuthPromiseRunner.js"
import type { AuthenticateRequestOptions } from "../auth/request/options.js"
import type { RequestState, RequestStateFor } from "../auth/request/RequestState.js"

/**
 * `client.authenticateRequest(request, options?)`.
 *
 * @since 0.1.0
 * @category Promise client
 */
export interface AuthenticateRequestPromise {
  <const T extends ReadonlyArray<TokenType>>(
    request: Request,
    options: AuthenticateRequestOptions & { readonly acceptsToken: T }
  ): Promise<RequestStateFor<T[number] | null>>
  <T extends TokenType>(
    request: Request,
    options: AuthenticateRequestOptions & { readonly acceptsToken: T }
  ): Promise<RequestStateFor<T>>
  (request: Request, options: AuthenticateRequestOptions & { readonly acceptsToken: "any" }): Promise<RequestState>
  (
    request: Request,
    options?: AuthenticateRequestOptions & { readonly acceptsToken?: undefined }
  ): Promise<RequestStateFor<"session_token">>
  (request: Request, options: AuthenticateRequestOptions): Promise<RequestState>
}

/**
 * Builds the Promise `authenticateRequest` of a client. `services` gives the client's (already built) services; `run`
 * executes an Effect with them and turns failures into thrown errors; `tokenRunner` runs the Auth objects' `getToken`
 * calls. A bearer session token that verifies with a key at hand is decided synchronously, without the runtime.
 *
 * @since 0.1.0
 * @category Promise client
 */
export const makeAuthenticateRequest = (
  services: () => Context.Context<AuthenticateRequestServices>,
  run: <A, E>(effect: Effect.Effect<A, E, AuthenticateRequestServices>) => Promise<A>,
  tokenRunner: PromiseRunner
): AuthenticateRequestPromise => {
  function authenticate<const T extends ReadonlyArray<TokenType>>(
    request: Request,
    options: AuthenticateRequestOptions & { readonly acceptsToken: T }
  ): Promise<RequestStateFor<T[number] | null>>
  function authenticate<T extends TokenType>(
    request: Request,
    options: AuthenticateRequestOptions & { readonly acceptsToken: T }
  ): Promise<RequestStateFor<T>>
  function authenticate(
    request: Request,
    options: AuthenticateRequestOptions & { readonly acceptsToken: "any" }
  ): Promise<RequestState>
  function authenticate(
    request: Request,
    options?: AuthenticateRequestOptions & { readonly acceptsToken?: undefined }
  ): Promise<RequestStateFor<"session_token">>
  function authenticate(request: Request, options: AuthenticateRequestOptions): Promise<RequestState>
  function authenticate(request: Request, options: AuthenticateRequestOptions = {}): Promise<RequestState> {
    const started = begin(request, options, services(), tokenRunner, Date.now())
    if (Either.isLeft(started)) return Promise.reject(started.left)
    const { flow, state } = started.right
    if (state !== undefined) return Promise.resolve(state)
    return run(withSpanWhenTraced("clerk.authenticateRequest")(decide(flow)))
  }
  return authenticate
}

/** `AuthenticateRequestError` is thrown as is by the Promise API (it is an `Error` with a clear message). */
export type { AuthenticateRequestError }
