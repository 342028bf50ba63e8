import { assert, describe, layer } from "@effect/vitest"
import { Effect } from "effect"
import * as Auth from "../src/auth/request/index.js"
import * as Tokens from "../src/auth/tokens/index.js"
import { ClerkTest, FakeBackend, FakeHttp, FakeTokens } from "../src/testing/index.js"

const keys = FakeTokens.generateKeys()

describe("ClerkTest.layer with auth", () => {
  // No jwtKey: verification goes through the fake's served JWKS, fetched once by the client's JwksCache.
  layer(ClerkTest.layer({ keys, client: { jwtKey: undefined } }))((it) => {
    it.effect("a token minted by the fake verifies through the fake's JWKS, which is fetched once", () =>
      Effect.gen(function* () {
        const fake = yield* FakeBackend.FakeBackend
        const user = fake.seed.user({ emailAddress: ["auth@example.com"] })
        const token = fake.mintSessionToken({ userId: user.id })
        const claims = yield* Tokens.verifyToken(token)
        assert.strictEqual(claims.sub, user.id)
        yield* Tokens.verifyToken(fake.mintSessionToken({ userId: user.id, sessionId: "sess_other" }))
        const recorder = yield* FakeHttp.Recorder
        const jwksFetches = (yield* recorder.requests).filter((r) => r.path === "/v1/jwks")
        assert.strictEqual(jwksFetches.length, 1)
        const tampered = `${token.slice(0, -4)}AAAA`
        const failure = yield* Effect.flip(Tokens.verifyToken(tampered))
        assert.strictEqual(failure.reason, "token-invalid-signature")
      })
    )

    it.effect("authenticateRequest signs a bearer request in and reads the Auth object", () =>
      Effect.gen(function* () {
        const fake = yield* FakeBackend.FakeBackend
        const user = fake.seed.user({ emailAddress: ["bearer@example.com"] })
        const token = fake.mintSessionToken({ userId: user.id, azp: "https://app.example.com" })
        const request = new Request("https://app.example.com/api/me", { headers: { authorization: `Bearer ${token}` } })
        const state = yield* Auth.authenticateRequest(request, { authorizedParties: ["https://app.example.com"] })
        assert.strictEqual(state.status, "signed-in")
        const auth = state.toAuth()
        assert.isTrue(auth?.isAuthenticated)
        if (auth !== null && auth.tokenType === "session_token" && auth.isAuthenticated)
          assert.strictEqual(auth.userId, user.id)
        const wrongParty = yield* Auth.authenticateRequest(request, { authorizedParties: ["https://evil.example.com"] })
        assert.strictEqual(wrongParty.status, "signed-out")
        assert.strictEqual(wrongParty.reason, "token-invalid-authorized-parties")
      })
    )
  })
})
