import { assert, describe, it } from "@effect/vitest"
import * as HttpApi from "@effect/platform/HttpApi"
import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import type * as HttpApp from "@effect/platform/HttpApp"
import * as HttpServer from "@effect/platform/HttpServer"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { Effect, Layer, Schema } from "effect"
import { type AuthObject, signedInAuthObject } from "../src/auth/auth-object/AuthObject.js"
import { CurrentAuth } from "../src/auth/auth-object/CurrentAuth.js"
import { ClerkMiddleware } from "../src/auth/middleware/index.js"
import {
  emptyEcho,
  handshakeState,
  type RequestState,
  signedInSessionState,
  signedOutSessionState
} from "../src/auth/request/RequestState.js"
import * as JwksCache from "../src/auth/tokens/JwksCache.js"
import { ClerkTest, FakeBackend } from "../src/testing/index.js"
import { signedOutAuthObject } from "../src/auth/auth-object/AuthObject.js"

const HANDSHAKE_URL = "https://clerk.example.test/v1/client/handshake?redirect_url=x"

const signedIn = (): RequestState => {
  const headers = new Headers()
  headers.append("set-cookie", "__session=refreshed; Path=/; HttpOnly")
  headers.append("set-cookie", "__client_uat=123; Path=/")
  return signedInSessionState(emptyEcho, "jwt_1", headers, () =>
    signedInAuthObject({
      token: "jwt_1",
      claims: { sub: "user_1", sid: "sess_1" },
      fetchToken: () => Promise.resolve("jwt_template")
    })
  )
}

const signedOut = (): RequestState =>
  signedOutSessionState(emptyEcho, "session-token-and-uat-missing", "no session", new Headers(), () =>
    signedOutAuthObject()
  )

const handshake = (): RequestState => {
  const headers = new Headers({ location: HANDSHAKE_URL, "cache-control": "no-store" })
  headers.append("set-cookie", "__clerk_redirect_count=1; SameSite=Lax; HttpOnly; Max-Age=2")
  return handshakeState(emptyEcho, "dev-browser-missing", "", headers)
}

const userIdOf = (auth: AuthObject): string | null =>
  auth.tokenType === "session_token" && auth.isAuthenticated ? auth.userId : null

/** The handler under test: who is it, and did the request reach it? */
const whoAmI: HttpApp.Default<never, CurrentAuth> = Effect.map(CurrentAuth, (auth) =>
  HttpServerResponse.unsafeJson({ userId: userIdOf(auth) })
)

/** Runs an app on a Fetch request and returns the Fetch response. */
const serve = <E, R>(app: HttpApp.Default<E, R>, request: Request) =>
  Effect.map(
    Effect.provideService(app, HttpServerRequest.HttpServerRequest, HttpServerRequest.fromWeb(request)),
    (response) => HttpServerResponse.toWeb(response)
  )

const browser = (path = "/me", init: RequestInit = {}) =>
  new Request(`https://app.example.test${path}`, {
    ...init,
    headers: { accept: "text/html", "sec-fetch-dest": "document", ...(init.headers as Record<string, string>) }
  })

describe("ClerkMiddleware.middleware (HttpApp)", () => {
  it.effect("runs the handler with CurrentAuth and forwards the state's cookies", () =>
    Effect.gen(function* () {
      const seen: Array<Request> = []
      const app = whoAmI.pipe(
        ClerkMiddleware.withAuthenticate((request) => {
          seen.push(request)
          return Effect.succeed(signedIn())
        })
      )
      const response = yield* serve(app, browser("/me?x=1", { headers: { authorization: "Bearer jwt_1" } }))
      assert.strictEqual(response.status, 200)
      assert.deepStrictEqual(yield* Effect.promise(() => response.json()), { userId: "user_1" })
      assert.deepStrictEqual(
        response.headers.getSetCookie().map((c) => c.split(";")[0]),
        ["__session=refreshed", "__client_uat=123"]
      )
      // The authenticator saw an absolute URL, the method and the headers, and no body.
      assert.strictEqual(seen[0]!.url, "https://app.example.test/me?x=1")
      assert.strictEqual(seen[0]!.headers.get("authorization"), "Bearer jwt_1")
      assert.strictEqual(seen[0]!.body, null)
    })
  )

  it.effect("answers a handshake with 307, its Location and cookies, without running the handler", () =>
    Effect.gen(function* () {
      let ran = false
      const app = Effect.zipRight(
        Effect.sync(() => (ran = true)),
        whoAmI
      ).pipe(ClerkMiddleware.withAuthenticate(() => Effect.succeed(handshake())))
      const response = yield* serve(app, browser())
      assert.strictEqual(response.status, 307)
      assert.strictEqual(response.headers.get("location"), HANDSHAKE_URL)
      assert.strictEqual(response.headers.get("cache-control"), "no-store")
      assert.strictEqual(response.headers.get("x-clerk-auth-status"), "handshake")
      assert.match(response.headers.getSetCookie()[0]!, /^__clerk_redirect_count=1/)
      assert.isFalse(ran)
    })
  )

  it.effect("signed out: the handler sees a signed-out Auth object, or 401 with protect: true", () =>
    Effect.gen(function* () {
      const open = whoAmI.pipe(ClerkMiddleware.withAuthenticate(() => Effect.succeed(signedOut())))
      const response = yield* serve(open, browser())
      assert.strictEqual(response.status, 200)
      assert.deepStrictEqual(yield* Effect.promise(() => response.json()), { userId: null })
      assert.strictEqual(response.headers.get("x-clerk-auth-reason"), "session-token-and-uat-missing")
      const guarded = whoAmI.pipe(
        ClerkMiddleware.withAuthenticate(() => Effect.succeed(signedOut()), { protect: true })
      )
      const refused = yield* serve(guarded, browser())
      assert.strictEqual(refused.status, 401)
      assert.strictEqual(refused.headers.get("x-clerk-auth-status"), "signed-out")
      const allowed = whoAmI.pipe(ClerkMiddleware.withAuthenticate(() => Effect.succeed(signedIn()), { protect: true }))
      assert.strictEqual((yield* serve(allowed, browser())).status, 200)
    })
  )

  it.effect("the authenticator's failure stays in the error channel", () =>
    Effect.gen(function* () {
      const app = whoAmI.pipe(ClerkMiddleware.withAuthenticate(() => Effect.fail("misconfigured" as const)))
      const error = yield* Effect.flip(serve(app, browser()))
      assert.strictEqual(error, "misconfigured")
    })
  )
})

describe("ClerkMiddleware with the real authenticateRequest (fake backend)", () => {
  const clerk = JwksCache.layer().pipe(Layer.provideMerge(ClerkTest.layer()))

  it.effect("a bearer session token signs in; a browser without cookies is sent to the handshake", () =>
    Effect.gen(function* () {
      const token = yield* FakeBackend.mintSessionToken({ userId: "user_real" })
      const app = whoAmI.pipe(ClerkMiddleware.middleware())
      const ok = yield* serve(
        app,
        new Request("https://app.example.test/me", { headers: { authorization: `Bearer ${token}` } })
      )
      assert.strictEqual(ok.status, 200)
      assert.deepStrictEqual(yield* Effect.promise(() => ok.json()), { userId: "user_real" })
      const navigation = yield* serve(app, browser())
      assert.strictEqual(navigation.status, 307)
      const location = new URL(navigation.headers.get("location")!)
      assert.strictEqual(location.pathname, "/v1/client/handshake")
      assert.strictEqual(location.searchParams.get("redirect_url"), "https://app.example.test/me")
      const api = yield* serve(
        ClerkMiddleware.middleware({ protect: true })(whoAmI),
        new Request("https://app.example.test/me")
      )
      assert.strictEqual(api.status, 401)
      const forged = yield* serve(
        app,
        new Request("https://app.example.test/me", { headers: { authorization: `Bearer ${token}x` } })
      )
      assert.deepStrictEqual(yield* Effect.promise(() => forged.json()), { userId: null })
    }).pipe(Effect.provide(clerk))
  )
})

describe("ClerkMiddleware.ClerkAuthorization (HttpApi)", () => {
  const Me = Schema.Struct({ userId: Schema.NullOr(Schema.String) })
  class Api extends HttpApi.make("api").add(
    HttpApiGroup.make("me")
      .add(HttpApiEndpoint.get("me", "/me").addSuccess(Me))
      .middleware(ClerkMiddleware.ClerkAuthorization)
  ) {}
  const MeLive = HttpApiBuilder.group(Api, "me", (handlers) =>
    handlers.handle("me", () => Effect.map(CurrentAuth, (auth) => ({ userId: userIdOf(auth) })))
  )

  const handlerFor = (state: () => RequestState, protect = false) =>
    HttpApiBuilder.toWebHandler(
      Layer.mergeAll(
        HttpApiBuilder.api(Api).pipe(
          Layer.provide(MeLive),
          Layer.provide(ClerkMiddleware.layerWithAuthenticate(() => Effect.succeed(state()), { protect }))
        ),
        HttpServer.layerContext
      )
    )

  it.effect("provides CurrentAuth, forwards cookies, answers handshakes (307) and protects (401)", () =>
    Effect.gen(function* () {
      const cases = [
        { state: signedIn, protect: true, status: 200, body: { userId: "user_1" } },
        { state: signedOut, protect: false, status: 200, body: { userId: null } },
        { state: signedOut, protect: true, status: 401 },
        { state: handshake, protect: false, status: 307 }
      ] as const
      for (const c of cases) {
        const { dispose, handler } = handlerFor(c.state, c.protect)
        const response = yield* Effect.promise(() => handler(browser()))
        assert.strictEqual(response.status, c.status, `${c.state.name} protect=${c.protect}`)
        if ("body" in c) assert.deepStrictEqual(yield* Effect.promise(() => response.json()), c.body)
        if (c.state === signedIn) assert.strictEqual(response.headers.getSetCookie().length, 2)
        if (c.state === handshake) assert.strictEqual(response.headers.get("location"), HANDSHAKE_URL)
        yield* Effect.promise(dispose)
      }
    })
  )
})
