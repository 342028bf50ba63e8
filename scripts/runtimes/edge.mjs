// `npm run test:runtimes` (edge part): bundles scripts/runtimes/smoke.mjs with the built package, signs fixtures here
// with the test kit, and runs the smoke in Vercel's edge-runtime and in workerd (through miniflare). The two runtimes
// are npm packages installed by scripts/test-runtimes.sh into its cache directory, passed as argv[2].
import { build } from "esbuild"
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"
import * as testing from "../../dist/esm/testing/index.js"

const cache = process.argv[2]
const only = process.argv[3]
const require = createRequire(`${cache}/package.json`)

const keys = testing.FakeTokens.generateKeys()
const userId = "user_edgeSmoke01"
const now = Math.floor(Date.now() / 1000)
const publishableKey = testing.FakeTokens.publishableKeyFor("localhost-fake.clerk.accounts.dev")
const token = testing.FakeTokens.signJwt(
  keys,
  testing.FakeTokens.sessionClaims("https://localhost-fake.clerk.accounts.dev", { userId }, now)
)
const webhookSecret = testing.webhookSecret()
const webhook = testing.signWebhook(
  { type: "user.created", data: testing.fixtures.user.wire({ id: userId, firstName: "Edge" }) },
  webhookSecret
)
const fixtures = {
  token,
  userId,
  iat: now,
  publishableKey,
  webhookSecret,
  webhook: { headers: webhook.headers, body: webhook.body },
  jwtKey: keys.publicKeyPem,
  secretKey: "sk_test_edgeSmoke",
  user: testing.fixtures.user.wire({ id: userId, firstName: "Edge" })
}

const bundle = async (format) =>
  (
    await build({
      entryPoints: [fileURLToPath(new URL("./smoke.mjs", import.meta.url))],
      bundle: true,
      write: false,
      format,
      platform: "neutral",
      mainFields: ["module", "main"],
      conditions: ["worker", "browser"],
      globalName: format === "iife" ? "EdgeSmoke" : undefined,
      logLevel: "error"
    })
  ).outputFiles[0].text

const results = []
const run = async (name, fn) => {
  const started = performance.now()
  const outcome = await fn().then(
    (r) => r,
    (e) => `FAILED: ${e?.stack ?? e}${e?.cause === undefined ? "" : `\n  cause: ${e.cause?.stack ?? e.cause}`}`
  )
  results.push(outcome === "ok")
  console.log(`${name}: ${outcome} (${Math.round(performance.now() - started)} ms)`)
}

if (!only || only === "edge-runtime")
  await run("edge-runtime", async () => {
    const { EdgeRuntime } = require("edge-runtime")
    const runtime = new EdgeRuntime({ initialCode: await bundle("iife") })
    return runtime.evaluate(`EdgeSmoke.smoke(${JSON.stringify(fixtures)})`)
  })

if (!only || only === "workerd")
  await run("workerd (miniflare)", async () => {
    const { Miniflare } = require("miniflare")
    const script = `${await bundle("esm")}
export default { async fetch(request) {
  try { return new Response(await smoke(await request.json())) } catch (e) { return new Response(String(e?.stack ?? e), { status: 500 }) }
} }`
    const mf = new Miniflare({
      // Listed explicitly: the package's optional `import(specifier)` of undici is dynamic, so miniflare cannot scan it.
      modules: [{ type: "ESModule", path: "smoke.mjs", contents: script }],
      compatibilityDate: "2025-01-01"
    })
    try {
      const response = await mf.dispatchFetch("http://localhost/", { method: "POST", body: JSON.stringify(fixtures) })
      return response.text()
    } finally {
      await mf.dispose()
    }
  })

if (results.some((ok) => !ok)) process.exit(1)
