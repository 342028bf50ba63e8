/**
 * Handing a result out of an effect through a slot instead of through an Exit.
 *
 * A fiber that waited on I/O (any `Effect.async`) can stay reachable for V8's young-generation GC after it ended,
 * until the next full GC: the scavenger keeps it through objects a full GC would free. Whatever its Exit holds stays
 * with it, and a span's end status holds the Exit of the code it covered. For a page of users (a few hundred KB of
 * parsed JSON and the models built from it) that meant every scavenge copied several pages and promoted them to the
 * old generation, about a quarter of the CPU time of `getUserList`. Results that big leave through a slot that is
 * emptied as soon as it is read, so the Exits left behind hold nothing.
 *
 * @internal
 */
import * as Effect from "effect/Effect"

/**
 * Runs `run`, which stores its result with `put` (its own success value is dropped), and succeeds with that result.
 * Each run of the returned effect has its own slot.
 */
export const handOff = <A, E, R>(
  run: (put: (value: A) => void) => Effect.Effect<unknown, E, R>
): Effect.Effect<A, E, R> =>
  Effect.suspend(() => {
    let slot: { readonly value: A } | undefined
    return Effect.flatMap(
      run((value) => {
        slot = { value }
      }),
      () => {
        const filled = slot
        slot = undefined
        return filled === undefined
          ? Effect.dieMessage("effect-clerk: no result was handed off")
          : Effect.succeed(filled.value)
      }
    )
  })
