// `npm run build`: the package in two formats, each with its own declarations.
// - dist/esm: ES modules (`import`), typed by dist/esm/**/*.d.ts (the package is "type": "module").
// - dist/cjs: CommonJS (`require`), typed by dist/cjs/**/*.d.ts; dist/cjs/package.json marks the folder
//   "type": "commonjs", so node runs these .js files as CommonJS and TypeScript reads these .d.ts files as CJS types.
import { execFileSync } from "node:child_process"
import { rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"

const root = new URL("../", import.meta.url)
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc")
rmSync(new URL("dist", root), { recursive: true, force: true })
for (const project of ["tsconfig.build.json", "tsconfig.build.cjs.json"]) {
  execFileSync(process.execPath, [tsc, "-p", project], { cwd: root, stdio: "inherit" })
}
writeFileSync(new URL("dist/cjs/package.json", root), `${JSON.stringify({ type: "commonjs" })}\n`)
console.log("built dist/esm and dist/cjs")
