/**
 * A small benchmark harness: cases of one suite run side by side in one process, in interleaved rounds (the order
 * rotates every round), and the median time per operation is compared across cases. Time is the process's CPU time
 * (user + system), which other load on the machine does not inflate the way it inflates wall time; the wall-time
 * median is printed next to it.
 *
 * ```ts
 * await runBench({
 *   title: "verifyToken (jwtKey)",
 *   cases: [{ name: "ours", run: () => verify(token) }, { name: "theirs", run: () => theirs(token) }],
 *   targets: [{ label: "≥8x faster", case: "ours", vs: "theirs", atLeast: 8 }]
 * })
 * ```
 *
 * @module
 */

/** One contender: `run` performs one operation (sync, or returning a Promise that is awaited). */
export interface BenchCase {
  readonly name: string
  readonly run: () => unknown
}

/** A target printed as MET/MISSED: `speedup = median(vs) / median(case)` must be within the bounds. */
export interface BenchTarget {
  readonly label: string
  readonly case: string
  readonly vs: string
  /** The least speedup accepted (e.g. 8 for "8x faster"). */
  readonly atLeast?: number
  /** The greatest slowdown accepted, as a ratio `median(case) / median(vs)` (e.g. 1.3). */
  readonly atMostSlowdown?: number
}

/** A suite of cases measured together. */
export interface BenchSuite {
  readonly title: string
  readonly cases: ReadonlyArray<BenchCase>
  /** Ratios are printed against this case (default the first). */
  readonly baseline?: string
  readonly targets?: ReadonlyArray<BenchTarget>
  /** Interleaved rounds (default 21). */
  readonly rounds?: number
  /** Wall time one case gets per round (default 40 ms); the operation count is calibrated to it. */
  readonly roundMillis?: number
  /**
   * Wall time each case runs, unmeasured, before calibration (default 0): code that takes a few thousand calls to
   * reach V8's optimising tiers and a settled heap is then measured in its steady state, as a long-running server
   * sees it.
   */
  readonly warmupMillis?: number
}

/** The measured medians. */
export interface BenchResult {
  readonly title: string
  /** Median CPU microseconds per operation, by case name. */
  readonly medianMicros: Readonly<Record<string, number>>
  /** Median wall-clock microseconds per operation, by case name. */
  readonly medianWallMicros: Readonly<Record<string, number>>
  /** Whether each target was met, by label. */
  readonly targets: Readonly<Record<string, boolean>>
}

const nowNs = (): bigint => process.hrtime.bigint()

const isPromise = (u: unknown): u is Promise<unknown> =>
  typeof u === "object" && u !== null && "then" in u && typeof u.then === "function"

const cpuMicros = (): number => {
  const usage = process.cpuUsage()
  return usage.user + usage.system
}

/** Runs `ops` operations and returns the elapsed wall and CPU time, in nanoseconds. */
const timeBatch = async (
  run: () => unknown,
  ops: number,
  async: boolean
): Promise<{ readonly wall: number; readonly cpu: number }> => {
  const cpu = cpuMicros()
  const start = nowNs()
  if (async) {
    for (let i = 0; i < ops; i++) await run()
  } else {
    for (let i = 0; i < ops; i++) run()
  }
  return { wall: Number(nowNs() - start), cpu: (cpuMicros() - cpu) * 1000 }
}

const median = (xs: ReadonlyArray<number>): number => {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const fmt = (micros: number): string =>
  micros >= 100 ? micros.toFixed(0) : micros >= 10 ? micros.toFixed(1) : micros.toFixed(2)

/** Measures a suite and prints a table of medians, ratios and targets. */
export const runBench = async (suite: BenchSuite): Promise<BenchResult> => {
  const rounds = suite.rounds ?? 21
  const roundNs = (suite.roundMillis ?? 40) * 1e6
  const plans: Array<{
    readonly c: BenchCase
    readonly async: boolean
    readonly ops: number
    readonly cpu: Array<number>
    readonly wall: Array<number>
  }> = []
  for (const c of suite.cases) {
    const first = c.run()
    const async = isPromise(first)
    if (async) await first
    const warmUntil = Date.now() + (suite.warmupMillis ?? 0)
    while (Date.now() < warmUntil) await timeBatch(c.run, 16, async)
    // Warm up and calibrate: grow the batch until it takes ~1/4 of a round.
    let ops = 16
    for (;;) {
      const { wall } = await timeBatch(c.run, ops, async)
      if (wall >= roundNs / 4 || ops >= 1 << 22) {
        ops = Math.max(1, Math.round((ops * roundNs) / Math.max(wall, 1)))
        break
      }
      ops *= 4
    }
    plans.push({ c, async, ops, cpu: [], wall: [] })
  }
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < plans.length; i++) {
      const plan = plans[(i + r) % plans.length]!
      const { cpu, wall } = await timeBatch(plan.c.run, plan.ops, plan.async)
      plan.cpu.push(cpu / plan.ops / 1000)
      plan.wall.push(wall / plan.ops / 1000)
    }
  }
  const medianMicros: Record<string, number> = {}
  const medianWallMicros: Record<string, number> = {}
  for (const plan of plans) {
    medianMicros[plan.c.name] = median(plan.cpu)
    medianWallMicros[plan.c.name] = median(plan.wall)
  }
  const baseline = suite.baseline ?? suite.cases[0]!.name
  const base = medianMicros[baseline]!
  const width = Math.max(...suite.cases.map((c) => c.name.length), 10)
  const lines = [
    `\n## ${suite.title}  (${rounds} interleaved rounds, median per op; CPU time, wall time in brackets)`,
    `${"case".padEnd(width)}  ${"cpu µs/op".padStart(9)}  ${"(wall µs)".padStart(10)}  ${"ops/s".padStart(10)}  ${`vs ${baseline}`.padStart(
      16
    )}`
  ]
  for (const plan of plans) {
    const m = medianMicros[plan.c.name]!
    const ratio = m / base
    const rel = ratio >= 1 ? `${ratio.toFixed(2)}x slower` : `${(1 / ratio).toFixed(2)}x faster`
    lines.push(
      `${plan.c.name.padEnd(width)}  ${fmt(m).padStart(9)}  ${`(${fmt(medianWallMicros[plan.c.name]!)})`.padStart(10)}  ${Math.round(
        1e6 / m
      )
        .toLocaleString("en-US")
        .padStart(10)}  ${(plan.c.name === baseline ? "baseline" : rel).padStart(16)}`
    )
  }
  const targets: Record<string, boolean> = {}
  for (const t of suite.targets ?? []) {
    const mine = medianMicros[t.case]
    const other = medianMicros[t.vs]
    if (mine === undefined || other === undefined) throw new Error(`bench target ${t.label}: unknown case`)
    const speedup = other / mine
    const met =
      (t.atLeast === undefined || speedup >= t.atLeast) &&
      (t.atMostSlowdown === undefined || mine / other <= t.atMostSlowdown)
    targets[t.label] = met
    lines.push(
      `target ${met ? "MET   " : "MISSED"} ${t.label}: ${t.case} = ${
        speedup >= 1 ? `${speedup.toFixed(2)}x faster than` : `${(1 / speedup).toFixed(2)}x the time of`
      } ${t.vs}`
    )
  }
  console.log(lines.join("\n"))
  return { title: suite.title, medianMicros, medianWallMicros, targets }
}
