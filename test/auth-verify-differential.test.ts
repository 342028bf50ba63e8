/**
 * Differential test: effect-clerk's Promise `verifyToken` against @clerk/backend 3.25.0's, on the same tokens, keys
 * and options. Same verdict: the same payload on success, the same reason on failure. The cases where effect-clerk
 * is deliberately stricter are listed at the end, each with both verdicts.
 */
import { verifyToken as clerkVerifyToken } from "@clerk/backend"
import { Buffer } from "node:buffer"
import { afterAll, describe, expect, it, vi } from "vitest"
import { createTokenVerifier } from "../src/promise/verifier.js"
import {
  hs256WithPublicKey,
  makeKey,
  sessionClaims,
  sign,
  tamperPayload,
  tamperSignature,
  unsignedToken
} from "./auth-verify-keys.js"

const KEY = makeKey("ins_diff_1")
const OTHER = makeKey("ins_diff_2")
const BIG = makeKey("ins_diff_3072", 3072)
const now = () => Math.floor(Date.now() / 1000)
/** @clerk/backend's option type: ours must accept it as is (drop-in). */
type VerifyTokenPromiseOptions = Parameters<typeof clerkVerifyToken>[1]

const ours = createTokenVerifier()
afterAll(() => ours.dispose())

type Verdict =
  | { readonly ok: true; readonly payload: unknown }
  | { readonly ok: false; readonly reason: string; readonly message: string }

const settle = (run: () => Promise<unknown>): Promise<Verdict> =>
  run().then(
    (payload) => ({ ok: true, payload }),
    (error: unknown) => ({
      ok: false,
      reason:
        typeof error === "object" && error !== null && "reason" in error
          ? String(error.reason)
          : `threw ${String(error)}`,
      message: error instanceof Error ? error.message : String(error)
    })
  )

const both = async (token: string, options: VerifyTokenPromiseOptions) => ({
  clerk: await settle(() => clerkVerifyToken(token, options)),
  ours: await settle(() => ours.verifyToken(token, options))
})

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url")

interface Case {
  readonly name: string
  readonly token: () => Promise<string> | string
  readonly options?: VerifyTokenPromiseOptions
}

const claims = (extra: Record<string, unknown> = {}) => sessionClaims(now(), extra)

const cases: ReadonlyArray<Case> = [
  { name: "valid", token: () => sign(KEY, claims()) },
  { name: "valid, custom claims", token: () => sign(KEY, claims({ org_id: "org_1", metadata: { a: [1, 2] } })) },
  { name: "expired an hour ago", token: () => sign(KEY, claims({ exp: now() - 3600 })) },
  { name: "expired 2 s ago, inside the default skew", token: () => sign(KEY, claims({ exp: now() - 2 })) },
  {
    name: "expired 2 s ago, skew 0",
    token: () => sign(KEY, claims({ exp: now() - 2 })),
    options: { clockSkewInMs: 0 }
  },
  {
    name: "expired 30 s ago, skew 60 s",
    token: () => sign(KEY, claims({ exp: now() - 30 })),
    options: { clockSkewInMs: 60_000 }
  },
  { name: "not active yet", token: () => sign(KEY, claims({ nbf: now() + 3600 })) },
  { name: "issued in the future", token: () => sign(KEY, claims({ iat: now() + 3600 })) },
  { name: "tampered payload", token: async () => tamperPayload(await sign(KEY, claims())) },
  { name: "tampered signature", token: async () => tamperSignature(await sign(KEY, claims())) },
  { name: "tampered and expired", token: async () => tamperPayload(await sign(KEY, claims({ exp: now() - 3600 }))) },
  { name: "signed by another key", token: () => sign(OTHER, claims(), { kid: KEY.kid }) },
  { name: "alg none", token: () => unsignedToken(claims()) },
  { name: "HS256 with the public key as secret", token: () => hs256WithPublicKey(KEY, claims()) },
  { name: "RS384", token: () => sign(KEY, claims(), { alg: "RS384" }) },
  { name: "RS512", token: () => sign(KEY, claims(), { alg: "RS512" }) },
  { name: "PS256", token: () => sign(KEY, claims(), { alg: "PS256" }) },
  { name: "typ at+jwt", token: () => sign(KEY, claims(), { typ: "at+jwt" }) },
  {
    name: "typ at+jwt with headerType",
    token: () => sign(KEY, claims(), { typ: "at+jwt" }),
    options: { headerType: ["at+jwt"] }
  },
  { name: "no typ", token: () => sign(KEY, claims(), { typ: undefined }) },
  {
    name: "no typ with headerType JWT",
    token: () => sign(KEY, claims(), { typ: undefined }),
    options: { headerType: "JWT" }
  },
  { name: "M2M category", token: () => sign(KEY, claims(), { cat: "cl_B7d4PD333AAA" }) },
  { name: "session category", token: () => sign(KEY, claims(), { cat: "cl_B7d4PD111AAA" }) },
  { name: "JWT template category", token: () => sign(KEY, claims(), { cat: "cl_B7d4PD222AAA" }) },
  { name: "azp allowed", token: () => sign(KEY, claims()), options: { authorizedParties: ["http://localhost:3000"] } },
  {
    name: "azp not allowed",
    token: () => sign(KEY, claims()),
    options: { authorizedParties: ["https://app.example"] }
  },
  {
    name: "azp missing",
    token: () => sign(KEY, claims({ azp: undefined })),
    options: { authorizedParties: ["https://app.example"] }
  },
  { name: "azp empty list", token: () => sign(KEY, claims()), options: { authorizedParties: [] } },
  { name: "aud matches", token: () => sign(KEY, claims({ aud: "api" })), options: { audience: ["api", "web"] } },
  { name: "aud array intersects", token: () => sign(KEY, claims({ aud: ["x", "web"] })), options: { audience: "web" } },
  { name: "aud mismatch", token: () => sign(KEY, claims({ aud: "api" })), options: { audience: "web" } },
  { name: "aud array mismatch", token: () => sign(KEY, claims({ aud: ["x"] })), options: { audience: "web" } },
  { name: "no aud with audience", token: () => sign(KEY, claims()), options: { audience: "web" } },
  { name: "iss matches", token: () => sign(KEY, claims()), options: { issuer: "https://clerk.example.com" } },
  { name: "iss mismatch", token: () => sign(KEY, claims()), options: { issuer: ["https://other.example"] } },
  {
    name: "iss missing",
    token: () => sign(KEY, claims({ iss: undefined })),
    options: { issuer: "https://clerk.example.com" }
  },
  { name: "sub missing", token: () => sign(KEY, claims({ sub: undefined })) },
  { name: "sub not a string", token: () => sign(KEY, claims({ sub: 42 })) },
  { name: "exp missing", token: () => sign(KEY, claims({ exp: undefined })) },
  { name: "exp a string", token: () => sign(KEY, claims({ exp: String(now() + 60) })) },
  { name: "nbf a string", token: () => sign(KEY, claims({ nbf: "soon" })) },
  { name: "iat a string", token: () => sign(KEY, claims({ iat: "then" })) },
  { name: "two segments", token: () => "abc.def" },
  { name: "four segments", token: () => "a.b.c.d" },
  { name: "empty", token: () => "" },
  { name: "bad base64", token: () => `${b64({ alg: "RS256" })}.@@@.AAAA` },
  { name: "header not JSON", token: () => `${Buffer.from("{not json").toString("base64url")}.${b64(claims())}.AAAA` },
  {
    name: "payload not JSON",
    token: () => `${b64({ alg: "RS256", typ: "JWT" })}.${Buffer.from("nope").toString("base64url")}.AAAA`
  },
  { name: "impossible base64 length", token: async () => `${await sign(KEY, claims())}A` },
  { name: "no key at all", token: () => sign(KEY, claims()), options: { jwtKey: undefined } }
]

/**
 * Cases whose message text is not aligned with @clerk/backend's yet (decode failures, the RS384/RS512 difference, the
 * category and missing-key failures): only their verdict and reason are compared. Every other failure must carry
 * @clerk/backend's exact message.
 */
const MESSAGE_NOT_YET_ALIGNED = new Set([
  "RS384",
  "RS512",
  "M2M category",
  "two segments",
  "four segments",
  "empty",
  "bad base64",
  "header not JSON",
  "payload not JSON",
  "no key at all"
])

const withoutMessage = (verdict: Verdict): unknown => (verdict.ok ? verdict : { ok: false, reason: verdict.reason })

describe("verifyToken agrees with @clerk/backend 3.25.0 (jwtKey)", () => {
  for (const c of cases) {
    it(c.name, async () => {
      const token = await c.token()
      const { clerk, ours: mine } = await both(token, { jwtKey: KEY.pem, ...c.options })
      if (MESSAGE_NOT_YET_ALIGNED.has(c.name)) expect(withoutMessage(mine)).toStrictEqual(withoutMessage(clerk))
      else expect(mine).toStrictEqual(clerk)
    })
  }
})

describe("verifyToken agrees with @clerk/backend 3.25.0 (JWKS)", () => {
  const jwksFetch = (calls: Array<string>) => (input: unknown) => {
    calls.push(String(input))
    return Promise.resolve(
      new Response(JSON.stringify({ keys: [KEY.jwk] }), {
        status: 200,
        headers: { "content-type": "application/json" }
      })
    )
  }

  it("valid, unknown kid and no secret", async () => {
    const clerkCalls: Array<string> = []
    const ourCalls: Array<string> = []
    vi.stubGlobal("fetch", jwksFetch(clerkCalls))
    const verifier = createTokenVerifier({ fetch: jwksFetch(ourCalls) as typeof fetch })
    try {
      const options = { secretKey: "sk_test_differentialJwks1", apiUrl: "https://api.clerk.test" }
      for (const token of [await sign(KEY, claims()), await sign(OTHER, claims())]) {
        const clerk = await settle(() => clerkVerifyToken(token, options))
        const mine = await settle(() => verifier.verifyToken(token, options))
        expect(mine).toStrictEqual(clerk)
      }
      expect(ourCalls[0]).toBe("https://api.clerk.test/v1/jwks")
      expect(clerkCalls[0]).toBe("https://api.clerk.test/v1/jwks")
      const token = await sign(KEY, claims())
      // The no-key message is not aligned yet: compare the verdict and reason.
      expect(withoutMessage(await settle(() => verifier.verifyToken(token, {})))).toStrictEqual(
        withoutMessage(await settle(() => clerkVerifyToken(token, {})))
      )
    } finally {
      vi.unstubAllGlobals()
      await verifier.dispose()
    }
  })
})

/** Where effect-clerk is deliberately stricter (or does not crash). Each case pins both verdicts. */
describe("deliberate differences", () => {
  const differences: ReadonlyArray<Case & { readonly clerk: string; readonly ours: string }> = [
    {
      name: "an aud that is not a string or string array is rejected when an audience is set",
      token: () => sign(KEY, claims({ aud: 7 })),
      options: { audience: "web" },
      clerk: "ok",
      ours: "token-verification-failed"
    },
    {
      name: "standard claims must have their JSON types (sid a string)",
      token: () => sign(KEY, claims({ sid: 12 })),
      clerk: "ok",
      ours: "token-verification-failed"
    },
    {
      name: "tokens over 16 KB are rejected before parsing",
      token: () => sign(KEY, claims({ pad: "x".repeat(17_000) })),
      clerk: "ok",
      ours: "token-invalid"
    },
    {
      name: "padded (non-canonical) base64url segments are rejected",
      token: async () => {
        const [, p, s] = (await sign(KEY, claims())).split(".")
        return `${b64({ alg: "RS256", typ: "JWT" })}==.${p}.${s}`
      },
      clerk: "token-invalid-signature",
      ours: "token-invalid"
    },
    {
      name: "an unusable jwtKey is reported as such, not as a bad signature",
      token: () => sign(KEY, claims()),
      options: { jwtKey: "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----" },
      clerk: "token-invalid-signature",
      ours: "token-verification-failed"
    },
    {
      name: "RSA keys of any size work (@clerk/backend only parses 2048-bit PEMs)",
      token: () => sign(BIG, claims()),
      options: { jwtKey: BIG.pem },
      clerk: "token-invalid-signature",
      ours: "ok"
    },
    {
      name: "a JSON null header is token-invalid (@clerk/backend throws a TypeError)",
      token: () => `${Buffer.from("null").toString("base64url")}.${b64(claims())}.AAAA`,
      clerk: "threw TypeError: Cannot destructure property 'kid' of 'header' as it is null.",
      ours: "token-invalid"
    }
  ]
  for (const d of differences) {
    it(d.name, async () => {
      const { clerk, ours: mine } = await both(await d.token(), { jwtKey: KEY.pem, ...d.options })
      expect(clerk.ok ? "ok" : clerk.reason).toBe(d.clerk)
      expect(mine.ok ? "ok" : mine.reason).toBe(d.ours)
    })
  }
})
