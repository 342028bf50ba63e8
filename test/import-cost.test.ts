/**
 * What importing an entry evaluates: the modules reached through its value imports (static `import`/`export ... from`
 * that keep at least one value binding; `import type`, type-only specifiers and `import()` are not followed, as
 * TypeScript and esbuild drop the former and load the latter on first use). Heavy modules stay out of that set.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import ts from "typescript"
import { describe, expect, it } from "vitest"

const ROOT = new URL("..", import.meta.url).pathname

/** The value imports of one source file, resolved to `.ts` paths under `src`. */
const valueImportsOf = (file: string): ReadonlyArray<string> => {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8")
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, false)
  const out: Array<string> = []
  for (const statement of source.statements) {
    let specifier: ts.Expression | undefined
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause
      const bindings = clause?.namedBindings
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            bindings !== undefined &&
            ts.isNamedImports(bindings) &&
            bindings.elements.every((e) => e.isTypeOnly)))
      if (!typeOnly) specifier = statement.moduleSpecifier
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier !== undefined) {
      const clause = statement.exportClause
      const typeOnly =
        statement.isTypeOnly ||
        (clause !== undefined && ts.isNamedExports(clause) && clause.elements.every((e) => e.isTypeOnly))
      if (!typeOnly) specifier = statement.moduleSpecifier
    }
    if (specifier !== undefined && ts.isStringLiteral(specifier) && specifier.text.startsWith(".")) {
      out.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier.text)).replace(/\.js$/, ".ts"))
    }
  }
  return out
}

/** Every module that importing `entry` evaluates. */
const evaluatedBy = (entry: string): ReadonlySet<string> => {
  const seen = new Set<string>([entry])
  const queue = [entry]
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    for (const next of valueImportsOf(file)) {
      if (!seen.has(next)) {
        seen.add(next)
        queue.push(next)
      }
    }
  }
  return seen
}

describe("what importing an entry evaluates", () => {
  const root = evaluatedBy("src/index.ts")

  it("reads a real graph: the root evaluates the resources, the schemas and the pipeline", () => {
    expect(root.has("src/resources/Users.ts")).toBe(true)
    expect(root.has("src/models/generated/schemas.ts")).toBe(true)
    expect(root.has("src/services/BackendApi.ts")).toBe(true)
    // A type-only import is not followed.
    expect(valueImportsOf("src/promise/authenticateRequest.ts")).not.toContain("src/auth/request/options.ts")
  })

  it("the webhooks entry evaluates neither the generated API decoders nor the API surface", () => {
    const webhooks = [...evaluatedBy("src/auth/webhooks/index.ts")]
    expect(webhooks).not.toContain("src/models/generated/decoders.ts")
    expect(webhooks).not.toContain("src/models/generated/schemas.ts")
    expect(webhooks.filter((f) => f.startsWith("src/resources/") || f === "src/services/BackendApi.ts")).toEqual([])
    // The root does load them: the check reads a real graph.
    expect(root.has("src/models/generated/decoders.ts")).toBe(true)
  })
})
