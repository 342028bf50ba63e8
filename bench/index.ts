/**
 * `npm run bench`: every suite, in one process (the cold start suite spawns its own processes, the API suites a
 * loopback server process). The fetch stub is installed first, before any SDK loads. Prints a table per suite and
 * writes bench/results/latest.json.
 *
 * To add a suite, write `bench/<name>.ts` exporting an async function that returns its `BenchResult`s and add it
 * below. A `bench/decode.ts` exporting `decodeSuites` replaces the simple decode suite (bench/decodeSimple.ts).
 *
 * @module
 */
import "./fetchStub.js"
import { existsSync, mkdirSync, writeFileSync } from "node:fs"
import { cpus } from "node:os"
import { apiSuites } from "./api.js"
import { authenticateRequestSuites } from "./authenticateRequest.js"
import { coldStartSuites } from "./coldStart.js"
import type { BenchResult } from "./harness.js"
import { verifyTokenSuites } from "./verifyToken.js"

type Suite = () => Promise<ReadonlyArray<BenchResult>>

const decodeSuite = async (): Promise<Suite> => {
  const fuller = new URL("./decode.ts", import.meta.url)
  if (existsSync(fuller)) {
    const mod: unknown = await import(fuller.href)
    if (typeof mod === "object" && mod !== null && "decodeSuites" in mod && typeof mod.decodeSuites === "function") {
      const run: unknown = mod.decodeSuites
      if (typeof run === "function") return () => Promise.resolve(run()) as Promise<ReadonlyArray<BenchResult>>
    }
  }
  return (await import("./decodeSimple.js")).decodeSuites
}

const started = Date.now()
const suites: ReadonlyArray<Suite> = [
  apiSuites,
  verifyTokenSuites,
  authenticateRequestSuites,
  await decodeSuite(),
  coldStartSuites
]

const results: Array<BenchResult> = []
for (const suite of suites) results.push(...(await suite()))
const missed = results.flatMap((r) =>
  Object.entries(r.targets)
    .filter(([, met]) => !met)
    .map(([label]) => `${r.title}: ${label}`)
)
console.log(missed.length === 0 ? "\nAll targets met." : `\nTargets missed:\n- ${missed.join("\n- ")}`)
const seconds = (Date.now() - started) / 1000
console.log(`\nbench took ${seconds.toFixed(0)} s`)
mkdirSync(new URL("./results/", import.meta.url), { recursive: true })
writeFileSync(
  new URL("./results/latest.json", import.meta.url),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      seconds,
      note: "medianMicros: median CPU µs per operation (client process only); medianWallMicros: median wall µs",
      results
    },
    null,
    2
  )}\n`
)
