/**
 * `npm start`: a short tour against the embedded fake Clerk backend on 127.0.0.1. No Clerk account, no network.
 *
 * It creates users and an organization, lists them page by page, and handles a typed error — once with the Promise
 * client (as with @clerk/backend) and once with the Effect services.
 */
import { Console, Effect, Stream } from "effect"
import { ClerkLive, createClerkClient, isClerkAPIResponseError, Organizations, Users } from "../src/index.js"
import { FakeServer } from "../src/testing/index.js"

const server = await FakeServer.start()
console.log(`Fake Clerk Backend API listening on ${server.url}\n`)

// ---------------------------------------------------------------------------------------------------------------
// Promise users: the same calls as @clerk/backend, with only the import changed.
// ---------------------------------------------------------------------------------------------------------------
const clerkClient = createClerkClient(server.clientOptions)
const client = await clerkClient()

console.log("== Promise client")
const names = ["Ada Lovelace", "Grace Hopper", "Alan Turing", "Edsger Dijkstra", "Barbara Liskov"]
const created = []
for (const name of names) {
  const [firstName, lastName] = name.split(" ")
  const user = await client.users.createUser({
    firstName,
    lastName,
    emailAddress: [`${firstName!.toLowerCase()}@example.com`]
  })
  created.push(user)
  console.log(`created ${user.id}  ${user.fullName}  <${user.primaryEmailAddress?.emailAddress}>`)
}

const org = await client.organizations.createOrganization({ name: "Analytical Engines", createdBy: created[0]!.id })
console.log(`created organization ${org.id} (${org.slug})`)
for (const user of created.slice(1, 3)) {
  await client.organizations.createOrganizationMembership({
    organizationId: org.id,
    userId: user.id,
    role: "org:member"
  })
}

let offset = 0
for (let page = 1; ; page++) {
  const { data, totalCount } = await client.users.getUserList({ limit: 2, offset, orderBy: "+created_at" })
  console.log(`page ${page}: ${data.map((u) => u.firstName).join(", ")}  (totalCount ${totalCount})`)
  offset += data.length
  if (data.length === 0 || offset >= totalCount) break
}

const members = []
for await (const membership of client.organizations.getOrganizationMembershipListStream({ organizationId: org.id })) {
  members.push(`${membership.publicUserData?.firstName} (${membership.role})`)
}
console.log(`members of ${org.name}: ${members.join(", ")}`)

try {
  await client.users.getUser("user_does_not_exist")
} catch (error) {
  if (isClerkAPIResponseError(error)) {
    console.log(`typed error: ClerkAPIResponseError status=${error.status} code=${error.errors[0]?.code}`)
  } else {
    throw error
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Effect users: the same work as services and layers, with errors caught by tag.
// ---------------------------------------------------------------------------------------------------------------
console.log("\n== Effect services")
const program = Effect.gen(function* () {
  const users = yield* Users
  const organizations = yield* Organizations
  const everyone = yield* users.getUserListStream({ orderBy: "+created_at" }).pipe(
    Stream.map((u) => u.fullName),
    Stream.runCollect
  )
  yield* Console.log(`all users (walking every page): ${[...everyone].join(", ")}`)
  const found = yield* organizations.getOrganization({ slug: org.slug })
  yield* Console.log(`organization by slug: ${found.name}`)
  const missing = yield* users.getUser("user_missing").pipe(
    Effect.map((u) => u.id),
    Effect.catchTag("ClerkNotFoundError", (e) => Effect.succeed(`caught ClerkNotFoundError (${e.status})`))
  )
  yield* Console.log(missing)
})

await Effect.runPromise(program.pipe(Effect.provide(ClerkLive({ ...server.clientOptions }))))

await clerkClient.dispose()
await server.close()
console.log("\nDone.")
