/**
 * Attack corpora for `authenticateRequest`: hostile cookies and headers (duplicates, huge values, bad percent-encoding,
 * bytes that are not UTF-8, forged forwarding headers). Every case ends in a request state (never a throw or a
 * defect), through the Promise client and the Effect API, over a real loopback fake; the only request ever sent is
 * `GET /v1/jwks` to the configured host, a handshake redirects only to the instance's Frontend API, and no secret
 * appears in the state or its auth object.
 */
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { FetchHttpClient } from "@effect/platform"
import { inspect } from "node:util"
import { Cause, Exit, Layer, ManagedRuntime, Option } from "effect"
import { authenticateRequest } from "../src/auth/request/authenticateRequest.js"
import { cookieSuffix, parseCookieHeader } from "../src/auth/request/cookies.js"
import type { RequestState } from "../src/auth/request/RequestState.js"
import { ClerkFrom } from "../src/layers/live.js"
import { createClerkClient } from "../src/promise/createClerkClient.js"
import * as FakeServer from "../src/testing/FakeServer.js"
import { generateKeys, publishableKeyFor } from "../src/testing/tokens.js"

// A production instance: a session cookie is read without the development browser handshake.
const SECRET_KEY = "sk_live_requestCorpusSecretThatMustNeverLeak01234"
let server: FakeServer.FakeServer
let session = ""
let suffix = ""
let publishableKey = ""
const unhandled: Array<unknown> = []
const onUnhandled = (reason: unknown) => unhandled.push(reason)

beforeAll(async () => {
  process.on("unhandledRejection", onUnhandled)
  server = await FakeServer.start({ keys: generateKeys("ins_requestCorpus"), secretKey: SECRET_KEY })
  session = server.fake.mintSessionToken({ userId: "user_corpus", azp: APP, expiresInSeconds: 600 })
  publishableKey = publishableKeyFor(new URL(server.fake.issuer).host, "live")
  suffix = cookieSuffix(publishableKey)
})
afterAll(async () => {
  await server.close()
  process.off("unhandledRejection", onUnhandled)
  assert.deepStrictEqual(unhandled, [])
})

const APP = "https://app.example.com"
/** A `__client_uat` before the session token was issued. */
const uat = () => String(Math.floor(Date.now() / 1000) - 120)
const latin1 = (bytes: ReadonlyArray<number>) => String.fromCharCode(...bytes)

interface RequestCase {
  readonly name: string
  /** Header pairs, appended in order (so a name may repeat); the URL path and query. */
  readonly headers: () => ReadonlyArray<readonly [string, string]>
  readonly path?: string
  /** The status it must end in, when the case has one right answer. */
  readonly status?: RequestState["status"]
}

const doc: ReadonlyArray<readonly [string, string]> = [
  ["sec-fetch-dest", "document"],
  ["accept", "text/html"]
]
const bearer = (value: string): ReadonlyArray<readonly [string, string]> => [["authorization", value]]

const CASES: ReadonlyArray<RequestCase> = [
  // Controls: the corpus is only meaningful if a good request does sign in.
  { name: "control: a valid bearer token", headers: () => bearer(`Bearer ${session}`), status: "signed-in" },
  {
    name: "control: a valid session cookie",
    headers: () => [["cookie", `__session=${session}; __client_uat=${uat()}`]],
    status: "signed-in"
  },
  // Duplicates
  {
    name: "two Authorization headers (joined by a comma)",
    headers: () => [
      ["authorization", `Bearer ${session}`],
      ["authorization", `Bearer ${session}`]
    ],
    status: "signed-out"
  },
  // Fetch joins repeated Cookie headers with "; ", so the first __session wins.
  {
    name: "two Cookie headers",
    status: "signed-in",
    headers: () => [
      ["cookie", `__session=${session}`],
      ["cookie", `__session=garbage; __client_uat=${uat()}`]
    ]
  },
  {
    name: "__session twice: the first (valid) wins",
    headers: () => [["cookie", `__session=${session}; __session=garbage; __client_uat=${uat()}`]],
    status: "signed-in"
  },
  {
    name: "__session twice: the first (garbage) wins",
    headers: () => [["cookie", `__session=garbage; __session=${session}; __client_uat=${uat()}`]],
    status: "signed-out"
  },
  {
    name: "suffixed and plain __session disagree",
    headers: () => [
      [
        "cookie",
        `__session_${suffix}=garbage; __session=${session}; __client_uat_${suffix}=${uat()}; __client_uat=${uat()}`
      ]
    ]
  },
  {
    name: "__client_uat twice, 0 then a time",
    headers: () => [["cookie", `__client_uat=0; __client_uat=${uat()}; __session=${session}`]],
    status: "signed-out"
  },
  {
    name: "bearer and cookie both present",
    headers: () => [
      ["authorization", `Bearer ${session}`],
      ["cookie", `__session=garbage; __client_uat=${uat()}`]
    ],
    status: "signed-in"
  },
  // Huge values
  {
    name: "a 100 kB session cookie",
    headers: () => [["cookie", `__session=${"a".repeat(100_000)}; __client_uat=${uat()}`]],
    status: "signed-out"
  },
  {
    name: "a 100 kB session cookie on a document request",
    headers: () => [...doc, ["cookie", `__session=${"a".repeat(100_000)}; __client_uat=${uat()}`]]
  },
  {
    name: "a 1 MB Authorization header",
    headers: () => bearer(`Bearer ${"a".repeat(1_000_000)}`),
    status: "signed-out"
  },
  {
    name: "a 1 MB Authorization header of dots",
    headers: () => bearer(`Bearer ${".".repeat(1_000_000)}`),
    status: "signed-out"
  },
  {
    name: "10,000 cookies",
    headers: () => [["cookie", Array.from({ length: 10_000 }, (_, i) => `c${i}=${i}`).join("; ")]],
    status: "signed-out"
  },
  {
    name: "10,000 cookies, then a valid session",
    headers: () => [
      [
        "cookie",
        `${Array.from({ length: 10_000 }, (_, i) => `c${i}=${i}`).join("; ")}; __session=${session}; __client_uat=${uat()}`
      ]
    ],
    status: "signed-in"
  },
  {
    name: "a huge __client_uat",
    headers: () => [["cookie", `__client_uat=${"9".repeat(10_000)}; __session=${session}`]],
    status: "signed-out"
  },
  {
    name: "a 50 kB User-Agent, Origin and Referer",
    headers: () => [
      ["user-agent", "u".repeat(50_000)],
      ["origin", `https://${"o".repeat(50_000)}.com`],
      ["referer", `https://${"r".repeat(50_000)}.com/`],
      ["cookie", `__session=${session}; __client_uat=${uat()}`]
    ]
  },
  // Bad encodings
  {
    name: "a truncated percent escape in __session",
    headers: () => [["cookie", `__session=%E0%A4%A; __client_uat=${uat()}`]],
    status: "signed-out"
  },
  {
    name: "percent escapes of invalid UTF-8 in __session",
    headers: () => [["cookie", `__session=%FF%FE%FD; __client_uat=${uat()}`]],
    status: "signed-out"
  },
  {
    name: "%00 and %0D%0A in cookies",
    headers: () => [["cookie", `__session=a%00b%0D%0Ac; __client_uat=1%0A2`]],
    status: "signed-out"
  },
  {
    name: "a percent-encoded valid token",
    headers: () => [
      ["cookie", `__session=${encodeURIComponent(session).replace(/\./g, "%2E")}; __client_uat=${uat()}`]
    ],
    status: "signed-in"
  },
  {
    name: "an encoded ; inside a value cannot forge another cookie",
    headers: () => [["cookie", `x=%3B__session%3D${session}; __client_uat=${uat()}`]],
    status: "signed-out"
  },
  {
    name: "latin-1 bytes (not UTF-8) in the cookie",
    headers: () => [["cookie", `__session=${latin1([0xff, 0xfe, 0xe9, 0x80])}; __client_uat=${latin1([0xb9])}`]],
    status: "signed-out"
  },
  {
    name: "latin-1 bytes in the Authorization header",
    headers: () => bearer(`Bearer ${latin1([0xe9, 0xff, 0x2e, 0xc0, 0x2e, 0x80])}`),
    status: "signed-out"
  },
  {
    name: "a token with a latin-1 byte appended",
    headers: () => bearer(`Bearer ${session}${latin1([0xe9])}`),
    status: "signed-out"
  },
  {
    name: "cookie pairs without =, with empty names, quotes and tabs",
    headers: () => [["cookie", `;;; =x; "__session"="${session}"; \t__client_uat\t=\t1 ;__session`]],
    status: "signed-out"
  },
  // Authorization shapes
  { name: "Bearer with no token", headers: () => bearer("Bearer"), status: "signed-out" },
  { name: "Bearer and spaces", headers: () => bearer("Bearer     "), status: "signed-out" },
  {
    name: "Basic credentials",
    headers: () => bearer(`Basic ${Buffer.from("user:pass").toString("base64")}`),
    status: "signed-out"
  },
  // As in @clerk/backend, the token is the second space-separated word; what follows is ignored (the token is verified).
  { name: "a token and trailing words", headers: () => bearer(`Bearer ${session} extra words`), status: "signed-in" },
  { name: "a lower-case scheme", headers: () => bearer(`bearer ${session}`), status: "signed-out" },
  {
    name: "a machine-token prefix with garbage",
    headers: () => bearer("Bearer ak_../../v1/users"),
    status: "signed-out"
  },
  {
    name: "an oauth-token prefix, 10 kB",
    headers: () => bearer(`Bearer oat_${"z".repeat(10_000)}`),
    status: "signed-out"
  },
  // Forged forwarding and query parameters
  {
    name: "x-forwarded-host of another site, document request",
    headers: () => [
      ...doc,
      ["x-forwarded-host", "evil.example.com"],
      ["x-forwarded-proto", "javascript"],
      ["cookie", `__client_uat=${uat()}`]
    ]
  },
  {
    name: "duplicate x-forwarded-host / proto",
    headers: () => [
      ["x-forwarded-host", "app.example.com"],
      ["x-forwarded-host", "evil.example.com"],
      ["x-forwarded-proto", "https, http"],
      ["cookie", `__session=${session}; __client_uat=${uat()}`]
    ]
  },
  {
    name: "a garbage __clerk_handshake",
    path: "/?__clerk_handshake=%FF%FE.garbage",
    headers: () => doc,
    status: "signed-out"
  },
  {
    name: "a __clerk_handshake of a megabyte",
    path: `/?__clerk_handshake=${"A".repeat(1_000_000)}`,
    headers: () => doc
  },
  {
    name: "a garbage __clerk_db_jwt and redirect params",
    path: "/?__clerk_db_jwt=%E0%A4&__clerk_redirect_url=https://evil.example.com&__clerk_synced=x",
    headers: () => doc
  },
  {
    name: "a garbage dev-browser cookie on a document request",
    headers: () => [...doc, ["cookie", `__clerk_db_jwt=${"%".repeat(300)}; __client_uat=${uat()}; __session=garbage`]],
    status: "signed-out"
  }
]

const build = (c: RequestCase): Request => {
  const headers = new Headers()
  for (const [name, value] of c.headers()) headers.append(name, value)
  return new Request(`${APP}${c.path ?? "/dashboard"}`, { headers })
}

const frontendApiHost = () => new URL(server.fake.issuer).host

/** What every state must satisfy, whatever the case. */
const checkState = (label: string, state: RequestState) => {
  assert.include(["signed-in", "signed-out", "handshake"], state.status, label)
  if (state.status === "handshake") {
    const location = state.headers.get("location")
    assert.isString(location, `${label}: a handshake has a Location`)
    assert.strictEqual(new URL(location!).host, frontendApiHost(), `${label}: redirects to the Frontend API only`)
  }
  for (const text of [
    inspect(state, { depth: Infinity }),
    inspect(state.toAuth(), { depth: Infinity }),
    String(state.message)
  ]) {
    assert.notInclude(text, SECRET_KEY.slice(8, 30), `${label}: no secret`)
  }
}

const sentSince = (before: number) =>
  server
    .requests()
    .slice(before)
    .map((r) => `${r.method} ${r.url.host}${r.path}`)
const assertOnlyJwks = (label: string, sent: ReadonlyArray<string>) => {
  for (const s of sent) assert.strictEqual(s, `GET ${new URL(server.url).host}/v1/jwks`, label)
}

describe("hostile cookies and headers through authenticateRequest", () => {
  it(`Promise client: ${CASES.length} cases end in a request state, never a throw`, async () => {
    const clerk = createClerkClient({ secretKey: SECRET_KEY, publishableKey, apiUrl: server.url, retry: false })
    const before = server.requests().length
    try {
      for (const c of CASES) {
        const state = await clerk.authenticateRequest(build(c), { authorizedParties: [APP] })
        checkState(c.name, state)
        if (c.status !== undefined) assert.strictEqual(state.status, c.status, `${c.name}: ${state.reason}`)
      }
      assertOnlyJwks("Promise", sentSince(before))
    } finally {
      await clerk.dispose()
    }
  })

  it(`Effect API: the same ${CASES.length} cases succeed with a state, never a failure or a defect`, async () => {
    const runtime = ManagedRuntime.make(
      ClerkFrom({ secretKey: SECRET_KEY, publishableKey, apiUrl: server.url, retry: false }).pipe(
        Layer.provide(FetchHttpClient.layer)
      )
    )
    const before = server.requests().length
    try {
      for (const c of CASES) {
        const exit = await runtime.runPromiseExit(authenticateRequest(build(c), { authorizedParties: [APP] }))
        if (Exit.isFailure(exit)) {
          const failure = Cause.failureOption(exit.cause)
          assert.fail(
            `${c.name}: ${Option.isSome(failure) ? `failed ${failure.value._tag}` : `defect ${Cause.pretty(exit.cause)}`}`
          )
        } else {
          checkState(c.name, exit.value)
          if (c.status !== undefined) assert.strictEqual(exit.value.status, c.status, `${c.name}: ${exit.value.reason}`)
        }
      }
      assertOnlyJwks("Effect", sentSince(before))
    } finally {
      await runtime.dispose()
    }
  })

  it("the cookie parser: first occurrence wins, bad escapes are kept as sent, an encoded ; forges nothing", () => {
    const cookies = parseCookieHeader("a=1; a=2; b=%E0%A4%A; c=%3Bd%3D1; e=%C3%A9; \tf\t=\t2 ")
    assert.deepStrictEqual(Object.fromEntries(cookies), { a: "1", b: "%E0%A4%A", c: ";d=1", e: "\u00e9", f: "2" })
    assert.isFalse(cookies.has("d"))
  })
})
