import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"

const root = new URL("../", import.meta.url)
const read = (path: string) => readFileSync(new URL(path, root), "utf8")

/** Every `<!-- snippet: path -->` marker in a doc, with the fenced block that follows it. */
const snippets = (doc: string): Array<{ readonly path: string; readonly code: string }> =>
  [...read(doc).matchAll(/<!-- snippet: (\S+) -->\n```ts\n([\s\S]*?)```\n/g)].map((m) => ({ path: m[1]!, code: m[2]! }))

describe("README snippets are the files that run", () => {
  it("the README's complete test is test/readme-testing.test.ts, verbatim", () => {
    const found = snippets("README.md")
    expect(found.map((s) => s.path)).toContain("test/readme-testing.test.ts")
    for (const snippet of found) expect(snippet.code, snippet.path).toBe(read(snippet.path))
  })
})
