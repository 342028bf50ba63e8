/**
 * The code the bench measures: `src` transpiled file by file with esbuild into ES modules, laid out as `npm run build`
 * lays out `dist/esm`, importing its dependencies from node_modules like an installed package. Users run compiled
 * JavaScript; running `src` through the TypeScript loader instead would add work of the loader's own (it keeps every
 * function's name with an extra call), which `@clerk/backend`, loaded from node_modules, does not pay.
 *
 * Built once per bench process, into a scratch directory inside `bench/` (so bare imports resolve), removed on exit.
 *
 * @module
 */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import * as esbuild from "esbuild"

const root = fileURLToPath(new URL("../", import.meta.url))

const listTs = (dir: string): Array<string> =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? listTs(path) : path.endsWith(".ts") && !path.endsWith(".d.ts") ? [path] : []
  })

let built: string | undefined

/** The directory holding the compiled modules (`<dir>/index.js` is the package entry), built on first use. */
export const builtDir = (): string => {
  if (built !== undefined) return built
  const out = mkdtempSync(join(root, "bench", ".built-"))
  process.on("exit", () => rmSync(out, { recursive: true, force: true }))
  esbuild.buildSync({
    entryPoints: listTs(join(root, "src")),
    outdir: join(out, "esm"),
    outbase: join(root, "src"),
    format: "esm",
    platform: "neutral",
    target: "es2022",
    logLevel: "silent"
  })
  writeFileSync(join(out, "package.json"), JSON.stringify({ type: "module" }))
  built = join(out, "esm")
  return built
}

/**
 * Imports one compiled module by its path under `src`, with `.js` (e.g. `promise/createClerkClient.js`). Every module
 * comes from the same compiled tree, so tags and classes are shared between them.
 */
export const importBuilt = <Module>(path: string): Promise<Module> => import(pathToFileURL(join(builtDir(), path)).href)
