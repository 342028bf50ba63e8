/**
 * How the Promise methods of Auth objects (`getToken({ template })`) run their Backend API call. By default the
 * Promise rejects with the tagged error; the Promise client provides a runner that rejects with its
 * `ClerkAPIResponseError` instead, like `@clerk/backend`.
 *
 * @module
 */
import * as Cause from "effect/Cause"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import type { ClerkError } from "../../services/ClerkErrors.js"

/**
 * Runs a Backend API Effect as a Promise.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export interface PromiseRunner {
  /** Runs the effect; its failure rejects the Promise. */
  readonly run: <A>(effect: Effect.Effect<A, ClerkError>) => Promise<A>
}

const defaultRunner: PromiseRunner = {
  run: (effect) =>
    Effect.runPromiseExit(effect).then((exit) => {
      if (Exit.isSuccess(exit)) return exit.value
      throw Cause.squash(exit.cause)
    })
}

/**
 * The runner Auth objects use; override it with `Effect.provideService`.
 *
 * @since 0.1.0
 * @category Authenticate request
 */
export class AuthPromiseRunner extends Context.Reference<AuthPromiseRunner>()("effect-clerk/AuthPromiseRunner", {
  defaultValue: (): PromiseRunner => defaultRunner
}) {}
