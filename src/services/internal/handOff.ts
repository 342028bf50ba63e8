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
 * A one-value slot: {@link ResultSlot.fill} runs an effect and keeps its value here, succeeding with `void`, and
 * {@link ResultSlot.take} hands the value out and empties the slot. The fiber (or span) that ran `fill` ends with a
 * void Exit, so nothing it leaves behind holds the value.
 */
export class ResultSlot<A> {
  private held: { readonly value: A } | undefined

  /** Runs `effect` and keeps its value in the slot. */
  fill<E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<void, E, R> {
    return Effect.map(effect, (value) => {
      this.held = { value }
    })
  }

  /** The value, once: the slot is empty afterwards (`undefined` when nothing was put). */
  takeOption(): { readonly value: A } | undefined {
    const held = this.held
    this.held = undefined
    return held
  }

  /** The value, once; a defect when `fill` did not succeed before. */
  get take(): Effect.Effect<A> {
    return Effect.suspend(() => {
      const held = this.takeOption()
      return held === undefined
        ? Effect.dieMessage("effect-clerk: no result was handed off")
        : Effect.succeed(held.value)
    })
  }
}

/**
 * Runs `run`, which wraps the effect it is given (e.g. in a span), and succeeds with that effect's value, handed
 * through a fresh {@link ResultSlot} rather than through what `run` returns.
 */
export const handOff = <A, E, R>(
  run: (fill: <E2, R2>(effect: Effect.Effect<A, E2, R2>) => Effect.Effect<void, E2, R2>) => Effect.Effect<unknown, E, R>
): Effect.Effect<A, E, R> =>
  Effect.suspend(() => {
    const slot = new ResultSlot<A>()
    return Effect.zipRight(
      run((effect) => slot.fill(effect)),
      slot.take
    )
  })
