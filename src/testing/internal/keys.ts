/**
 * Which secret keys a fake accepts. With no configured key, any secret key (`sk_…`) is the instance's, so a client
 * keeps the key it already has; with one, only that key. A rejection describes the expected shape, never a key.
 *
 * @module
 */

/** The fake's secret-key rule: whether a bearer value is accepted, and what to say when it is not. */
export interface SecretKeyPolicy {
  readonly accepts: (bearer: string) => boolean
  /** The expected shape (a prefix and a length), for the 401 message. Never contains a key. */
  readonly expected: string
}

const SECRET_KEY = /^sk_[A-Za-z0-9_-]+$/

/** The shape of a key: its `sk_<kind>_` prefix and its length, e.g. `sk_test_… (38 characters)`. */
export const keyShape = (key: string): string => {
  const prefix = /^[a-z]+_(?:[a-z]+_)?/.exec(key)?.[0] ?? ""
  return `${prefix}… (${key.length} characters)`
}

/** The policy for a fake configured with `configured` (or with none). */
export const secretKeyPolicy = (configured: string | undefined): SecretKeyPolicy =>
  configured === undefined
    ? {
        accepts: (bearer) => SECRET_KEY.test(bearer),
        expected:
          "The fake Clerk backend accepts any secret key that starts with sk_ (for example sk_test_…); the key it was " +
          "sent has another shape."
      }
    : {
        accepts: (bearer) => bearer === configured,
        expected:
          `The fake Clerk backend accepts only the secret key it was configured with: ${keyShape(configured)}. ` +
          "Give the client the fake's key (fake.secretKey, or the server's clientOptions.secretKey)."
      }
