// Vercel's edge runtime runs the package in a separate realm: promises from Web Crypto are not instances of that
// realm's `Promise`. These tests force the Web Crypto back end and hand back foreign-realm promises, as it does.
import { describe, expect, it, vi } from "vitest"
import { runInNewContext } from "node:vm"

vi.mock("../src/auth/crypto.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../src/auth/crypto.js")>()
  const foreign: <A>(p: Promise<A>) => Promise<A> = runInNewContext("(p) => new Promise((ok, ko) => p.then(ok, ko))")
  const web = original.webBackend
  return {
    ...original,
    backend: {
      ...web,
      verifyRs256: (...args: Parameters<typeof web.verifyRs256>) => foreign(Promise.resolve(web.verifyRs256(...args)))
    }
  }
})

const { verifyToken, createClerkClient } = await import("../src/index.js")
const { FakeTokens } = await import("../src/testing/index.js")
const { backend } = await import("../src/auth/crypto.js")

const keys = FakeTokens.generateKeys()
const issuer = "https://localhost-fake.clerk.accounts.dev"
const publishableKey = FakeTokens.publishableKeyFor("localhost-fake.clerk.accounts.dev")
const mint = (userId: string) => {
  const now = Math.floor(Date.now() / 1000)
  return { now, token: FakeTokens.signJwt(keys, FakeTokens.sessionClaims(issuer, { userId }, now)) }
}

describe("Web Crypto promises from another realm", () => {
  it("the forced back end is Web Crypto and its promise is foreign", () => {
    expect(backend.name).toBe("web")
    const handle = backend.importJwk(keys.jwk)!
    const pending = backend.verifyRs256(handle, new Uint8Array([1]), new Uint8Array([2]))
    expect(pending instanceof Promise).toBe(false)
    return Promise.resolve(pending).catch(() => undefined)
  })

  it("verifyToken accepts a good token and refuses a tampered one", async () => {
    const { token } = mint("user_realm")
    expect((await verifyToken(token, { jwtKey: keys.publicKeyPem })).sub).toBe("user_realm")
    const tampered = `${token.slice(0, -4)}AAAA`
    await expect(verifyToken(tampered, { jwtKey: keys.publicKeyPem })).rejects.toMatchObject({
      reason: "token-invalid-signature"
    })
  })

  it("authenticateRequest signs a session cookie in", async () => {
    const { now, token } = mint("user_realm_cookie")
    const clerk = createClerkClient({ secretKey: "sk_test_realm", publishableKey, jwtKey: keys.publicKeyPem })
    try {
      const request = new Request("http://localhost:3000/", {
        headers: { cookie: `__session=${token}; __client_uat=${now}; __clerk_db_jwt=dvb_realm` }
      })
      const state = await clerk.authenticateRequest(request, { authorizedParties: ["http://localhost:3000"] })
      expect([state.status, state.reason]).toEqual(["signed-in", null])
      expect(state.toAuth()?.userId).toBe("user_realm_cookie")
    } finally {
      await clerk.dispose()
    }
  })
})
