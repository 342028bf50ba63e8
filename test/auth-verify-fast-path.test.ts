// The verifyToken hot path: the verified-signature memo (found by a number, decided by whole strings), the canonical
// base64url check by decode round trip (the same verdicts and messages as the alphabet regex plus canonical-tail
// check it replaces, on both crypto back ends), and the signing input handed to the RSA check as text.
import { assert, describe, it } from "@effect/vitest"
import { Buffer } from "node:buffer"
import { Effect, Either, FastCheck as fc } from "effect"
import { backend, isCanonicalBase64Url, webBackend } from "../src/auth/crypto.js"
import { decodeJwt } from "../src/auth/jwt/decode.js"
import { importPem } from "../src/auth/jwt/keys.js"
import { MEMO_SIZE, slotKey, VerifiedMemo } from "../src/auth/jwt/memo.js"
import { makeKey, NOW, sessionClaims, sign } from "./auth-verify-keys.js"

const RUNS = { numRuns: 300 }
const b64 = (text: string) => Buffer.from(text).toString("base64url")

describe("VerifiedMemo", () => {
  it("a hit needs the same signature and the same signing input, not just the same number", () => {
    const memo = new VerifiedMemo()
    memo.add(7, "sigA", "inputA")
    assert.isTrue(memo.has(7, "sigA", "inputA"))
    assert.isFalse(memo.has(7, "sigB", "inputA"))
    assert.isFalse(memo.has(7, "sigA", "inputB"))
    assert.isFalse(memo.has(8, "sigA", "inputA"))
    // A second signature with the same number displaces the first; neither vouches for the other's input.
    memo.add(7, "sigB", "inputB")
    assert.isFalse(memo.has(7, "sigA", "inputA"))
    assert.isTrue(memo.has(7, "sigB", "inputB"))
    assert.isFalse(memo.has(7, "sigB", "inputA"))
  })

  it("holds at most MEMO_SIZE entries, oldest dropped first", () => {
    const memo = new VerifiedMemo()
    for (let i = 0; i < MEMO_SIZE + 10; i++) memo.add(i, `sig${i}`, `in${i}`)
    assert.strictEqual(memo.size, MEMO_SIZE)
    for (let i = 0; i < 10; i++) assert.isFalse(memo.has(i, `sig${i}`, `in${i}`))
    for (let i = 10; i < MEMO_SIZE + 10; i++) assert.isTrue(memo.has(i, `sig${i}`, `in${i}`))
  })

  it("dropping an old entry keeps a newer one that shares its number", () => {
    const memo = new VerifiedMemo()
    memo.add(1, "old", "in")
    memo.add(1, "new", "in")
    // Overwrite the oldest slot (the one "old" used), and nothing else.
    for (let i = 0; i < MEMO_SIZE - 1; i++) memo.add(1000 + i, `s${i}`, "x")
    assert.isFalse(memo.has(1, "old", "in"))
    assert.isTrue(memo.has(1, "new", "in"))
  })

  it("the number comes from the signature's last bytes and stays a small integer", () => {
    const a = new Uint8Array(256).fill(0xff)
    const b = Uint8Array.from(a)
    b[0] = 0
    assert.strictEqual(slotKey(a), slotKey(b))
    assert.isTrue(slotKey(a) >= 0 && slotKey(a) < 2 ** 30)
    b[255] = 0
    assert.notStrictEqual(slotKey(a), slotKey(b))
    assert.notStrictEqual(slotKey(new Uint8Array(0)), slotKey(new Uint8Array([0])))
  })
})

// The checks decodeJwt made before the round trip replaced them, in their order.
const SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/
const referenceForm = (token: string): string | undefined => {
  if (!SHAPE.test(token)) return "Invalid JWT form: expected three base64url segments separated by dots."
  if (!token.split(".").every(isCanonicalBase64Url)) return "Invalid JWT form: a segment is not canonical base64url."
  return undefined
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
/** Characters a mutation may insert: the alphabet, the other base64 alphabet, padding, dots, and non-ASCII. */
const mutationChar = fc.oneof(
  fc.constantFrom(...ALPHABET.split("")),
  fc.constantFrom("+", "/", "=", ".", " ", "\n", "%", "\u00e9", "\u0141", "\u4e00", "\u{1f600}")
)
const validToken = `${b64('{"alg":"RS256","typ":"JWT"}')}.${b64('{"sub":"user_1","exp":1}')}.${Buffer.alloc(256, 7).toString("base64url")}`

/** A valid token with a few characters replaced, inserted or removed. */
const mutatedToken = fc
  .array(fc.tuple(fc.nat(), fc.constantFrom("replace", "insert", "delete"), mutationChar), {
    minLength: 1,
    maxLength: 3
  })
  .map((edits) =>
    edits.reduce((token, [at, op, char]) => {
      const i = at % (token.length + 1)
      if (op === "insert") return token.slice(0, i) + char + token.slice(i)
      if (op === "delete") return token.slice(0, i) + token.slice(i + 1)
      return token.slice(0, i) + char + token.slice(i + 1)
    }, validToken)
  )

describe("decodeJwt's form checks", () => {
  it("reject and accept exactly what the alphabet regex plus canonical-tail check did, with the same messages", () => {
    fc.assert(
      fc.property(mutatedToken, (token) => {
        const expected = referenceForm(token)
        const result = decodeJwt(token)
        if (expected !== undefined) {
          assert.isTrue(Either.isLeft(result), token)
          if (Either.isLeft(result)) assert.strictEqual(result.left.message, expected, token)
        } else if (Either.isLeft(result)) {
          // Well-formed but its JSON no longer parses as objects.
          assert.strictEqual(
            result.left.message,
            "Invalid JWT form: the header and payload must be base64url-encoded JSON objects.",
            token
          )
        } else {
          const [h, p, s] = token.split(".")
          assert.deepStrictEqual(result.right.header, JSON.parse(Buffer.from(h!, "base64url").toString("utf8")))
          assert.deepStrictEqual(result.right.payload, JSON.parse(Buffer.from(p!, "base64url").toString("utf8")))
          assert.deepStrictEqual([...result.right.signature], [...Buffer.from(s!, "base64url")])
          assert.strictEqual(result.right.signingInput, `${h}.${p}`)
        }
      }),
      RUNS
    )
  })

  it("a form failure wins over unparsable JSON in another segment", () => {
    const result = decodeJwt(`${b64("not json")}.${b64('{"sub":"u"}')}.A+`)
    assert.isTrue(Either.isLeft(result))
    if (Either.isLeft(result)) {
      assert.strictEqual(result.left.message, "Invalid JWT form: expected three base64url segments separated by dots.")
    }
  })

  it("both crypto back ends decode canonical base64url alike and refuse the rest", () => {
    const segment = fc.array(fc.oneof(fc.constantFrom(...ALPHABET.split("")), mutationChar), { maxLength: 12 })
    fc.assert(
      fc.property(segment, (chars) => {
        const text = chars.join("")
        const canonical = /^[A-Za-z0-9_-]*$/.test(text) && isCanonicalBase64Url(text)
        const node = backend.canonicalBase64Url(text)
        const web = webBackend.canonicalBase64Url(text)
        assert.strictEqual(node !== undefined, canonical, JSON.stringify(text))
        assert.strictEqual(web !== undefined, canonical, JSON.stringify(text))
        if (node !== undefined && web !== undefined) assert.deepStrictEqual([...node], [...web])
        assert.strictEqual(backend.canonicalBase64UrlToUtf8(text) !== undefined, canonical)
      }),
      { numRuns: 1000 }
    )
  })

  it("decodes long payloads that do not fit the scratch buffer", () => {
    const long = b64(JSON.stringify({ sub: "u", pad: "\u00e9".repeat(9000) }))
    assert.isAbove(long.length, 16 * 1024)
    assert.strictEqual(backend.canonicalBase64UrlToUtf8(long), JSON.stringify({ sub: "u", pad: "\u00e9".repeat(9000) }))
    assert.isUndefined(backend.canonicalBase64UrlToUtf8(`${long.slice(0, -1)}+`))
  })
})

describe("verifyRs256 with the signing input as text", () => {
  const KEY = makeKey("ins_fast_path")

  it.effect("agrees with the byte form on node and on Web Crypto", () =>
    Effect.gen(function* () {
      const token = yield* Effect.promise(() => sign(KEY, sessionClaims(NOW)))
      const dot = token.lastIndexOf(".")
      const input = token.slice(0, dot)
      const signature = Buffer.from(token.slice(dot + 1), "base64url")
      const key = importPem(KEY.pem)
      assert.isTrue(Either.isRight(key))
      if (Either.isLeft(key)) return
      assert.isTrue(backend.verifyRs256(key.right.handle, input, signature))
      assert.isTrue(backend.verifyRs256(key.right.handle, Buffer.from(input, "latin1"), signature))
      assert.isFalse(backend.verifyRs256(key.right.handle, `${input}x`, signature))
      // Two checks in a row: the scratch copy of one input never leaks into the next.
      assert.isFalse(backend.verifyRs256(key.right.handle, input.slice(0, -1), signature))
      assert.isTrue(backend.verifyRs256(key.right.handle, input, signature))
      const web = webBackend.importJwk(KEY.jwk)
      assert.isDefined(web)
      if (web === undefined) return
      assert.isTrue(yield* Effect.promise(() => Promise.resolve(webBackend.verifyRs256(web, input, signature))))
      assert.isFalse(yield* Effect.promise(() => Promise.resolve(webBackend.verifyRs256(web, `${input}x`, signature))))
    })
  )
})
