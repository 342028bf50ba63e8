/**
 * The crypto the token code needs (RS256 verification, RSA key import, SHA-1 for cookie names, base64url), on two
 * back ends chosen once at load:
 *
 * - Node, Bun and Deno: `node:crypto` and `node:buffer`, reached through `process.getBuiltinModule` (no static
 *   `node:` import, so edge bundlers never see one). Synchronous: verification stays an `Either` on the hot path.
 * - Everywhere else (Vercel's edge runtime, Cloudflare Workers without `nodejs_compat`, browsers): Web Crypto
 *   (`crypto.subtle`). RSA import and verification are asynchronous there, so they return a `Promise`.
 *
 * Internal: nothing here is part of the public API.
 *
 * @module
 */

/** The part of a node `KeyObject` this module reads. */
interface NodeKeyObject {
  readonly asymmetricKeyType?: string | undefined
}

/** The part of `node:crypto` this module uses. */
interface NodeCrypto {
  readonly createPublicKey: (input: object) => NodeKeyObject
  readonly verify: (algorithm: string, data: Uint8Array, key: NodeKeyObject, signature: Uint8Array) => boolean
  readonly createHash: (algorithm: string) => {
    update(data: string, encoding: string): { digest(encoding: string): string }
  }
}

/** The part of node's `Buffer` this module uses. */
interface NodeBufferStatic {
  readonly from: (data: string, encoding: string) => NodeBufferInstance
  readonly allocUnsafeSlow: (size: number) => NodeBufferInstance
}

/** The part of a node `Buffer` this module uses. */
type NodeBufferInstance = Uint8Array & {
  toString(encoding: string, start?: number, end?: number): string
  write(text: string, offset: number, encoding: string): number
}

const isObject = (u: unknown): u is object => (typeof u === "object" || typeof u === "function") && u !== null

const getBuiltinModule = ((): ((id: string) => unknown) | undefined => {
  const proc: unknown = Reflect.get(globalThis, "process")
  if (!isObject(proc)) return undefined
  const get: unknown = Reflect.get(proc, "getBuiltinModule")
  return typeof get === "function" ? (id: string): unknown => Reflect.apply(get, proc, [id]) : undefined
})()

const builtin = (id: string): unknown => {
  try {
    return getBuiltinModule?.(id)
  } catch {
    return undefined
  }
}

const isNodeCrypto = (u: unknown): u is NodeCrypto =>
  isObject(u) &&
  typeof Reflect.get(u, "createPublicKey") === "function" &&
  typeof Reflect.get(u, "verify") === "function" &&
  typeof Reflect.get(u, "createHash") === "function"

const isNodeBuffer = (u: unknown): u is NodeBufferStatic =>
  isObject(u) && typeof Reflect.get(u, "from") === "function" && typeof Reflect.get(u, "allocUnsafeSlow") === "function"

const nodeCryptoModule = builtin("node:crypto")
const nodeBufferModule = builtin("node:buffer")
const nodeCrypto: NodeCrypto | undefined = isNodeCrypto(nodeCryptoModule) ? nodeCryptoModule : undefined
const nodeBufferValue: unknown = isObject(nodeBufferModule) ? Reflect.get(nodeBufferModule, "Buffer") : undefined
const NodeBuffer: NodeBufferStatic | undefined = isNodeBuffer(nodeBufferValue) ? nodeBufferValue : undefined

/**
 * An imported RSA public key: a node `KeyObject`, or a Web Crypto key still being imported.
 *
 * @since 0.1.0
 * @category Tokens
 */
export type RsaKeyHandle =
  | { readonly kind: "node"; readonly key: NodeKeyObject }
  | { readonly kind: "web"; readonly key: Promise<CryptoKey | undefined> }

/**
 * The RSA JWK members needed to import a key.
 *
 * @since 0.1.0
 * @category Tokens
 */
export interface RsaJwkParams {
  readonly n: string
  readonly e: string
}

/**
 * One crypto back end.
 *
 * @since 0.1.0
 * @category Tokens
 */
export interface CryptoBackend {
  readonly name: "node" | "web"
  /** Imports a DER SPKI RSA public key; `undefined` when it is (known to be) not an RSA key. */
  readonly importSpki: (der: Uint8Array) => RsaKeyHandle | undefined
  /** Imports an RSA JWK; `undefined` when it is (known to be) unusable. */
  readonly importJwk: (jwk: RsaJwkParams) => RsaKeyHandle | undefined
  /**
   * RS256 (RSASSA-PKCS1-v1_5 over SHA-256) of `data`: bytes, or a string whose characters are all below 256 (a JWT's
   * signing input), one byte each. Synchronous on node, a Promise on Web Crypto. Throws when it cannot check.
   */
  readonly verifyRs256: (
    key: RsaKeyHandle,
    data: Uint8Array | string,
    signature: Uint8Array
  ) => boolean | Promise<boolean>
  /** The URL-safe base64 (no padding) SHA-1 of a UTF-8 string. Synchronous on both back ends. */
  readonly sha1Base64Url: (text: string) => string
  /** Decodes base64url (or base64) text to bytes. */
  readonly base64ToBytes: (text: string) => Uint8Array
  /** Decodes base64url text to a UTF-8 string. */
  readonly base64UrlToUtf8: (text: string) => string
  /**
   * Decodes canonical base64url: only the URL-safe alphabet, no padding, no impossible length, no stray bits in the
   * last character (so no two different strings decode to the same bytes); `undefined` for anything else.
   */
  readonly canonicalBase64Url: (text: string) => Uint8Array | undefined
  /** {@link CryptoBackend.canonicalBase64Url}, then the bytes as UTF-8 text (as {@link CryptoBackend.base64UrlToUtf8}). */
  readonly canonicalBase64UrlToUtf8: (text: string) => string | undefined
}

// ---------------------------------------------------------------------------------------------------------------
// Portable helpers

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
const B64_VALUES = (() => {
  const table = new Int16Array(128).fill(-1)
  for (let i = 0; i < 64; i++) table[B64.charCodeAt(i)] = i
  table["+".charCodeAt(0)] = 62
  table["/".charCodeAt(0)] = 63
  return table
})()

/** The 6-bit value of a base64url character (the alphabet is checked beforehand). */
const sextet = (code: number): number =>
  code >= 97 ? code - 71 : code >= 65 ? code - 65 : code >= 48 ? code + 4 : code === 45 ? 62 : 63

/**
 * Whether base64url text of the URL-safe alphabet is canonical: no impossible length and no stray bits in the last
 * character.
 *
 * @since 0.1.0
 * @category Tokens
 */
export const isCanonicalBase64Url = (segment: string): boolean => {
  const rem = segment.length % 4
  if (rem === 1) return false
  if (rem === 0) return true
  const last = sextet(segment.charCodeAt(segment.length - 1))
  return rem === 2 ? (last & 0x0f) === 0 : (last & 0x03) === 0
}

const BASE64URL_ALPHABET = /^[A-Za-z0-9_-]*$/

const portableBase64ToBytes = (text: string): Uint8Array => {
  const clean = text.replace(/=+$/, "")
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4))
  let bits = 0
  let value = 0
  let o = 0
  for (let i = 0; i < clean.length; i++) {
    const code = clean.charCodeAt(i)
    const v = code < 128 ? B64_VALUES[code]! : -1
    if (v < 0) throw new Error("invalid base64")
    value = (value << 6) | v
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[o++] = (value >> bits) & 0xff
    }
  }
  return out.subarray(0, o)
}

const bytesToBase64Url = (bytes: Uint8Array): string => {
  let out = ""
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + B64[n & 63]!
  }
  const rest = bytes.length - i
  if (rest === 1) {
    const n = bytes[i]! << 16
    out += B64[n >> 18]! + B64[(n >> 12) & 63]!
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8)
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]!
  }
  return out
}

const utf8 = new TextEncoder()
const utf8Decoder = new TextDecoder()

const latin1 = (text: string): Uint8Array<ArrayBuffer> => {
  const out = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff
  return out
}

/** SHA-1 in plain JavaScript: Web Crypto's digest is asynchronous, and the cookie suffix is needed synchronously. */
const sha1 = (message: Uint8Array): Uint8Array => {
  const length = message.length
  const words = new Uint32Array((((length + 8) >> 6) + 1) * 16)
  for (let i = 0; i < length; i++) words[i >> 2]! |= message[i]! << (24 - (i % 4) * 8)
  words[length >> 2]! |= 0x80 << (24 - (length % 4) * 8)
  words[words.length - 1] = length * 8
  let h0 = 0x67452301,
    h1 = 0xefcdab89,
    h2 = 0x98badcfe,
    h3 = 0x10325476,
    h4 = 0xc3d2e1f0
  const w = new Uint32Array(80)
  for (let block = 0; block < words.length; block += 16) {
    for (let t = 0; t < 16; t++) w[t] = words[block + t]!
    for (let t = 16; t < 80; t++) {
      const x = w[t - 3]! ^ w[t - 8]! ^ w[t - 14]! ^ w[t - 16]!
      w[t] = (x << 1) | (x >>> 31)
    }
    let a = h0,
      b = h1,
      c = h2,
      d = h3,
      e = h4
    for (let t = 0; t < 80; t++) {
      const f = t < 20 ? (b & c) | (~b & d) : t < 40 ? b ^ c ^ d : t < 60 ? (b & c) | (b & d) | (c & d) : b ^ c ^ d
      const k = t < 20 ? 0x5a827999 : t < 40 ? 0x6ed9eba1 : t < 60 ? 0x8f1bbcdc : 0xca62c1d6
      const temp = (((a << 5) | (a >>> 27)) + f + e + k + w[t]!) >>> 0
      e = d
      d = c
      c = (b << 30) | (b >>> 2)
      b = a
      a = temp
    }
    h0 = (h0 + a) >>> 0
    h1 = (h1 + b) >>> 0
    h2 = (h2 + c) >>> 0
    h3 = (h3 + d) >>> 0
    h4 = (h4 + e) >>> 0
  }
  const out = new Uint8Array(20)
  ;[h0, h1, h2, h3, h4].forEach((h, i) => {
    out[i * 4] = h >>> 24
    out[i * 4 + 1] = (h >>> 16) & 0xff
    out[i * 4 + 2] = (h >>> 8) & 0xff
    out[i * 4 + 3] = h & 0xff
  })
  return out
}

// ---------------------------------------------------------------------------------------------------------------
// Back ends

const portableCanonical = (text: string): Uint8Array | undefined =>
  BASE64URL_ALPHABET.test(text) && isCanonicalBase64Url(text) ? portableBase64ToBytes(text) : undefined

const RS256 = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } as const

/**
 * The Web Crypto back end: for runtimes without `node:crypto`.
 *
 * @since 0.1.0
 * @category Tokens
 */
export const webBackend: CryptoBackend = {
  name: "web",
  importSpki: (der) => ({
    kind: "web",
    key: crypto.subtle.importKey("spki", new Uint8Array(der), RS256, false, ["verify"]).then(
      (key) => key,
      () => undefined
    )
  }),
  importJwk: (jwk) => ({
    kind: "web",
    key: crypto.subtle
      .importKey("jwk", { kty: "RSA", n: jwk.n, e: jwk.e, alg: "RS256", ext: true }, RS256, false, ["verify"])
      .then(
        (key) => key,
        () => undefined
      )
  }),
  verifyRs256: (key, data, signature) => {
    if (key.kind !== "web") throw new Error("not a Web Crypto key")
    const bytes = typeof data === "string" ? latin1(data) : new Uint8Array(data)
    return key.key.then((cryptoKey) => {
      if (cryptoKey === undefined) throw new Error("unusable key")
      return crypto.subtle.verify(RS256.name, cryptoKey, new Uint8Array(signature), bytes)
    })
  },
  sha1Base64Url: (text) => bytesToBase64Url(sha1(utf8.encode(text))),
  base64ToBytes: portableBase64ToBytes,
  base64UrlToUtf8: (text) => utf8Decoder.decode(portableBase64ToBytes(text)),
  canonicalBase64Url: (text) => portableCanonical(text),
  canonicalBase64UrlToUtf8: (text) => {
    const bytes = portableCanonical(text)
    return bytes === undefined ? undefined : utf8Decoder.decode(bytes)
  }
}

/**
 * The node back end's scratch buffer size: what the base64url text of a token at the length limit decodes to. The
 * buffer holds bytes only within one synchronous call (decoding a segment, or one RSA check), never across calls.
 */
const SCRATCH_BYTES = 12 * 1024

const makeNodeBackend = (node: NodeCrypto, Buffer: NodeBufferStatic): CryptoBackend => {
  const rsa = (key: NodeKeyObject): RsaKeyHandle | undefined =>
    key.asymmetricKeyType === "rsa" ? { kind: "node", key } : undefined
  let scratchBuffer: NodeBufferInstance | undefined
  const scratch = (): NodeBufferInstance => (scratchBuffer ??= Buffer.allocUnsafeSlow(SCRATCH_BYTES))
  return {
    name: "node",
    importSpki: (der) => {
      try {
        return rsa(node.createPublicKey({ key: der, format: "der", type: "spki" }))
      } catch {
        return undefined
      }
    },
    importJwk: (jwk) => {
      try {
        return rsa(node.createPublicKey({ key: { kty: "RSA", n: jwk.n, e: jwk.e }, format: "jwk" }))
      } catch {
        return undefined
      }
    },
    verifyRs256: (key, data, signature) => {
      if (key.kind !== "node") throw new Error("not a node key")
      if (typeof data !== "string") return node.verify("sha256", data, key.key, signature)
      if (data.length > SCRATCH_BYTES) return node.verify("sha256", Buffer.from(data, "latin1"), key.key, signature)
      // The signing input is copied into the scratch buffer, which node.verify reads before it returns.
      const bytes = scratch()
      return node.verify("sha256", bytes.subarray(0, bytes.write(data, 0, "latin1")), key.key, signature)
    },
    sha1Base64Url: (text) => node.createHash("sha1").update(text, "utf8").digest("base64url"),
    base64ToBytes: (text) => Buffer.from(text, "base64url"),
    base64UrlToUtf8: (text) => Buffer.from(text, "base64url").toString("utf8"),
    // Node's decoder skips what is not base64 and accepts both alphabets: a segment is canonical base64url exactly
    // when its bytes encode back to the same text (the encoder writes only the URL-safe alphabet, unpadded). A
    // Buffer that throws on such text instead (a runtime's own implementation) gives the same `undefined`.
    canonicalBase64Url: (text) => {
      try {
        const bytes = Buffer.from(text, "base64url")
        return bytes.toString("base64url") === text ? bytes : undefined
      } catch {
        return undefined
      }
    },
    canonicalBase64UrlToUtf8: (text) => {
      try {
        if (text.length > (SCRATCH_BYTES / 3) * 4) {
          const own = Buffer.from(text, "base64url")
          return own.toString("base64url") === text ? own.toString("utf8") : undefined
        }
        // Decoded in the scratch buffer (it fits: at most 3 bytes per 4 characters).
        const bytes = scratch()
        const length = bytes.write(text, 0, "base64url")
        return bytes.toString("base64url", 0, length) === text ? bytes.toString("utf8", 0, length) : undefined
      } catch {
        return undefined
      }
    }
  }
}

/**
 * The back end of this runtime: `node:crypto` where the runtime has it, else Web Crypto.
 *
 * @since 0.1.0
 * @category Tokens
 */
export const backend: CryptoBackend =
  nodeCrypto !== undefined && NodeBuffer !== undefined ? makeNodeBackend(nodeCrypto, NodeBuffer) : webBackend
