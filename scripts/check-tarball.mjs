// `npm run test:package` (after the build): the packed tarball as a user would get it. `npm pack`, then `npm install`
// of the tarball into fresh projects under the OS temp dir:
//   empty  - no other dependency: ESM import, CJS require, a round trip, an esbuild bundle of the README's seed snippet
//   effect4 - `effect@latest` (4.x) already installed: the SDK gets its own nested effect 3, the app keeps effect 4
//   effect3 - `effect@^3.22` already installed: one `effect` instance shared by the app and the SDK
// Every install must finish without ERESOLVE and without peer-dependency warnings.
// `--types` (npm run test:package:types): only the strict consumer type-check (skipLibCheck false, no @types/node),
// under moduleResolution NodeNext (ESM and CJS files) and Bundler.
// Needs the npm registry (the tarball's dependencies are installed from it); nothing else on the network.
import assert from "node:assert/strict"
import { spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { gzipSync } from "node:zlib"

const repo = fileURLToPath(new URL("../", import.meta.url))
const typesOnly = process.argv.includes("--types")
const npm = process.platform === "win32" ? "npm.cmd" : "npm"
const work = mkdtempSync(join(tmpdir(), "effect-clerk-tarball-"))
const started = Date.now()

const run = (cmd, args, cwd, options = {}) => {
  const result = spawnSync(cmd, args, { cwd, encoding: "utf8", shell: process.platform === "win32", ...options })
  if (result.status !== 0) {
    throw new Error(
      `${cmd} ${args.join(" ")} failed in ${cwd} (exit ${result.status})\n${result.stdout}\n${result.stderr}`
    )
  }
  return result
}

/** A fresh project; installs `preinstall` first (as the app's own dependency), then the tarball. */
const project = (name, tarball, preinstall) => {
  const dir = join(work, name)
  mkdirSync(dir)
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ name: `consumer-${name}`, private: true }, null, 2)}\n`)
  const flags = ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=warn"]
  if (preinstall) run(npm, [...flags, preinstall], dir)
  const { stdout, stderr } = run(npm, [...flags, tarball], dir)
  const output = `${stdout}${stderr}`.trim()
  const warnings = output.split("\n").filter((line) => /\bwarn\b|ERR/i.test(line))
  console.log(
    `[${name}] npm install ${preinstall ? `${preinstall} then ` : ""}the tarball: ${warnings.length === 0 ? "no warnings" : `${warnings.length} warning line(s)`}`
  )
  for (const line of warnings) console.log(`  ${line}`)
  assert.ok(!/ERESOLVE/.test(output), `[${name}] no ERESOLVE`)
  assert.ok(!/peer/i.test(output), `[${name}] no peer-dependency warnings`)
  return dir
}

/** Every installed copy of `effect` (folder and version) under a project's node_modules. */
const effectCopies = (dir) => {
  const copies = new Map()
  const walk = (modules) => {
    if (!existsSync(modules)) return
    for (const name of readdirSync(modules)) {
      const entries = name.startsWith("@") ? readdirSync(join(modules, name)).map((n) => `${name}/${n}`) : [name]
      for (const entry of entries) {
        const pkg = join(modules, entry)
        if (entry === "effect") copies.set(pkg, JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")).version)
        walk(join(pkg, "node_modules"))
      }
    }
  }
  walk(join(dir, "node_modules"))
  return copies
}

const node = (cwd, code, type) => run(process.execPath, [`--input-type=${type}`, "-e", code], cwd).stdout.trim()

try {
  const packed = JSON.parse(
    run(npm, ["pack", "--ignore-scripts", "--json", "--pack-destination", work], repo).stdout
  )[0]
  const tarball = join(work, packed.filename)
  const files = packed.files.map((f) => f.path)
  for (const file of [
    "LICENSE",
    "README.md",
    "package.json",
    "dist/esm/index.js",
    "dist/esm/index.d.ts",
    "dist/cjs/index.js",
    "dist/cjs/index.d.ts",
    "dist/cjs/package.json",
    "src/index.ts"
  ]) {
    assert.ok(files.includes(file), `tarball contains ${file}`)
  }
  assert.ok(
    !files.some((f) => f.startsWith("test/") || f.startsWith("node_modules/")),
    "tarball has no tests or node_modules"
  )
  console.log(
    `packed ${packed.filename}: ${packed.entryCount} files, ${(packed.size / 1024).toFixed(0)} kB packed, ${(packed.unpackedSize / 1024).toFixed(0)} kB unpacked`
  )

  if (typesOnly) {
    typeCheck(project("types", tarball))
  } else {
    const empty = project("empty", tarball)
    checkRuntime(empty, "empty")
    await bundleSeed(empty)

    const effect4 = project("effect4", tarball, "effect@latest")
    const app4 = JSON.parse(readFileSync(join(effect4, "node_modules/effect/package.json"), "utf8")).version
    const sdk4 = JSON.parse(
      readFileSync(join(effect4, "node_modules/effect-clerk/node_modules/effect/package.json"), "utf8")
    ).version
    assert.match(app4, /^4\./, "the app keeps its effect 4")
    assert.match(sdk4, /^3\./, "the SDK gets its own effect 3")
    console.log(`[effect4] app effect ${app4}, SDK effect ${sdk4} (nested)`)
    checkRuntime(effect4, "effect4")

    const effect3 = project("effect3", tarball, "effect@^3.22.4")
    const copies = effectCopies(effect3)
    assert.equal(copies.size, 1, `[effect3] one effect version: ${JSON.stringify([...copies])}`)
    assert.ok(!existsSync(join(effect3, "node_modules/effect-clerk/node_modules/effect")), "[effect3] no nested effect")
    assert.ok(
      !existsSync(join(effect3, "node_modules/@effect/platform/node_modules/effect")),
      "[effect3] no nested effect"
    )
    console.log(`[effect3] one effect instance: ${[...copies.values()][0]} (npm ls effect):`)
    console.log(
      run(npm, ["ls", "effect", "--all"], effect3)
        .stdout.trim()
        .split("\n")
        .map((l) => `  ${l}`)
        .join("\n")
    )
    // The app's Effect runtime runs the SDK's Effect values: only possible when both use the same instance.
    const shared = node(
      effect3,
      `
      import { Effect } from "effect"
      import { Users, ClerkLive } from "effect-clerk"
      import { FakeServer } from "effect-clerk/testing"
      const server = await FakeServer.start()
      try {
        const n = await Effect.runPromise(Effect.gen(function* () {
          const users = yield* Users
          return (yield* users.getUserList({})).totalCount
        }).pipe(Effect.provide(ClerkLive(server.clientOptions))))
        console.log(n)
      } finally { await server.close() }`,
      "module"
    )
    assert.equal(shared, "0", "[effect3] the app's Effect runs the SDK's services")
  }
  console.log(`tarball check ok (${((Date.now() - started) / 1000).toFixed(0)} s)`)
} finally {
  rmSync(work, { recursive: true, force: true })
}

/** ESM import and CJS require of every subpath, then a Promise round trip against the fake backend. */
function checkRuntime(dir, name) {
  const roundTrip = (load) => `
    ${load}
    const server = await testing.FakeServer.start()
    try {
      const clerk = root.createClerkClient(server.clientOptions)
      const user = await clerk.users.createUser({ emailAddress: ["tar@example.com"] })
      const list = await clerk.users.getUserList()
      if (list.totalCount !== 1 || list.data[0].id !== user.id) throw new Error("round trip")
      if (typeof webhooks.verifyWebhook !== "function") throw new Error("webhooks")
      if (express.clerkMiddleware !== root.clerkMiddleware) throw new Error("express")
      await clerk.dispose()
      console.log(typeof root.createClerkClient)
    } finally { await server.close() }`
  const esm = node(
    dir,
    roundTrip(`
    const root = await import("effect-clerk")
    const webhooks = await import("effect-clerk/webhooks")
    const testing = await import("effect-clerk/testing")
    const express = await import("effect-clerk/express")`),
    "module"
  )
  assert.equal(esm, "function", `[${name}] ESM import`)
  const cjs = node(
    dir,
    `(async () => { ${roundTrip(`
    const root = require("effect-clerk")
    const webhooks = require("effect-clerk/webhooks")
    const testing = require("effect-clerk/testing")
    const express = require("effect-clerk/express")
    if (!require.resolve("effect-clerk").includes("dist/cjs".replace("/", require("node:path").sep))) throw new Error("cjs")`)} })()
    .catch((e) => { console.error(e); process.exit(1) })`,
    "commonjs"
  )
  assert.equal(cjs, "function", `[${name}] CJS require`)
  console.log(`[${name}] ESM import and CJS require of ., ./webhooks, ./testing, ./express: ok, round trip ok`)
}

/** esbuild bundle of the seed snippet; prints the minified and gzip sizes. */
async function bundleSeed(dir) {
  const esbuild = createRequire(join(repo, "package.json"))("esbuild")
  writeFileSync(
    join(dir, "seed.mjs"),
    [
      `import { createClerkClient } from "effect-clerk"`,
      `const c = createClerkClient({ secretKey: process.env.CLERK_SECRET_KEY })`,
      `const u = await c.users.getUserList()`,
      `console.log(u.totalCount)`,
      ""
    ].join("\n")
  )
  const result = await esbuild.build({
    absWorkingDir: dir,
    entryPoints: ["seed.mjs"],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "node",
    target: "node20",
    write: false,
    metafile: true,
    logLevel: "silent"
  })
  const code = result.outputFiles[0].contents
  const gzip = gzipSync(code).length
  const inputs = Object.entries(result.metafile.inputs)
  const byPackage = new Map()
  for (const [path, { bytes }] of inputs) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)
    const pkg = match ? match[1] : path
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + bytes)
  }
  const top = [...byPackage]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([p, b]) => `${p} ${(b / 1024).toFixed(0)} kB`)
  console.log(
    `[empty] esbuild bundle of the seed snippet: ${(code.length / 1024).toFixed(1)} kB minified, ${(gzip / 1024).toFixed(1)} kB gzip (inputs: ${top.join(", ")})`
  )
  assert.ok(code.length > 0)
}

/** Strict consumer type-check with the repo's TypeScript: NodeNext (an .mts and a .cts file) and Bundler. */
function typeCheck(dir) {
  const tsc = createRequire(join(repo, "package.json")).resolve("typescript/bin/tsc")
  const strict = {
    strict: true,
    skipLibCheck: false,
    noEmit: true,
    types: [],
    lib: ["ES2022", "DOM", "DOM.Iterable"],
    target: "ES2022"
  }
  writeFileSync(
    join(dir, "esm.mts"),
    [
      `import { createClerkClient, type User } from "effect-clerk"`,
      `import { verifyWebhook } from "effect-clerk/webhooks"`,
      `import { FakeServer } from "effect-clerk/testing"`,
      `import { clerkMiddleware, getAuth } from "effect-clerk/express"`,
      `const c = createClerkClient({ secretKey: "sk_test_x" })`,
      `export const users: Promise<{ readonly data: ReadonlyArray<User> }> = c.users.getUserList()`,
      `export const fns = [verifyWebhook, FakeServer.start, clerkMiddleware({ clerkClient: c }), getAuth]`,
      ""
    ].join("\n")
  )
  writeFileSync(
    join(dir, "cjs.cts"),
    [
      `import clerk = require("effect-clerk")`,
      `import webhooks = require("effect-clerk/webhooks")`,
      `import testing = require("effect-clerk/testing")`,
      `import express = require("effect-clerk/express")`,
      `export const c = clerk.createClerkClient({ secretKey: "sk_test_x" })`,
      `export const fns = [webhooks.verifyWebhook, testing.FakeServer.start, express.clerkMiddleware]`,
      ""
    ].join("\n")
  )
  writeFileSync(join(dir, "bundler.ts"), readFileSync(join(dir, "esm.mts"), "utf8"))
  const configs = {
    NodeNext: {
      compilerOptions: { ...strict, module: "NodeNext", moduleResolution: "NodeNext" },
      files: ["esm.mts", "cjs.cts"]
    },
    Bundler: { compilerOptions: { ...strict, module: "ESNext", moduleResolution: "Bundler" }, files: ["bundler.ts"] }
  }
  const failed = []
  for (const [name, config] of Object.entries(configs)) {
    writeFileSync(join(dir, `tsconfig.${name}.json`), JSON.stringify(config, null, 2))
    const result = spawnSync(process.execPath, [tsc, "-p", `tsconfig.${name}.json`], { cwd: dir, encoding: "utf8" })
    const errors = `${result.stdout}${result.stderr}`.split("\n").filter((l) => /error TS/.test(l))
    console.log(
      `[types] moduleResolution ${name}, skipLibCheck false, no @types/node: ${result.status === 0 ? "ok" : `${errors.length} error(s)`}`
    )
    for (const line of errors) console.log(`  ${line}`)
    if (result.status !== 0) failed.push(name)
  }
  assert.deepEqual(failed, [], "strict consumer type-check")
}
