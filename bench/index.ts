/**
 * `npm run bench`: every suite, in one process. The fetch stub is installed first, before any SDK loads.
 * To add a suite, write `bench/<name>.ts` exporting an async function that calls `runBench` and add it below.
 *
 * @module
 */
import "./fetchStub.js"
import { authenticateRequestSuites } from "./authenticateRequest.js"
import type { BenchResult } from "./harness.js"
import { verifyTokenSuites } from "./verifyToken.js"

const suites: ReadonlyArray<() => Promise<ReadonlyArray<BenchResult>>> = [verifyTokenSuites, authenticateRequestSuites]

const results: Array<BenchResult> = []
for (const suite of suites) results.push(...(await suite()))
const missed = results.flatMap((r) => Object.entries(r.targets).filter(([, met]) => !met).map(([label]) => `${r.title}: ${label}`))
console.log(missed.length === 0 ? "\nAll targets met." : `\nTargets missed:\n- ${missed.join("\n- ")}`)
