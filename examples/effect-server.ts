/**
 * An `@effect/platform` HTTP API behind Clerk authentication: `ClerkMiddleware.middleware({ protect: true })` runs
 * `authenticateRequest` on every request, answers 401 when it is not signed in, and gives the handlers the Auth object
 * as the `CurrentAuth` service. `npx tsx examples/effect-server.ts` runs it against the fake Clerk backend on
 * 127.0.0.1: no Clerk account, no network.
 */
import * as HttpApp from "@effect/platform/HttpApp"
import * as HttpRouter from "@effect/platform/HttpRouter"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { Effect } from "effect"
import { type ClerkConfig, ClerkLive, ClerkMiddleware, CurrentAuth, Users } from "../src/index.js"
import { FakeServer } from "../src/testing/index.js"
import { type Listening, serveFetch } from "./serve.js"

/** `GET /me`: the signed-in user's id and name, read through the `Users` service. */
const me = Effect.gen(function* () {
  const auth = yield* CurrentAuth
  if (!auth.isAuthenticated || auth.tokenType !== "session_token") {
    return yield* HttpServerResponse.json({ error: "not a session" }, { status: 403 })
  }
  const user = yield* (yield* Users).getUser(auth.userId)
  return yield* HttpServerResponse.json({ userId: auth.userId, name: user.fullName })
})

/** The app: every route requires a signed-in session. */
export const app = HttpRouter.empty.pipe(HttpRouter.get("/me", me), ClerkMiddleware.middleware({ protect: true }))

/** Serves {@link app} on loopback with the Clerk services built from `options`. */
export const start = async (options: ClerkConfig.ClerkOptions, port = 0): Promise<Listening> => {
  const { dispose, handler } = HttpApp.toWebHandlerLayer(app, ClerkLive(options))
  const server = await serveFetch(handler, port)
  return {
    url: server.url,
    close: async () => {
      await server.close()
      await dispose()
    }
  }
}

/** Starts the fake backend and the API, calls `/me` signed in and signed out, and returns what it saw. */
export const main = async (): Promise<ReadonlyArray<string>> => {
  const backend = await FakeServer.start()
  const api = await start(backend.clientOptions)
  try {
    const user = backend.fake.seed.user({ firstName: "Ada", lastName: "Lovelace" })
    const token = backend.fake.mintSessionToken({ userId: user.id })
    const signedIn = await fetch(`${api.url}/me`, { headers: { authorization: `Bearer ${token}` } })
    const signedOut = await fetch(`${api.url}/me`)
    return [`signed in: ${signedIn.status} ${await signedIn.text()}`, `signed out: ${signedOut.status}`]
  } finally {
    await api.close()
    await backend.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await main()) console.log(line)
}
