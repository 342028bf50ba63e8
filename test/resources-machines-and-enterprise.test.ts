/**
 * Batch B resources on the Effect side: the operations `@clerk/backend` lacks (request and decoded result), the
 * deliberate differences, Stream variants and decode failures.
 */
import { assert, describe, it, layer } from "@effect/vitest"
import { Chunk, Effect, Exit, Layer, Stream } from "effect"
import * as FakeHttp from "../src/testing/FakeHttp.js"
import { fixtures } from "../src/models/generated/fixtures.js"
import { specOperations } from "../src/models/generated/operations.js"
import { AdminPortalLinkTokens } from "../src/resources/AdminPortalLinkTokens.js"
import { ApiKeys } from "../src/resources/ApiKeys.js"
import { Billing } from "../src/resources/Billing.js"
import { Directories } from "../src/resources/Directories.js"
import { EnterpriseConnections } from "../src/resources/EnterpriseConnections.js"
import { IdPOAuthAccessToken } from "../src/resources/IdPOAuthAccessToken.js"
import { Instance } from "../src/resources/Instance.js"
import { M2M } from "../src/resources/M2M.js"
import { Machines } from "../src/resources/Machines.js"
import { OAuthApplications } from "../src/resources/OAuthApplications.js"
import { ScimDirectories } from "../src/resources/ScimDirectories.js"
import * as BackendApi from "../src/services/BackendApi.js"
import * as ClerkConfig from "../src/services/ClerkConfig.js"
import type { ClerkError } from "../src/services/ClerkErrors.js"
import { wire } from "./support/samples/machines-and-enterprise.js"

const SECRET = "sk_test_batchBEffectSecret0001"
const MACHINE_SECRET = "ak_batchBMachineSecret0001"

const BatchB = Layer.mergeAll(
  AdminPortalLinkTokens.Default,
  ApiKeys.Default,
  Billing.Default,
  Directories.Default,
  EnterpriseConnections.Default,
  IdPOAuthAccessToken.Default,
  Instance.Default,
  M2M.Default,
  Machines.Default,
  OAuthApplications.Default,
  ScimDirectories.Default
)

const testLayer = (handler: FakeHttp.FakeHandler, options: ClerkConfig.ClerkOptions = {}) =>
  BatchB.pipe(
    Layer.provideMerge(BackendApi.layer),
    Layer.provideMerge(
      ClerkConfig.layer({ secretKey: SECRET, machineSecretKey: MACHINE_SECRET, retry: false, ...options })
    ),
    Layer.provideMerge(FakeHttp.layer(handler))
  )

/** Every batch B spec operation answers with its spec fixture (204 when it has no body). */
const specRoutes = FakeHttp.routes(
  Object.fromEntries(
    specOperations.map((op) => [
      `${op.method} /v1${op.path}`,
      () =>
        op.response.schema === null ? { status: 204 } : FakeHttp.json(op.response.status, fixtures[op.response.schema])
    ])
  )
)

const lastRequest = Effect.flatMap(FakeHttp.Recorder, (recorder) => recorder.last)
const requestCount = Effect.map(
  Effect.flatMap(FakeHttp.Recorder, (recorder) => recorder.requests),
  (all) => all.length
)

interface Expected {
  readonly method: string
  readonly path: string
  readonly query?: Readonly<Record<string, ReadonlyArray<string>>>
  readonly body?: unknown
}

/** A call of an operation `@clerk/backend` lacks, the request it must send, and a field of the decoded result. */
interface NewOperation {
  readonly name: string
  readonly call: Effect.Effect<unknown, unknown, Layer.Layer.Success<typeof BatchB>>
  readonly expected: Expected
  /** A (camelCase) field the decoded result has. */
  readonly field: string
}

const newOperations: ReadonlyArray<NewOperation> = [
  {
    name: "instance.getProtect",
    call: Instance.getProtect(),
    expected: { method: "GET", path: "/v1/instance/protect" },
    field: "rulesEnabled"
  },
  {
    name: "instance.updateProtect",
    call: Instance.updateProtect({ rulesEnabled: false, specterEnabled: null }),
    expected: { method: "PATCH", path: "/v1/instance/protect", body: { rules_enabled: false, specter_enabled: null } },
    field: "specterEnabled"
  },
  {
    name: "instance.getCommunication",
    call: Instance.getCommunication(),
    expected: { method: "GET", path: "/v1/instance/communication" },
    field: "blockedCountryCodes"
  },
  {
    name: "instance.updateCommunication",
    call: Instance.updateCommunication({ blockedCountryCodes: ["RU", "KP"] }),
    expected: { method: "PATCH", path: "/v1/instance/communication", body: { blocked_country_codes: ["RU", "KP"] } },
    field: "blockedCountryCodes"
  },
  {
    name: "instance.getOAuthApplicationSettings",
    call: Instance.getOAuthApplicationSettings(),
    expected: { method: "GET", path: "/v1/instance/oauth_application_settings" },
    field: "dynamicOauthClientRegistration"
  },
  {
    name: "instance.updateOAuthApplicationSettings",
    call: Instance.updateOAuthApplicationSettings({ oauthJwtAccessTokens: true, defaultScopes: ["email"] }),
    expected: {
      method: "PATCH",
      path: "/v1/instance/oauth_application_settings",
      body: { oauth_jwt_access_tokens: true, default_scopes: ["email"] }
    },
    field: "oauthJwtAccessTokens"
  },
  {
    name: "enterpriseConnections.getEnterpriseConnectionTestRunList",
    call: EnterpriseConnections.getEnterpriseConnectionTestRunList("entconn_1", {
      status: ["failed", "pending"],
      limit: 5,
      offset: 0
    }),
    expected: {
      method: "GET",
      path: "/v1/enterprise_connections/entconn_1/test_runs",
      query: { status: ["failed", "pending"], limit: ["5"], offset: ["0"] }
    },
    field: "totalCount"
  },
  {
    name: "enterpriseConnections.createEnterpriseConnectionTestRun",
    call: EnterpriseConnections.createEnterpriseConnectionTestRun("entconn_1"),
    expected: { method: "POST", path: "/v1/enterprise_connections/entconn_1/test_runs" },
    field: "url"
  },
  {
    name: "billing.getPriceList",
    call: Billing.getPriceList({ planId: "cplan_1", limit: 10 }),
    expected: {
      method: "GET",
      path: "/v1/billing/prices",
      query: { paginated: ["true"], plan_id: ["cplan_1"], limit: ["10"] }
    },
    field: "data"
  },
  {
    name: "billing.createPrice",
    call: Billing.createPrice({
      planId: "cplan_1",
      amount: 1500,
      annualMonthlyAmount: null,
      supportedBillingPeriods: "both"
    }),
    expected: {
      method: "POST",
      path: "/v1/billing/prices",
      body: { plan_id: "cplan_1", amount: 1500, annual_monthly_amount: null, supported_billing_periods: "both" }
    },
    field: "annualMonthlyAmount"
  },
  {
    name: "billing.getSubscriptionItemList",
    call: Billing.getSubscriptionItemList({
      status: "free_trial",
      payerType: "org",
      includeFree: false,
      query: "acme"
    }),
    expected: {
      method: "GET",
      path: "/v1/billing/subscription_items",
      query: {
        paginated: ["true"],
        status: ["free_trial"],
        payer_type: ["org"],
        include_free: ["false"],
        query: ["acme"]
      }
    },
    field: "totalCount"
  },
  {
    name: "billing.createPriceTransition",
    call: Billing.createPriceTransition("csi_1", { fromPriceId: "cprice_1", toPriceId: "cprice_2" }),
    expected: {
      method: "POST",
      path: "/v1/billing/subscription_items/csi_1/price_transition",
      body: { from_price_id: "cprice_1", to_price_id: "cprice_2" }
    },
    field: "subscriptionItem"
  },
  {
    name: "billing.applySubscriptionItemDiscount",
    call: Billing.applySubscriptionItemDiscount("csi_1", { discountId: "cdisc_1" }),
    expected: {
      method: "POST",
      path: "/v1/billing/subscription_items/csi_1/discounts",
      body: { discount_id: "cdisc_1" }
    },
    field: "discountId"
  },
  {
    name: "billing.removeSubscriptionItemDiscount",
    call: Billing.removeSubscriptionItemDiscount("csi_1", "cdisc_1"),
    expected: { method: "DELETE", path: "/v1/billing/subscription_items/csi_1/discounts/cdisc_1" },
    field: "cyclesApplied"
  },
  {
    name: "billing.getStatementList",
    call: Billing.getStatementList({ offset: 0 }),
    expected: { method: "GET", path: "/v1/billing/statements", query: { paginated: ["true"], offset: ["0"] } },
    field: "data"
  },
  {
    name: "billing.getStatement",
    call: Billing.getStatement("cstmt_1"),
    expected: { method: "GET", path: "/v1/billing/statements/cstmt_1" },
    field: "groups"
  },
  {
    name: "billing.getStatementPaymentAttemptList",
    call: Billing.getStatementPaymentAttemptList("cstmt_1", { limit: 1 }),
    expected: {
      method: "GET",
      path: "/v1/billing/statements/cstmt_1/payment_attempts",
      query: { paginated: ["true"], limit: ["1"] }
    },
    field: "data"
  },
  {
    name: "scimDirectories.list",
    call: ScimDirectories.list({ limit: 20, offset: 40 }),
    expected: { method: "GET", path: "/v1/scim_directories", query: { limit: ["20"], offset: ["40"] } },
    field: "totalCount"
  },
  {
    name: "scimDirectories.create",
    call: ScimDirectories.create({
      enterpriseConnectionId: "entconn_1",
      provider: "okta",
      groupRoleMappings: [{ scimGroupId: "grp_1", scimGroupDisplayName: "Admins", roleId: "role_1", precedence: 1 }]
    }),
    expected: {
      method: "POST",
      path: "/v1/scim_directories",
      body: {
        enterprise_connection_id: "entconn_1",
        provider: "okta",
        group_role_mappings: [
          { scim_group_id: "grp_1", scim_group_display_name: "Admins", role_id: "role_1", precedence: 1 }
        ]
      }
    },
    field: "endpointUrl"
  },
  {
    name: "scimDirectories.get",
    call: ScimDirectories.get("scimdir_1"),
    expected: { method: "GET", path: "/v1/scim_directories/scimdir_1" },
    field: "groupRoleMappingEnabled"
  },
  {
    name: "scimDirectories.update",
    call: ScimDirectories.update("scimdir_1", { enabled: false, attributeMapping: { userName: "emailAddress" } }),
    expected: {
      method: "PATCH",
      path: "/v1/scim_directories/scimdir_1",
      body: { enabled: false, attribute_mapping: { userName: "emailAddress" } }
    },
    field: "attributeMapping"
  },
  {
    name: "scimDirectories.delete",
    call: ScimDirectories.delete("scimdir_1"),
    expected: { method: "DELETE", path: "/v1/scim_directories/scimdir_1" },
    field: "deleted"
  },
  {
    name: "scimDirectories.rotateApiKey",
    call: ScimDirectories.rotateApiKey("scimdir_1"),
    expected: { method: "POST", path: "/v1/scim_directories/scimdir_1/rotate_api_key" },
    field: "apiKey"
  },
  {
    name: "scimDirectories.listGroupRoleMappings",
    call: ScimDirectories.listGroupRoleMappings("scimdir_1"),
    expected: { method: "GET", path: "/v1/scim_directories/scimdir_1/group_role_mappings" },
    field: "totalCount"
  },
  {
    name: "scimDirectories.createGroupRoleMapping",
    call: ScimDirectories.createGroupRoleMapping("scimdir_1", {
      scimGroupId: "grp_1",
      roleId: "role_1",
      precedence: 0
    }),
    expected: {
      method: "POST",
      path: "/v1/scim_directories/scimdir_1/group_role_mappings",
      body: { scim_group_id: "grp_1", role_id: "role_1", precedence: 0 }
    },
    field: "scimGroupDisplayName"
  },
  {
    name: "scimDirectories.replaceGroupRoleMappings",
    call: ScimDirectories.replaceGroupRoleMappings("scimdir_1", {
      mappings: [{ scimGroupId: "grp_2", roleId: "role_2" }]
    }),
    expected: {
      method: "PUT",
      path: "/v1/scim_directories/scimdir_1/group_role_mappings",
      body: { mappings: [{ scim_group_id: "grp_2", role_id: "role_2" }] }
    },
    field: "data"
  },
  {
    name: "scimDirectories.deleteGroupRoleMapping",
    call: ScimDirectories.deleteGroupRoleMapping("scimdir_1", "map_1"),
    expected: { method: "DELETE", path: "/v1/scim_directories/scimdir_1/group_role_mappings/map_1" },
    field: "deleted"
  },
  {
    name: "directories.list",
    call: Directories.list(),
    expected: { method: "GET", path: "/v1/directories" },
    field: "totalCount"
  },
  {
    name: "directories.create",
    call: Directories.create({
      enterpriseConnectionId: "entconn_1",
      name: "Okta",
      provider: "okta",
      groupRoleMappings: [{ directoryGroupId: "grp_1", roleId: "role_1" }]
    }),
    expected: {
      method: "POST",
      path: "/v1/directories",
      body: {
        enterprise_connection_id: "entconn_1",
        name: "Okta",
        provider: "okta",
        group_role_mappings: [{ directory_group_id: "grp_1", role_id: "role_1" }]
      }
    },
    field: "endpointUrl"
  },
  {
    name: "directories.get",
    call: Directories.get("dir_1"),
    expected: { method: "GET", path: "/v1/directories/dir_1" },
    field: "provider"
  },
  {
    name: "directories.update",
    call: Directories.update("dir_1", { name: "Okta 2", groupRoleMappingEnabled: true }),
    expected: {
      method: "PATCH",
      path: "/v1/directories/dir_1",
      body: { name: "Okta 2", group_role_mapping_enabled: true }
    },
    field: "name"
  },
  {
    name: "directories.delete",
    call: Directories.delete("dir_1"),
    expected: { method: "DELETE", path: "/v1/directories/dir_1" },
    field: "deleted"
  },
  {
    name: "directories.rotateApiKey",
    call: Directories.rotateApiKey("dir_1"),
    expected: { method: "POST", path: "/v1/directories/dir_1/rotate_api_key" },
    field: "apiKey"
  },
  {
    name: "directories.listGroupRoleMappings",
    call: Directories.listGroupRoleMappings("dir_1"),
    expected: { method: "GET", path: "/v1/directories/dir_1/group_role_mappings" },
    field: "data"
  },
  {
    name: "directories.createGroupRoleMapping",
    call: Directories.createGroupRoleMapping("dir_1", {
      directoryGroupId: "grp_1",
      scimGroupId: "grp_1",
      roleId: "role_1"
    }),
    expected: {
      method: "POST",
      path: "/v1/directories/dir_1/group_role_mappings",
      body: { directory_group_id: "grp_1", scim_group_id: "grp_1", role_id: "role_1" }
    },
    field: "directoryGroupDisplayName"
  },
  {
    name: "directories.replaceGroupRoleMappings",
    call: Directories.replaceGroupRoleMappings("dir_1", {
      mappings: [{ directoryGroupId: "grp_2", roleId: "role_2" }]
    }),
    expected: {
      method: "PUT",
      path: "/v1/directories/dir_1/group_role_mappings",
      body: { mappings: [{ directory_group_id: "grp_2", role_id: "role_2" }] }
    },
    field: "totalCount"
  },
  {
    name: "directories.deleteGroupRoleMapping",
    call: Directories.deleteGroupRoleMapping("dir_1", "map_1"),
    expected: { method: "DELETE", path: "/v1/directories/dir_1/group_role_mappings/map_1" },
    field: "deleted"
  },
  {
    name: "adminPortalLinkTokens.create",
    call: AdminPortalLinkTokens.create({ organizationId: "org_1", scopes: ["sso"], secondsUntilExpiration: 600 }),
    expected: {
      method: "POST",
      path: "/v1/admin_portal_link_tokens",
      body: { organization_id: "org_1", scopes: ["sso"], seconds_until_expiration: 600 }
    },
    field: "token"
  },
  {
    name: "adminPortalLinkTokens.revoke",
    call: AdminPortalLinkTokens.revoke({ adminPortalLinkTokenId: "aplt_1" }),
    expected: {
      method: "POST",
      path: "/v1/admin_portal_link_tokens/aplt_1/revoke",
      body: { revocation_reason: null }
    },
    field: "revoked"
  }
]

layer(testLayer(specRoutes))("operations @clerk/backend lacks", (it) => {
  for (const op of newOperations) {
    it.effect(`${op.name} sends ${op.expected.method} ${op.expected.path} and decodes the result`, () =>
      Effect.gen(function* () {
        const result = yield* op.call
        const req = yield* lastRequest
        assert.strictEqual(req.method, op.expected.method)
        assert.strictEqual(req.path, op.expected.path)
        assert.deepStrictEqual(req.query, op.expected.query ?? {})
        assert.deepStrictEqual(req.body, op.expected.body)
        assert.strictEqual(req.headers["authorization"], `Bearer ${SECRET}`)
        assert.isObject(result)
        assert.property(result, op.field)
      })
    )
  }

  it.effect("oauthApplications.uploadLogo sends a multipart PUT with the file and uploader", () =>
    Effect.gen(function* () {
      const logo = new Blob(["\x89PNG"], { type: "image/png" })
      const app = yield* OAuthApplications.uploadLogo({
        oauthApplicationId: "oa_1",
        file: logo,
        uploaderUserId: "user_1"
      })
      const req = yield* lastRequest
      assert.strictEqual(req.method, "PUT")
      assert.strictEqual(req.path, "/v1/oauth_applications/oa_1/logo")
      assert.strictEqual(req.bodyText, undefined)
      const file = req.formData?.get("file")
      assert.instanceOf(file, Blob)
      assert.strictEqual(yield* Effect.promise(() => (file as Blob).text()), "\x89PNG")
      assert.strictEqual(req.formData?.get("uploader_user_id"), "user_1")
      assert.strictEqual(app.isPublic, app.public)
    })
  )

  it.effect("oauthApplications.uploadLogo rejects a file that is not a Blob before any request", () =>
    Effect.gen(function* () {
      const before = yield* requestCount
      const notAFile: unknown = "logo.png"
      const exit = yield* Effect.exit(
        OAuthApplications.uploadLogo({ oauthApplicationId: "oa_1", file: notAFile as Blob })
      )
      assert.isTrue(Exit.isFailure(exit))
      if (Exit.isFailure(exit) && exit.cause._tag === "Fail") {
        assert.strictEqual(exit.cause.error._tag, "ClerkInvalidRequestError")
      }
      assert.strictEqual(yield* requestCount, before)
    })
  )

  it.effect("empty ids are rejected before any request; ids are URL-encoded", () =>
    Effect.gen(function* () {
      const before = yield* requestCount
      const calls: ReadonlyArray<Effect.Effect<unknown, ClerkError, ApiKeys | Billing | Machines | ScimDirectories>> = [
        Machines.get(""),
        ApiKeys.get("  "),
        Billing.getStatement(""),
        ScimDirectories.get("..")
      ]
      for (const call of calls) {
        const error = yield* Effect.flip(call)
        assert.strictEqual(error._tag, "ClerkInvalidRequestError")
      }
      const scope = yield* Effect.flip(Machines.deleteScope("mch_1", ""))
      assert.strictEqual(scope._tag, "ClerkInvalidRequestError")
      assert.strictEqual(yield* requestCount, before)
      yield* Effect.either(Directories.get("dir/../x"))
      assert.strictEqual((yield* lastRequest).path, "/v1/directories/dir%2F..%2Fx")
    })
  )
})

describe("deliberate differences from @clerk/backend", () => {
  it.effect("falsy query values are sent (offset 0, revoked/active false)", () =>
    Effect.gen(function* () {
      yield* M2M.list({ subject: "mch_1", revoked: false, expired: false, offset: 0 })
      const m2m = yield* lastRequest
      assert.deepStrictEqual(m2m.query, { subject: ["mch_1"], revoked: ["false"], expired: ["false"], offset: ["0"] })
      assert.strictEqual(m2m.path, "/m2m_tokens")
      assert.strictEqual(m2m.headers["authorization"], `Bearer ${MACHINE_SECRET}`)
      yield* EnterpriseConnections.getEnterpriseConnectionList({ active: false, offset: 0 })
      assert.deepStrictEqual((yield* lastRequest).query, { active: ["false"], offset: ["0"] })
      yield* Billing.cancelSubscriptionItem("csi_1", { endNow: false })
      assert.deepStrictEqual((yield* lastRequest).query, { end_now: ["false"] })
    }).pipe(
      Effect.provide(
        testLayer(
          FakeHttp.routes({
            "GET /m2m_tokens": () => FakeHttp.json(200, { m2m_tokens: [], total_count: 0 }),
            "GET /v1/enterprise_connections": () => FakeHttp.json(200, { data: [], total_count: 0 }),
            "DELETE /v1/billing/subscription_items/{id}": () => FakeHttp.json(200, wire.subscriptionItem)
          })
        )
      )
    )
  )
})

/** A list endpoint of `total` generated items, paged by the request's `limit`/`offset`. */
const pagedList =
  (total: number, item: (index: number) => unknown, envelope: "data" | "m2m_tokens" = "data") =>
  (req: FakeHttp.RecordedRequest): FakeHttp.FakeResponse => {
    const limit = Number(req.query["limit"]?.[0] ?? 10)
    const offset = Number(req.query["offset"]?.[0] ?? 0)
    const items = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => item(offset + i))
    return FakeHttp.json(200, { [envelope]: items, total_count: total })
  }

describe("Stream variants", () => {
  it.effect("machines.listStream walks every page at the spec's maximum page size", () =>
    Effect.gen(function* () {
      const all = yield* Stream.runCollect(Stream.unwrap(Machines.listStream({ query: "worker" })))
      assert.strictEqual(Chunk.size(all), 1100)
      assert.strictEqual(Chunk.unsafeGet(all, 1099).id, "mch_1099")
      const requests = yield* Effect.flatMap(FakeHttp.Recorder, (r) => r.requests)
      assert.deepStrictEqual(
        requests.map((r) => [r.query["limit"], r.query["offset"], r.query["query"]]),
        [
          [["500"], ["0"], ["worker"]],
          [["500"], ["500"], ["worker"]],
          [["500"], ["1000"], ["worker"]]
        ]
      )
    }).pipe(
      Effect.provide(
        testLayer(
          FakeHttp.routes({
            "GET /v1/machines": pagedList(1100, (i) => ({ ...wire.machine, id: `mch_${i}` }))
          })
        )
      )
    )
  )

  it.effect("m2m.listStream pages the { m2m_tokens } envelope with the machine key, 100 at a time", () =>
    Effect.gen(function* () {
      const tokens = yield* Stream.runCollect(Stream.unwrap(M2M.listStream({ subject: "mch_1" })))
      assert.strictEqual(Chunk.size(tokens), 230)
      const requests = yield* Effect.flatMap(FakeHttp.Recorder, (r) => r.requests)
      assert.deepStrictEqual(
        requests.map((r) => r.query["offset"]),
        [["0"], ["100"], ["200"]]
      )
      assert.isTrue(requests.every((r) => r.headers["authorization"] === `Bearer ${MACHINE_SECRET}`))
    }).pipe(
      Effect.provide(
        testLayer(
          FakeHttp.routes({
            "GET /m2m_tokens": pagedList(
              230,
              (i) => ({ ...(fixtures["MachineToMachineToken"] as object), id: `mt_${i}` }),
              "m2m_tokens"
            )
          })
        )
      )
    )
  )

  it.effect("a Stream is lazy: taking 3 items of a test-run list fetches one page", () =>
    Effect.gen(function* () {
      const runs = yield* Stream.runCollect(
        Stream.take(
          Stream.unwrap(
            EnterpriseConnections.getEnterpriseConnectionTestRunListStream("entconn_1", { status: ["failed"] })
          ),
          3
        )
      )
      assert.strictEqual(Chunk.size(runs), 3)
      const requests = yield* Effect.flatMap(FakeHttp.Recorder, (r) => r.requests)
      assert.strictEqual(requests.length, 1)
      assert.deepStrictEqual(requests[0]!.query, { status: ["failed"], limit: ["500"], offset: ["0"] })
    }).pipe(
      Effect.provide(
        testLayer(
          FakeHttp.routes({
            "GET /v1/enterprise_connections/{id}/test_runs": pagedList(900, (i) => ({
              ...(fixtures["EnterpriseConnectionTestRun"] as object),
              id: `run_${i}`
            }))
          })
        )
      )
    )
  )

  it.effect("billing.getStatementPaymentAttemptListStream stops on a short page", () =>
    Effect.gen(function* () {
      const attempts = yield* Stream.runCollect(Stream.unwrap(Billing.getStatementPaymentAttemptListStream("cstmt_1")))
      assert.strictEqual(Chunk.size(attempts), 2)
      assert.strictEqual(yield* requestCount, 1)
    }).pipe(
      Effect.provide(
        testLayer(
          FakeHttp.routes({
            "GET /v1/billing/statements/{id}/payment_attempts": pagedList(2, () => fixtures["BillingPaymentAttempt"])
          })
        )
      )
    )
  )

  it.effect("scimDirectories.listStream fails with the typed error of the failing page", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(Stream.runCollect(Stream.unwrap(ScimDirectories.listStream())))
      assert.strictEqual(error._tag, "ClerkRateLimitError")
    }).pipe(
      Effect.provide(testLayer(() => FakeHttp.clerkError(429, [{ code: "too_many_requests", message: "slow down" }])))
    )
  )
})

describe("decoding", () => {
  it.effect("in strict mode, a response missing a required field fails with ClerkDecodeError naming the field", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(Machines.get("mch_1"))
      assert.strictEqual(error._tag, "ClerkDecodeError")
      if (error._tag === "ClerkDecodeError") assert.include(error.issue, "instance_id")
      const secret = yield* Effect.flip(ApiKeys.getSecret("ak_1"))
      assert.strictEqual(secret._tag, "ClerkDecodeError")
    }).pipe(
      Effect.provide(
        testLayer(
          FakeHttp.routes({
            "GET /v1/machines/{id}": () => {
              const { instance_id: _dropped, ...rest } = wire.machine
              return FakeHttp.json(200, rest)
            },
            "GET /api_keys/{id}/secret": () => FakeHttp.json(200, { secret: 42 })
          }),
          { responseValidation: "strict" }
        )
      )
    )
  )

  it.effect("@clerk/backend's names and defaults are exposed on the decoded models", () =>
    Effect.gen(function* () {
      const machine = yield* Machines.get("mch_1")
      assert.deepStrictEqual(machine.scopedMachines[0]!.scopedMachines, [])
      const scope = yield* Machines.deleteScope("mch_1", "mch_2")
      assert.deepStrictEqual([scope.id, scope.slug, scope.fromMachineId], [null, null, "mch_1"])
      const restrictions = yield* Instance.updateRestrictions({ ignoreDotsForGmailAddresses: true })
      assert.isTrue(restrictions.ignoreDotsForGmailAddresses)
      assert.deepStrictEqual((yield* lastRequest).body, { ignore_dots_for_gmail_addresses: true })
      const connection = yield* EnterpriseConnections.getEnterpriseConnection("entconn_1")
      assert.deepStrictEqual(
        connection.samlConnection?.idpCertificates.map((c) => c.expiresAt),
        [1800000000000]
      )
      assert.strictEqual(connection.oauthConfig, null)
    }).pipe(
      Effect.provide(
        testLayer(
          FakeHttp.routes({
            "GET /v1/machines/{id}": () => FakeHttp.json(200, wire.machine),
            "DELETE /v1/machines/{id}/scopes/{other}": () =>
              FakeHttp.json(200, {
                object: "machine_scope",
                from_machine_id: "mch_1",
                to_machine_id: "mch_2",
                deleted: true
              }),
            "PATCH /v1/instance/restrictions": () =>
              FakeHttp.json(200, {
                ...(fixtures["InstanceRestrictions"] as object),
                ignore_dots_for_gmail_addresses: true
              }),
            "GET /v1/enterprise_connections/{id}": () =>
              FakeHttp.json(200, { ...wire.enterpriseConnection, oauth_config: undefined })
          })
        )
      )
    )
  )

  it.effect("idPOAuthAccessToken.verify checks the audience after the call", () =>
    Effect.gen(function* () {
      const token = yield* IdPOAuthAccessToken.verify("oat_1", { audience: "https://api.example.com" })
      assert.strictEqual(
        "subject" in token ? token.subject : undefined,
        (fixtures["ClerkIdpOauthAccessToken"] as { subject: string }).subject
      )
      const error = yield* Effect.flip(IdPOAuthAccessToken.verify("oat_1", { audience: ["https://other.example.com"] }))
      assert.strictEqual(error._tag, "TokenVerificationError")
      if (error._tag === "TokenVerificationError") assert.strictEqual(error.reason, "token-verification-failed")
      const req = yield* lastRequest
      assert.strictEqual(req.path, "/oauth_applications/access_tokens/verify")
      assert.deepStrictEqual(req.body, { access_token: "oat_1" })
    }).pipe(Effect.provide(testLayer(() => FakeHttp.json(200, wire.oauthAccessToken))))
  )
})
