/**
 * Backend API benchmarks over real loopback sockets: effect-clerk's Promise client on undici (the Node default) and on
 * fetch, `@clerk/backend`, and the raw transports (`fetch`, `undici.request`) fetching and parsing the same JSON.
 * Cases: getUser; getUserList(100) (list + count, in parallel); 64 and 1,000 concurrent getUser; a 10,000-user page
 * walk. Full users (email, phone, external accounts) as Clerk sends them; see bench/server.ts.
 *
 * Run alone with `npx tsx bench/api.ts`, or with every suite through `npm run bench`.
 *
 * @module
 */
import "./fetchStub.js"
import { pathToFileURL } from "node:url"
import { Agent, request as undiciRequest } from "undici"
import { importBuilt } from "./built.js"
import { type BenchResult, type BenchTarget, runBench } from "./harness.js"
import { spawnBenchServer } from "./server.js"

const { createClerkClient } =
  await importBuilt<typeof import("../src/promise/createClerkClient.js")>("promise/createClerkClient.js")

const SECRET = "sk_test_benchSecretKey0001"
const WALK = 10_000
const WALK_PAGE = 500

const OURS = "effect-clerk (undici)"
const OURS_FETCH = "effect-clerk (fetch)"
const CLERK = "@clerk/backend"
const RAW_UNDICI = "raw undici.request"
const RAW_FETCH = "raw fetch"

/** The #8 targets for one API case. */
const apiTargets = (): ReadonlyArray<BenchTarget> => [
  { label: "≥2x @clerk/backend (undici transport)", case: OURS, vs: CLERK, atLeast: 2 },
  { label: "≥1.0x @clerk/backend on fetch", case: OURS_FETCH, vs: CLERK, atLeast: 1 },
  { label: "≤1.15x raw undici", case: OURS, vs: RAW_UNDICI, atMostSlowdown: 1.15 },
  { label: "≤1.15x raw fetch (on fetch)", case: OURS_FETCH, vs: RAW_FETCH, atMostSlowdown: 1.15 }
]

/** Runs the API suites. */
export const apiSuites = async (): Promise<ReadonlyArray<BenchResult>> => {
  const server = await spawnBenchServer(WALK)
  const clerk = await import("@clerk/backend")
  const ours = createClerkClient({ secretKey: SECRET, apiUrl: server.url, transport: "undici" })
  const oursFetch = createClerkClient({ secretKey: SECRET, apiUrl: server.url, transport: "fetch" })
  const theirs = clerk.createClerkClient({ secretKey: SECRET, apiUrl: server.url })
  const agent = new Agent({ connections: 64, keepAliveTimeout: 4_000 })
  const headers = { authorization: `Bearer ${SECRET}`, "content-type": "application/json" }
  const rawUndici = async (path: string): Promise<unknown> => {
    const res = await undiciRequest(`${server.url}${path}`, { dispatcher: agent, headers })
    return res.body.json()
  }
  const rawFetch = async (path: string): Promise<unknown> => (await fetch(`${server.url}${path}`, { headers })).json()
  const USER = "/v1/users/user_2bench00000001"
  const LIST = "/v1/users?limit=100&offset=0"
  const COUNT = "/v1/users/count"
  const id = "user_2bench00000001"

  const times = (n: number, f: () => Promise<unknown>) => () => Promise.all(Array.from({ length: n }, f))

  const results: Array<BenchResult> = []
  results.push(
    await runBench({
      title: "users.getUser",
      baseline: CLERK,
      warmupMillis: 2_000,
      cases: [
        { name: OURS, run: () => ours.users.getUser(id) },
        { name: OURS_FETCH, run: () => oursFetch.users.getUser(id) },
        { name: CLERK, run: () => theirs.users.getUser(id) },
        { name: RAW_UNDICI, run: () => rawUndici(USER) },
        { name: RAW_FETCH, run: () => rawFetch(USER) }
      ],
      targets: apiTargets()
    })
  )
  results.push(
    await runBench({
      title: "users.getUserList({ limit: 100 }) (list + count)",
      baseline: CLERK,
      warmupMillis: 500,
      rounds: 15,
      cases: [
        { name: OURS, run: () => ours.users.getUserList({ limit: 100 }) },
        { name: OURS_FETCH, run: () => oursFetch.users.getUserList({ limit: 100 }) },
        { name: CLERK, run: () => theirs.users.getUserList({ limit: 100 }) },
        { name: RAW_UNDICI, run: () => Promise.all([rawUndici(LIST), rawUndici(COUNT)]) },
        { name: RAW_FETCH, run: () => Promise.all([rawFetch(LIST), rawFetch(COUNT)]) }
      ],
      targets: apiTargets()
    })
  )
  for (const n of [64, 1000]) {
    results.push(
      await runBench({
        title: `${n} concurrent users.getUser`,
        baseline: CLERK,
        rounds: n === 64 ? 11 : 7,
        roundMillis: n === 64 ? 60 : 150,
        cases: [
          { name: OURS, run: times(n, () => ours.users.getUser(id)) },
          { name: OURS_FETCH, run: times(n, () => oursFetch.users.getUser(id)) },
          { name: CLERK, run: times(n, () => theirs.users.getUser(id)) },
          { name: RAW_UNDICI, run: times(n, () => rawUndici(USER)) },
          { name: RAW_FETCH, run: times(n, () => rawFetch(USER)) }
        ],
        targets: n === 64 ? apiTargets() : []
      })
    )
  }
  const walkRaw = async (get: (path: string) => Promise<unknown>) => {
    let seen = 0
    for (let offset = 0; ; offset += WALK_PAGE) {
      const page = await get(`/v1/users?limit=${WALK_PAGE}&offset=${offset}`)
      const length = Array.isArray(page) ? page.length : 0
      seen += length
      if (length < WALK_PAGE) return seen
    }
  }
  const walkOurs = async (client: typeof ours) => {
    let seen = 0
    for await (const _user of client.users.getUserListStream()) seen++
    if (seen !== WALK) throw new Error(`walk saw ${seen} users`)
    return seen
  }
  const walkClerk = async () => {
    let seen = 0
    for (let offset = 0; ; offset += WALK_PAGE) {
      const page = await theirs.users.getUserList({ limit: WALK_PAGE, offset })
      seen += page.data.length
      if (page.data.length < WALK_PAGE) return seen
    }
  }
  results.push(
    await runBench({
      title: `page walk over ${WALK.toLocaleString("en-US")} users (pages of ${WALK_PAGE})`,
      baseline: CLERK,
      rounds: 5,
      roundMillis: 400,
      cases: [
        { name: OURS, run: () => walkOurs(ours) },
        { name: OURS_FETCH, run: () => walkOurs(oursFetch) },
        { name: `${CLERK} (getUserList loop)`, run: walkClerk },
        { name: RAW_UNDICI, run: () => walkRaw(rawUndici) },
        { name: RAW_FETCH, run: () => walkRaw(rawFetch) }
      ].map((c) => (c.name.startsWith(CLERK) ? { ...c, name: CLERK } : c)),
      targets: [
        { label: "≤1.2x raw undici", case: OURS, vs: RAW_UNDICI, atMostSlowdown: 1.2 },
        { label: "≤1.2x raw fetch (on fetch)", case: OURS_FETCH, vs: RAW_FETCH, atMostSlowdown: 1.2 }
      ]
    })
  )
  await Promise.all([ours.dispose(), oursFetch.dispose(), agent.close()])
  await server.close()
  return results
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await apiSuites()
