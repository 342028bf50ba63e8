/**
 * verifyToken benchmarks: (a) networkless with a jwtKey, against @clerk/backend and node's raw RSA verify;
 * (b) through a warm JWKS cache, against @clerk/backend (both fetch from the stubbed global fetch once).
 *
 * Rows marked "same token" verify one token over and over (a session token is presented on every request of its
 * minute-long life, and effect-clerk skips the RSA operation for a token it already verified with that key). Rows
 * marked "distinct tokens" cycle through more tokens than that memo holds, so every call does the RSA work. The "split +
 * decode + JSON.parse" row is the least work any verifier does per new token, for reading the distinct-token ratio.
 *
 * Run alone with `npx tsx bench/verifyToken.ts`, or with every suite through `npm run bench`.
 *
 * @module
 */
import "./fetchStub.js"
import { Buffer } from "node:buffer"
import {
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign as cryptoSign,
  verify as cryptoVerify
} from "node:crypto"
import { pathToFileURL } from "node:url"
import * as Clock from "effect/Clock"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import { jsonResponse, registerFetchRoute } from "./fetchStub.js"
import { importBuilt } from "./built.js"
import { type BenchResult, runBench } from "./harness.js"

const JwksCache = await importBuilt<typeof import("../src/auth/tokens/JwksCache.js")>("auth/tokens/JwksCache.js")
const { createTokenVerifier } = await importBuilt<typeof import("../src/promise/verifier.js")>("promise/verifier.js")
const { verifySessionToken, verifyToken: verifyTokenEffect } =
  await importBuilt<typeof import("../src/auth/tokens/verifyToken.js")>("auth/tokens/verifyToken.js")
const { Jwks } = await importBuilt<typeof import("../src/resources/Jwks.js")>("resources/Jwks.js")
const BackendApi = await importBuilt<typeof import("../src/services/BackendApi.js")>("services/BackendApi.js")
const ClerkConfig = await importBuilt<typeof import("../src/services/ClerkConfig.js")>("services/ClerkConfig.js")

const API_URL = "https://api.bench.clerk.test"
const SECRET = "sk_test_benchSecretKey0001"
const KID = "ins_bench"
/** The stubbed global fetch serves the JWKS (an undici transport would bypass the stub). */
const { verifyToken } = createTokenVerifier({ fetch: (input, init) => globalThis.fetch(input, init) })

/** More than the 1024 verified-token digests kept per key. */
const DISTINCT = 1100

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString("base64url")

/** A Clerk-shaped session token (RS256, org claims), signed with node:crypto. */
const mint = (privateKey: KeyObject, now: number, n: number): string => {
  const input = `${b64({ alg: "RS256", typ: "JWT", kid: KID })}.${b64({
    azp: "http://localhost:3000",
    exp: now + 3600,
    iat: now,
    iss: "https://clerk.bench.test",
    nbf: now - 10,
    sid: `sess_2bench${n}`,
    sub: "user_2bench",
    v: 2,
    o: { id: "org_1", rol: "admin", slg: "acme" }
  })}`
  return `${input}.${cryptoSign("RSA-SHA256", Buffer.from(input), privateKey).toString("base64url")}`
}

/** Cycles through `items`. */
const cycle = <A>(items: ReadonlyArray<A>): (() => A) => {
  let i = 0
  return () => items[i++ % items.length]!
}

/** Runs both suites and returns their results. */
export const verifyTokenSuites = async (): Promise<ReadonlyArray<BenchResult>> => {
  const clerk = await import("@clerk/backend")
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 })
  const pem = publicKey.export({ type: "spki", format: "pem" }).toString()
  const jwk = { ...publicKey.export({ format: "jwk" }), kid: KID, alg: "RS256", use: "sig" }
  registerFetchRoute(`${API_URL}/v1/jwks`, () => jsonResponse(200, { keys: [jwk] }))

  const now = Math.floor(Date.now() / 1000)
  const tokens = Array.from({ length: DISTINCT }, (_, n) => mint(privateKey, now, n))
  const token = tokens[0]!
  const nextLocal = cycle(tokens)
  const nextRemote = cycle(tokens)
  const claimOptions = { authorizedParties: ["http://localhost:3000"] }
  const localOptions = { jwtKey: pem, ...claimOptions }
  const remoteOptions = { secretKey: SECRET, apiUrl: API_URL, ...claimOptions }

  // Raw node: the signature check alone, with the key imported and the tokens split beforehand.
  const keyObject = createPublicKey(pem)
  const split = tokens.map((t) => {
    const dot = t.lastIndexOf(".")
    return { input: Buffer.from(t.slice(0, dot)), signature: Buffer.from(t.slice(dot + 1), "base64url") }
  })
  const { input: signingInput, signature } = split[0]!
  const raw = () => cryptoVerify("RSA-SHA256", signingInput, keyObject, signature)
  const nextSplit = cycle(split)
  const rawDistinct = () => {
    const next = nextSplit()
    return cryptoVerify("RSA-SHA256", next.input, keyObject, next.signature)
  }
  // The least any verifier does per new token: split it, decode the payload and signature, parse the claims, verify.
  const nextFloor = cycle(tokens)
  const rawFloor = () => {
    const t = nextFloor()
    const first = t.indexOf(".")
    const second = t.indexOf(".", first + 1)
    const claims: unknown = JSON.parse(Buffer.from(t.slice(first + 1, second), "base64url").toString("utf8"))
    const input = Buffer.from(t.slice(0, second), "latin1")
    return (
      claims !== null && cryptoVerify("RSA-SHA256", input, keyObject, Buffer.from(t.slice(second + 1), "base64url"))
    )
  }

  // The Effect API, run through runtimes built once.
  const localRuntime = ManagedRuntime.make(JwksCache.layerLocal(pem))
  const remoteRuntime = ManagedRuntime.make(
    JwksCache.layer().pipe(
      Layer.provideMerge(Jwks.Default),
      Layer.provideMerge(BackendApi.layer),
      Layer.provide(ClerkConfig.layer({ secretKey: SECRET, apiUrl: API_URL })),
      Layer.provide(FetchHttpClient.layer)
    )
  )
  const effectVerify = verifyTokenEffect(token, claimOptions)
  const clock = Clock.make()

  // Sanity: every contender accepts the tokens before anything is timed.
  if (!raw() || !rawFloor()) throw new Error("bench: raw verify rejected the token")
  await clerk.verifyToken(token, localOptions)
  await clerk.verifyToken(token, remoteOptions)
  await verifyToken(tokens[1]!, localOptions)
  await verifyToken(tokens[2]!, remoteOptions)
  await remoteRuntime.runPromise(effectVerify)

  const CLERK = "@clerk/backend verifyToken"
  const OURS = "effect-clerk verifyToken (Promise, same token)"
  const OURS_DISTINCT = "effect-clerk verifyToken (Promise, distinct tokens)"
  const EFFECT = "effect-clerk verifyToken (Effect, same token)"
  const RAW = "node crypto.verify (raw)"
  const RAW_DISTINCT = "node crypto.verify (raw, distinct tokens)"
  const RAW_FLOOR = "node split + decode + JSON.parse + crypto.verify (distinct tokens)"

  const local = await runBench({
    title: "(a) verifyToken with jwtKey (networkless)",
    baseline: RAW,
    cases: [
      { name: RAW, run: raw },
      { name: RAW_DISTINCT, run: rawDistinct },
      { name: RAW_FLOOR, run: rawFloor },
      { name: OURS, run: () => verifyToken(token, localOptions) },
      { name: OURS_DISTINCT, run: () => verifyToken(nextLocal(), localOptions) },
      {
        name: "effect-clerk verifySessionToken (sync core, same token)",
        run: () => verifySessionToken(token, { key: pem, ...claimOptions }, clock)
      },
      { name: EFFECT, run: () => localRuntime.runSync(effectVerify) },
      { name: CLERK, run: () => clerk.verifyToken(token, localOptions) }
    ],
    targets: [
      { label: "≥8x @clerk/backend", case: OURS, vs: CLERK, atLeast: 8 },
      { label: "≥8x @clerk/backend (distinct tokens)", case: OURS_DISTINCT, vs: CLERK, atLeast: 8 },
      { label: "≤1.3x raw node verify (distinct tokens)", case: OURS_DISTINCT, vs: RAW_DISTINCT, atMostSlowdown: 1.3 },
      { label: "Effect API ≥8x @clerk/backend", case: EFFECT, vs: CLERK, atLeast: 8 }
    ]
  })

  const remote = await runBench({
    title: "(b) verifyToken with a warm JWKS cache (secretKey)",
    baseline: CLERK,
    cases: [
      { name: OURS, run: () => verifyToken(token, remoteOptions) },
      { name: OURS_DISTINCT, run: () => verifyToken(nextRemote(), remoteOptions) },
      { name: EFFECT, run: () => remoteRuntime.runPromise(effectVerify) },
      { name: CLERK, run: () => clerk.verifyToken(token, remoteOptions) }
    ],
    targets: [
      { label: "≥8x @clerk/backend", case: OURS, vs: CLERK, atLeast: 8 },
      { label: "≥8x @clerk/backend (distinct tokens)", case: OURS_DISTINCT, vs: CLERK, atLeast: 8 },
      { label: "Effect API ≥8x @clerk/backend", case: EFFECT, vs: CLERK, atLeast: 8 }
    ]
  })

  await Promise.all([localRuntime.dispose(), remoteRuntime.dispose()])
  return [local, remote]
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await verifyTokenSuites()
}
