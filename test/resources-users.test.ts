/**
 * The `Users` service on the Effect side: Streams, typed errors, decode failures, and the operations
 * `@clerk/backend` lacks (checked against the recorded request and the decoded result).
 */
import { assert, describe, it } from "@effect/vitest"
import { Chunk, Deferred, Effect, Exit, Stream, Tracer } from "effect"
import * as FakeHttp from "../src/testing/FakeHttp.js"
import { createClerkClient } from "../src/promise/createClerkClient.js"
import { fixtures } from "../src/models/generated/fixtures.js"
import { TrustedDevice, User } from "../src/models/generated/schemas.js"
import { Users } from "../src/resources/Users.js"
import type { ClerkError } from "../src/services/ClerkErrors.js"
import { membershipJson } from "./support/samples/organizations.js"
import { failureOf, overFakeHttp, recorded, sparseUserJson, userJson } from "./support/samples/users.js"

const U = userJson.id

const testLayer = (handler: FakeHttp.FakeHandler) => overFakeHttp(Users.Default, handler)
const strictLayer = (handler: FakeHttp.FakeHandler) =>
  overFakeHttp(Users.Default, handler, { responseValidation: "strict" })

/** Answers `GET /v1/users` with `total` sparse users, paged by the request's limit/offset. */
const usersPages =
  (total: number): FakeHttp.FakeHandler =>
  (request) => {
    const limit = Number(request.query["limit"]?.[0])
    const offset = Number(request.query["offset"]?.[0])
    const count = Math.max(0, Math.min(limit, total - offset))
    return FakeHttp.json(
      200,
      Array.from({ length: count }, (_, i) => ({ ...sparseUserJson, id: `user_${offset + i}` }))
    )
  }

describe("Users streams", () => {
  it.effect("getUserListStream walks full pages of 500 and stops after the short one, sending the filters", () =>
    Effect.gen(function* () {
      const users = yield* Stream.runCollect(
        Stream.unwrap(Users.getUserListStream({ orderBy: "+created_at", banned: false }))
      )
      assert.strictEqual(Chunk.size(users), 1003)
      assert.strictEqual(Chunk.unsafeGet(users, 1002).id, "user_1002")
      const requests = yield* recorded
      assert.deepStrictEqual(
        requests.map((r) => [r.path, r.query["offset"], r.query["limit"]]),
        [
          ["/v1/users", ["0"], ["500"]],
          ["/v1/users", ["500"], ["500"]],
          ["/v1/users", ["1000"], ["500"]]
        ]
      )
      assert.deepStrictEqual(requests[0]?.query["order_by"], ["+created_at"])
      assert.deepStrictEqual(requests[0]?.query["banned"], ["false"])
    }).pipe(Effect.provide(testLayer(usersPages(1003))))
  )

  it.effect("getUserListStream sends one request more when the total is a multiple of the page size", () =>
    Effect.gen(function* () {
      const users = yield* Stream.runCollect(Stream.unwrap(Users.getUserListStream()))
      assert.strictEqual(Chunk.size(users), 500)
      assert.strictEqual((yield* recorded).length, 2)
    }).pipe(Effect.provide(testLayer(usersPages(500))))
  )

  it.effect("a stream fetches only what is pulled", () =>
    Effect.gen(function* () {
      const first = yield* Stream.runCollect(Stream.take(Stream.unwrap(Users.getUserListStream()), 3))
      assert.strictEqual(Chunk.size(first), 3)
      assert.strictEqual((yield* recorded).length, 1)
    }).pipe(Effect.provide(testLayer(usersPages(2000))))
  )

  it.effect("getOrganizationMembershipListStream stops once totalCount items were seen", () =>
    Effect.gen(function* () {
      const memberships = yield* Stream.runCollect(
        Stream.unwrap(Users.getOrganizationMembershipListStream({ userId: U }))
      )
      assert.strictEqual(Chunk.size(memberships), 1000)
      const requests = yield* recorded
      assert.deepStrictEqual(
        requests.map((r) => r.query["offset"]?.[0]),
        ["0", "500"]
      )
      assert.strictEqual(requests[0]?.path, `/v1/users/${U}/organization_memberships`)
    }).pipe(
      Effect.provide(
        testLayer((request) => {
          const offset = Number(request.query["offset"]?.[0])
          return FakeHttp.json(200, {
            data: Array.from({ length: 500 }, (_, i) => ({ ...membershipJson, id: `orgmem_${offset + i}` })),
            total_count: 1000
          })
        })
      )
    )
  )

  it.effect("getOrganizationInvitationListStream and getUserOauthAccessTokenStream walk their endpoints", () =>
    Effect.gen(function* () {
      const invitations = yield* Stream.runCollect(
        Stream.unwrap(Users.getOrganizationInvitationListStream({ userId: U, status: "pending" }))
      )
      assert.strictEqual(Chunk.size(invitations), 2)
      const tokens = yield* Stream.runCollect(Stream.unwrap(Users.getUserOauthAccessTokenStream(U, "github")))
      assert.strictEqual(Chunk.size(tokens), 1)
      const requests = yield* recorded
      assert.deepStrictEqual(
        requests.map((r) => r.path),
        [`/v1/users/${U}/organization_invitations`, `/v1/users/${U}/oauth_access_tokens/oauth_github`]
      )
      assert.deepStrictEqual(requests[0]?.query, { status: ["pending"], limit: ["500"], offset: ["0"] })
      assert.deepStrictEqual(requests[1]?.query, { paginated: ["true"], limit: ["500"], offset: ["0"] })
    }).pipe(
      Effect.provide(
        testLayer(
          FakeHttp.routes({
            "GET /v1/users/{user_id}/organization_invitations": () =>
              FakeHttp.json(200, {
                data: [
                  fixtures["OrganizationInvitationWithPublicOrganizationData"],
                  fixtures["OrganizationInvitationWithPublicOrganizationData"]
                ],
                total_count: 2
              }),
            "GET /v1/users/{user_id}/oauth_access_tokens/{provider}": () =>
              FakeHttp.json(200, { data: [fixtures["OAuthAccessTokenItem"]], total_count: 1 })
          })
        )
      )
    )
  )
})

describe("Users through the Promise client", () => {
  it("a Stream variant is an async iterable that walks every page", async () => {
    const offsets: Array<string | null> = []
    const client = createClerkClient({
      secretKey: "sk_test_promiseStreamSecret00",
      fetch: async (input, init) => {
        const url = new URL(new Request(input, init).url)
        offsets.push(url.searchParams.get("offset"))
        const offset = Number(url.searchParams.get("offset"))
        const body = {
          data: Array.from({ length: offset === 0 ? 500 : 2 }, (_, i) => ({
            ...membershipJson,
            id: `orgmem_${offset + i}`
          })),
          total_count: 502
        }
        return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } })
      }
    })
    const ids: Array<string> = []
    for await (const membership of client.users.getOrganizationMembershipListStream({ userId: U }))
      ids.push(membership.id)
    await client.dispose()
    assert.strictEqual(ids.length, 502)
    assert.strictEqual(ids[501], "orgmem_501")
    assert.deepStrictEqual(offsets, ["0", "500"])
  })
})

describe("Users errors", () => {
  it.effect("a 404 is a typed ClerkNotFoundError with Clerk's error details", () =>
    Effect.gen(function* () {
      const error = yield* failureOf(Users.getUser("user_missing"))
      assert.strictEqual(error._tag, "ClerkNotFoundError")
      if (error._tag === "ClerkNotFoundError") {
        assert.strictEqual(error.status, 404)
        assert.strictEqual(error.errors[0]?.code, "resource_not_found")
        assert.strictEqual(error.clerkTraceId, "trace_404")
      }
    }).pipe(
      Effect.provide(
        testLayer(() =>
          FakeHttp.clerkError(404, [{ code: "resource_not_found", message: "not found" }], { traceId: "trace_404" })
        )
      )
    )
  )

  it.effect("in strict mode, a user missing a required field fails with a ClerkDecodeError naming it", () =>
    Effect.gen(function* () {
      const error = yield* failureOf(Users.getUser(U))
      assert.strictEqual(error._tag, "ClerkDecodeError")
      if (error._tag === "ClerkDecodeError") {
        assert.include(error.issue, `["email_addresses"]`)
        assert.include(error.message, `/v1/users/${U}`)
      }
    }).pipe(
      Effect.provide(
        strictLayer(() => {
          const { email_addresses: _, ...broken } = userJson
          return FakeHttp.json(200, broken)
        })
      )
    )
  )

  it.effect("in strict mode, getCount fails with a decode error when the body is not a total_count", () =>
    Effect.gen(function* () {
      const error = yield* failureOf(Users.getCount())
      assert.strictEqual(error._tag, "ClerkDecodeError")
    }).pipe(Effect.provide(strictLayer(() => FakeHttp.json(200, { object: "total_count" }))))
  )

  it.effect("bad input is rejected before any request: empty ids, a missing file, bulk id lists out of range", () =>
    Effect.gen(function* () {
      const checks: ReadonlyArray<Effect.Effect<unknown, ClerkError, Users>> = [
        Users.getUser(""),
        Users.deleteUserPasskey({ userId: U, passkeyIdentificationId: " " }),
        Users.updateUserProfileImage(U, { file: "not a file" as unknown as Blob }),
        Users.banUsers([]),
        Users.unbanUsers(Array.from({ length: 51 }, (_, i) => `user_${i}`)),
        Users.banUsers(["user_1", ""])
      ]
      for (const check of checks) {
        const error = yield* failureOf(check)
        assert.strictEqual(error._tag, "ClerkInvalidRequestError")
      }
      assert.strictEqual((yield* recorded).length, 0)
    }).pipe(Effect.provide(testLayer(() => FakeHttp.json(200, userJson))))
  )
})

describe("Users operations @clerk/backend lacks", () => {
  it.effect("banUsers / unbanUsers POST { user_ids } and decode the users", () =>
    Effect.gen(function* () {
      const banned = yield* Users.banUsers([U, sparseUserJson.id])
      assert.strictEqual(banned.length, 2)
      assert.instanceOf(banned[0], User)
      const unbanned = yield* Users.unbanUsers([U])
      assert.strictEqual(unbanned[0]?.id, U)
      const [ban, unban] = yield* recorded
      assert.strictEqual(`${ban?.method} ${ban?.path}`, "POST /v1/users/ban")
      assert.deepStrictEqual(ban?.body, { user_ids: [U, sparseUserJson.id] })
      assert.strictEqual(`${unban?.method} ${unban?.path}`, "POST /v1/users/unban")
      assert.deepStrictEqual(unban?.body, { user_ids: [U] })
    }).pipe(
      Effect.provide(
        testLayer(
          FakeHttp.routes({
            "POST /v1/users/ban": () => FakeHttp.json(200, [userJson, sparseUserJson]),
            "POST /v1/users/unban": () => FakeHttp.json(200, [userJson])
          })
        )
      )
    )
  )

  it.effect("getUserBillingCreditBalance / adjustUserBillingCreditBalance", () =>
    Effect.gen(function* () {
      const balance = yield* Users.getUserBillingCreditBalance(U)
      assert.strictEqual(balance.balance?.amountFormatted, "$12.50")
      const entry = yield* Users.adjustUserBillingCreditBalance(U, {
        amount: 500,
        action: "increase",
        idempotencyKey: "adj-2024-01",
        note: "goodwill"
      })
      assert.strictEqual(entry.amount.amount, 500)
      const [get, post] = yield* recorded
      assert.strictEqual(`${get?.method} ${get?.path}`, `GET /v1/users/${U}/billing/credits`)
      assert.strictEqual(`${post?.method} ${post?.path}`, `POST /v1/users/${U}/billing/credits`)
      assert.deepStrictEqual(post?.body, {
        amount: 500,
        action: "increase",
        idempotency_key: "adj-2024-01",
        note: "goodwill"
      })
    }).pipe(
      Effect.provide(
        testLayer(
          FakeHttp.routes({
            "GET /v1/users/{user_id}/billing/credits": () =>
              FakeHttp.json(200, {
                object: "commerce_credit_balance",
                balance: { amount: 1250, amount_formatted: "$12.50", currency: "USD", currency_symbol: "$" }
              }),
            "POST /v1/users/{user_id}/billing/credits": () =>
              FakeHttp.json(200, {
                ...(fixtures["CommerceCreditLedgerResponse"] as object),
                amount: { amount: 500, amount_formatted: "$5.00", currency: "USD", currency_symbol: "$" }
              })
          })
        )
      )
    )
  )

  it.effect("getUserTrustedDeviceList / revokeUserTrustedDevice", () =>
    Effect.gen(function* () {
      const devices = yield* Users.getUserTrustedDeviceList(U)
      assert.strictEqual(devices.totalCount, 1)
      assert.instanceOf(devices.data[0], TrustedDevice)
      const revoked = yield* Users.revokeUserTrustedDevice({ userId: U, trustedDeviceId: "td_1" })
      assert.strictEqual(revoked.status, "revoked")
      const [list, revoke] = yield* recorded
      assert.strictEqual(`${list?.method} ${list?.path}`, `GET /v1/users/${U}/trusted_devices`)
      assert.strictEqual(`${revoke?.method} ${revoke?.path}`, `DELETE /v1/users/${U}/trusted_devices/td_1`)
    }).pipe(
      Effect.provide(
        testLayer(
          FakeHttp.routes({
            "GET /v1/users/{user_id}/trusted_devices": () =>
              FakeHttp.json(200, { data: [fixtures["TrustedDevice"]], total_count: 1 }),
            "DELETE /v1/users/{user_id}/trusted_devices/{trusted_device_id}": (request) =>
              FakeHttp.json(200, {
                ...(fixtures["TrustedDevice"] as object),
                id: request.params["trusted_device_id"],
                status: "revoked",
                revoked_at: 1700000000000
              })
          })
        )
      )
    )
  )
})

describe("Users wire details", () => {
  it.effect("getUserList runs the list and the count concurrently and passes the filters to both", () =>
    Effect.gen(function* () {
      const result = yield* Users.getUserList({ limit: 1, offset: 0, orderBy: "-created_at", query: "ada" })
      assert.strictEqual(result.totalCount, 31)
      assert.strictEqual(result.data[0]?.id, U)
      const requests = yield* recorded
      const list = requests.find((r) => r.path === "/v1/users")
      const count = requests.find((r) => r.path === "/v1/users/count")
      assert.deepStrictEqual(list?.query, { limit: ["1"], offset: ["0"], order_by: ["-created_at"], query: ["ada"] })
      assert.deepStrictEqual(count?.query, { query: ["ada"] })
    }).pipe(
      Effect.provide(
        testLayer(
          FakeHttp.routes({
            "GET /v1/users": () => FakeHttp.json(200, [userJson]),
            "GET /v1/users/count": () => FakeHttp.json(200, { object: "total_count", total_count: 31 })
          })
        )
      )
    )
  )

  it.effect("getUserList sends the list while the count is still waiting for its answer", () =>
    Effect.gen(function* () {
      const listSent = yield* Deferred.make<void>()
      const result = yield* Users.getUserList({ limit: 1 }).pipe(
        Effect.provide(
          testLayer(
            FakeHttp.routes({
              "GET /v1/users": () => Effect.as(Deferred.succeed(listSent, undefined), FakeHttp.json(200, [userJson])),
              // The count answers only once the list was sent: a sequential getUserList would never finish.
              "GET /v1/users/count": () =>
                Effect.as(Deferred.await(listSent), FakeHttp.json(200, { object: "total_count", total_count: 7 }))
            })
          )
        )
      )
      assert.strictEqual(result.totalCount, 7)
      assert.strictEqual(result.data[0]?.id, U)
    })
  )

  it.effect("getUserList fails with the count's error when only the count fails", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(Users.getUserList({ limit: 1 }))
      assert.strictEqual(error._tag, "ClerkNotFoundError")
      assert.strictEqual(error._tag === "ClerkNotFoundError" ? error.path : undefined, "/v1/users/count")
    }).pipe(
      Effect.provide(
        testLayer(
          FakeHttp.routes({
            "GET /v1/users": () => FakeHttp.json(200, [userJson]),
            "GET /v1/users/count": () => FakeHttp.json(404, { errors: [{ code: "resource_not_found", message: "no" }] })
          })
        )
      )
    )
  )

  it.effect("getUserList fails with the list's error and stops waiting for a count that never answers", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(Users.getUserList({ limit: 1 }))
      assert.strictEqual(error._tag, "ClerkNotFoundError")
      assert.strictEqual(error._tag === "ClerkNotFoundError" ? error.path : undefined, "/v1/users")
    }).pipe(
      Effect.provide(
        testLayer(
          FakeHttp.routes({
            "GET /v1/users": () => FakeHttp.json(404, { errors: [{ code: "resource_not_found", message: "no" }] }),
            "GET /v1/users/count": () => Effect.never
          })
        )
      )
    )
  )

  it.effect("a call's span ends successful without holding the decoded body", () =>
    Effect.gen(function* () {
      const ended: Array<Exit.Exit<unknown, unknown>> = []
      const base = yield* Effect.tracer
      const tracer = Tracer.make({
        span: (name, ...rest) => {
          const span = base.span(name, ...rest)
          if (name !== "clerk.users.getUser") return span
          return Object.assign(Object.create(span) as Tracer.Span, {
            end: (endTime: bigint, exit: Exit.Exit<unknown, unknown>) => {
              ended.push(exit)
              span.end(endTime, exit)
            }
          })
        },
        context: base.context
      })
      const user = yield* Effect.withTracer(Users.getUser(U), tracer)
      assert.strictEqual(user.id, U)
      assert.strictEqual(ended.length, 1)
      const exit = ended[0]!
      assert.isTrue(Exit.isSuccess(exit))
      assert.isTrue(Exit.isSuccess(exit) && exit.value === undefined)
    }).pipe(Effect.provide(testLayer(() => FakeHttp.json(200, userJson))))
  )

  it.effect("every call opens a span named clerk.users.<method>", () =>
    Effect.gen(function* () {
      const names: Array<string> = []
      const base = yield* Effect.tracer
      const tracer = Tracer.make({
        span: (name, ...rest) => {
          names.push(name)
          return base.span(name, ...rest)
        },
        context: base.context
      })
      const calls: Record<string, Effect.Effect<unknown, ClerkError, Users>> = {
        getUser: Users.getUser(U),
        createUser: Users.createUser({ firstName: "Ada" }),
        updateUser: Users.updateUser(U, { firstName: "Ada" }),
        deleteUser: Users.deleteUser(U),
        getCount: Users.getCount(),
        lockUser: Users.lockUser(U),
        verifyTOTP: Users.verifyTOTP({ userId: U, code: "1" }),
        deleteUserTOTP: Users.deleteUserTOTP(U),
        banUsers: Users.banUsers([U]),
        getUserTrustedDeviceList: Users.getUserTrustedDeviceList(U)
      }
      for (const [method, call] of Object.entries(calls)) {
        names.length = 0
        yield* Effect.exit(Effect.withTracer(call, tracer))
        assert.include(names, `clerk.users.${method}`, method)
      }
    }).pipe(Effect.provide(testLayer(() => FakeHttp.json(200, userJson))))
  )
})
