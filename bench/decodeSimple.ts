/**
 * Decoding 100 full users: `JSON.parse` alone (the floor) against parsing and decoding the page through the pipeline's
 * one decode path (`observer` from src/models/generated/decoders.ts, as BackendApi calls it: the generated per-model
 * decoders) and through Effect Schema.
 * A fuller decode suite may replace this one as bench/decode.ts.
 *
 * @module
 */
import { pathToFileURL } from "node:url"
import * as Schema from "effect/Schema"
import { User } from "../src/models/generated/schemas.js"
import { observer } from "../src/models/generated/decoders.js"
import type { DriftIssue } from "../src/models/internal/observe.js"
import { type BenchResult, runBench } from "./harness.js"
import { wireUser } from "./server.js"

/** Runs the decode suite. */
export const decodeSuites = async (): Promise<ReadonlyArray<BenchResult>> => {
  const page = JSON.stringify(Array.from({ length: 100 }, (_, i) => wireUser(i)))
  const UserArray = Schema.Array(User)
  const observe = observer(UserArray)
  const decodeSchema = Schema.decodeUnknownSync(UserArray)
  const issues: Array<DriftIssue> = []
  const observed = observe(JSON.parse(page), issues)
  if (issues.length > 0) throw new Error(`bench: the 100-user page drifts from the spec (${issues.length} issues)`)
  if (!Array.isArray(observed) || observed.length !== 100) throw new Error("bench: observer decoded no page")
  return [
    await runBench({
      title: "decode 100 users (parse + decode of one page)",
      cases: [
        { name: "JSON.parse", run: () => JSON.parse(page) },
        { name: "JSON.parse + generated decoders", run: () => observe(JSON.parse(page), []) },
        { name: "JSON.parse + Schema.decodeUnknownSync", run: () => decodeSchema(JSON.parse(page)) }
      ]
    })
  ]
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await decodeSuites()
