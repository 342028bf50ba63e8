/**
 * The memo of tokens whose signature already verified under one key. A session token is presented on every request
 * of its minute-long life; a hit skips the RSA operation, never the header and claim checks.
 *
 * A hit needs the same signature segment AND the same signed `<header>.<payload>`, both compared as whole strings.
 * Entries are found through a 30-bit number read from the signature's last bytes, not by hashing the long strings:
 * a miss (a token seen for the first time) then costs a few number lookups, not two string hashes. Two signatures
 * that share that number just displace each other. At most {@link MEMO_SIZE} entries per key, oldest dropped first.
 *
 * Internal: nothing here is part of the public API.
 *
 * @module
 */

/**
 * How many verified tokens one key remembers.
 *
 * @since 0.1.0
 * @category Tokens
 */
export const MEMO_SIZE = 1024

/**
 * The lookup number of a signature: its last four bytes, folded to 30 bits (a small integer for V8). An RSA
 * signature's low bytes are uniformly spread; the number only locates an entry, it never decides a hit.
 *
 * @since 0.1.0
 * @category Tokens
 */
export const slotKey = (signature: Uint8Array): number => {
  const n = signature.length
  if (n < 4) {
    let key = n
    for (let i = 0; i < n; i++) key = (key << 8) | signature[i]!
    return key
  }
  return (
    ((signature[n - 4]! << 22) ^ (signature[n - 3]! << 14) ^ (signature[n - 2]! << 6) ^ signature[n - 1]!) & 0x3fffffff
  )
}

/**
 * A bounded, first-in first-out set of (signature segment, signing input) pairs that verified under one key.
 *
 * @since 0.1.0
 * @category Tokens
 */
export class VerifiedMemo {
  private readonly signatures: Array<string | undefined> = new Array(MEMO_SIZE).fill(undefined)
  private readonly inputs: Array<string> = new Array(MEMO_SIZE).fill("")
  private readonly keys: Int32Array = new Int32Array(MEMO_SIZE)
  private readonly slots = new Map<number, number>()
  private next = 0

  /** Whether this exact signature segment over this exact signing input verified before. */
  has(key: number, signature: string, signingInput: string): boolean {
    const slot = this.slots.get(key)
    return slot !== undefined && this.signatures[slot] === signature && this.inputs[slot] === signingInput
  }

  /** Remembers a pair that verified, dropping the oldest entry when full. */
  add(key: number, signature: string, signingInput: string): void {
    const slot = this.next
    this.next = slot + 1 === MEMO_SIZE ? 0 : slot + 1
    if (this.signatures[slot] !== undefined) {
      const old = this.keys[slot]!
      if (this.slots.get(old) === slot) this.slots.delete(old)
    }
    this.signatures[slot] = signature
    this.inputs[slot] = signingInput
    this.keys[slot] = key
    this.slots.set(key, slot)
  }

  /** How many entries are reachable (for tests). */
  get size(): number {
    return this.slots.size
  }
}

const byKey = new WeakMap<object, VerifiedMemo>()

/**
 * The memo of a key object (created on first use; it goes with its key).
 *
 * @since 0.1.0
 * @category Tokens
 */
export const memoFor = (keyObject: object): VerifiedMemo => {
  let memo = byKey.get(keyObject)
  if (memo === undefined) {
    memo = new VerifiedMemo()
    byKey.set(keyObject, memo)
  }
  return memo
}
