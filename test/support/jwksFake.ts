/**
 * The loopback fake shared by the JWKS stampede suites (test/jwks-stampede.test.ts, test/load/jwks.load.ts): started
 * before the file's tests and closed after them (failing on any unhandled rejection), faults cleared and the JWKS
 * fetch count reset before each test, and the Effect API wired to it with no retries (so a failed fetch is one
 * request).
 */
import { FetchHttpClient } from "@effect/platform"
import { afterAll, assert, beforeAll, beforeEach } from "@effect/vitest"
import { Effect, Layer } from "effect"
import * as JwksCache from "../../src/auth/tokens/JwksCache.js"
import * as Tokens from "../../src/auth/tokens/index.js"
import { Jwks } from "../../src/resources/Jwks.js"
import * as BackendApi from "../../src/services/BackendApi.js"
import * as ClerkConfig from "../../src/services/ClerkConfig.js"
import * as FakeServer from "../../src/testing/FakeServer.js"
import type { FakeKeys } from "../../src/testing/tokens.js"

/** Whether a recorded request is the JWKS endpoint. */
export const isJwks = (r: { readonly path: string }) => r.path.endsWith("/jwks")

/** Registers the file's hooks and returns the fake (once started) with its JWKS counters. */
export const jwksFake = (keys: FakeKeys) => {
  let started: FakeServer.FakeServer | undefined
  const unhandled: Array<unknown> = []
  const onUnhandled = (reason: unknown) => unhandled.push(reason)
  let start = 0
  beforeAll(async () => {
    process.on("unhandledRejection", onUnhandled)
    started = await FakeServer.start({ keys })
  })
  afterAll(async () => {
    await started?.close()
    process.off("unhandledRejection", onUnhandled)
    assert.deepStrictEqual(unhandled, [])
  })
  beforeEach(() => {
    server().fake.clearFaults()
    start = server().requests().length
  })
  const server = (): FakeServer.FakeServer => {
    if (started === undefined) throw new Error("the fake server is not started yet (use it inside a test)")
    return started
  }
  return {
    server,
    /** `GET /v1/jwks` requests since the current test began. */
    jwksFetches: () =>
      server()
        .requests()
        .slice(start)
        .filter((r) => r.path === "/v1/jwks").length,
    /** The Effect API over the fake, no retries. */
    effectLayer: (options: JwksCache.JwksCacheOptions = {}) =>
      JwksCache.layer(options).pipe(
        Layer.provideMerge(Jwks.Default),
        Layer.provideMerge(BackendApi.layer),
        Layer.provideMerge(
          ClerkConfig.layer({ secretKey: server().fake.secretKey, apiUrl: server().url, retry: false })
        ),
        Layer.provide(FetchHttpClient.layer)
      )
  }
}

/** Verifies every token at once through the Effect API, each result as an Either. */
export const verifyAll = (all: ReadonlyArray<string>) =>
  Effect.forEach(all, (token) => Effect.either(Tokens.verifyToken(token)), { concurrency: "unbounded" })
