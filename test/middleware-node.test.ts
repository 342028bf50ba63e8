/**
 * The Node adapter through a real node:http server on 127.0.0.1: `toWebRequest`, `clerkMiddleware` (with a stand-in
 * authenticator and with the real `authenticateRequest` over the fake backend), `requireAuth`, `getAuth`, and webhook
 * verification of a Node request.
 */
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import * as http from "node:http"
import type { AddressInfo } from "node:net"
import * as net from "node:net"
import { Webhook } from "svix"
import {
  authenticatedMachineObject,
  signedInAuthObject,
  signedOutAuthObject
} from "../src/auth/auth-object/AuthObject.js"
import {
  clerkMiddleware,
  type ClerkMiddlewareOptions,
  getAuth,
  type NextFunction,
  type NodeMiddleware,
  requireAuth,
  toWebRequest
} from "../src/auth/middleware/index.js"
import {
  emptyEcho,
  handshakeState,
  type RequestState,
  signedInMachineState,
  signedInSessionState,
  signedOutSessionState
} from "../src/auth/request/RequestState.js"
import { verifyWebhook } from "../src/auth/webhooks/index.js"
import { ClerkTest } from "../src/testing/index.js"

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void

type Step = (req: http.IncomingMessage, res: http.ServerResponse, next: NextFunction) => void | Promise<void>

/** A connect-style chain: errors passed to `next` become 500 with the message. */
const chain =
  (...middleware: ReadonlyArray<Step>): Handler =>
  (req, res) => {
    let index = 0
    const next: NextFunction = (error) => {
      if (error !== undefined) {
        res.statusCode = 500
        res.end(error instanceof Error ? error.message : String(error))
        return
      }
      const current = middleware[index++]
      if (current === undefined) {
        res.statusCode = 404
        res.end()
        return
      }
      void current(req, res, next)
    }
    next()
  }

let server: http.Server
let handler: Handler = (_, res) => res.end()
let base = ""

beforeAll(async () => {
  server = http.createServer((req, res) => handler(req, res))
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

/** Sends raw HTTP/1.1 bytes (so repeated headers arrive exactly as written) and returns the raw response. */
const rawRequest = (lines: ReadonlyArray<string>, body = ""): Promise<string> =>
  new Promise((resolve, reject) => {
    const socket = net.connect((server.address() as AddressInfo).port, "127.0.0.1")
    let data = ""
    socket.on("data", (chunk) => (data += chunk.toString()))
    socket.on("end", () => resolve(data))
    socket.on("error", reject)
    socket.write(
      `${lines.join("\r\n")}\r\nconnection: close\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
    )
  })

const json = (res: http.ServerResponse, status: number, value: unknown) => {
  res.statusCode = status
  res.setHeader("content-type", "application/json")
  res.end(JSON.stringify(value))
}

const readAll = async (req: http.IncomingMessage): Promise<string> => {
  let text = ""
  for await (const chunk of req) text += String(chunk)
  return text
}

describe("toWebRequest", () => {
  it("keeps method, absolute URL (forwarded headers), repeated headers, cookies and the body", async () => {
    let seen: { url: string; method: string; custom: string | null; cookie: string | null; body: string } | undefined
    handler = (req, res) => {
      const request = toWebRequest(req)
      void request.text().then((body) => {
        seen = {
          url: request.url,
          method: request.method,
          custom: request.headers.get("x-custom"),
          cookie: request.headers.get("cookie"),
          body
        }
        res.end()
      })
    }
    await rawRequest(
      [
        "POST /api/items?x=1 HTTP/1.1",
        "host: internal:8080",
        "x-forwarded-proto: https, http",
        "x-forwarded-host: app.example.test, proxy.local",
        "x-custom: a",
        "x-custom: b",
        "cookie: __session=s1",
        "cookie: __client_uat=5"
      ],
      '{"name":"n"}'
    )
    assert.deepStrictEqual(seen, {
      url: "https://app.example.test/api/items?x=1",
      method: "POST",
      custom: "a, b",
      cookie: "__session=s1; __client_uat=5",
      body: '{"name":"n"}'
    })
  })

  it("uses Host when proxies are not trusted, originalUrl when Express set it, and no body for GET", async () => {
    const seen: Array<{ url: string; body: ReadableStream | null }> = []
    handler = (req, res) => {
      Object.assign(req, { originalUrl: "/mounted/path", url: "/path" })
      const request = toWebRequest(req, { trustProxy: false })
      seen.push({ url: request.url, body: request.body })
      res.end()
    }
    await rawRequest(["GET /path HTTP/1.1", "host: api.example.test:3000", "x-forwarded-host: evil.example"])
    assert.strictEqual(seen[0]!.url, "http://api.example.test:3000/mounted/path")
    assert.isNull(seen[0]!.body)
  })

  it("does not touch the body until it is read, and says so when something else consumed it", async () => {
    let untouched = ""
    let consumedError = ""
    handler = (req, res) => {
      void (async () => {
        if (req.url === "/lazy") {
          toWebRequest(req) // created, never read
          untouched = await readAll(req)
        } else {
          await readAll(req) // e.g. express.json()
          consumedError = await toWebRequest(req)
            .text()
            .then(
              () => "no error",
              (e: Error) => e.message
            )
        }
        res.end()
      })()
    }
    await rawRequest(["POST /lazy HTTP/1.1", "host: a.test"], "payload-1")
    await rawRequest(["POST /consumed HTTP/1.1", "host: a.test"], "payload-2")
    assert.strictEqual(untouched, "payload-1")
    assert.match(consumedError, /already read/)
  })

  it("throws a TypeError for TRACE, which a Fetch Request cannot carry", async () => {
    let error: unknown
    handler = (req, res) => {
      try {
        toWebRequest(req)
      } catch (e) {
        error = e
      }
      res.end()
    }
    await rawRequest(["TRACE / HTTP/1.1", "host: a.test"])
    assert.instanceOf(error, TypeError)
  })
})

const signedIn = (): RequestState => {
  const headers = new Headers()
  headers.append("set-cookie", "__session=refreshed; Path=/; HttpOnly")
  headers.append("set-cookie", "__client_uat=9; Path=/")
  return signedInSessionState(emptyEcho, "jwt_1", headers, () =>
    signedInAuthObject({
      token: "jwt_1",
      claims: { sub: "user_1", sid: "sess_1" },
      fetchToken: () => Promise.resolve("t")
    })
  )
}
const signedOut = (): RequestState =>
  signedOutSessionState(emptyEcho, "session-token-and-uat-missing", "", new Headers(), () => signedOutAuthObject())
const handshake = (): RequestState => {
  const headers = new Headers({ location: "https://clerk.example.test/v1/client/handshake?redirect_url=x" })
  headers.append("set-cookie", "__clerk_redirect_count=1; Max-Age=2")
  return handshakeState(emptyEcho, "dev-browser-missing", "", headers)
}

const whoAmI: Handler = (req, res) => {
  const auth = getAuth(req)
  json(res, 200, { userId: auth.tokenType === "session_token" && auth.isAuthenticated ? auth.userId : null })
}

const serveWith = (options: ClerkMiddlewareOptions, ...rest: ReadonlyArray<NodeMiddleware>) => {
  handler = chain(clerkMiddleware(options), ...rest, whoAmI)
}

describe("clerkMiddleware (stand-in authenticator)", () => {
  it("sets req.auth (callable, with the Auth object's fields) and forwards the state's cookies", async () => {
    const seen: Array<{ userId: unknown; called: unknown; body: string | null }> = []
    handler = chain(
      clerkMiddleware({
        authenticate: async (request) => {
          seen.push({ userId: undefined, called: undefined, body: request.body === null ? null : "body!" })
          return signedIn()
        }
      }),
      (req, res) => {
        const auth = (
          req as http.IncomingMessage & { auth: ((o?: object) => { userId?: unknown }) & { userId?: unknown } }
        ).auth
        seen.push({ userId: auth.userId, called: auth().userId, body: null })
        whoAmI(req, res)
      }
    )
    const response = await fetch(`${base}/me`, {
      method: "POST",
      body: "{}",
      headers: { "content-type": "application/json" }
    })
    assert.strictEqual(response.status, 200)
    assert.deepStrictEqual(await response.json(), { userId: "user_1" })
    assert.deepStrictEqual(
      response.headers.getSetCookie().map((c) => c.split(";")[0]),
      ["__session=refreshed", "__client_uat=9"]
    )
    assert.deepStrictEqual(seen, [
      { userId: undefined, called: undefined, body: null },
      { userId: "user_1", called: "user_1", body: null }
    ])
  })

  it("works for machine tokens: an API key's Auth object (which has a `name`) on req.auth", async () => {
    const state = signedInMachineState(emptyEcho, "api_key", "ak_secret", () =>
      authenticatedMachineObject("api_key", "ak_secret", {
        id: "ak_1",
        subject: "user_9",
        scopes: ["read"],
        name: "CI key",
        claims: null
      })
    )
    let seen: unknown
    handler = chain(clerkMiddleware({ authenticate: async () => state, acceptsToken: "api_key" }), (req, res) => {
      const auth = (
        req as http.IncomingMessage & { auth: (() => { name?: unknown; tokenType?: unknown }) & { name?: unknown } }
      ).auth
      seen = { property: auth.name, called: auth().name, tokenType: getAuth(req).tokenType }
      res.end()
    })
    const response = await fetch(`${base}/machine`, { headers: { authorization: "Bearer ak_secret" } })
    assert.strictEqual(response.status, 200)
    assert.deepStrictEqual(seen, { property: "CI key", called: "CI key", tokenType: "api_key" })
  })

  it("leaves the body for the handler", async () => {
    let body = ""
    handler = chain(clerkMiddleware({ authenticate: async () => signedOut() }), async (req, res) => {
      body = await readAll(req)
      res.end()
    })
    await fetch(`${base}/items`, { method: "POST", body: "x".repeat(100_000) })
    assert.strictEqual(body.length, 100_000)
  })

  it("answers a handshake with 307, Location and cookies; with enableHandshake: false it continues signed out", async () => {
    serveWith({ authenticate: async () => handshake() })
    const redirect = await fetch(`${base}/me`, { redirect: "manual" })
    assert.strictEqual(redirect.status, 307)
    assert.strictEqual(
      redirect.headers.get("location"),
      "https://clerk.example.test/v1/client/handshake?redirect_url=x"
    )
    assert.match(redirect.headers.getSetCookie()[0]!, /^__clerk_redirect_count=1/)
    serveWith({ authenticate: async () => handshake(), enableHandshake: false })
    const open = await fetch(`${base}/me`, { redirect: "manual" })
    assert.strictEqual(open.status, 200)
    assert.isNull(open.headers.get("location"))
    assert.deepStrictEqual(await open.json(), { userId: null })
  })

  it("signed out: getAuth says so; requireAuth() and protect: true answer 401", async () => {
    serveWith({ authenticate: async () => signedOut() })
    const open = await fetch(`${base}/me`)
    assert.deepStrictEqual(await open.json(), { userId: null })
    assert.strictEqual(open.headers.get("x-clerk-auth-reason"), "session-token-and-uat-missing")
    serveWith({ authenticate: async () => signedOut() }, requireAuth())
    assert.strictEqual((await fetch(`${base}/me`)).status, 401)
    serveWith({ authenticate: async () => signedOut(), protect: true })
    assert.strictEqual((await fetch(`${base}/me`)).status, 401)
    serveWith({ authenticate: async () => signedIn() }, requireAuth())
    assert.strictEqual((await fetch(`${base}/me`)).status, 200)
  })

  it("without clerkMiddleware: getAuth throws and requireAuth passes the error on (as @clerk/express)", async () => {
    const message = "The clerkMiddleware should be registered before using getAuth"
    handler = chain((req, res) => {
      try {
        getAuth(req)
        json(res, 200, { threw: false })
      } catch (error) {
        json(res, 200, { threw: error instanceof Error ? error.message : String(error) })
      }
    })
    assert.deepStrictEqual(await (await fetch(`${base}/me`)).json(), { threw: message })
    handler = chain(requireAuth(), (_req, res) => json(res, 200, { reached: true }))
    const refused = await fetch(`${base}/me`)
    assert.strictEqual(refused.status, 500)
    assert.strictEqual(await refused.text(), message)
  })

  it("passes authenticator errors to next(error), skips requests already authenticated, survives TRACE", async () => {
    serveWith({ authenticate: () => Promise.reject(new Error("effect-clerk: no secret key")) })
    const failed = await fetch(`${base}/me`)
    assert.strictEqual(failed.status, 500)
    assert.strictEqual(await failed.text(), "effect-clerk: no secret key")
    let calls = 0
    const counting: ClerkMiddlewareOptions = {
      authenticate: async () => {
        calls++
        return signedIn()
      }
    }
    handler = chain(clerkMiddleware(counting), clerkMiddleware(counting), whoAmI)
    assert.deepStrictEqual(await (await fetch(`${base}/me`)).json(), { userId: "user_1" })
    assert.strictEqual(calls, 1)
    const methods: Array<string> = []
    serveWith({
      authenticate: async (request) => {
        methods.push(request.method)
        return signedOut()
      }
    })
    const raw = await rawRequest(["TRACE /me HTTP/1.1", "host: a.test"])
    assert.match(raw, /^HTTP\/1\.1 200/)
    assert.deepStrictEqual(methods, ["POST"])
  })
})

describe("clerkMiddleware with the real authenticateRequest (fake backend)", () => {
  it("signs in a bearer token, sends a browser to the handshake, refuses a forged token", async () => {
    const client = ClerkTest.client()
    try {
      const token = client.fake.mintSessionToken({ userId: "user_node" })
      serveWith({ clerkClient: client })
      const ok = await fetch(`${base}/me`, { headers: { authorization: `Bearer ${token}` } })
      assert.deepStrictEqual(await ok.json(), { userId: "user_node" })
      const navigation = await fetch(`${base}/me`, {
        redirect: "manual",
        headers: {
          accept: "text/html",
          "sec-fetch-dest": "document",
          "x-forwarded-host": "app.example.test",
          "x-forwarded-proto": "https"
        }
      })
      assert.strictEqual(navigation.status, 307)
      const location = new URL(navigation.headers.get("location")!)
      assert.strictEqual(location.host, client.fake.frontendApi)
      assert.strictEqual(location.searchParams.get("redirect_url"), "https://app.example.test/me")
      serveWith({ clerkClient: client }, requireAuth())
      assert.strictEqual((await fetch(`${base}/me`, { headers: { authorization: `Bearer ${token}x` } })).status, 401)
    } finally {
      await client.dispose()
    }
  })
})

describe("webhooks on Node", () => {
  const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
  const body = JSON.stringify({
    type: "user.deleted",
    object: "event",
    data: { object: "user", id: "user_1", deleted: true },
    timestamp: 1,
    instance_id: "ins_1"
  })

  it("verifies toWebRequest(req), and explains a body already consumed by a parser", async () => {
    handler = (req, res) => {
      void (async () => {
        if (req.url === "/parsed") await readAll(req)
        await verifyWebhook(toWebRequest(req), { signingSecret: SECRET }).then(
          (event) => json(res, 200, { type: event.type }),
          (error: Error) => json(res, 400, { error: error.message })
        )
      })()
    }
    const now = new Date()
    const headers = {
      "svix-id": "msg_1",
      "svix-timestamp": String(Math.floor(now.getTime() / 1000)),
      "svix-signature": new Webhook(SECRET).sign("msg_1", now, body)
    }
    const ok = await fetch(`${base}/raw`, { method: "POST", body, headers })
    assert.deepStrictEqual(await ok.json(), { type: "user.deleted" })
    const parsed = await fetch(`${base}/parsed`, { method: "POST", body, headers })
    assert.strictEqual(parsed.status, 400)
    assert.match(((await parsed.json()) as { error: string }).error, /could not read the request body.*already read/)
  })
})
