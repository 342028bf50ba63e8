/**
 * Cold start: the wall time of a fresh node process that imports the Promise entry, creates a client and verifies one
 * token (networkless, with `jwtKey`), for effect-clerk and `@clerk/backend`; the median of several processes, run
 * interleaved. effect-clerk is measured as the compiled ES modules of bench/built.ts, importing its dependencies
 * from node_modules like an installed package.
 *
 * @module
 */
import { execFileSync } from "node:child_process"
import { generateKeyPairSync, sign } from "node:crypto"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { builtDir } from "./built.js"
import type { BenchResult } from "./harness.js"

const root = fileURLToPath(new URL("../", import.meta.url))
const PROCESSES = 7

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString("base64url")

const median = (xs: ReadonlyArray<number>): number => {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

/** Runs the cold start suite. */
export const coldStartSuites = async (): Promise<ReadonlyArray<BenchResult>> => {
  const out = mkdtempSync(join(root, "bench", ".cold-"))
  try {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 })
    const now = Math.floor(Date.now() / 1000)
    const input = `${b64({ alg: "RS256", typ: "JWT", kid: "ins_cold" })}.${b64({
      azp: "http://localhost:3000",
      exp: now + 3600,
      iat: now,
      iss: "https://clerk.cold.test",
      nbf: now - 10,
      sid: "sess_1",
      sub: "user_1"
    })}`
    const token = `${input}.${sign("RSA-SHA256", Buffer.from(input), privateKey).toString("base64url")}`
    const jwtKey = publicKey.export({ type: "spki", format: "pem" }).toString()
    const entry = pathToFileURL(join(builtDir(), "index.js")).href
    const scripts: Record<string, string> = {
      "effect-clerk": `const t0 = performance.now(); const m = await import(${JSON.stringify(entry)});
        const c = m.createClerkClient({ secretKey: "sk_test_cold" });
        const r = await m.verifyToken(process.env.TOKEN, { jwtKey: process.env.JWT_KEY });
        if (!r.sub) throw new Error("no verify"); await c.dispose?.(); console.log(performance.now() - t0)`,
      "@clerk/backend": `const t0 = performance.now(); const m = await import("@clerk/backend");
        const c = m.createClerkClient({ secretKey: "sk_test_cold" });
        const r = await m.verifyToken(process.env.TOKEN, { jwtKey: process.env.JWT_KEY });
        if (!r.sub) throw new Error("no verify"); console.log(performance.now() - t0)`
    }
    const files = Object.fromEntries(
      Object.entries(scripts).map(([name, code], i) => {
        const file = join(out, `cold${i}.mjs`)
        writeFileSync(file, code)
        return [name, file]
      })
    )
    const wall: Record<string, Array<number>> = {}
    const inProcess: Record<string, Array<number>> = {}
    for (let round = 0; round < PROCESSES; round++) {
      const names = Object.keys(files)
      for (let i = 0; i < names.length; i++) {
        const name = names[(i + round) % names.length]!
        const start = performance.now()
        const printed = execFileSync(process.execPath, [files[name]!], {
          cwd: root,
          env: { ...process.env, TOKEN: token, JWT_KEY: jwtKey }
        }).toString()
        ;(wall[name] ??= []).push(performance.now() - start)
        ;(inProcess[name] ??= []).push(Number(printed.trim()))
      }
    }
    const ours = median(wall["effect-clerk"]!)
    const theirs = median(wall["@clerk/backend"]!)
    const met = ours / theirs <= 1.5
    console.log(
      [
        `\n## cold start: node process, import the Promise entry + create a client + verify one token (median of ${PROCESSES})`,
        `case              process ms  (import→verified ms)`,
        ...Object.keys(wall).map(
          (name) =>
            `${name.padEnd(16)}  ${median(wall[name]!).toFixed(0).padStart(10)}  ${`(${median(inProcess[name]!).toFixed(0)})`.padStart(20)}`
        ),
        `target ${met ? "MET   " : "MISSED"} ≤1.5x @clerk/backend: effect-clerk = ${(ours / theirs).toFixed(2)}x the time of @clerk/backend`
      ].join("\n")
    )
    const toMicros = (xs: Record<string, Array<number>>) =>
      Object.fromEntries(Object.entries(xs).map(([name, v]) => [name, median(v) * 1000]))
    return [
      {
        title: "cold start (process wall time)",
        medianMicros: toMicros(wall),
        medianWallMicros: toMicros(inProcess),
        targets: { "≤1.5x @clerk/backend": met }
      }
    ]
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await coldStartSuites()
