/**
 * verifyToken benchmarks: (a) networkless with a jwtKey, against @clerk/backend and node's raw RSA verify;
 * (b) through a warm JWKS cache, against @clerk/backend (both fetch from the stubbed global fetch once).
 *
 * @module
 */
import { Buffer } from "node:buffer"
import { createPublicKey, generateKeyPairSync, verify as cryptoVerify } from "node:crypto"
import * as Clock from "effect/Clock"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { SignJWT } from "jose"
import * as JwksCache from "../src/auth/tokens/JwksCache.js"
import { verifyToken } from "../src/auth/tokens/verifier.js"
import { verifySessionToken, verifyToken as verifyTokenEffect } from "../src/auth/tokens/verifyToken.js"
import { Jwks } from "../src/resources/Jwks.js"
import * as BackendApi from "../src/services/BackendApi.js"
import * as ClerkConfig from "../src/services/ClerkConfig.js"
import { jsonResponse, registerFetchRoute } from "./fetchStub.js"
import { type BenchResult, runBench } from "./harness.js"

const API_URL = "https://api.bench.clerk.test"
const SECRET = "sk_test_benchSecretKey0001"

/** Runs both suites and returns their results. */
export const verifyTokenSuites = async (): Promise<ReadonlyArray<BenchResult>> => {
  const clerk = await import("@clerk/backend")
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 })
  const pem = publicKey.export({ type: "spki", format: "pem" }).toString()
  const jwk = { ...publicKey.export({ format: "jwk" }), kid: "ins_bench", alg: "RS256", use: "sig" }
  registerFetchRoute(`${API_URL}/v1/jwks`, () => jsonResponse(200, { keys: [jwk] }))

  const now = Math.floor(Date.now() / 1000)
  const token = await new SignJWT({
    sid: "sess_2bench",
    azp: "http://localhost:3000",
    iss: "https://clerk.bench.test",
    v: 2,
    o: { id: "org_1", rol: "admin", slg: "acme" }
  }).setProtectedHeader({ alg: "RS256", typ: "JWT", kid: "ins_bench" }).setSubject("user_2bench").setIssuedAt(now)
    .setNotBefore(now - 10).setExpirationTime(now + 3600).sign(privateKey)
  const claimOptions = { authorizedParties: ["http://localhost:3000"] }
  const localOptions = { jwtKey: pem, ...claimOptions }
  const remoteOptions = { secretKey: SECRET, apiUrl: API_URL, ...claimOptions }

  // Raw node: the signature check alone, with the key imported and the token split beforehand.
  const keyObject = createPublicKey(pem)
  const dot = token.lastIndexOf(".")
  const signingInput = Buffer.from(token.slice(0, dot))
  const signature = Buffer.from(token.slice(dot + 1), "base64url")
  const raw = () => cryptoVerify("RSA-SHA256", signingInput, keyObject, signature)

  // The Effect API, run through a runtime built once.
  const localRuntime = ManagedRuntime.make(JwksCache.layerLocal(pem))
  const effectLocal = verifyTokenEffect(token, claimOptions)
  const remoteRuntime = ManagedRuntime.make(
    JwksCache.layer().pipe(
      Layer.provideMerge(Jwks.Default),
      Layer.provideMerge(BackendApi.layer),
      Layer.provide(ClerkConfig.layer({ secretKey: SECRET, apiUrl: API_URL })),
      Layer.provide((await import("@effect/platform/FetchHttpClient")).layer)
    )
  )
  const effectRemote = verifyTokenEffect(token, claimOptions)
  const clock = Clock.make()

  // Sanity: every contender accepts the token before anything is timed.
  if (!raw()) throw new Error("bench: raw verify rejected the token")
  await clerk.verifyToken(token, localOptions)
  await clerk.verifyToken(token, remoteOptions)
  await verifyToken(token, localOptions)
  await verifyToken(token, remoteOptions)
  await remoteRuntime.runPromise(effectRemote)
  if (Either.isLeft(verifySessionToken(token, { key: pem, ...claimOptions }, clock))) throw new Error("bench: core rejected")

  const local = await runBench({
    title: "(a) verifyToken with jwtKey (networkless)",
    baseline: "node crypto.verify (raw)",
    cases: [
      { name: "node crypto.verify (raw)", run: raw },
      { name: "effect-clerk verifyToken (Promise)", run: () => verifyToken(token, localOptions) },
      { name: "effect-clerk verifySessionToken (sync)", run: () => verifySessionToken(token, { key: pem, ...claimOptions }, clock) },
      { name: "effect-clerk verifyToken (Effect)", run: () => localRuntime.runSync(effectLocal) },
      { name: "@clerk/backend verifyToken", run: () => clerk.verifyToken(token, localOptions) }
    ],
    targets: [
      { label: "≥8x @clerk/backend", case: "effect-clerk verifyToken (Promise)", vs: "@clerk/backend verifyToken", atLeast: 8 },
      { label: "≤1.3x raw node verify", case: "effect-clerk verifyToken (Promise)", vs: "node crypto.verify (raw)", atMostSlowdown: 1.3 },
      { label: "Effect API ≥8x @clerk/backend", case: "effect-clerk verifyToken (Effect)", vs: "@clerk/backend verifyToken", atLeast: 8 }
    ]
  })

  const remote = await runBench({
    title: "(b) verifyToken with a warm JWKS cache (secretKey)",
    baseline: "@clerk/backend verifyToken",
    cases: [
      { name: "effect-clerk verifyToken (Promise)", run: () => verifyToken(token, remoteOptions) },
      { name: "effect-clerk verifyToken (Effect)", run: () => remoteRuntime.runPromise(effectRemote) },
      { name: "@clerk/backend verifyToken", run: () => clerk.verifyToken(token, remoteOptions) }
    ],
    targets: [
      { label: "≥8x @clerk/backend", case: "effect-clerk verifyToken (Promise)", vs: "@clerk/backend verifyToken", atLeast: 8 },
      { label: "Effect API ≥8x @clerk/backend", case: "effect-clerk verifyToken (Effect)", vs: "@clerk/backend verifyToken", atLeast: 8 }
    ]
  })

  await Promise.all([localRuntime.dispose(), remoteRuntime.dispose()])
  return [local, remote]
}
