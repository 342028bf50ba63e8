/**
 * The fake backend on a real HTTP server on loopback (127.0.0.1, a free port by default), for clients that go through
 * `fetch`:
 *
 * ```ts
 * const server = await FakeServer.start()
 * const clerk = createClerkClient(server.clientOptions) // { secretKey, apiUrl, publishableKey, jwtKey }
 * // or keep the app's own key: any `sk_…` key is accepted unless the server is started with a `secretKey`
 * // ...
 * await server.close()
 * ```
 *
 * Hung and delayed answers are interrupted when the client goes away, and {@link FakeServer.aborted} lists the
 * requests whose client closed the connection before the answer.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Schema from "effect/Schema"
import type * as Scope from "effect/Scope"
import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import * as FakeHttp from "./FakeHttp.js"
import { type FakeBackendInstance, type FakeBackendOptions, make } from "./FakeBackend.js"
import { WIRE_HEADER } from "./faults.js"

/**
 * Options of {@link start}: the fake's options, or an existing fake, plus where to listen.
 *
 * @since 0.1.0
 * @category Testing
 */
export interface FakeServerOptions extends FakeBackendOptions {
  /** Serve this fake instead of making a new one. */
  readonly fake?: FakeBackendInstance | undefined
  /** Port (default 0: a free one). */
  readonly port?: number | undefined
  /** Interface (default `127.0.0.1`). */
  readonly host?: string | undefined
  /** Keep the request log behind `requests()` and `aborted()` (default true); off for long or heavy runs. */
  readonly recordRequests?: boolean | undefined
}

/**
 * A running fake server.
 *
 * @since 0.1.0
 * @category Testing
 */
export interface FakeServer {
  /** `http://127.0.0.1:<port>`: the client's `apiUrl`. */
  readonly url: string
  readonly port: number
  /** The fake behind the server, for seeding, minting tokens, faults and inspection. */
  readonly fake: FakeBackendInstance
  /** Options for `createClerkClient` that point at this server. */
  readonly clientOptions: {
    readonly secretKey: string
    readonly apiUrl: string
    readonly publishableKey: string
    readonly jwtKey: string
  }
  /** Every request received, oldest first. */
  readonly requests: () => ReadonlyArray<FakeHttp.RecordedRequest>
  /** Requests whose client closed the connection before the answer was sent (timeouts, aborts). */
  readonly aborted: () => ReadonlyArray<FakeHttp.RecordedRequest>
  /** Stops listening, drops open connections (interrupting pending answers) and resolves when closed. */
  readonly close: () => Promise<void>
}

/**
 * The server could not start (e.g. the port is taken).
 *
 * @since 0.1.0
 * @category Testing
 */
export class FakeServerError extends Schema.TaggedError<FakeServerError>("effect-clerk/FakeServerError")(
  "FakeServerError",
  { reason: Schema.String }
) {
  override get message(): string {
    return `Fake Clerk server failed to start: ${this.reason}`
  }
}

const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Array<Buffer> = []
    req.on("data", (chunk: Buffer) => chunks.push(chunk))
    req.on("end", () => resolve(Buffer.concat(chunks)))
    req.on("error", reject)
  })

const headersOf = (req: IncomingMessage): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value
  }
  return out
}

const toRecorded = async (req: IncomingMessage, base: string): Promise<FakeHttp.RecordedRequest> => {
  const url = new URL(req.url ?? "/", base)
  const method = req.method ?? "GET"
  const headers = headersOf(req)
  const raw = await readBody(req)
  const contentType = headers["content-type"] ?? ""
  if (contentType.startsWith("multipart/form-data")) {
    const formData = await new Request(url, {
      method: "POST",
      headers: { "content-type": contentType },
      body: new Uint8Array(raw)
    })
      .formData()
      .catch(() => undefined)
    return FakeHttp.recordRequest(method, url, headers, undefined, formData)
  }
  return FakeHttp.recordRequest(method, url, headers, raw.length > 0 ? raw.toString("utf8") : undefined, undefined)
}

const send = async (res: ServerResponse, response: FakeHttp.FakeResponse): Promise<void> => {
  if ("networkError" in response) {
    res.socket?.destroy()
    return
  }
  const web = FakeHttp.toWebResponse(response)
  const body = Buffer.from(await web.arrayBuffer())
  const wire = web.headers.get(WIRE_HEADER)
  web.headers.delete(WIRE_HEADER)
  const length = wire === "truncate" ? body.length + 64 : body.length
  res.writeHead(web.status, { ...Object.fromEntries(web.headers), "content-length": String(length) })
  if (wire === "reset-mid-body" || wire === "truncate") {
    res.write(wire === "truncate" ? body : body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy())
    return
  }
  res.end(body)
}

/**
 * Starts a fake server (Promise API). Always `close()` it.
 *
 * @since 0.1.0
 * @category Testing
 */
export const start = (options: FakeServerOptions = {}): Promise<FakeServer> => {
  const fake = options.fake ?? make(options)
  const requests: Array<FakeHttp.RecordedRequest> = []
  const aborted: Array<FakeHttp.RecordedRequest> = []
  let base = "http://127.0.0.1"
  const record = options.recordRequests !== false

  const server = createServer((req, res) => {
    const controller = new AbortController()
    let recorded: FakeHttp.RecordedRequest | undefined
    let answered = false
    res.on("close", () => {
      if (!res.writableFinished && !answered) {
        if (recorded !== undefined && record) aborted.push(recorded)
        controller.abort()
      }
    })
    toRecorded(req, base)
      .then(async (request) => {
        recorded = request
        if (record) requests.push(request)
        const answer = fake.handler(request)
        const exit = await Effect.runPromiseExit(Effect.isEffect(answer) ? answer : Effect.succeed(answer), {
          signal: controller.signal
        })
        if (Exit.isSuccess(exit) && !controller.signal.aborted) {
          answered = true
          await send(res, exit.value)
        }
      })
      .catch(() => res.socket?.destroy())
  })

  return new Promise((resolve, reject) => {
    server.once("error", reject)
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      server.off("error", reject)
      const address = server.address()
      const port = address !== null && typeof address === "object" ? address.port : (options.port ?? 0)
      const host = options.host ?? "127.0.0.1"
      base = `http://${host.includes(":") ? `[${host}]` : host}:${port}`
      resolve({
        url: base,
        port,
        fake,
        clientOptions: {
          secretKey: fake.secretKey,
          apiUrl: base,
          publishableKey: fake.publishableKey,
          jwtKey: fake.jwtKey
        },
        requests: () => [...requests],
        aborted: () => [...aborted],
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
            server.closeAllConnections()
          })
      })
    })
  })
}

/**
 * Starts a fake server for the life of the scope.
 *
 * @since 0.1.0
 * @category Testing
 */
export const serve = (options: FakeServerOptions = {}): Effect.Effect<FakeServer, FakeServerError, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.tryPromise({
      try: () => start(options),
      catch: (error) => new FakeServerError({ reason: error instanceof Error ? error.message : String(error) })
    }),
    (server) => Effect.promise(() => server.close())
  )
