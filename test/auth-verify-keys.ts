/**
 * Test keys and token minting for the token-verification suites (auth-verify*, auth-machine*). Not a test file.
 */
import { Buffer } from "node:buffer"
import { createHmac, generateKeyPairSync, type KeyObject } from "node:crypto"
import { type JWTHeaderParameters, type JWTPayload, SignJWT } from "jose"

/** An RSA test key pair with its PEM and JWK public forms. */
export interface TestKey {
  readonly kid: string
  readonly privateKey: KeyObject
  readonly publicKey: KeyObject
  readonly pem: string
  readonly jwk: {
    readonly kid: string
    readonly kty: string
    readonly alg: string
    readonly use: string
    readonly n: string
    readonly e: string
  }
}

/** Generates an RSA key (2048 bits by default, what Clerk instances use). */
export const makeKey = (kid: string, modulusLength = 2048): TestKey => {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength })
  const exported = publicKey.export({ format: "jwk" })
  return {
    kid,
    privateKey,
    publicKey,
    pem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    jwk: { kid, kty: "RSA", alg: "RS256", use: "sig", n: String(exported.n), e: String(exported.e) }
  }
}

/** A fixed "now" for TestClock suites: 2026-01-01T00:00:00Z. */
export const NOW_MS = Date.UTC(2026, 0, 1)
/** {@link NOW_MS} in seconds. */
export const NOW = NOW_MS / 1000

/** Standard session claims around `now` (seconds). */
export const sessionClaims = (now: number, extra: JWTPayload = {}): JWTPayload => ({
  sub: "user_2abc",
  sid: "sess_2abc",
  azp: "http://localhost:3000",
  iss: "https://clerk.example.com",
  iat: now - 10,
  nbf: now - 20,
  exp: now + 60,
  ...extra
})

/** Drops keys whose value is `undefined` (so tests can remove a claim or header with `{ sub: undefined }`). */
const defined = (record: Readonly<Record<string, unknown>>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined))

/**
 * Signs claims with jose (RS256 by default), with `typ: JWT` and the key's `kid` unless overridden; a header or claim
 * set to `undefined` is left out.
 */
export const sign = (
  key: TestKey,
  claims: Readonly<Record<string, unknown>>,
  header: Readonly<Record<string, unknown>> = {}
): Promise<string> => {
  const protectedHeader: JWTHeaderParameters = { alg: "RS256", ...defined({ typ: "JWT", kid: key.kid, ...header }) }
  return new SignJWT(defined(claims)).setProtectedHeader(protectedHeader).sign(key.privateKey)
}

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString("base64url")

/** An unsigned token (`alg: none`, empty signature). */
export const unsignedToken = (claims: JWTPayload, header: Record<string, unknown> = {}): string =>
  `${b64({ alg: "none", typ: "JWT", ...header })}.${b64(claims)}.`

/** The classic key-confusion attack: HS256 with the public PEM as the HMAC secret. */
export const hs256WithPublicKey = (key: TestKey, claims: JWTPayload): string => {
  const input = `${b64({ alg: "HS256", typ: "JWT", kid: key.kid })}.${b64(claims)}`
  return `${input}.${createHmac("sha256", key.pem).update(input).digest("base64url")}`
}

/** Replaces one character of the payload segment so the JSON still parses but the bytes differ. */
export const tamperPayload = (token: string): string => {
  const [h, p, s] = token.split(".")
  const claims = JSON.parse(Buffer.from(p!, "base64url").toString("utf8")) as Record<string, unknown>
  return `${h}.${b64({ ...claims, sub: "user_attacker" })}.${s}`
}

/** Flips one byte of the signature (re-encoded canonically). */
export const tamperSignature = (token: string): string => {
  const [h, p, s] = token.split(".")
  const bytes = Buffer.from(s!, "base64url")
  bytes[10] = bytes[10]! ^ 0x01
  return `${h}.${p}.${bytes.toString("base64url")}`
}
