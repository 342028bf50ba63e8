/**
 * The one Promise runtime of the package: runs an Effect as a Promise, turns its failure into the Promise error
 * classes, adapts a Stream to an async iterable and wires an `AbortSignal` to interruption. The Promise client, its
 * `authenticateRequest` and the token verifier all run through these functions.
 *
 * @module
 */
import * as Cause from "effect/Cause"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import type * as ManagedRuntime from "effect/ManagedRuntime"
import * as Option from "effect/Option"
import * as Runtime from "effect/Runtime"
import * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"
import type { PromiseRunner } from "../auth/request/AuthPromiseRunner.js"
import { isClerkError } from "../services/ClerkErrors.js"
import { ResultSlot } from "../services/internal/handOff.js"
import { toPromiseError } from "./errors.js"

/**
 * The error a Promise rejects with when its `AbortSignal` interrupts the call (as `fetch` does).
 *
 * @since 0.1.0
 * @category Promise client
 */
export const abortError = (): DOMException => new DOMException("The operation was aborted.", "AbortError")

/**
 * The value a failed call throws: a typed Clerk error becomes its Promise error class, other failures are thrown as
 * they are, interruption becomes an `AbortError`, and defects are squashed.
 *
 * @since 0.1.0
 * @category Promise client
 */
export const promiseFailure = (cause: Cause.Cause<unknown>): unknown => {
  const failure = Cause.failureOption(cause)
  if (Option.isSome(failure)) return isClerkError(failure.value) ? toPromiseError(failure.value) : failure.value
  if (Cause.isInterruptedOnly(cause)) return abortError()
  return Cause.squash(cause)
}

/**
 * Throws {@link promiseFailure} of the cause.
 *
 * @since 0.1.0
 * @category Promise client
 */
export const rethrow = (cause: Cause.Cause<unknown>): never => {
  throw promiseFailure(cause)
}

/**
 * Anything that runs an Effect to an Exit: a `ManagedRuntime` or a plain `Runtime` wrapper.
 *
 * @since 0.1.0
 * @category Promise client
 */
export type ExitRunner<R> = Pick<ManagedRuntime.ManagedRuntime<R, never>, "runPromiseExit">

/**
 * Runs `effect` on `runtime` as a Promise. Aborting `signal` interrupts it. A failure rejects with `onFailure(cause)`
 * (by default {@link promiseFailure}: the Promise error classes).
 *
 * @since 0.1.0
 * @category Promise client
 */
export const runPromise = <A, E, R>(
  runtime: ExitRunner<R>,
  effect: Effect.Effect<A, E, R>,
  signal?: AbortSignal,
  onFailure: (cause: Cause.Cause<E>) => unknown = promiseFailure
): Promise<A> => {
  // The value leaves through a slot, not the fiber's Exit, which can outlive the call (see services/internal/handOff.ts).
  const slot = new ResultSlot<A>()
  return runtime.runPromiseExit(slot.fill(effect), signal === undefined ? undefined : { signal }).then((exit) => {
    if (Exit.isFailure(exit)) throw onFailure(exit.cause)
    const held = slot.takeOption()
    if (held === undefined) throw new Error("effect-clerk: the call ended without a result")
    return held.value
  })
}

/** Fails with an `AbortError` when `signal` aborts; never completes otherwise. */
const aborted = (signal: AbortSignal): Effect.Effect<never, DOMException> =>
  Effect.async<never, DOMException>((resume) => {
    const onAbort = () => resume(Effect.fail(abortError()))
    if (signal.aborted) return onAbort()
    signal.addEventListener("abort", onAbort, { once: true })
    return Effect.sync(() => signal.removeEventListener("abort", onAbort))
  })

/**
 * A Stream as an async iterable, run on `runtime`. Failures are thrown as the Promise error classes; aborting `signal`
 * ends the iteration with an `AbortError`. Breaking out of a `for await` loop closes the stream. The stream is pulled
 * a chunk (a page) at a time, only when the consumer has taken every item of the one before, and its items are handed
 * out from the chunk: a page walk pays the runtime once per page, not once per item, and holds no page beyond the one
 * being read and the one its own prefetch fetches (a reader running ahead, as `Stream.toAsyncIterableRuntime` does,
 * keeps one page more alive, which the young-generation GC then copies).
 *
 * @since 0.1.0
 * @category Promise client
 */
export const toAsyncIterable = <A, E, R>(
  runtime: Runtime.Runtime<R>,
  stream: Stream.Stream<A, E, R>,
  signal?: AbortSignal
): AsyncIterable<A> => {
  const mapped = Stream.mapError(stream, (error): unknown => (isClerkError(error) ? toPromiseError(error) : error))
  const bounded = signal === undefined ? mapped : Stream.interruptWhen(mapped, aborted(signal))
  const runner: ExitRunner<R> = {
    runPromiseExit: (effect, options) =>
      options?.signal === undefined
        ? Runtime.runPromiseExit(runtime, effect)
        : Runtime.runPromiseExit(runtime, effect, { signal: options.signal })
  }
  return {
    [Symbol.asyncIterator]: (): AsyncIterator<A> => {
      const scope = Effect.runSync(Scope.make())
      let pull: Effect.Effect<Chunk.Chunk<A> | undefined, unknown, R> | undefined
      let chunk: Chunk.Chunk<A> = Chunk.empty()
      let index = 0
      let finished = false
      const finish = async (): Promise<IteratorReturnResult<undefined>> => {
        if (!finished) {
          finished = true
          chunk = Chunk.empty()
          await Effect.runPromise(Scope.close(scope, Exit.void))
        }
        return { done: true, value: undefined }
      }
      const step = async (): Promise<IteratorResult<A>> => {
        try {
          for (;;) {
            if (index < chunk.length) return { done: false, value: Chunk.unsafeGet(chunk, index++) }
            if (finished) return { done: true, value: undefined }
            // The page read so far is let go before the next one is waited for.
            chunk = Chunk.empty()
            pull ??= Effect.catchAll(
              await runPromise(runner, Scope.extend(Stream.toPull(bounded), scope), undefined, Cause.squash),
              (end) => (Option.isNone(end) ? Effect.succeed(undefined) : Effect.fail(end.value))
            )
            const next = await runPromise(runner, pull, undefined, Cause.squash)
            if (next === undefined) return await finish()
            chunk = next
            index = 0
          }
        } catch (error) {
          await finish()
          throw error
        }
      }
      // One step at a time, even if the consumer does not wait for each `next()`; an item of the current chunk is
      // handed out at once when nothing is in flight.
      let queue: Promise<unknown> | undefined
      return {
        next: () => {
          if (queue === undefined && index < chunk.length) {
            return Promise.resolve({ done: false, value: Chunk.unsafeGet(chunk, index++) })
          }
          const result = queue === undefined ? step() : queue.then(step)
          const settled = result.then(
            () => undefined,
            () => undefined
          )
          queue = settled
          void settled.then(() => {
            if (queue === settled) queue = undefined
          })
          return result
        },
        return: () => (queue === undefined ? finish() : queue.then(finish))
      }
    }
  }
}

/**
 * The {@link PromiseRunner} Auth objects use for their `getToken` calls, rejecting with the Promise error classes.
 *
 * @since 0.1.0
 * @category Promise client
 */
export const promiseRunner = <R>(run: <A, E>(effect: Effect.Effect<A, E, R>) => Promise<A>): PromiseRunner => ({
  run: (effect) => run(effect)
})
