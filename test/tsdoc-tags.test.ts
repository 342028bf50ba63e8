/**
 * Every exported declaration of a public module carries TSDoc with `@since` and `@category`, as Effect's packages do.
 * Public modules: everything under `src` except `internal/` folders and the generated files no entry re-exports
 * (decoders, fixtures, the operation table). The generated models, descriptors and webhook events get their tags from
 * the generators; `npm run generate` keeps them.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import ts from "typescript"
import { describe, expect, it } from "vitest"
import { sourceFiles } from "./support/importGraph.js"

const ROOT = new URL("..", import.meta.url).pathname
const NOT_PUBLIC = new Set([
  "src/models/generated/decoders.ts",
  "src/models/generated/fixtures.ts",
  "src/models/generated/operations.ts"
])

const publicModules = sourceFiles(ROOT).filter(
  (file) => !file.split("/").includes("internal") && !NOT_PUBLIC.has(file) && file !== "src/index.ts"
)

interface Export {
  readonly file: string
  readonly name: string
  readonly doc: string | undefined
}

/** The exported declarations of a module (not re-exports), with the text of the TSDoc block before each. */
const exportsOf = (file: string): ReadonlyArray<Export> => {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8")
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const out: Array<Export> = []
  const seen = new Set<string>()
  for (const statement of source.statements) {
    if (!ts.canHaveModifiers(statement)) continue
    const exported = (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
    if (!exported || ts.isExportDeclaration(statement)) continue
    const name = ts.isVariableStatement(statement)
      ? statement.declarationList.declarations.map((d) => d.name.getText(source)).join(",")
      : "name" in statement && statement.name !== undefined
        ? (statement.name as ts.Identifier).text
        : "(default)"
    // An overloaded function and a value with its type of the same name are documented once, on the first.
    if (seen.has(name)) continue
    seen.add(name)
    const ranges = ts.getLeadingCommentRanges(text, statement.pos) ?? []
    const doc = [...ranges].reverse().find((range) => text.startsWith("/**", range.pos))
    out.push({ file, name, doc: doc === undefined ? undefined : text.slice(doc.pos, doc.end) })
  }
  return out
}

describe("TSDoc tags", () => {
  const all = publicModules.flatMap(exportsOf)

  it("reads a real set of exports", () => {
    expect(publicModules.length).toBeGreaterThan(100)
    expect(all.length).toBeGreaterThan(1_000)
    expect(all.some((e) => e.file === "src/models/generated/schemas.ts" && e.name === "User")).toBe(true)
    expect(all.some((e) => e.file === "src/promise/createClerkClient.ts" && e.name === "createClerkClient")).toBe(true)
  })

  it("every public export has TSDoc with @since and @category", () => {
    const missing = all.filter(
      (e) => e.doc === undefined || !/@since \d+\.\d+\.\d+/.test(e.doc) || !/@category \S/.test(e.doc)
    )
    expect(missing.map((e) => `${e.file} ${e.name}`)).toEqual([])
  })
})
