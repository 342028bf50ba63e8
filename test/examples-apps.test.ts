/**
 * The application examples (examples/*.ts), each run against the fake backend on loopback: the `@effect/platform`
 * API behind `ClerkMiddleware`, the Express app, the webhook receiver and the bulk export.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import * as BulkExport from "../examples/bulk-export.js"
import * as EffectServer from "../examples/effect-server.js"
import * as ExpressApp from "../examples/express-app.js"
import * as WebhookReceiver from "../examples/webhook-receiver.js"
import { createClerkClient } from "../src/index.js"
import { FakeServer, fixtures, signWebhook, webhookSecret } from "../src/testing/index.js"

let backend: FakeServer.FakeServer
beforeAll(async () => {
  backend = await FakeServer.start()
})
afterAll(async () => {
  await backend.close()
})

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

describe("examples/effect-server.ts (ClerkMiddleware on an @effect/platform router)", () => {
  it("answers a signed-in session with its user, and 401 to a signed-out or forged request", async () => {
    const api = await EffectServer.start(backend.clientOptions)
    try {
      const user = backend.fake.seed.user({ firstName: "Edsger", lastName: "Dijkstra" })
      const token = backend.fake.mintSessionToken({ userId: user.id })
      const signedIn = await fetch(`${api.url}/me`, { headers: bearer(token) })
      expect(signedIn.status).toBe(200)
      expect(await signedIn.json()).toEqual({ userId: user.id, name: "Edsger Dijkstra" })
      expect((await fetch(`${api.url}/me`)).status).toBe(401)
      expect((await fetch(`${api.url}/me`, { headers: bearer(`${token.slice(0, -2)}xx`) })).status).toBe(401)
      const expired = backend.fake.mintSessionToken({ userId: user.id, expiresInSeconds: -120 })
      expect((await fetch(`${api.url}/me`, { headers: bearer(expired) })).status).toBe(401)
      expect((await fetch(`${api.url}/nowhere`, { headers: bearer(token) })).status).toBe(404)
    } finally {
      await api.close()
    }
  })

  it("main() runs the tour", async () => {
    const lines = await EffectServer.main()
    expect(lines[0]).toMatch(/^signed in: 200 \{"userId":"user_\w+","name":"Ada Lovelace"\}$/)
    expect(lines[1]).toBe("signed out: 401")
  })
})

describe("examples/express-app.ts (clerkMiddleware, requireAuth, getAuth)", () => {
  it("reads the Auth object on a public route, and guards /me with requireAuth", async () => {
    const clerkClient = createClerkClient(backend.clientOptions)
    const server = await ExpressApp.listen(ExpressApp.createApp(clerkClient))
    try {
      const user = backend.fake.seed.user({ firstName: "Barbara", emailAddress: ["barbara@example.com"] })
      const token = backend.fake.mintSessionToken({ userId: user.id })
      const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers })
      expect(await (await get("/public")).json()).toEqual({ isAuthenticated: false })
      expect(await (await get("/public", bearer(token))).json()).toEqual({ isAuthenticated: true })
      const me = await get("/me", bearer(token))
      expect(me.status).toBe(200)
      expect(await me.json()).toEqual({ userId: user.id, name: "Barbara", email: "barbara@example.com" })
      const signedOut = await get("/me")
      expect(signedOut.status).toBe(401)
      expect(await signedOut.text()).toBe("Unauthorized")
      expect((await get("/me", bearer(`${token}x`))).status).toBe(401)
    } finally {
      await server.close()
      await clerkClient.dispose()
    }
  })

  it("main() runs the tour", async () => {
    const lines = await ExpressApp.main()
    expect(lines).toHaveLength(4)
    expect(lines[0]).toBe('/public signed out: 200 {"isAuthenticated":false}')
    expect(lines[1]).toBe('/public signed in: 200 {"isAuthenticated":true}')
    expect(lines[2]).toMatch(
      /^\/me signed in: 200 \{"userId":"user_\w+","name":"Grace Hopper","email":"grace@example\.com"\}$/
    )
    expect(lines[3]).toBe("/me signed out: 401 Unauthorized")
  })
})

describe("examples/webhook-receiver.ts (WebhookVerifier.handler)", () => {
  it("applies signed deliveries and refuses tampered, foreign, stale and unsigned ones without running the handler", async () => {
    const secret = webhookSecret()
    const receiver = await WebhookReceiver.start(secret)
    const post = (delivery: { readonly headers: Readonly<Record<string, string>>; readonly body: string }) =>
      fetch(`${receiver.url}/webhooks/clerk`, { method: "POST", headers: delivery.headers, body: delivery.body })
    try {
      const data = fixtures.user.wire({ id: "user_alan", firstName: "Alan", lastName: "Turing" })
      const created = signWebhook({ type: "user.created", data }, secret)
      expect((await post(created)).status).toBe(204)
      expect([...receiver.users()]).toEqual([["user_alan", "Alan Turing"]])

      const renamed = { ...data, first_name: "Mallory" }
      const refusals = [
        { headers: created.headers, body: JSON.stringify({ ...JSON.parse(created.body), data: renamed }) },
        signWebhook({ type: "user.updated", data: renamed }, webhookSecret()),
        signWebhook({ type: "user.updated", data: renamed }, secret, { timestamp: Date.now() - 10 * 60_000 }),
        { headers: { "content-type": "application/json" }, body: created.body }
      ]
      for (const delivery of refusals) {
        const response = await post(delivery)
        expect(response.status).toBe(400)
        expect(await response.json()).toEqual({ error: expect.any(String) })
      }
      expect([...receiver.users()]).toEqual([["user_alan", "Alan Turing"]])

      const organization = fixtures.organization.wire({ id: "org_1" })
      const ignored = [
        signWebhook({ type: "organization.created", data: organization }, secret),
        signWebhook({ type: "a.future.event", data: {} }, secret)
      ]
      for (const delivery of ignored) expect((await post(delivery)).status).toBe(204)
      expect(receiver.users().size).toBe(1)
      const user = { object: "user", id: "user_alan", deleted: true }
      const deleted = signWebhook({ type: "user.deleted", data: user }, secret)
      expect((await post(deleted)).status).toBe(204)
      expect(receiver.users().size).toBe(0)
    } finally {
      await receiver.close()
    }
  })

  it("main() runs the tour", async () => {
    expect(await WebhookReceiver.main()).toEqual([
      "user.created: 204",
      'tampered: 400 {"error":"Unable to verify incoming webhook: No matching signature found"}',
      "user.updated: 204",
      'directory: [["user_ada","Ada Lovelace"]]',
      "user.deleted: 204",
      "directory: []"
    ])
  })
})

describe("examples/bulk-export.ts (Users.getUserListStream)", () => {
  const dir = mkdtempSync(join(tmpdir(), "effect-clerk-export-"))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it("exports every user once, oldest first, as CSV, in ceil(N / 500) page requests", async () => {
    const file = join(dir, "users.csv")
    const result = await BulkExport.main(1234, file)
    expect(result).toEqual({ file, rows: 1234, pages: 3 })
    const lines = readFileSync(file, "utf8").split("\n")
    expect(lines.at(-1)).toBe("")
    const rows = lines.slice(1, -1)
    expect(lines[0]).toBe(BulkExport.header)
    expect(rows).toHaveLength(1234)
    const emails = rows.map((line) => line.split(",")[1])
    expect(new Set(emails).size).toBe(1234)
    expect(emails[0]).toBe("user0@example.com")
    expect(emails.at(-1)).toBe("user1233@example.com")
    const ids = rows.map((line) => line.split(",")[0])
    expect(new Set(ids).size).toBe(1234)
    for (const id of ids) expect(id).toMatch(/^user_\w+$/)
    expect(rows[7]).toMatch(/^user_\w+,user7@example\.com,User 7,"O'Brien, Jr\.",\d{4}-\d\d-\d\dT/)
    const created = rows.map((line) => Date.parse(line.slice(line.lastIndexOf(",") + 1)))
    expect(created).toEqual([...created].sort((a, b) => a - b))
  })

  it("an empty instance gives the header alone after one request", async () => {
    const file = join(dir, "empty.csv")
    expect(await BulkExport.main(0, file)).toEqual({ file, rows: 0, pages: 1 })
    expect(readFileSync(file, "utf8")).toBe(`${BulkExport.header}\n`)
  })

  it("row() quotes fields that hold commas or quotes", () => {
    const user = fixtures.user({
      id: "user_q",
      firstName: 'Ada "the first"',
      lastName: "Byron, Lovelace",
      createdAt: 0,
      emailAddresses: []
    })
    expect(BulkExport.row(user)).toBe('user_q,,"Ada ""the first""","Byron, Lovelace",1970-01-01T00:00:00.000Z')
  })
})
