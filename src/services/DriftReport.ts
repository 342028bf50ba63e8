/**
 * The drift report: every place where data Clerk sent differed from the spec, once per (model, path, kind), kept
 * per client so that users can read it and assert on it in tests.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { DriftIssue } from "../models/internal/observe.js"

export type { DriftIssue, DriftKind } from "../models/internal/observe.js"

/**
 * One reported mismatch, with the operation that first received it.
 *
 * @since 0.1.0
 * @category Decoding
 */
export interface DriftEntry extends DriftIssue {
  /** `resource.method` of the call that first saw it. */
  readonly operation: string
}

/**
 * A client's drift report.
 *
 * @since 0.1.0
 * @category Decoding
 */
export interface DriftReport {
  /** Every distinct mismatch seen so far, in the order first seen. */
  readonly entries: () => ReadonlyArray<DriftEntry>
  /** Forgets what was seen (the next occurrence is reported and logged again). */
  readonly clear: () => void
}

/**
 * The most distinct entries one report keeps; later ones are still logged at Debug, not stored.
 *
 * @since 0.1.0
 * @category Decoding
 */
export const MAX_DRIFT_ENTRIES = 1000

/**
 * A report plus the effect that records a call's issues into it (log, span event, entry).
 *
 * @since 0.1.0
 * @category Decoding
 */
export interface DriftRecorder extends DriftReport {
  readonly record: (operation: string, issues: ReadonlyArray<DriftIssue>) => Effect.Effect<void>
}

const describe = (issue: DriftIssue): string =>
  `${issue.model}${issue.path === "" ? "" : `.${issue.path}`}: ${issue.kind} (expected ${issue.expected}, received ${issue.received})`

/**
 * Makes an empty report.
 *
 * @since 0.1.0
 * @category Decoding
 */
export const makeDriftRecorder = (): DriftRecorder => {
  const seen = new Map<string, DriftEntry>()
  const fresh = (operation: string, issues: ReadonlyArray<DriftIssue>): Array<DriftEntry> => {
    const out: Array<DriftEntry> = []
    for (const issue of issues) {
      const key = `${issue.model}\u0000${issue.path}\u0000${issue.kind}`
      if (seen.has(key) || seen.size >= MAX_DRIFT_ENTRIES) continue
      const entry: DriftEntry = { ...issue, operation }
      seen.set(key, entry)
      out.push(entry)
    }
    return out
  }
  return {
    entries: () => [...seen.values()],
    clear: () => seen.clear(),
    record: (operation, issues) =>
      Effect.suspend(() => {
        const entries = fresh(operation, issues)
        if (entries.length === 0) return Effect.void
        const mismatches = entries.filter((entry) => entry.kind !== "extra")
        const extras = entries.filter((entry) => entry.kind === "extra")
        return Effect.gen(function* () {
          const span = yield* Effect.option(Effect.currentSpan)
          if (Option.isSome(span)) {
            for (const entry of entries) {
              span.value.event("clerk.response.drift", BigInt(Date.now()) * 1_000_000n, {
                "clerk.drift.model": entry.model,
                "clerk.drift.path": entry.path,
                "clerk.drift.kind": entry.kind
              })
            }
          }
          if (mismatches.length > 0) {
            yield* Effect.logWarning(
              `Clerk response differs from the spec (kept as received): ${mismatches.map(describe).join("; ")}`
            ).pipe(Effect.annotateLogs("clerk.operation", operation))
          }
          if (extras.length > 0) {
            yield* Effect.logDebug(`Clerk response has fields the spec lacks: ${extras.map(describe).join("; ")}`).pipe(
              Effect.annotateLogs("clerk.operation", operation)
            )
          }
        })
      })
  }
}
