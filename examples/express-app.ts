/**
 * An Express app with Clerk authentication, written as with `@clerk/express`: `clerkMiddleware()` authenticates every
 * request, `requireAuth()` answers 401 unless it is signed in, and `getAuth(req)` reads the Auth object.
 * `npx tsx examples/express-app.ts` runs it against the fake Clerk backend on 127.0.0.1: no Clerk account, no network.
 */
import express from "express"
import type { AddressInfo } from "node:net"
import { type ClerkClient, clerkMiddleware, createClerkClient, getAuth, requireAuth } from "../src/index.js"
import { FakeServer } from "../src/testing/index.js"
import type { Listening } from "./serve.js"

/** The app. Without `{ clerkClient }`, `clerkMiddleware()` uses `clerkClient()` configured from the environment. */
export const createApp = (clerkClient: ClerkClient): express.Express => {
  const app = express()
  app.use(clerkMiddleware({ clerkClient }))

  app.get("/public", (req, res) => {
    res.json({ isAuthenticated: getAuth(req).isAuthenticated })
  })

  app.get("/me", requireAuth(), async (req, res) => {
    const auth = getAuth(req)
    if (auth.tokenType !== "session_token" || !auth.isAuthenticated) {
      res.status(403).json({ error: "not a session" })
      return
    }
    const user = await clerkClient.users.getUser(auth.userId)
    res.json({ userId: auth.userId, name: user.fullName, email: user.primaryEmailAddress?.emailAddress ?? null })
  })

  return app
}

/** Listens on 127.0.0.1 (a free port unless `port` is given). */
export const listen = (app: express.Express, port = 0): Promise<Listening> =>
  new Promise((resolve) => {
    const server = app.listen(port, "127.0.0.1", () => {
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.closeAllConnections()
            server.close((error) => (error === undefined ? done() : fail(error)))
          })
      })
    })
  })

/** Starts the fake backend and the app, calls `/public` and `/me` signed in and signed out, and returns what it saw. */
export const main = async (): Promise<ReadonlyArray<string>> => {
  const backend = await FakeServer.start()
  const clerkClient = createClerkClient(backend.clientOptions)
  const server = await listen(createApp(clerkClient))
  try {
    const user = backend.fake.seed.user({ firstName: "Grace", lastName: "Hopper", emailAddress: ["grace@example.com"] })
    const authorization = `Bearer ${backend.fake.mintSessionToken({ userId: user.id })}`
    const lines: Array<string> = []
    for (const [path, headers] of [
      ["/public", {}],
      ["/public", { authorization }],
      ["/me", { authorization }],
      ["/me", {}]
    ] as const) {
      const response = await fetch(`${server.url}${path}`, { headers })
      const signed = "authorization" in headers ? "signed in" : "signed out"
      lines.push(`${path} ${signed}: ${response.status} ${await response.text()}`)
    }
    return lines
  } finally {
    await server.close()
    await clerkClient.dispose()
    await backend.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await main()) console.log(line)
}
