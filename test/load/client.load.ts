/**
 * Load (`npm run test:load`): ten bursts of 1,000 calls all in flight at once through the Promise client, and 2,000
 * through the Effect API (1,000 in flight), against the loopback fake server, with 429s (Retry-After: 0), 503s and
 * connection resets injected. Every call settles exactly once with a result or a typed error, no create is lost or
 * duplicated (the fake holds exactly the creates that succeeded, each once), nothing is rejected unhandled, and the
 * heap (after GC) and the timers in use do not grow from burst to burst. Throughput is printed.
 */
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { FetchHttpClient } from "@effect/platform"
import { Cause, Effect, Exit, Layer, ManagedRuntime, Option } from "effect"
import { Users } from "../../src/index.js"
import { ClerkFrom } from "../../src/layers/live.js"
import { createClerkClient } from "../../src/promise/createClerkClient.js"
import { ClerkAPIResponseError } from "../../src/promise/errors.js"
import type { ClerkOptions } from "../../src/services/ClerkConfig.js"
import * as Fault from "../../src/testing/faults.js"
import * as FakeServer from "../../src/testing/FakeServer.js"
import { generateKeys } from "../../src/testing/tokens.js"

const BURSTS = 10
const PER_BURST = 1_000
/** Every call of a Promise burst is in flight at once. */
const CONCURRENCY = 1_000
/** The Effect API run keeps 100 in flight (its success ratio is calibrated for that). */
const EFFECT_CONCURRENCY = 100

let server: FakeServer.FakeServer
const unhandled: Array<unknown> = []
/** HTTP attempts on the users routes, counted by the fault regime. */
let attempt = 0
const onUnhandled = (reason: unknown) => unhandled.push(reason)

beforeAll(async () => {
  process.on("unhandledRejection", onUnhandled)
  // No request log: the heap measured below is the client's (and the fake's state), not the log of every attempt.
  server = await FakeServer.start({ keys: generateKeys(), recordRequests: false })
  // A fault regime over every users route: 1 in 10 attempts gets a 429 (Retry-After: 0), 1 in 10 a 503, 1 in 20 a
  // reset before the headers. The first fault's predicate advances the attempt counter (faults are tried in order).
  let current = 0
  const users = (path: string) => /^(\/v1)?\/users(\/|$)/.test(path)
  server.fake.inject(Fault.rateLimited({ retryAfter: 0 }), {
    match: (r) => {
      if (!users(r.path)) return false
      current = attempt++
      return current % 10 === 0
    }
  })
  server.fake.inject(Fault.serverError(503), { match: (r) => users(r.path) && current % 10 === 5 })
  server.fake.inject(Fault.resetBeforeHeaders(), { match: (r) => users(r.path) && current % 20 === 3 })
})
afterAll(async () => {
  await server.close()
  process.off("unhandledRejection", onUnhandled)
})

const options = (): ClerkOptions => ({
  secretKey: server.fake.secretKey,
  apiUrl: server.url,
  // Generous: with a whole burst of 1,000 opening sockets at once on a shared 2-core machine, an answer can take
  // seconds; this suite is about every call settling typed, not about latency.
  retry: { maxRetries: 3, baseDelay: "1 millis", maxDelay: "5 millis", budget: "120 seconds" },
  timeout: "60 seconds"
})

/** Runs `total` tasks with at most `concurrency` in flight. */
const pool = async <A>(total: number, concurrency: number, task: (i: number) => Promise<A>): Promise<Array<A>> => {
  const results: Array<A> = new Array(total)
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++
        results[i] = await task(i)
      }
    })
  )
  return results
}

const gc = (): void => {
  const collect: unknown = Reflect.get(globalThis, "gc")
  if (typeof collect === "function") {
    collect()
    collect()
  }
}
const heapMb = () => {
  gc()
  return process.memoryUsage().heapUsed / 1024 / 1024
}
const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length

interface Tally {
  ok: number
  created: number
  byKind: Record<string, number>
}

describe("load", () => {
  it(`Promise client: ${BURSTS} bursts of ${PER_BURST} calls, ${CONCURRENCY} in flight, under faults`, async () => {
    assert.isFunction(Reflect.get(globalThis, "gc"), "run with --expose-gc (npm run test:load)")
    const clerk = createClerkClient(options())
    const seeded = Array.from({ length: 50 }, (_, i) =>
      server.fake.seed.user({ emailAddress: [`load${i}@example.com`] })
    )
    const usersBefore = server.fake.inspect.users().length
    const attemptsBefore = attempt
    const tally: Tally = { ok: 0, created: 0, byKind: {} }
    const settled = new Map<string, number>()
    const createdNames: Array<string> = []
    let peakInFlight = 0
    let inFlight = 0
    const heap: Array<number> = []
    const timersInUse: Array<number> = []
    const started = performance.now()
    try {
      for (let burst = 0; burst < BURSTS; burst++) {
        await pool(PER_BURST, CONCURRENCY, async (i) => {
          // 4 in 5 calls are reads (retried on 429, 5xx and resets), 1 in 5 a create (retried only on 429).
          const create = i % 5 === 4
          const name = `Load${burst}x${i}`
          peakInFlight = Math.max(peakInFlight, ++inFlight)
          try {
            if (create) {
              const user = await clerk.users.createUser({ firstName: name })
              assert.strictEqual(user.firstName, name)
              createdNames.push(name)
              tally.created++
            } else {
              const user = await clerk.users.getUser(seeded[i % seeded.length]!.id)
              assert.strictEqual(user.id, seeded[i % seeded.length]!.id)
            }
            tally.ok++
          } catch (error) {
            if (!(error instanceof ClerkAPIResponseError)) throw error
            const kind = error.kind ?? "unknown"
            tally.byKind[kind] = (tally.byKind[kind] ?? 0) + 1
          } finally {
            inFlight--
            settled.set(name, (settled.get(name) ?? 0) + 1)
          }
        })
        heap.push(heapMb())
        timersInUse.push(timers())
      }
    } finally {
      await clerk.dispose()
    }
    const seconds = (performance.now() - started) / 1000
    const total = BURSTS * PER_BURST
    const failed = Object.values(tally.byKind).reduce((a, b) => a + b, 0)
    const attempts = attempt - attemptsBefore
    console.log(
      `[load] Promise client: ${total} calls (${CONCURRENCY} in flight) in ${seconds.toFixed(1)} s = ` +
        `${Math.round(total / seconds)} calls/s, ${attempts} HTTP attempts (${Math.round(attempts / seconds)}/s); ` +
        `${tally.ok} ok, typed failures ${JSON.stringify(tally.byKind)}; peak in flight ${peakInFlight}; ` +
        `heap after GC per burst (MB): ${heap.map((h) => h.toFixed(1)).join(", ")}; timers: ${timersInUse.join(", ")}`
    )
    // Every call settled exactly once, as a result or a typed error, with the whole burst in flight at once.
    assert.strictEqual(tally.ok + failed, total)
    assert.strictEqual(settled.size, total)
    assert.isTrue([...settled.values()].every((n) => n === 1))
    assert.strictEqual(peakInFlight, CONCURRENCY)
    // No create lost or duplicated: the fake holds exactly the creates that succeeded, each once.
    assert.strictEqual(server.fake.inspect.users().length - usersBefore, tally.created)
    const stored = server.fake.inspect
      .users()
      .map((u) => u.first_name)
      .filter((n): n is string => typeof n === "string" && n.startsWith("Load"))
    assert.deepStrictEqual([...stored].sort(), [...createdNames].sort())
    // The faults were really there, and retries absorbed most of them.
    assert.isAbove(attempts, total)
    assert.isAbove(tally.ok, total * 0.9)
    assert.deepStrictEqual(unhandled, [])
    // Flat memory: from the 2nd burst (warm) to the last, 8,000 calls, the heap after GC grows less than 8 MB (the
    // fake keeps the ~1,600 users created meanwhile); a retained fiber, span or response per call would exceed it.
    assert.isBelow(heap[BURSTS - 1]! - heap[1]!, 8, `heap per burst: ${heap.join(", ")}`)
    assert.isAtMost(
      Math.max(...timersInUse.slice(1)) - timersInUse[1]!,
      5,
      `timers per burst: ${timersInUse.join(", ")}`
    )
  })

  it(`Effect API: 2 bursts of ${PER_BURST} calls, ${EFFECT_CONCURRENCY} in flight, every one settles typed`, async () => {
    const runtime = ManagedRuntime.make(ClerkFrom(options()).pipe(Layer.provide(FetchHttpClient.layer)))
    const seeded = server.fake.seed.user({ emailAddress: ["load-effect@example.com"] })
    const started = performance.now()
    try {
      const outcomes = await runtime.runPromise(
        Effect.forEach(
          Array.from({ length: 2 * PER_BURST }, (_, i) => i),
          (i) =>
            Effect.flatMap(Users, (users) =>
              i % 5 === 4 ? users.createUser({ firstName: `Effect${i}` }) : users.getUser(seeded.id)
            ).pipe(
              Effect.exit,
              Effect.map((exit) => {
                if (Exit.isSuccess(exit)) return "ok"
                const failure = Cause.failureOption(exit.cause)
                return Option.isSome(failure) ? failure.value._tag : `defect: ${Cause.pretty(exit.cause)}`
              })
            ),
          { concurrency: EFFECT_CONCURRENCY }
        )
      )
      const seconds = (performance.now() - started) / 1000
      const counts: Record<string, number> = {}
      for (const o of outcomes) counts[o] = (counts[o] ?? 0) + 1
      console.log(
        `[load] Effect API: ${outcomes.length} calls in ${seconds.toFixed(1)} s = ${Math.round(outcomes.length / seconds)} calls/s; ${JSON.stringify(counts)}`
      )
      for (const o of Object.keys(counts)) assert.match(o, /^(ok|Clerk\w+Error)$/)
      assert.isAbove(counts["ok"] ?? 0, outcomes.length * 0.9)
    } finally {
      await runtime.dispose()
    }
    assert.deepStrictEqual(unhandled, [])
  })
})
