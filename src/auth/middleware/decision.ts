/**
 * What a server middleware does with an `authenticateRequest` result, shared by the Effect and the Node middleware:
 * answer a handshake redirect, refuse a signed-out request (when protecting), or run the handler with the Auth object.
 * In every case the state's headers (`Set-Cookie`, `x-clerk-auth-*`) go on the response, as `@clerk/express` does.
 *
 * @module
 */
import { type AuthObject, signedOutAuthObject } from "../auth-object/AuthObject.js"
import type { PendingSessionOptions, RequestState } from "../request/RequestState.js"

/**
 * Options every middleware takes.
 *
 * @since 0.1.0
 * @category Integrations
 */
export interface AuthDecisionOptions extends PendingSessionOptions {
  /** Answer 401 to requests that are not authenticated, instead of running the handler (default false). */
  readonly protect?: boolean | undefined
}

/**
 * What to do with the request.
 *
 * @since 0.1.0
 * @category Integrations
 */
export type AuthDecision =
  /** Answer 307 with `headers` (a `Location` to Clerk's handshake) and no body. */
  | { readonly _tag: "Handshake"; readonly headers: Headers }
  /** Answer 401 with `headers`. */
  | { readonly _tag: "Unauthorized"; readonly headers: Headers; readonly auth: AuthObject }
  /** Run the handler with `auth`, then add `headers` to its response. */
  | { readonly _tag: "Continue"; readonly headers: Headers; readonly auth: AuthObject }

/**
 * The Auth object of a state (a handshake without a redirect counts as signed out).
 *
 * @since 0.1.0
 * @category Integrations
 */
export const authOf = (state: RequestState, options: PendingSessionOptions = {}): AuthObject => {
  switch (state.status) {
    case "handshake":
      return signedOutAuthObject()
    case "signed-in":
      return state.tokenType === "session_token" ? state.toAuth(options) : state.toAuth()
    case "signed-out":
      return state.toAuth()
  }
}

/**
 * Decides what to do with a request state.
 *
 * @since 0.1.0
 * @category Integrations
 */
export const decide = (state: RequestState, options: AuthDecisionOptions = {}): AuthDecision => {
  if (state.status === "handshake" && state.headers.has("location")) {
    return { _tag: "Handshake", headers: state.headers }
  }
  const auth = authOf(state, options)
  return options.protect === true && !auth.isAuthenticated
    ? { _tag: "Unauthorized", headers: state.headers, auth }
    : { _tag: "Continue", headers: state.headers, auth }
}
