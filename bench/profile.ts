/**
 * A profiling driver (not part of `npm run bench`): runs one API case in a loop against the loopback bench server,
 * for `node --import tsx --cpu-prof bench/profile.ts [getUser|list|burst|walk|raw] [undici|fetch] [seconds]` (`raw`:
 * `undici.request` on the same URL, the floor). Prints CPU µs per operation; the first few thousand calls run before
 * V8 has optimised the pipeline, so profile for several seconds.
 *
 * @module
 */
import { importBuilt } from "./built.js"

const { createClerkClient } =
  await importBuilt<typeof import("../src/promise/createClerkClient.js")>("promise/createClerkClient.js")

const [which = "getUser", transport = "undici", secondsText = "8"] = process.argv.slice(2)
// BENCH_SERVER_URL: a server already running (`node --import tsx bench/server.ts`), e.g. when this file is bundled.
const given = process.env["BENCH_SERVER_URL"]
const server =
  given === undefined
    ? await (await import("./server.js")).spawnBenchServer(10_000)
    : { url: given, close: () => Promise.resolve() }
const client = createClerkClient({
  secretKey: "sk_test_benchSecretKey0001",
  apiUrl: server.url,
  transport: transport === "fetch" ? "fetch" : "undici"
})
const id = "user_2bench00000001"
// Loaded only for `raw`: importing undici installs its global dispatcher, which Node's own fetch would then use.
const undici = which === "raw" ? await import("undici") : undefined
const agent = undici === undefined ? undefined : new undici.Agent({ connections: 64, keepAliveTimeout: 4_000 })
const rawHeaders = { authorization: "Bearer sk_test_benchSecretKey0001", "content-type": "application/json" }
const op = async (): Promise<unknown> => {
  switch (which) {
    case "list":
      return client.users.getUserList({ limit: 100 })
    case "burst":
      return Promise.all(Array.from({ length: 64 }, () => client.users.getUser(id)))
    case "walk": {
      let seen = 0
      for await (const _user of client.users.getUserListStream()) seen++
      return seen
    }
    case "raw":
      if (undici === undefined || agent === undefined) throw new Error("undici is not loaded")
      return (
        await undici.request(`${server.url}/v1/users/${id}`, { dispatcher: agent, headers: rawHeaders })
      ).body.json()
    default:
      return client.users.getUser(id)
  }
}
for (let i = 0; i < 50; i++) await op()
const until = Date.now() + Number(secondsText) * 1000
const cpu = process.cpuUsage()
let n = 0
while (Date.now() < until) {
  await op()
  n++
}
const used = process.cpuUsage(cpu)
console.log(`${which} (${transport}): ${n} ops, ${((used.user + used.system) / n).toFixed(1)} CPU µs/op`)
await Promise.all([client.dispose(), agent?.close()])
await server.close()
