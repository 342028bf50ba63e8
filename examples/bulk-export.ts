/**
 * A bulk export: every user as a CSV row, with `Users.getUserListStream`. The stream walks the list page by page at
 * the endpoint's largest page size and requests the next page while the current one is written, so memory holds one
 * page at a time whatever the number of users. `npx tsx examples/bulk-export.ts [count]` seeds the fake Clerk backend
 * on 127.0.0.1 with that many users (default 1234) and exports them to a temporary file.
 */
import { Effect, Stream } from "effect"
import { open } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { ClerkLive, type User, Users } from "../src/index.js"
import { FakeServer } from "../src/testing/index.js"

/** The CSV columns. */
export const header = "id,email,first_name,last_name,created_at"

const field = (value: string | null | undefined): string => {
  const text = value ?? ""
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** One user as a CSV line. */
export const row = (user: User): string =>
  [
    user.id,
    user.primaryEmailAddress?.emailAddress,
    user.firstName,
    user.lastName,
    new Date(user.createdAt).toISOString()
  ]
    .map(field)
    .join(",")

/** Writes every user, oldest first, to `path` as CSV; succeeds with the number of rows written. */
export const exportUsers = (path: string) =>
  Effect.gen(function* () {
    const users = yield* Users
    const file = yield* Effect.acquireRelease(
      Effect.promise(() => open(path, "w")),
      (handle) => Effect.promise(() => handle.close())
    )
    yield* Effect.promise(() => file.write(`${header}\n`))
    return yield* users.getUserListStream({ orderBy: "+created_at" }).pipe(
      Stream.map(row),
      Stream.grouped(100),
      Stream.mapEffect((lines) =>
        Effect.promise(() => file.write(`${[...lines].join("\n")}\n`)).pipe(Effect.as(lines.length))
      ),
      Stream.runSum
    )
  }).pipe(Effect.scoped, Effect.withSpan("examples.exportUsers"))

/** What {@link main} did. */
export interface ExportResult {
  readonly file: string
  readonly rows: number
  /** `GET /v1/users` requests the fake backend received. */
  readonly pages: number
}

/** Seeds `count` users into a fresh fake backend, exports them, and reports the file, rows and page requests. */
export const main = async (count = 1234, file = join(tmpdir(), `effect-clerk-users-${process.pid}.csv`)) => {
  const backend = await FakeServer.start()
  try {
    for (let i = 0; i < count; i++) {
      backend.fake.seed.user({
        firstName: `User ${i}`,
        lastName: i % 7 === 0 ? "O'Brien, Jr." : "Example",
        emailAddress: [`user${i}@example.com`]
      })
    }
    const rows = await Effect.runPromise(exportUsers(file).pipe(Effect.provide(ClerkLive(backend.clientOptions))))
    const pages = backend
      .requests()
      .filter((request) => request.method === "GET" && request.path === "/v1/users").length
    return { file, rows, pages } satisfies ExportResult
  } finally {
    await backend.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { file, pages, rows } = await main(process.argv[2] === undefined ? undefined : Number(process.argv[2]))
  console.log(`exported ${rows} users to ${file} in ${pages} page requests`)
}
