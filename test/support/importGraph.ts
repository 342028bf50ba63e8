/**
 * The import graph of `src` and the layer rule it must follow, for test/import-direction.test.ts.
 *
 * Layers, lowest first; a module may import its own layer and any layer below it, never one above:
 *
 * 0. models: `src/models` (schemas, the decoder)
 * 1. services: `src/services` (config, the request pipeline, errors)
 * 2. resources: `src/resources`, `src/operations.ts` (one service per API resource)
 * 3. auth: `src/auth` except its middleware (tokens, requests, machine tokens, webhooks)
 * 4. layers: `src/layers` (ready compositions of the layers below)
 * 5. promise: `src/promise` (the Promise adapter)
 * 6. integrations: `src/auth/middleware` (server integrations). The Node middleware runs on a Promise client, as
 *    Express integrations do, so it sits above the adapter; the adapter never imports it.
 * 7. entry: `src/index.ts` (the public barrel)
 *
 * The test kit (`src/testing`, plus the test layers still under `src/layers`) stands beside them: it may import any
 * layer except the integrations and the barrel, and nothing outside the kit imports it.
 *
 * @module
 */
import * as fs from "node:fs"
import * as path from "node:path"
import ts from "typescript"

/** A layer of `src`. */
export type Layer =
  | "models"
  | "services"
  | "resources"
  | "auth"
  | "layers"
  | "promise"
  | "integrations"
  | "entry"
  | "testing"

const RANK: Record<Exclude<Layer, "testing">, number> = {
  models: 0,
  services: 1,
  resources: 2,
  auth: 3,
  layers: 4,
  promise: 5,
  integrations: 6,
  entry: 7
}

/** The layer of a source file (a path relative to the repository, with `/`), or `undefined` for an unknown place. */
export const layerOf = (file: string): Layer | undefined => {
  if (file.startsWith("src/testing/")) return "testing"
  if (file.startsWith("src/models/")) return "models"
  if (file.startsWith("src/services/")) return "services"
  if (file.startsWith("src/resources/") || file === "src/operations.ts") return "resources"
  if (file.startsWith("src/auth/middleware/")) return "integrations"
  if (file.startsWith("src/auth/")) return "auth"
  if (file.startsWith("src/layers/")) return "layers"
  if (file.startsWith("src/promise/")) return "promise"
  if (file === "src/index.ts") return "entry"
  return undefined
}

/** Whether a module of layer `from` may import one of layer `to`. */
export const mayImport = (from: Layer, to: Layer): boolean => {
  if (from === to) return true
  if (from === "testing") return to !== "integrations" && to !== "entry"
  if (to === "testing") return false
  return RANK[to] < RANK[from]
}

/** One import between two files of `src`. */
export interface Edge {
  readonly from: string
  readonly to: string
}

/** Every `.ts` file under `dir`, relative to `root`, with `/` separators, sorted. */
export const sourceFiles = (root: string, dir = "src"): ReadonlyArray<string> =>
  fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => path.posix.join(dir, f.split(path.sep).join("/")))
    .sort()

/** The relative imports of one file (static, type-only, re-exports and dynamic), resolved to `.ts` paths. */
export const importsOf = (file: string, text: string): ReadonlyArray<string> =>
  ts
    .preProcessFile(text, true, true)
    .importedFiles.map((i) => i.fileName)
    .filter((name) => name.startsWith("."))
    .map((name) => path.posix.normalize(path.posix.join(path.posix.dirname(file), name)).replace(/\.js$/, ".ts"))

/** The import graph of `src` under `root`. */
export const importGraph = (root: string): ReadonlyArray<Edge> =>
  sourceFiles(root).flatMap((from) =>
    importsOf(from, fs.readFileSync(path.join(root, from), "utf8")).map((to) => ({ from, to }))
  )

/** The edges that break the layer rule (a file outside every layer counts as breaking it). */
export const violations = (edges: ReadonlyArray<Edge>): ReadonlyArray<Edge> =>
  edges.filter(({ from, to }) => {
    const a = layerOf(from)
    const b = layerOf(to)
    return a === undefined || b === undefined || !mayImport(a, b)
  })
