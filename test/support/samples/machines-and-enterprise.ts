/**
 * Batch B (API keys, M2M, machines, OAuth applications, roles and permissions, role sets, SAML and enterprise
 * connections, instance, billing, SCIM directories, directories, admin portal link tokens): one valid call per spec
 * operation (for the operations table), and realistic wire payloads the batch B tests answer with.
 */
import { fixtures } from "../../../src/models/generated/fixtures.js"
import type { ClerkClient } from "../../../src/promise/createClerkClient.js"

const fx = (name: string): Record<string, unknown> => {
  const value = fixtures[name]
  if (typeof value !== "object" || value === null) throw new Error(`no fixture ${name}`)
  return value as Record<string, unknown>
}

const money = (amount: number) => ({
  amount,
  amount_formatted: (amount / 100).toFixed(2),
  currency: "USD",
  currency_symbol: "$"
})

const machine = {
  object: "machine",
  id: "mch_1",
  name: "billing-worker",
  instance_id: "ins_1",
  created_at: 1700000000000,
  updated_at: 1700000000001,
  default_token_ttl: 3600,
  scoped_machines: [
    {
      object: "machine",
      id: "mch_2",
      name: "ledger",
      instance_id: "ins_1",
      created_at: 1700000000000,
      updated_at: 1700000000000,
      default_token_ttl: 60
    }
  ]
}

const samlConnection = {
  ...fx("SAMLConnection"),
  id: "samlc_1",
  provider: "saml_okta",
  organization_id: "org_1",
  idp_certificate: "MIIC...",
  idp_certificate_issued_at: 1700000000000,
  idp_certificate_expires_at: 1800000000000,
  idp_certificates: [{ certificate: "MIIC...", issued_at: 1700000000000, expires_at: 1800000000000 }]
}

const enterpriseConnection = {
  ...fx("EnterpriseConnection"),
  id: "entconn_1",
  provider: "saml_okta",
  organization_id: "org_1",
  logo_public_url: "https://img.clerk.test/okta.png",
  saml_connection: {
    id: "samlc_1",
    name: "Okta",
    idp_entity_id: "http://www.okta.com/exk1",
    idp_sso_url: "https://example.okta.com/sso",
    idp_certificate: "MIIC...",
    idp_certificate_issued_at: 1700000000000,
    idp_certificate_expires_at: 1800000000000,
    idp_certificates: [{ certificate: "MIIC...", issued_at: 1700000000000, expires_at: 1800000000000 }],
    idp_metadata_url: null,
    idp_metadata: null,
    acs_url: "https://clerk.example.com/v1/saml/acs/samlc_1",
    sp_entity_id: "https://clerk.example.com/saml/samlc_1",
    sp_metadata_url: "https://clerk.example.com/v1/saml/metadata/samlc_1",
    sync_user_attributes: true,
    allow_subdomains: false,
    allow_idp_initiated: true,
    active: true,
    force_authn: false,
    login_hint: { mode: "custom_attribute", source: "login" }
  }
}

const oidcEnterpriseConnection = {
  ...fx("EnterpriseConnection"),
  id: "entconn_2",
  provider: "oidc_custom",
  oauth_config: {
    id: "oac_1",
    name: "Acme IdP",
    provider_key: "oidc_custom_acme",
    client_id: "cid",
    discovery_url: "https://idp.test/.well-known/openid-configuration",
    auth_url: "https://idp.test/auth",
    token_url: "https://idp.test/token",
    user_info_url: "https://idp.test/userinfo",
    requires_pkce: true,
    logo_public_url: null,
    created_at: 1700000000000,
    updated_at: 1700000000000
  }
}

const plan = {
  ...fx("CommercePlan"),
  id: "cplan_1",
  fee: money(1000),
  annual_fee: money(10000),
  annual_monthly_fee: money(833),
  description: "Pro",
  for_payer_type: "org",
  avatar_url: "https://img.clerk.test/pro.png",
  free_trial_enabled: true,
  free_trial_days: 14
}

const subscriptionItem = {
  ...fx("CommerceSubscriptionItem"),
  id: "csi_1",
  plan_id: "cplan_1",
  plan,
  next_payment: { amount: money(1000), date: 1710000000000 },
  period_end: 1710000000000
}

const subscription = {
  ...fx("CommerceSubscription"),
  id: "csub_1",
  active_at: 1700000000000,
  subscription_items: [subscriptionItem]
}

/** Realistic wire payloads (snake_case) for the batch B tests. */
export const wire = {
  machine,
  samlConnection,
  enterpriseConnection,
  oidcEnterpriseConnection,
  oauthAccessToken: {
    ...fx("ClerkIdpOauthAccessToken"),
    type: "oauth_token",
    aud: ["https://api.example.com"],
    act: { sub: "user_admin", iss: "https://clerk.example.com" }
  },
  plan,
  subscriptionItem,
  subscriptionItem2: { ...fx("CommerceSubscriptionItem2"), id: "csi_1", amount: money(1000) },
  subscription
}

const file = () => new Blob(["png"], { type: "image/png" })

/** One valid call per spec operation of batch B, keyed by operationId. */
export const samples: Record<string, (client: ClerkClient) => Promise<unknown>> = {
  getApiKeys: (c) => c.apiKeys.list({ subject: "user_1" }),
  createApiKey: (c) => c.apiKeys.create({ name: "CI", subject: "user_1" }),
  getApiKey: (c) => c.apiKeys.get("ak_1"),
  updateApiKey: (c) => c.apiKeys.update({ apiKeyId: "ak_1", subject: "user_1", scopes: ["read"] }),
  deleteApiKey: (c) => c.apiKeys.delete("ak_1"),
  revokeApiKey: (c) => c.apiKeys.revoke({ apiKeyId: "ak_1" }),
  getApiKeySecret: (c) => c.apiKeys.getSecret("ak_1"),
  verifyApiKey: (c) => c.apiKeys.verify("ak_secret"),
  getM2MTokens: (c) => c.m2m.list({ subject: "mch_1" }),
  createM2MToken: (c) => c.m2m.createToken({ secondsUntilExpiration: 60 }),
  revokeM2MToken: (c) => c.m2m.revokeToken({ m2mTokenId: "mt_1" }),
  verifyM2MToken: (c) => c.m2m.verify({ token: "mt_opaque" }),
  verifyOAuthAccessToken: (c) => c.idPOAuthAccessToken.verify("oat_token"),
  ListMachines: (c) => c.machines.list({ limit: 10 }),
  CreateMachine: (c) => c.machines.create({ name: "worker" }),
  GetMachine: (c) => c.machines.get("mch_1"),
  UpdateMachine: (c) => c.machines.update({ machineId: "mch_1", name: "worker-2" }),
  DeleteMachine: (c) => c.machines.delete("mch_1"),
  GetMachineSecretKey: (c) => c.machines.getSecretKey("mch_1"),
  RotateMachineSecretKey: (c) => c.machines.rotateSecretKey({ machineId: "mch_1", previousTokenTtl: 0 }),
  CreateMachineScope: (c) => c.machines.createScope("mch_1", "mch_2"),
  DeleteMachineScope: (c) => c.machines.deleteScope("mch_1", "mch_2"),
  ListOAuthApplications: (c) => c.oauthApplications.list(),
  CreateOAuthApplication: (c) => c.oauthApplications.create({ name: "app", redirectUris: ["https://a.test/cb"] }),
  GetOAuthApplication: (c) => c.oauthApplications.get("oa_1"),
  UpdateOAuthApplication: (c) => c.oauthApplications.update({ oauthApplicationId: "oa_1", name: "app-2" }),
  DeleteOAuthApplication: (c) => c.oauthApplications.delete("oa_1"),
  RotateOAuthApplicationSecret: (c) => c.oauthApplications.rotateSecret("oa_1"),
  RevokeOAuthApplicationToken: (c) => c.oauthApplications.revokeToken({ oauthApplicationId: "oa_1", token: "tok" }),
  UploadOAuthApplicationLogo: (c) => c.oauthApplications.uploadLogo({ oauthApplicationId: "oa_1", file: file() }),
  ListOrganizationPermissions: (c) => c.organizationPermissions.getOrganizationPermissionList(),
  CreateOrganizationPermission: (c) =>
    c.organizationPermissions.createOrganizationPermission({ name: "Read", key: "org:doc:read" }),
  GetOrganizationPermission: (c) => c.organizationPermissions.getOrganizationPermission("perm_1"),
  UpdateOrganizationPermission: (c) =>
    c.organizationPermissions.updateOrganizationPermission({ permissionId: "perm_1", name: "Read docs" }),
  DeleteOrganizationPermission: (c) => c.organizationPermissions.deleteOrganizationPermission("perm_1"),
  ListOrganizationRoles: (c) => c.organizationRoles.getOrganizationRoleList(),
  CreateOrganizationRole: (c) => c.organizationRoles.createOrganizationRole({ name: "Admin", key: "org:admin" }),
  GetOrganizationRole: (c) => c.organizationRoles.getOrganizationRole("role_1"),
  UpdateOrganizationRole: (c) =>
    c.organizationRoles.updateOrganizationRole({ organizationRoleId: "role_1", name: "A" }),
  DeleteOrganizationRole: (c) => c.organizationRoles.deleteOrganizationRole("role_1"),
  AssignPermissionToOrganizationRole: (c) =>
    c.organizationRoles.assignPermissionToOrganizationRole({ organizationRoleId: "role_1", permissionId: "perm_1" }),
  RemovePermissionFromOrganizationRole: (c) =>
    c.organizationRoles.removePermissionFromOrganizationRole({ organizationRoleId: "role_1", permissionId: "perm_1" }),
  ListRoleSets: (c) => c.roleSets.getRoleSetList(),
  CreateRoleSet: (c) =>
    c.roleSets.createRoleSet({
      name: "Set",
      defaultRoleKey: "org:member",
      creatorRoleKey: "org:admin",
      roles: ["org:member"]
    }),
  GetRoleSet: (c) => c.roleSets.getRoleSet("rs_1"),
  UpdateRoleSet: (c) => c.roleSets.updateRoleSet({ roleSetKeyOrId: "rs_1", name: "Set 2" }),
  ReplaceRoleSet: (c) => c.roleSets.replaceRoleSet({ roleSetKeyOrId: "rs_1", destRoleSetKey: "other" }),
  AddRolesToRoleSet: (c) => c.roleSets.addRolesToRoleSet({ roleSetKeyOrId: "rs_1", roleKeys: ["org:viewer"] }),
  ReplaceRoleInRoleSet: (c) =>
    c.roleSets.replaceRoleInRoleSet({ roleSetKeyOrId: "rs_1", roleKey: "org:viewer", toRoleKey: "org:member" }),
  ListSAMLConnections: (c) => c.samlConnections.getSamlConnectionList(),
  CreateSAMLConnection: (c) =>
    c.samlConnections.createSamlConnection({ name: "Okta", provider: "saml_okta", domain: "example.com" }),
  GetSAMLConnection: (c) => c.samlConnections.getSamlConnection("samlc_1"),
  UpdateSAMLConnection: (c) => c.samlConnections.updateSamlConnection("samlc_1", { active: true }),
  DeleteSAMLConnection: (c) => c.samlConnections.deleteSamlConnection("samlc_1"),
  ListEnterpriseConnections: (c) => c.enterpriseConnections.getEnterpriseConnectionList(),
  CreateEnterpriseConnection: (c) =>
    c.enterpriseConnections.createEnterpriseConnection({
      name: "Okta",
      domains: ["example.com"],
      provider: "saml_okta"
    }),
  GetEnterpriseConnection: (c) => c.enterpriseConnections.getEnterpriseConnection("entconn_1"),
  UpdateEnterpriseConnection: (c) => c.enterpriseConnections.updateEnterpriseConnection("entconn_1", { active: true }),
  DeleteEnterpriseConnection: (c) => c.enterpriseConnections.deleteEnterpriseConnection("entconn_1"),
  ListEnterpriseConnectionTestRuns: (c) =>
    c.enterpriseConnections.getEnterpriseConnectionTestRunList("entconn_1", { status: ["failed"] }),
  CreateEnterpriseConnectionTestRun: (c) => c.enterpriseConnections.createEnterpriseConnectionTestRun("entconn_1"),
  GetInstance: (c) => c.instance.get(),
  UpdateInstance: (c) => c.instance.update({ testMode: true }),
  UpdateInstanceRestrictions: (c) => c.instance.updateRestrictions({ blocklist: true }),
  GetInstanceOrganizationSettings: (c) => c.instance.getOrganizationSettings(),
  UpdateInstanceOrganizationSettings: (c) => c.instance.updateOrganizationSettings({ enabled: true }),
  GetInstanceProtect: (c) => c.instance.getProtect(),
  UpdateInstanceProtect: (c) => c.instance.updateProtect({ rulesEnabled: true }),
  GetInstanceCommunication: (c) => c.instance.getCommunication(),
  UpdateInstanceCommunication: (c) => c.instance.updateCommunication({ blockedCountryCodes: ["XX"] }),
  GetInstanceOAuthApplicationSettings: (c) => c.instance.getOAuthApplicationSettings(),
  UpdateInstanceOAuthApplicationSettings: (c) =>
    c.instance.updateOAuthApplicationSettings({ defaultScopes: ["email"] }),
  GetCommercePlanList: (c) => c.billing.getPlanList({ payerType: "user" }),
  CancelCommerceSubscriptionItem: (c) => c.billing.cancelSubscriptionItem("csi_1", { endNow: true }),
  ExtendBillingSubscriptionItemFreeTrial: (c) =>
    c.billing.extendSubscriptionItemFreeTrial("csi_1", { extendTo: new Date("2030-01-01T00:00:00Z") }),
  GetOrganizationBillingSubscription: (c) => c.billing.getOrganizationBillingSubscription("org_1"),
  GetUserBillingSubscription: (c) => c.billing.getUserBillingSubscription("user_1"),
  GetBillingPriceList: (c) => c.billing.getPriceList({ planId: "cplan_1" }),
  CreateBillingPrice: (c) => c.billing.createPrice({ planId: "cplan_1", amount: 1000 }),
  GetCommerceSubscriptionItemList: (c) => c.billing.getSubscriptionItemList({ status: "active" }),
  CreateBillingPriceTransition: (c) =>
    c.billing.createPriceTransition("csi_1", { fromPriceId: "cprice_1", toPriceId: "cprice_2" }),
  ApplyBillingSubscriptionItemDiscount: (c) =>
    c.billing.applySubscriptionItemDiscount("csi_1", { discountId: "cdisc_1" }),
  RemoveBillingSubscriptionItemDiscount: (c) => c.billing.removeSubscriptionItemDiscount("csi_1", "cdisc_1"),
  GetBillingStatementList: (c) => c.billing.getStatementList(),
  GetBillingStatement: (c) => c.billing.getStatement("cstmt_1"),
  GetBillingStatementPaymentAttempts: (c) => c.billing.getStatementPaymentAttemptList("cstmt_1"),
  ListSCIMDirectories: (c) => c.scimDirectories.list(),
  CreateSCIMDirectory: (c) => c.scimDirectories.create({ enterpriseConnectionId: "entconn_1", provider: "okta" }),
  GetSCIMDirectory: (c) => c.scimDirectories.get("scimdir_1"),
  UpdateSCIMDirectory: (c) => c.scimDirectories.update("scimdir_1", { enabled: true }),
  DeleteSCIMDirectory: (c) => c.scimDirectories.delete("scimdir_1"),
  RotateSCIMDirectoryAPIKey: (c) => c.scimDirectories.rotateApiKey("scimdir_1"),
  ListSCIMGroupRoleMappings: (c) => c.scimDirectories.listGroupRoleMappings("scimdir_1"),
  CreateSCIMGroupRoleMapping: (c) =>
    c.scimDirectories.createGroupRoleMapping("scimdir_1", { scimGroupId: "grp_1", roleId: "role_1" }),
  ReplaceSCIMGroupRoleMappings: (c) =>
    c.scimDirectories.replaceGroupRoleMappings("scimdir_1", { mappings: [{ scimGroupId: "grp_1", roleId: "role_1" }] }),
  DeleteSCIMGroupRoleMapping: (c) => c.scimDirectories.deleteGroupRoleMapping("scimdir_1", "map_1"),
  ListDirectories: (c) => c.directories.list(),
  CreateDirectory: (c) => c.directories.create({ enterpriseConnectionId: "entconn_1", provider: "okta" }),
  GetDirectory: (c) => c.directories.get("dir_1"),
  UpdateDirectory: (c) => c.directories.update("dir_1", { enabled: true }),
  DeleteDirectory: (c) => c.directories.delete("dir_1"),
  RotateDirectoryAPIKey: (c) => c.directories.rotateApiKey("dir_1"),
  ListDirectoryGroupRoleMappings: (c) => c.directories.listGroupRoleMappings("dir_1"),
  CreateDirectoryGroupRoleMapping: (c) =>
    c.directories.createGroupRoleMapping("dir_1", { directoryGroupId: "grp_1", roleId: "role_1" }),
  ReplaceDirectoryGroupRoleMappings: (c) =>
    c.directories.replaceGroupRoleMappings("dir_1", { mappings: [{ directoryGroupId: "grp_1", roleId: "role_1" }] }),
  DeleteDirectoryGroupRoleMapping: (c) => c.directories.deleteGroupRoleMapping("dir_1", "map_1"),
  createAdminPortalLinkToken: (c) => c.adminPortalLinkTokens.create({ organizationId: "org_1" }),
  revokeAdminPortalLinkToken: (c) => c.adminPortalLinkTokens.revoke({ adminPortalLinkTokenId: "aplt_1" })
}

/** Batch B `@clerk/backend` methods whose request matches no spec operation: none. */
export const extraSamples: Record<string, (client: ClerkClient) => Promise<unknown>> = {}
