/**
 * The Auth object of the request being handled, as an Effect service. Middleware authenticates the request and
 * provides it; handlers read it with `yield* CurrentAuth`.
 *
 * ```ts
 * const handler = Effect.gen(function*() {
 *   const auth = yield* CurrentAuth
 *   if (!auth.isAuthenticated) return yield* Effect.fail(new Unauthorized())
 * })
 * handler.pipe(Effect.provideService(CurrentAuth, requestState.toAuth() ?? signedOutAuthObject()))
 * ```
 *
 * @module
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { AuthObject, SignedInAuthObject } from "./AuthObject.js"

/**
 * The current request's Auth object.
 *
 * @since 0.1.0
 * @category Auth object
 */
export class CurrentAuth extends Context.Tag("effect-clerk/CurrentAuth")<CurrentAuth, AuthObject>() {}

/**
 * The current request's signed-in session, or `None` (signed out, a machine token, or no CurrentAuth provided).
 *
 * @since 0.1.0
 * @category Auth object
 */
export const currentSession: Effect.Effect<Option.Option<SignedInAuthObject>> = Effect.map(
  Effect.serviceOption(CurrentAuth),
  Option.filter((auth): auth is SignedInAuthObject => auth.tokenType === "session_token" && auth.isAuthenticated)
)
