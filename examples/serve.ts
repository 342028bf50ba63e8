/**
 * Serves a Fetch handler (`(request: Request) => Promise<Response>`, what `HttpApp.toWebHandler` returns) on a
 * loopback `node:http` server. The examples use it for their `@effect/platform` apps; on Bun, Deno or Workers the
 * runtime's own server takes the handler as it is.
 */
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { toWebRequest } from "../src/index.js"

/** A running server: its base URL and how to stop it. */
export interface Listening {
  readonly url: string
  readonly close: () => Promise<void>
}

/** Listens on 127.0.0.1 (a free port unless `port` is given) and answers every request with `handler`. */
export const serveFetch = async (handler: (request: Request) => Promise<Response>, port = 0): Promise<Listening> => {
  const server = createServer((req, res) => {
    handler(toWebRequest(req))
      .then(async (response) => {
        const body = Buffer.from(await response.arrayBuffer())
        const cookies = response.headers.getSetCookie()
        response.headers.forEach((value, name) => {
          if (name !== "set-cookie") res.setHeader(name, value)
        })
        if (cookies.length > 0) res.setHeader("set-cookie", cookies)
        res.statusCode = response.status
        res.end(body)
      })
      .catch((error: unknown) => {
        res.statusCode = 500
        res.end(String(error))
      })
  })
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve))
  const { port: bound } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error === undefined ? resolve() : reject(error)))
      })
  }
}
