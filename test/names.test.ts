/**
 * One meaning per name: across the package root and its namespaces (`Tokens`, `Auth`, `Errors`, ...), a name that is
 * exported in two places names the same declaration, except for the pairs listed here with their reason. The test
 * reads the public surface with the TypeScript checker, types included.
 */
import ts from "typescript"
import { describe, expect, it } from "vitest"

const ROOT = new URL("..", import.meta.url).pathname

/** Names that are deliberately two declarations, with why. */
const TWO_FORMS: Readonly<Record<string, string>> = {
  // The Promise form at the root keeps @clerk/backend's name; the Effect form lives in its namespace.
  ClerkAPIResponseError: "the Promise error class at the root; Errors.ClerkAPIResponseError is the Effect union",
  verifyToken: "the Promise function at the root; Tokens.verifyToken is the Effect",
  verifyMachineToken: "the Promise function at the root; Tokens.verifyMachineToken is the Effect",
  VerifyTokenOptions: "the Promise options at the root; Tokens.VerifyTokenOptions are the Effect's",
  // Effect's module convention: each module has its own constructor and layer.
  make: "BackendApi.make, ClerkConfig.make, WebhookVerifier.make",
  layer: "BackendApi.layer, ClerkConfig.layer, WebhookVerifier.layer, ClerkMiddleware.layer",
  layerConfig: "ClerkConfig.layerConfig, WebhookVerifier.layerConfig",
  // TODO(#10.3): the Express middleware's options and the Effect middleware's share a name.
  ClerkMiddlewareOptions: "the Express middleware's options at the root; ClerkMiddleware.ClerkMiddlewareOptions",
  // TODO(#11.4): the generated cookie-list model takes the name of the cookie-name constants in Auth.
  Cookies: "a generated model at the root; Auth.Cookies holds the cookie names"
}

/** Every exported name of the public surface, with the declarations it resolves to and where it is exported. */
const surface = (): Map<string, Array<{ readonly at: string; readonly symbol: ts.Symbol }>> => {
  const program = ts.createProgram([`${ROOT}src/index.ts`], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: []
  })
  const checker = program.getTypeChecker()
  const resolve = (s: ts.Symbol) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s)
  const names = new Map<string, Array<{ readonly at: string; readonly symbol: ts.Symbol }>>()
  const walk = (prefix: string, module: ts.Symbol) => {
    for (const exported of checker.getExportsOfModule(module)) {
      const target = resolve(exported)
      const declaration = target.valueDeclaration
      if (declaration !== undefined && ts.isSourceFile(declaration)) {
        walk(`${prefix}${exported.name}.`, target)
        continue
      }
      names.set(exported.name, [...(names.get(exported.name) ?? []), { at: prefix + exported.name, symbol: target }])
    }
  }
  const root = checker.getSymbolAtLocation(program.getSourceFile(`${ROOT}src/index.ts`)!)
  if (root === undefined) throw new Error("src/index.ts has no module symbol")
  walk("", root)
  return names
}

describe("public names", () => {
  const names = surface()

  it("reads the whole surface, namespaces included", () => {
    expect(names.size).toBeGreaterThan(500)
    expect(
      names
        .get("verifyToken")
        ?.map((n) => n.at)
        .sort()
    ).toEqual(["Tokens.verifyToken", "verifyToken"])
    expect(names.has("VerifiedM2MToken")).toBe(true)
  })

  it("each name means one thing, or is a listed pair of forms", () => {
    const twoMeanings = [...names]
      .filter(([, places]) => new Set(places.map((p) => p.symbol)).size > 1)
      .map(([name, places]) => `${name}: ${places.map((p) => p.at).join(", ")}`)
      .filter((line) => !(line.split(":")[0]! in TWO_FORMS))
    expect(twoMeanings).toEqual([])
  })

  it("every listed pair is still two declarations", () => {
    const stale = Object.keys(TWO_FORMS).filter(
      (name) => new Set((names.get(name) ?? []).map((p) => p.symbol)).size < 2
    )
    expect(stale).toEqual([])
  })

  it("the verify results under Tokens do not take the names of the root's models", () => {
    for (const name of ["M2MToken", "APIKey", "IdPOAuthAccessToken"]) {
      expect(names.get(name)?.map((n) => n.at)).toEqual([name])
    }
    expect(names.get("OAuthActor")).toBeUndefined()
    expect(names.get("OAuthTokenActor")?.map((n) => n.at)).toEqual(["OAuthTokenActor"])
  })
})
