import { describe, expect, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import { handOff, ResultSlot } from "../src/services/internal/handOff.js"

describe("ResultSlot and handOff", () => {
  it.effect("a filled slot hands its value out once; the fiber that filled it ends with void", () =>
    Effect.gen(function* () {
      const slot = new ResultSlot<{ readonly page: number }>()
      const fiber = yield* Effect.fork(slot.fill(Effect.succeed({ page: 1 })))
      const exit = yield* Fiber.await(fiber)
      expect(Exit.isSuccess(exit) && exit.value).toBeUndefined()
      expect(yield* slot.take).toEqual({ page: 1 })
      expect(slot.takeOption()).toBeUndefined()
    })
  )

  it.effect("taking from a slot that was never filled is a defect, and a failed fill leaves it empty", () =>
    Effect.gen(function* () {
      const slot = new ResultSlot<number>()
      const failed = yield* Effect.exit(slot.fill(Effect.fail("nope")))
      expect(Exit.isFailure(failed)).toBe(true)
      const taken = yield* Effect.exit(slot.take)
      expect(Exit.isFailure(taken) && !Exit.isInterrupted(taken)).toBe(true)
    })
  )

  it.effect("handOff succeeds with the wrapped effect's value while the wrapper itself ends with void", () =>
    Effect.gen(function* () {
      const seen: Array<unknown> = []
      const value = yield* handOff<number, never, never>((fill) =>
        Effect.onExit(fill(Effect.succeed(42)), (exit) =>
          Effect.sync(() => seen.push(Exit.isSuccess(exit) && exit.value))
        )
      )
      expect(value).toBe(42)
      expect(seen).toEqual([undefined])
    })
  )
})
