/**
 * Imports point down: models → services → resources → auth → layers → Promise adapter → integrations, with the
 * test kit beside them (see test/support/importGraph.ts for the rule). The test reads the import graph of `src` and
 * fails on any import that runs back up, on a file outside every layer, and on an allow-list entry that no longer
 * matches an import (so that a fixed one is removed from the list).
 */
import { describe, expect, it } from "vitest"
import {
  type Edge,
  importGraph,
  importsOf,
  layerOf,
  mayImport,
  sourceFiles,
  violations
} from "./support/importGraph.js"

const ROOT = new URL("..", import.meta.url).pathname

/** Known upward imports, each with the reason it is still there. */
const ALLOWED: ReadonlyArray<Edge & { readonly reason: string }> = []

const key = (e: Edge) => `${e.from} -> ${e.to}`

describe("import direction", () => {
  const edges = importGraph(ROOT)

  it("reads a real graph: every layer of src has files and imports", () => {
    const layers = new Set(sourceFiles(ROOT).map(layerOf))
    for (const layer of ["models", "services", "resources", "auth", "layers", "promise", "integrations", "entry"]) {
      expect(layers.has(layer as never), layer).toBe(true)
    }
    expect(edges.length).toBeGreaterThan(300)
    expect(edges.some((e) => key(e) === "src/resources/Users.ts -> src/services/BackendApi.ts")).toBe(true)
  })

  it("every import points down (or is allow-listed with a reason)", () => {
    const allowed = new Set(ALLOWED.map(key))
    const upward = violations(edges)
      .map(key)
      .filter((k) => !allowed.has(k))
    expect(upward).toEqual([])
  })

  it("every allow-list entry still matches an upward import", () => {
    const upward = new Set(violations(edges).map(key))
    expect(ALLOWED.map(key).filter((k) => !upward.has(k))).toEqual([])
  })

  it("every source file resolves into a layer, and every import to a file that exists", () => {
    const files = new Set(sourceFiles(ROOT))
    expect([...files].filter((f) => layerOf(f) === undefined)).toEqual([])
    expect(edges.filter((e) => !files.has(e.to)).map(key)).toEqual([])
  })
})

describe("the layer rule", () => {
  it("allows imports down and within a layer, and refuses them up", () => {
    expect(mayImport("resources", "services")).toBe(true)
    expect(mayImport("auth", "auth")).toBe(true)
    expect(mayImport("promise", "layers")).toBe(true)
    expect(mayImport("resources", "auth")).toBe(false)
    expect(mayImport("models", "services")).toBe(false)
    expect(mayImport("auth", "layers")).toBe(false)
  })

  it("puts the integrations on the Promise adapter (never the reverse), and the test kit beside everything", () => {
    expect(mayImport("integrations", "promise")).toBe(true)
    expect(mayImport("promise", "integrations")).toBe(false)
    expect(mayImport("integrations", "entry")).toBe(false)
    expect(mayImport("testing", "promise")).toBe(true)
    expect(mayImport("testing", "integrations")).toBe(false)
    expect(mayImport("layers", "testing")).toBe(false)
    expect(mayImport("entry", "testing")).toBe(false)
  })

  it("finds an upward import in a file's text, whatever the import form", () => {
    const text = [
      `import { a } from "../auth/errors.js"`,
      `import type { B } from "../services/ClerkErrors.js"`,
      `export { c } from "./Users.js"`,
      `const d = () => import("../promise/errors.js")`,
      `import * as Effect from "effect/Effect"`
    ].join("\n")
    const imports = importsOf("src/resources/Sample.ts", text)
    expect(imports).toEqual([
      "src/auth/errors.ts",
      "src/services/ClerkErrors.ts",
      "src/resources/Users.ts",
      "src/promise/errors.ts"
    ])
    expect(violations(imports.map((to) => ({ from: "src/resources/Sample.ts", to }))).map((e) => e.to)).toEqual([
      "src/auth/errors.ts",
      "src/promise/errors.ts"
    ])
  })
})
