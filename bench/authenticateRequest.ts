/**
 * authenticateRequest benchmarks: a request with a bearer session token, effect-clerk against @clerk/backend 3.25.0,
 * (a) networkless with a jwtKey, (b) through a warm JWKS cache. Both clients are built once. "Same token" rows reuse one
 * Request (neither side consumes it), as an API sees one session token on every request of its life; "distinct tokens"
 * rows cycle through more tokens than the verifier memoises, so every call verifies an RSA signature.
 *
 * Run alone with `npx tsx bench/authenticateRequest.ts`, or with every suite through `npm run bench`.
 *
 * @module
 */
import "./fetchStub.js"
import { Buffer } from "node:buffer"
import { generateKeyPairSync } from "node:crypto"
import { pathToFileURL } from "node:url"
import { SignJWT } from "jose"
import { jsonResponse, registerFetchRoute } from "./fetchStub.js"
import { importBuilt } from "./built.js"
import { type BenchResult, runBench } from "./harness.js"

const { authenticateRequest } = await importBuilt<typeof import("../src/auth/request/authenticateRequest.js")>(
  "auth/request/authenticateRequest.js"
)
const { createClerkClient } =
  await importBuilt<typeof import("../src/promise/createClerkClient.js")>("promise/createClerkClient.js")

const API_URL = "https://api.authreq.bench.clerk.test"
const SECRET = "sk_live_benchAuthenticateRequest01"
const FAPI = "clerk.bench.example.test"
const PUBLISHABLE = `pk_live_${Buffer.from(`${FAPI}$`).toString("base64").replace(/=+$/, "")}`
const APP = "https://app.bench.example.test"
const DISTINCT = 1100

/** Runs both suites and returns their results. */
export const authenticateRequestSuites = async (): Promise<ReadonlyArray<BenchResult>> => {
  const clerk = await import("@clerk/backend")
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 })
  const pem = publicKey.export({ type: "spki", format: "pem" }).toString()
  const jwk = { ...publicKey.export({ format: "jwk" }), kid: "ins_authreq", alg: "RS256", use: "sig" }
  registerFetchRoute(`${API_URL}/v1/jwks`, () => jsonResponse(200, { keys: [jwk] }))

  const now = Math.floor(Date.now() / 1000)
  const mint = (n: number) =>
    new SignJWT({
      sid: `sess_bench${n}`,
      azp: APP,
      iss: `https://${FAPI}`,
      v: 2,
      o: { id: "org_1", rol: "admin", slg: "acme" }
    })
      .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: "ins_authreq" })
      .setSubject("user_bench")
      .setIssuedAt(now)
      .setNotBefore(now - 10)
      .setExpirationTime(now + 3600)
      .sign(privateKey)
  const toRequest = (token: string) =>
    new Request(`${APP}/api/items`, { headers: { authorization: `Bearer ${token}`, accept: "application/json" } })
  const request = toRequest(await mint(0))
  // More requests (distinct tokens) than the verifier's per-key memo of verified signatures holds (1024), cycled so
  // that every call does the RSA work: a token is otherwise presented on every request of its minute-long life.
  const distinct: ReadonlyArray<Request> = await Promise.all(
    Array.from({ length: DISTINCT }, (_, n) => mint(n + 1).then(toRequest))
  )
  // One cursor per case: with a shared one, the other case's calls would skip tokens, so fewer than 1024 others
  // would be verified between two visits of a token and the memo would answer some calls.
  const cycle = () => {
    let cursor = 0
    return () => distinct[cursor++ % distinct.length]!
  }
  const nextOurs = cycle()
  const nextTheirs = cycle()
  const options = { authorizedParties: [APP] }

  // The stubbed global fetch serves the JWKS (an undici transport would bypass the stub).
  const base = { secretKey: SECRET, publishableKey: PUBLISHABLE, apiUrl: API_URL }
  const stubbed = { fetch: (input: string | URL | Request, init?: RequestInit) => globalThis.fetch(input, init) }
  const oursLocal = createClerkClient({ ...base, ...stubbed, jwtKey: pem })
  const oursRemote = createClerkClient({ ...base, ...stubbed })
  const theirsLocal = clerk.createClerkClient({ ...base, jwtKey: pem, telemetry: { disabled: true } })
  const theirsRemote = clerk.createClerkClient({ ...base, telemetry: { disabled: true } })
  const effect = authenticateRequest(request, options)

  // Sanity: every contender signs the request in before anything is timed (this also warms the JWKS caches).
  for (const state of await Promise.all([
    oursLocal.authenticateRequest(request, options),
    oursRemote.authenticateRequest(request, options),
    theirsLocal.authenticateRequest(request, options),
    theirsRemote.authenticateRequest(request, options),
    oursLocal.runtime.runPromise(effect)
  ])) {
    if (state.status !== "signed-in") throw new Error(`bench: a contender answered ${state.status} (${state.reason})`)
  }

  const local = await runBench({
    title: "authenticateRequest, bearer session token, jwtKey (networkless)",
    baseline: "@clerk/backend authenticateRequest",
    cases: [
      { name: "effect-clerk client.authenticateRequest", run: () => oursLocal.authenticateRequest(request, options) },
      {
        name: "effect-clerk client.authenticateRequest (distinct tokens)",
        run: () => oursLocal.authenticateRequest(nextOurs(), options)
      },
      // The Effect API, one fiber per call (informational: inside a server, the fiber already exists).
      { name: "effect-clerk authenticateRequest (Effect)", run: () => oursLocal.runtime.runSync(effect) },
      { name: "@clerk/backend authenticateRequest", run: () => theirsLocal.authenticateRequest(request, options) },
      {
        name: "@clerk/backend authenticateRequest (distinct tokens)",
        run: () => theirsLocal.authenticateRequest(nextTheirs(), options)
      }
    ],
    targets: [
      {
        label: "≥8x @clerk/backend",
        case: "effect-clerk client.authenticateRequest",
        vs: "@clerk/backend authenticateRequest",
        atLeast: 8
      },
      {
        label: "≥8x @clerk/backend (distinct tokens)",
        case: "effect-clerk client.authenticateRequest (distinct tokens)",
        vs: "@clerk/backend authenticateRequest (distinct tokens)",
        atLeast: 8
      }
    ]
  })

  const remote = await runBench({
    title: "authenticateRequest, bearer session token, warm JWKS cache (secretKey)",
    baseline: "@clerk/backend authenticateRequest",
    cases: [
      { name: "effect-clerk client.authenticateRequest", run: () => oursRemote.authenticateRequest(request, options) },
      { name: "@clerk/backend authenticateRequest", run: () => theirsRemote.authenticateRequest(request, options) }
    ],
    targets: [
      {
        label: "≥8x @clerk/backend",
        case: "effect-clerk client.authenticateRequest",
        vs: "@clerk/backend authenticateRequest",
        atLeast: 8
      }
    ]
  })

  await Promise.all([oursLocal.dispose(), oursRemote.dispose()])
  return [local, remote]
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await authenticateRequestSuites()
  const missed = results.flatMap((r) => Object.entries(r.targets).filter(([, met]) => !met))
  console.log(
    missed.length === 0 ? "\nAll targets met." : `\nTargets missed: ${missed.map(([label]) => label).join(", ")}`
  )
}
