/**
 * Attempt deadlines on one shared timer: each expires once, after its own delay, whatever was armed before it; a
 * cleared deadline never expires.
 */
import { assert, describe, it } from "vitest"
import { clearDeadline, setDeadline } from "../src/services/internal/deadlines.js"

const sleep = (millis: number) => new Promise<void>((resolve) => setTimeout(resolve, millis))

/** Resolves when `expired` has `count` entries (or after `limit` ms, for the assertion to fail on). */
const until = async (expired: Array<string>, count: number, limit = 2_000) => {
  const end = Date.now() + limit
  while (expired.length < count && Date.now() < end) await sleep(5)
}

describe("shared deadlines", () => {
  it("expires a deadline once, not before its delay", async () => {
    const expired: Array<string> = []
    const started = performance.now()
    let at = 0
    setDeadline(40, () => {
      at = performance.now() - started
      expired.push("a")
    })
    await sleep(10)
    assert.deepStrictEqual(expired, [])
    await until(expired, 1)
    await sleep(60)
    assert.deepStrictEqual(expired, ["a"])
    assert.isAtLeast(at, 40)
  })

  it("never expires a cleared deadline", async () => {
    const expired: Array<string> = []
    const deadline = setDeadline(20, () => expired.push("cleared"))
    clearDeadline(deadline)
    setDeadline(60, () => expired.push("kept"))
    await until(expired, 1)
    await sleep(40)
    assert.deepStrictEqual(expired, ["kept"])
  })

  it("expires an earlier deadline set after a later one first", async () => {
    const expired: Array<string> = []
    const late = setDeadline(5_000, () => expired.push("late"))
    setDeadline(20, () => expired.push("early"))
    await until(expired, 1)
    assert.deepStrictEqual(expired, ["early"])
    clearDeadline(late)
  })

  it("expires a later deadline after the one the timer was armed for was cleared", async () => {
    const expired: Array<string> = []
    const first = setDeadline(20, () => expired.push("first"))
    setDeadline(50, () => expired.push("second"))
    clearDeadline(first)
    await until(expired, 1)
    await sleep(30)
    assert.deepStrictEqual(expired, ["second"])
  })

  it("expires many deadlines with the same delay, each once", async () => {
    const expired: Array<string> = []
    for (let i = 0; i < 100; i++) setDeadline(15, () => expired.push(String(i)))
    await until(expired, 100)
    await sleep(20)
    assert.strictEqual(expired.length, 100)
    assert.strictEqual(new Set(expired).size, 100)
  })
})
