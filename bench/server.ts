/**
 * A loopback Backend API for the bench: realistic full users (email, phone, external accounts) served over real
 * sockets by node:http, with keep-alive. Answers `GET /v1/users/{id}`, `GET /v1/users?limit&offset` (over
 * `totalUsers` users) and `GET /v1/users/count`.
 *
 * @module
 */
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { fixtures } from "../src/models/generated/fixtures.js"

/** A full user as Clerk sends it, with the given id. */
export const wireUser = (n: number): Record<string, unknown> => {
  const base = fixtures["User"] as Record<string, unknown>
  const id = `user_2bench${String(n).padStart(8, "0")}`
  return {
    ...base,
    id,
    first_name: "Ada",
    last_name: "Lovelace",
    username: `ada${n}`,
    primary_email_address_id: "idn_email",
    primary_phone_number_id: "idn_phone",
    public_metadata: { plan: "pro", seats: 12 },
    private_metadata: { stripe: `cus_${n}` },
    created_at: 1_700_000_000_000 + n,
    updated_at: 1_700_000_100_000 + n
  }
}

/** A running loopback server. */
export interface BenchServer {
  readonly url: string
  /** Bodies served, for a sanity check. */
  readonly requests: () => number
  readonly close: () => Promise<void>
}

/** Starts the server on a random loopback port. */
export const startBenchServer = async (totalUsers = 10_000): Promise<BenchServer> => {
  const one = new Map<string, string>()
  const userJson = (n: number) => JSON.stringify(wireUser(n))
  const pageCache = new Map<string, string>()
  let count = 0
  const server: Server = createServer({ keepAlive: true }, (req, res) => {
    count++
    const url = new URL(req.url ?? "/", "http://x")
    let body: string
    if (url.pathname === "/v1/users/count") {
      body = JSON.stringify({ object: "total_count", total_count: totalUsers })
    } else if (url.pathname === "/v1/users") {
      const limit = Number(url.searchParams.get("limit") ?? 10)
      const offset = Number(url.searchParams.get("offset") ?? 0)
      const key = `${limit}:${offset}`
      body = pageCache.get(key) ?? ""
      if (body === "") {
        const items: Array<string> = []
        for (let i = offset; i < Math.min(offset + limit, totalUsers); i++) items.push(userJson(i))
        body = `[${items.join(",")}]`
        pageCache.set(key, body)
      }
    } else if (url.pathname.startsWith("/v1/users/")) {
      const id = url.pathname.slice("/v1/users/".length)
      body = one.get(id) ?? ""
      if (body === "") {
        body = JSON.stringify({ ...wireUser(0), id })
        one.set(id, body)
      }
    } else {
      res.writeHead(404, { "content-type": "application/json" })
      res.end(JSON.stringify({ errors: [{ code: "resource_not_found", message: "not found" }] }))
      return
    }
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) })
    res.end(body)
  })
  server.keepAliveTimeout = 30_000
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/**
 * Starts the server in a child process, so that the bench process's CPU time counts the client side only. The child
 * prints its URL on the first line of stdout.
 */
export const spawnBenchServer = async (totalUsers = 10_000): Promise<BenchServer> => {
  const { spawn } = await import("node:child_process")
  const child = spawn(process.execPath, ["--import", "tsx", new URL(import.meta.url).pathname, String(totalUsers)], {
    stdio: ["ignore", "pipe", "inherit"]
  })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ""
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString()
      const line = out.split("\n")[0]
      if (out.includes("\n") && line !== undefined) resolve(line.trim())
    })
    child.on("exit", (code) => reject(new Error(`bench server exited (${code})`)))
  })
  return {
    url,
    requests: () => 0,
    close: () =>
      new Promise<void>((resolve) => {
        child.on("exit", () => resolve())
        child.kill()
      })
  }
}

if (process.argv[1] !== undefined && new URL(import.meta.url).pathname === process.argv[1]) {
  const server = await startBenchServer(Number(process.argv[2] ?? 10_000))
  process.stdout.write(`${server.url}\n`)
}
