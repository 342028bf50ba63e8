import { Effect } from "effect"
import { describe, expect, it, vi } from "vitest"
import * as FakeHttp from "../src/testing/FakeHttp.js"
import {
  ClerkAPIResponseError,
  clerkClient,
  ClerkOptionsError,
  ClerkRequestError,
  createClerkClient,
  isClerkAPIResponseError
} from "../src/index.js"

const SECRET = "sk_test_promiseAdapterSecret42"
const jwks = { keys: [{ kid: "ins_1", kty: "RSA", alg: "RS256", use: "sig", n: "abc", e: "AQAB" }] }

describe("createClerkClient (Promise adapter)", () => {
  it("resolves results and is awaitable through a call, as in the seed snippet", async () => {
    const clerk = createClerkClient({ secretKey: SECRET, httpClient: FakeHttp.layer(() => FakeHttp.json(200, jwks)) })
    const client = await clerk()
    expect(client).toBe(clerk)
    await expect(client.jwks.getJwks()).resolves.toEqual(jwks)
    await clerk.dispose()
  })

  it("uses a custom fetch and sends the Clerk headers", async () => {
    const seen: Array<Request> = []
    const clerk = createClerkClient({
      secretKey: SECRET,
      fetch: async (input, init) => {
        seen.push(new Request(input, init))
        return new Response(JSON.stringify(jwks), { headers: { "content-type": "application/json" } })
      }
    })
    await clerk.jwks.getJwks()
    expect(seen).toHaveLength(1)
    expect(seen[0]!.url).toBe("https://api.clerk.com/v1/jwks")
    expect(seen[0]!.headers.get("authorization")).toBe(`Bearer ${SECRET}`)
    expect(seen[0]!.headers.get("clerk-api-version")).toBe("2026-05-12")
  })

  it("throws a real ClerkAPIResponseError with @clerk/backend's fields and the tagged error as cause", async () => {
    const clerk = createClerkClient({
      secretKey: SECRET,
      httpClient: FakeHttp.layer(() =>
        FakeHttp.clerkError(404, [{ code: "resource_not_found", message: "not found", long_message: "No JWKS" }], {
          traceId: "trace_9",
          headers: { "retry-after": "2" }
        })
      )
    })
    const error = await clerk.jwks.getJwks().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ClerkAPIResponseError)
    expect(error).toBeInstanceOf(Error)
    expect(isClerkAPIResponseError(error)).toBe(true)
    if (!isClerkAPIResponseError(error)) return
    expect(error.name).toBe("ClerkAPIResponseError")
    expect(error.status).toBe(404)
    expect(error.clerkTraceId).toBe("trace_9")
    expect(error.retryAfter).toBe(2)
    expect(error.clerkError).toBe(true)
    expect(error.code).toBe("api_response_error")
    expect(error.errors).toEqual([{ code: "resource_not_found", message: "not found", longMessage: "No JWKS" }])
    expect(error.kind).toBe("ClerkNotFoundError")
    expect((error.cause as { _tag: string })._tag).toBe("ClerkNotFoundError")
    expect(String(error)).not.toContain(SECRET)
  })

  it("rejects network failures as ClerkAPIResponseError too, and never leaks a FiberFailure", async () => {
    const clerk = createClerkClient({
      secretKey: SECRET,
      retry: false,
      httpClient: FakeHttp.layer(() => FakeHttp.networkError("ECONNRESET"))
    })
    const error = await clerk.jwks.getJwks().catch((e: unknown) => e)
    expect(isClerkAPIResponseError(error)).toBe(true)
    if (!isClerkAPIResponseError(error)) return
    expect(error.errors[0]!.code).toBe("network_error")
    expect(error.message).toContain("ECONNRESET")
  })

  it("rejects a wrong-kind key eagerly and never prints the secret; an unfamiliar key shape is accepted", () => {
    const bad = "pk_test_supersecret"
    let caught: unknown
    try {
      createClerkClient({ secretKey: bad })
    } catch (e) {
      caught = e
    }
    expect(caught).toBeInstanceOf(ClerkOptionsError)
    expect(String(caught)).toContain("secretKey")
    expect(String(caught)).not.toContain("supersecret")
    expect(() => createClerkClient({ publishableKey: "sk_test_supersecret" })).toThrow(/publishableKey/)
    expect(() =>
      createClerkClient({ secretKey: "sk_nope_supersecret", publishableKey: "pk_test_notbase64!!" })
    ).not.toThrow()
    expect(() => createClerkClient({ apiUrl: "not a url" })).toThrow(/apiUrl/)
  })

  it("warns once, without the secret, about a key of an unfamiliar shape (as the Effect config does)", () => {
    const lines: Array<string> = []
    const spies = (["log", "info", "warn", "error"] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: ReadonlyArray<unknown>) => {
        lines.push(args.map(String).join(" "))
      })
    )
    try {
      createClerkClient({ secretKey: "sk_test_abcdefghijklmnopqrstuvwxyz" })
      expect(lines).toEqual([])
      createClerkClient({ secretKey: "sk_nope_supersecret" })
    } finally {
      for (const spy of spies) spy.mockRestore()
    }
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain("secretKey does not look like a Clerk key")
    expect(lines[0]).not.toContain("supersecret")
  })

  it("a missing secret key gives a typed error at call time, with no request sent", async () => {
    let requests = 0
    const clerk = createClerkClient({
      httpClient: FakeHttp.layer(() => {
        requests++
        return FakeHttp.json(200, jwks)
      })
    })
    await expect(clerk.jwks.getJwks()).rejects.toBeInstanceOf(ClerkRequestError)
    expect(requests).toBe(0)
  })

  it("withOptions shares the runtime and applies per-call retry options", async () => {
    let attempts = 0
    const clerk = createClerkClient({
      secretKey: SECRET,
      retry: { maxRetries: 2, baseDelay: "1 millis" },
      httpClient: FakeHttp.layer(() => {
        attempts++
        return FakeHttp.json(503, {})
      })
    })
    await expect(clerk.withOptions({ retry: false }).jwks.getJwks()).rejects.toBeInstanceOf(ClerkAPIResponseError)
    expect(attempts).toBe(1)
    attempts = 0
    await expect(clerk.jwks.getJwks()).rejects.toBeInstanceOf(ClerkAPIResponseError)
    expect(attempts).toBe(3)
    expect(clerk.withOptions({}).runtime).toBe(clerk.runtime)
  })

  it("an aborted signal aborts the call", async () => {
    let started = 0
    const clerk = createClerkClient({
      secretKey: SECRET,
      httpClient: FakeHttp.layer(() => {
        started++
        return Effect.never
      })
    })
    const controller = new AbortController()
    const pending = clerk.withOptions({ signal: controller.signal, retry: false, timeout: false }).jwks.getJwks()
    await new Promise((r) => setTimeout(r, 20))
    expect(started).toBe(1)
    controller.abort()
    const error = await pending.catch((e: unknown) => e)
    expect((error as Error).name).toBe("AbortError")
  })

  it("arguments of the wrong shape reject with ClerkRequestError instead of throwing synchronously", async () => {
    let requests = 0
    const clerk = createClerkClient({
      secretKey: SECRET,
      httpClient: FakeHttp.layer(() => {
        requests++
        return FakeHttp.json(200, {})
      })
    })
    const call = () => (clerk.users.getOrganizationMembershipList as (p: unknown) => Promise<unknown>)(undefined)
    let pending: Promise<unknown> | undefined
    expect(() => {
      pending = call()
    }).not.toThrow()
    await expect(pending).rejects.toBeInstanceOf(ClerkRequestError)
    expect(requests).toBe(0)
  })

  it("clerkClient() reads the environment once and reuses the instance", async () => {
    process.env.CLERK_SECRET_KEY = SECRET
    const a = await clerkClient()
    const b = await clerkClient()
    expect(a).toBe(b)
    expect(a.config.secretKey).toBeDefined()
    expect(String(a.config.secretKey)).not.toContain(SECRET)
  })
})
