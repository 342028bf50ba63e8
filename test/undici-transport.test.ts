import { assert, describe, it } from "@effect/vitest"
import { Effect, Exit, Fiber, Layer, ManagedRuntime, Schema } from "effect"
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import type { AddressInfo, Socket } from "node:net"
import { httpClientLayer } from "../src/layers/http.js"
import * as Undici from "../src/layers/undici.js"
import * as BackendApi from "../src/services/BackendApi.js"
import * as ClerkConfig from "../src/services/ClerkConfig.js"

const SECRET = "sk_test_undiciTransportSecret77"

interface TestServer {
  readonly url: string
  readonly server: Server
  /** Sockets ever accepted. */
  readonly accepted: () => number
  /** Sockets still open on the server side. */
  readonly open: () => number
  /** Requests whose client went away before the response was sent. */
  readonly aborted: () => number
  readonly close: () => Promise<void>
}

const startServer = (handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<TestServer> =>
  new Promise((resolve) => {
    const sockets = new Set<Socket>()
    let accepted = 0
    let aborted = 0
    const server = createServer({ keepAlive: true }, (req, res) => {
      res.on("close", () => {
        if (!res.writableFinished) aborted++
      })
      handler(req, res)
    })
    server.on("connection", (socket) => {
      accepted++
      sockets.add(socket)
      socket.on("close", () => sockets.delete(socket))
    })
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo
      resolve({
        url: `http://127.0.0.1:${port}`,
        server,
        accepted: () => accepted,
        open: () => sockets.size,
        aborted: () => aborted,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections()
            server.close(() => done())
          })
      })
    })
  })

const json = (res: ServerResponse, status: number, body: unknown) => {
  const text = JSON.stringify(body)
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) })
  res.end(text)
}

const Obj = Schema.Struct({ id: Schema.String, auth: Schema.String, method: Schema.String, body: Schema.String })

const echo = (req: IncomingMessage, res: ServerResponse) => {
  let body = ""
  req.on("data", (chunk: Buffer) => (body += chunk.toString()))
  req.on("end", () =>
    json(res, 200, { id: req.url ?? "", auth: req.headers.authorization ?? "", method: req.method ?? "", body })
  )
}

const runtimeFor = (url: string, options: ClerkConfig.ClerkOptions = {}) =>
  ManagedRuntime.make(
    BackendApi.layer.pipe(
      Layer.provideMerge(ClerkConfig.layer({ secretKey: SECRET, apiUrl: url, ...options })),
      Layer.provide(Undici.layer({ connections: 4 }))
    )
  )

const call = (request: Partial<BackendApi.ApiRequest> = {}) =>
  Effect.flatMap(BackendApi.BackendApi, (api) =>
    api.execute(
      { operation: "t.call", method: "GET", path: "/things/{id}", pathParams: { id: "a b" }, ...request },
      Obj
    )
  )

const waitUntil = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10))
}

describe("undici transport", () => {
  it("is opt-in: the default stays the global fetch (which msw-style mocks intercept), undici when asked for", async () => {
    assert.isTrue(Undici.isNode())
    assert.isTrue(await Undici.undiciAvailable())
    assert.strictEqual(httpClientLayer({}), httpClientLayer({ transport: "fetch" }))
    assert.notStrictEqual(httpClientLayer({ transport: "undici" }), httpClientLayer({}))
  })

  it("sends the request (path, query, auth, JSON body) and reuses one keep-alive socket for sequential calls", async () => {
    const server = await startServer(echo)
    const runtime = runtimeFor(server.url)
    try {
      const got = await runtime.runPromise(call({ query: { limit: 5 } }))
      assert.strictEqual(got.id, "/v1/things/a%20b?limit=5")
      assert.strictEqual(got.auth, `Bearer ${SECRET}`)
      const posted = await runtime.runPromise(call({ method: "POST", body: { firstName: "Ada" } }))
      assert.strictEqual(posted.method, "POST")
      assert.deepStrictEqual(JSON.parse(posted.body), { first_name: "Ada" })
      const before = server.accepted()
      for (let i = 0; i < 20; i++) await runtime.runPromise(call())
      assert.strictEqual(server.accepted(), before)
      assert.isAtMost(before, 2)
    } finally {
      await runtime.dispose()
      await server.close()
    }
  })

  it("bounds the pool: 64 concurrent calls use at most `connections` sockets", async () => {
    const server = await startServer((req, res) => setTimeout(() => echo(req, res), 5))
    const runtime = runtimeFor(server.url)
    try {
      const results = await runtime.runPromise(
        Effect.all(
          Array.from({ length: 64 }, () => call()),
          { concurrency: "unbounded" }
        )
      )
      assert.strictEqual(results.length, 64)
      assert.isAtMost(server.accepted(), 4)
    } finally {
      await runtime.dispose()
      await server.close()
    }
  })

  it("dispose closes the pool: no socket is left open", async () => {
    const server = await startServer(echo)
    const runtime = runtimeFor(server.url)
    await runtime.runPromise(Effect.all([call(), call(), call()], { concurrency: "unbounded" }))
    assert.isAbove(server.open(), 0)
    await runtime.dispose()
    await waitUntil(() => server.open() === 0)
    assert.strictEqual(server.open(), 0)
    await server.close()
  })

  it("interrupting a call aborts its request on the server side", async () => {
    let arrived = 0
    const server = await startServer(() => {
      arrived++
    })
    const runtime = runtimeFor(server.url, { retry: false, timeout: false })
    try {
      const fiber = runtime.runFork(call())
      await waitUntil(() => arrived === 1)
      await runtime.runPromise(Fiber.interrupt(fiber))
      await waitUntil(() => server.aborted() === 1)
      assert.strictEqual(server.aborted(), 1)
    } finally {
      await runtime.dispose()
      await server.close()
    }
  })

  it("a timeout fails with ClerkTimeoutError and cancels the request for real", async () => {
    const server = await startServer(() => {})
    const runtime = runtimeFor(server.url, { retry: false, timeout: "100 millis" })
    try {
      const exit = await runtime.runPromiseExit(call())
      assert.isTrue(Exit.isFailure(exit) && exit.cause._tag === "Fail" && exit.cause.error._tag === "ClerkTimeoutError")
      await waitUntil(() => server.aborted() === 1)
      assert.strictEqual(server.aborted(), 1)
    } finally {
      await runtime.dispose()
      await server.close()
    }
  })

  it("a refused connection is a ClerkTransportError naming the system error code, never the key", async () => {
    const server = await startServer(echo)
    const url = server.url
    await server.close()
    const runtime = runtimeFor(url, { retry: false })
    try {
      const exit = await runtime.runPromiseExit(call())
      assert.isTrue(Exit.isFailure(exit))
      if (!Exit.isFailure(exit) || exit.cause._tag !== "Fail") return
      const error = exit.cause.error
      assert.strictEqual(error._tag, "ClerkTransportError")
      if (error._tag === "ClerkTransportError") assert.strictEqual(error.code, "ECONNREFUSED")
      assert.notInclude(JSON.stringify(error) + String(error) + error.message, SECRET)
    } finally {
      await runtime.dispose()
    }
  })
})
