/**
 * Batch B resources against `@clerk/backend`: every method it has sends the same request and returns the same data.
 */
import { describe, expect, it } from "vitest"
import * as FakeHttp from "../src/testing/FakeHttp.js"
import { fixtures } from "../src/models/generated/fixtures.js"
import type { ClerkClient } from "../src/promise/createClerkClient.js"
import {
  expectSameOutcome,
  expectSameRequests,
  MACHINE_SECRET_KEY,
  type ReferenceClient,
  runBoth,
  runOurs
} from "./support/differential.js"
import { wire } from "./support/samples/machines-and-enterprise.js"

/**
 * A call written once against both clients (same names and argument shapes). It is type-checked against the
 * intersection of both client types; each side then receives its own client.
 */
type Call = (client: ReferenceClient & ClerkClient) => Promise<unknown>
const onReference = (call: Call) => (client: ReferenceClient) => call(client as ReferenceClient & ClerkClient)
const onOurs = (call: Call) => (client: ClerkClient) => call(client as ReferenceClient & ClerkClient)
const both = (call: Call): Call => call

interface Case {
  /** `property.method` */
  readonly name: string
  /** The 2xx body (omit for 204). */
  readonly body?: unknown
  readonly call: Call
  /** Client options for both sides (e.g. `machineSecretKey`). */
  readonly options?: Record<string, unknown>
}

const page = (item: unknown) => ({ data: [item, item], total_count: 2 })
const fx = (name: string): unknown => fixtures[name]

const cases: ReadonlyArray<Case> = [
  // apiKeys
  {
    name: "apiKeys.list",
    body: page(fx("ApiKey")),
    call: (c) => c.apiKeys.list({ subject: "user_1", includeInvalid: true, limit: 5, offset: 10 })
  },
  {
    name: "apiKeys.create",
    body: fx("CreateApiKeyResponse"),
    call: (c) =>
      c.apiKeys.create({
        name: "CI",
        subject: "org_1",
        claims: { tenantId: "t1", nested: { someKey: 1 } },
        scopes: ["read"],
        createdBy: "user_1",
        secondsUntilExpiration: 3600
      })
  },
  { name: "apiKeys.get", body: fx("ApiKey"), call: (c) => c.apiKeys.get("ak_1") },
  {
    name: "apiKeys.update",
    body: fx("ApiKey"),
    call: (c) => c.apiKeys.update({ apiKeyId: "ak_1", subject: "user_1", description: null, claims: { roleKey: "x" } })
  },
  {
    name: "apiKeys.delete",
    body: { id: "ak_1", object: "api_key", deleted: true },
    call: (c) => c.apiKeys.delete("ak_1")
  },
  { name: "apiKeys.revoke (default reason)", body: fx("ApiKey"), call: (c) => c.apiKeys.revoke({ apiKeyId: "ak_1" }) },
  {
    name: "apiKeys.revoke",
    body: fx("ApiKey"),
    call: (c) => c.apiKeys.revoke({ apiKeyId: "ak_1", revocationReason: "leaked" })
  },
  { name: "apiKeys.getSecret", body: { secret: "ak_secret_value" }, call: (c) => c.apiKeys.getSecret("ak_1") },
  { name: "apiKeys.verify", body: fx("ApiKey"), call: (c) => c.apiKeys.verify("ak_secret_value") },
  // m2m
  {
    name: "m2m.list",
    body: { m2m_tokens: [fx("MachineToMachineToken")], total_count: 1 },
    call: (c) => c.m2m.list({ subject: "mch_1", revoked: true, expired: true, limit: 3, offset: 6 }),
    options: { machineSecretKey: MACHINE_SECRET_KEY }
  },
  {
    name: "m2m.list (secret key fallback)",
    body: { m2m_tokens: [fx("MachineToMachineToken")], total_count: 1 },
    call: (c) => c.m2m.list({ subject: "mch_1" })
  },
  {
    name: "m2m.createToken (defaults)",
    body: fx("CreateM2MTokenResponse"),
    call: (c) => c.m2m.createToken(),
    options: { machineSecretKey: MACHINE_SECRET_KEY }
  },
  {
    name: "m2m.createToken",
    body: fx("CreateM2MTokenResponse"),
    call: (c) =>
      c.m2m.createToken({
        secondsUntilExpiration: 60,
        claims: { someClaim: { deepKey: 1 } },
        minRemainingTtlSeconds: 30,
        tokenFormat: "jwt",
        machineSecretKey: "ak_perCallMachineKey123"
      }),
    options: { machineSecretKey: MACHINE_SECRET_KEY }
  },
  {
    name: "m2m.revokeToken",
    body: fx("MachineToMachineToken"),
    call: (c) => c.m2m.revokeToken({ m2mTokenId: "mt_1", machineSecretKey: "ak_perCallMachineKey123" })
  },
  {
    name: "m2m.verify (opaque)",
    body: fx("MachineToMachineToken"),
    call: (c) => c.m2m.verify({ token: "mt_opaqueToken" }),
    options: { machineSecretKey: MACHINE_SECRET_KEY }
  },
  // idPOAuthAccessToken
  {
    name: "idPOAuthAccessToken.verify",
    body: wire.oauthAccessToken,
    call: (c) => c.idPOAuthAccessToken.verify("oat_token", { audience: ["https://api.example.com"] })
  },
  {
    name: "idPOAuthAccessToken.verify (audience mismatch fails on both)",
    body: wire.oauthAccessToken,
    call: (c) => c.idPOAuthAccessToken.verify("oat_token", { audience: "https://other.example.com" })
  },
  // machines
  { name: "machines.get", body: wire.machine, call: (c) => c.machines.get("mch_1") },
  {
    name: "machines.list",
    body: page(wire.machine),
    call: (c) => c.machines.list({ limit: 2, offset: 4, orderBy: "-name", query: "bot" })
  },
  {
    name: "machines.create",
    body: { ...wire.machine, secret_key: "ak_machineSecret" },
    call: (c) => c.machines.create({ name: "bot", scopedMachines: ["mch_2"], defaultTokenTtl: 60 })
  },
  { name: "machines.update", body: wire.machine, call: (c) => c.machines.update({ machineId: "mch_1", name: "bot2" }) },
  {
    name: "machines.delete",
    body: { object: "machine", id: "mch_1", deleted: true },
    call: (c) => c.machines.delete("mch_1")
  },
  { name: "machines.getSecretKey", body: fx("MachineSecretKey"), call: (c) => c.machines.getSecretKey("mch_1") },
  {
    name: "machines.rotateSecretKey",
    body: fx("MachineSecretKey"),
    call: (c) => c.machines.rotateSecretKey({ machineId: "mch_1", previousTokenTtl: 300 })
  },
  { name: "machines.createScope", body: fx("MachineScope"), call: (c) => c.machines.createScope("mch_1", "mch_2") },
  {
    name: "machines.deleteScope",
    body: fx("MachineScopeDeleted"),
    call: (c) => c.machines.deleteScope("mch_1", "mch_2")
  },
  // oauthApplications
  {
    name: "oauthApplications.list",
    body: page(fx("OAuthApplication")),
    call: (c) => c.oauthApplications.list({ limit: 1, offset: 2, orderBy: "+name", nameQuery: "app" })
  },
  { name: "oauthApplications.get", body: fx("OAuthApplication"), call: (c) => c.oauthApplications.get("oa_1") },
  {
    name: "oauthApplications.create",
    body: fx("OAuthApplicationWithSecret"),
    call: (c) =>
      c.oauthApplications.create({ name: "app", redirectUris: ["https://a.test/cb"], scopes: "openid", public: true })
  },
  {
    name: "oauthApplications.update",
    body: fx("OAuthApplication"),
    call: (c) => c.oauthApplications.update({ oauthApplicationId: "oa_1", name: "app2", scopes: null })
  },
  {
    name: "oauthApplications.delete",
    body: { object: "oauth_application", id: "oa_1", deleted: true },
    call: (c) => c.oauthApplications.delete("oa_1")
  },
  {
    name: "oauthApplications.rotateSecret",
    body: fx("OAuthApplicationWithSecret"),
    call: (c) => c.oauthApplications.rotateSecret("oa_1")
  },
  {
    name: "oauthApplications.revokeToken",
    call: (c) => c.oauthApplications.revokeToken({ oauthApplicationId: "oa_1", token: "tok" })
  },
  // organizationPermissions
  {
    name: "organizationPermissions.getOrganizationPermissionList",
    body: page(fx("Permission")),
    call: (c) =>
      c.organizationPermissions.getOrganizationPermissionList({ query: "doc", orderBy: "-key", limit: 3, offset: 3 })
  },
  {
    name: "organizationPermissions.getOrganizationPermission",
    body: fx("Permission"),
    call: (c) => c.organizationPermissions.getOrganizationPermission("perm_1")
  },
  {
    name: "organizationPermissions.createOrganizationPermission",
    body: fx("Permission"),
    call: (c) =>
      c.organizationPermissions.createOrganizationPermission({ name: "Read", key: "org:doc:read", description: "d" })
  },
  {
    name: "organizationPermissions.updateOrganizationPermission",
    body: fx("Permission"),
    call: (c) => c.organizationPermissions.updateOrganizationPermission({ permissionId: "perm_1", name: "Read docs" })
  },
  {
    name: "organizationPermissions.deleteOrganizationPermission",
    body: { object: "permission", id: "perm_1", deleted: true },
    call: (c) => c.organizationPermissions.deleteOrganizationPermission("perm_1")
  },
  // organizationRoles
  {
    name: "organizationRoles.getOrganizationRoleList",
    body: page(fx("Role")),
    call: (c) => c.organizationRoles.getOrganizationRoleList({ query: "adm", orderBy: "name", limit: 10, offset: 20 })
  },
  {
    name: "organizationRoles.getOrganizationRole",
    body: fx("Role"),
    call: (c) => c.organizationRoles.getOrganizationRole("role_1")
  },
  {
    name: "organizationRoles.createOrganizationRole",
    body: fx("Role"),
    call: (c) =>
      c.organizationRoles.createOrganizationRole({
        name: "Admin",
        key: "org:admin",
        permissions: ["perm_1"],
        includeInInitialRoleSet: true
      })
  },
  {
    name: "organizationRoles.updateOrganizationRole",
    body: fx("Role"),
    call: (c) => c.organizationRoles.updateOrganizationRole({ organizationRoleId: "role_1", description: null })
  },
  {
    name: "organizationRoles.deleteOrganizationRole",
    body: { object: "role", id: "role_1", deleted: true },
    call: (c) => c.organizationRoles.deleteOrganizationRole("role_1")
  },
  {
    name: "organizationRoles.assignPermissionToOrganizationRole",
    body: fx("Role"),
    call: (c) =>
      c.organizationRoles.assignPermissionToOrganizationRole({ organizationRoleId: "role_1", permissionId: "perm_1" })
  },
  {
    name: "organizationRoles.removePermissionFromOrganizationRole",
    body: fx("Role"),
    call: (c) =>
      c.organizationRoles.removePermissionFromOrganizationRole({ organizationRoleId: "role_1", permissionId: "perm_1" })
  },
  // roleSets
  {
    name: "roleSets.getRoleSetList",
    body: page(fx("RoleSet")),
    call: (c) => c.roleSets.getRoleSetList({ query: "x", orderBy: "+created_at", limit: 5, offset: 5 })
  },
  { name: "roleSets.getRoleSet", body: fx("RoleSet"), call: (c) => c.roleSets.getRoleSet("rs_1") },
  {
    name: "roleSets.createRoleSet",
    body: fx("RoleSet"),
    call: (c) =>
      c.roleSets.createRoleSet({
        name: "Set",
        key: "set",
        defaultRoleKey: "org:member",
        creatorRoleKey: "org:admin",
        type: "custom",
        roles: ["org:member", "org:admin"]
      })
  },
  {
    name: "roleSets.updateRoleSet",
    body: fx("RoleSet"),
    call: (c) => c.roleSets.updateRoleSet({ roleSetKeyOrId: "set", name: "Set 2", description: null })
  },
  {
    name: "roleSets.addRolesToRoleSet",
    body: fx("RoleSet"),
    call: (c) =>
      c.roleSets.addRolesToRoleSet({ roleSetKeyOrId: "set", roleKeys: ["org:viewer"], defaultRoleKey: "org:viewer" })
  },
  {
    name: "roleSets.replaceRoleInRoleSet",
    body: fx("RoleSet"),
    call: (c) =>
      c.roleSets.replaceRoleInRoleSet({ roleSetKeyOrId: "set", roleKey: "org:viewer", toRoleKey: "org:member" })
  },
  {
    name: "roleSets.replaceRoleSet",
    body: { object: "role_set", id: "rs_1", deleted: true },
    call: (c) =>
      c.roleSets.replaceRoleSet({
        roleSetKeyOrId: "set",
        destRoleSetKey: "other",
        reassignmentMappings: { "org:viewerRole": "org:member" }
      })
  },
  // samlConnections
  {
    name: "samlConnections.getSamlConnectionList",
    body: page(wire.samlConnection),
    call: (c) =>
      c.samlConnections.getSamlConnectionList({
        query: "okta",
        orderBy: "-created_at",
        organizationId: ["org_1", "org_2"],
        limit: 2,
        offset: 2
      })
  },
  {
    name: "samlConnections.createSamlConnection",
    body: wire.samlConnection,
    call: (c) =>
      c.samlConnections.createSamlConnection({
        name: "Okta",
        provider: "saml_okta",
        domain: "example.com",
        organizationId: "org_1",
        idpEntityId: "e",
        idpSsoUrl: "https://idp.test/sso",
        idpCertificates: ["cert"],
        attributeMapping: { emailAddress: "mail", firstName: "given", lastName: "sn", userId: "uid" }
      })
  },
  {
    name: "samlConnections.getSamlConnection",
    body: wire.samlConnection,
    call: (c) => c.samlConnections.getSamlConnection("samlc_1")
  },
  {
    name: "samlConnections.updateSamlConnection",
    body: wire.samlConnection,
    call: (c) =>
      c.samlConnections.updateSamlConnection("samlc_1", {
        active: true,
        allowIdpInitiated: true,
        attributeMapping: { emailAddress: "mail" }
      })
  },
  {
    name: "samlConnections.deleteSamlConnection",
    body: { object: "saml_connection", id: "samlc_1", deleted: true },
    call: (c) => c.samlConnections.deleteSamlConnection("samlc_1")
  },
  // enterpriseConnections
  {
    name: "enterpriseConnections.createEnterpriseConnection",
    body: wire.enterpriseConnection,
    call: (c) =>
      c.enterpriseConnections.createEnterpriseConnection({
        name: "Okta",
        domains: ["example.com"],
        provider: "saml_okta",
        organizationId: "org_1",
        customAttributes: [{ name: "Dept", key: "dept", ssoPath: "department", multiValued: false }],
        saml: {
          idpEntityId: "e",
          attributeMapping: { emailAddress: "mail", userId: null },
          loginHint: { mode: "custom_attribute", source: "login" }
        }
      })
  },
  {
    name: "enterpriseConnections.updateEnterpriseConnection",
    body: wire.enterpriseConnection,
    call: (c) =>
      c.enterpriseConnections.updateEnterpriseConnection("entconn_1", {
        disableAdditionalIdentifications: true,
        oidc: { clientId: "cid", requiresPkce: true, discoveryUrl: "https://idp.test/.well-known" }
      })
  },
  {
    name: "enterpriseConnections.getEnterpriseConnectionList",
    body: page(wire.enterpriseConnection),
    call: (c) =>
      c.enterpriseConnections.getEnterpriseConnectionList({
        organizationId: "org_1",
        active: true,
        limit: 1,
        offset: 1
      })
  },
  {
    name: "enterpriseConnections.getEnterpriseConnection",
    body: wire.enterpriseConnection,
    call: (c) => c.enterpriseConnections.getEnterpriseConnection("entconn_1")
  },
  {
    name: "enterpriseConnections.getEnterpriseConnection (oidc)",
    body: wire.oidcEnterpriseConnection,
    call: (c) => c.enterpriseConnections.getEnterpriseConnection("entconn_2")
  },
  {
    name: "enterpriseConnections.deleteEnterpriseConnection",
    body: { object: "enterprise_connection", id: "entconn_1", deleted: true },
    call: (c) => c.enterpriseConnections.deleteEnterpriseConnection("entconn_1")
  },
  // instance
  { name: "instance.get", body: fx("Instance"), call: (c) => c.instance.get() },
  {
    name: "instance.update",
    call: (c) =>
      c.instance.update({
        testMode: true,
        hibp: null,
        allowedOrigins: ["https://a.test"],
        preferredSignInStrategyWhenPasswordRequired: "otp"
      })
  },
  {
    name: "instance.updateRestrictions",
    body: { ...(fx("InstanceRestrictions") as object), ignore_dots_for_gmail_addresses: true },
    call: (c) => c.instance.updateRestrictions({ allowlist: true, ignoreDotsForGmailAddresses: true })
  },
  {
    name: "instance.getOrganizationSettings",
    body: fx("OrganizationSettings"),
    call: (c) => c.instance.getOrganizationSettings()
  },
  {
    name: "instance.updateOrganizationSettings",
    body: fx("OrganizationSettings"),
    call: (c) =>
      c.instance.updateOrganizationSettings({
        enabled: true,
        maxAllowedMemberships: 5,
        domainsEnrollmentModes: ["automatic_invitation"],
        creatorRoleId: "role_1"
      })
  },
  // billing
  {
    name: "billing.getPlanList",
    body: page(wire.plan),
    call: (c) => c.billing.getPlanList({ payerType: "org", limit: 3, offset: 3 })
  },
  {
    name: "billing.cancelSubscriptionItem",
    body: wire.subscriptionItem,
    call: (c) => c.billing.cancelSubscriptionItem("csi_1", { endNow: true })
  },
  {
    name: "billing.extendSubscriptionItemFreeTrial",
    body: wire.subscriptionItem2,
    call: (c) => c.billing.extendSubscriptionItemFreeTrial("csi_1", { extendTo: new Date("2030-01-02T03:04:05.000Z") })
  },
  {
    name: "billing.getOrganizationBillingSubscription",
    body: wire.subscription,
    call: (c) => c.billing.getOrganizationBillingSubscription("org_1")
  },
  {
    name: "billing.getUserBillingSubscription",
    body: wire.subscription,
    call: (c) => c.billing.getUserBillingSubscription("user_1")
  }
]

describe("batch B resources vs @clerk/backend", () => {
  it.each(cases)("$name sends the same request and returns the same data", async ({ body, call, options }) => {
    const result = await runBoth(
      () => (body === undefined ? { status: 204 } : FakeHttp.json(200, body)),
      onReference(call),
      onOurs(call),
      options ?? {}
    )
    expectSameRequests(result)
    expectSameOutcome(result)
    expect(result.ours.requests).toHaveLength(1)
  })

  it.each([
    { status: 404, code: "resource_not_found", call: both((c) => c.machines.get("mch_missing")) },
    { status: 422, code: "form_param_invalid", call: both((c) => c.apiKeys.create({ name: "", subject: "user_1" })) },
    { status: 401, code: "authentication_invalid", call: both((c) => c.m2m.verify({ token: "mt_bad" })) },
    { status: 402, code: "payment_required", call: both((c) => c.billing.getPlanList()) }
  ])("a $status response fails both with the same status", async ({ call, code, status }) => {
    const result = await runBoth(
      () => FakeHttp.clerkError(status, [{ code, message: "failed" }], { traceId: "trace_b" }),
      onReference(call),
      onOurs(call)
    )
    expectSameRequests(result)
    expectSameOutcome(result)
    expect(result.ours.error).toMatchObject({ status, clerkTraceId: "trace_b", errors: [{ code }] })
  })

  it("list Streams are async iterables on the Promise client, walking every page", async () => {
    const role = fx("Role") as Record<string, unknown>
    const { requests, result } = await runOurs(
      ({ url }) => {
        const offset = Number(url.searchParams.get("offset"))
        const count = Math.min(Number(url.searchParams.get("limit")), 501 - offset)
        return FakeHttp.json(200, {
          data: Array.from({ length: count }, (_, i) => ({ ...role, id: `role_${offset + i}` })),
          total_count: 501
        })
      },
      async (c) => {
        const ids: Array<string> = []
        for await (const r of c.organizationRoles.getOrganizationRoleListStream({ query: "adm" })) ids.push(r.id)
        return ids
      }
    )
    expect(result).toHaveLength(501)
    expect(result).toEqual(expect.arrayContaining(["role_0", "role_499", "role_500"]))
    expect(requests.map((r) => r.query)).toEqual([
      [
        ["limit", "500"],
        ["offset", "0"],
        ["query", "adm"]
      ],
      [
        ["limit", "500"],
        ["offset", "500"],
        ["query", "adm"]
      ]
    ])
  })
})
