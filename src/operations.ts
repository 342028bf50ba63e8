/**
 * The operations table: every Backend API operation (249), its HTTP method and path template from the spec, and
 * where it lives on the Promise client (`promise: "users.getUser"`) and in the Effect API (`effect: "Users.getUser"`).
 *
 * ```ts
 * import { operations } from "effect-clerk"
 * operations.find((op) => op.operationId === "GetUser")
 * // { operationId: "GetUser", method: "GET", path: "/users/{user_id}", promise: "users.getUser", effect: "Users.getUser", ... }
 * ```
 *
 * @module
 */
import { type SpecOperation, type SpecOperationId, specOperations } from "./models/generated/operations.js"
import { type ResourceName, resourceServices } from "./resources/index.js"

/**
 * Where each spec operation lives on the Promise client, as `"property.method"`. The property names and, for the
 * operations `@clerk/backend` has, the method names are `@clerk/backend`'s. Typed as a total record, so a spec
 * operation without an entry fails to compile.
 *
 * @since 0.1.0
 * @category Resources
 */
export const promiseNames: Readonly<Record<SpecOperationId, `${ResourceName}.${string}`>> = {
  AddDomain: "domains.add",
  AddRolesToRoleSet: "roleSets.addRolesToRoleSet",
  AdjustOrganizationBillingCreditBalance: "organizations.adjustOrganizationBillingCreditBalance",
  AdjustUserBillingCreditBalance: "users.adjustUserBillingCreditBalance",
  ApplyBillingSubscriptionItemDiscount: "billing.applySubscriptionItemDiscount",
  AssignPermissionToOrganizationRole: "organizationRoles.assignPermissionToOrganizationRole",
  AttemptEmailAddressVerification: "emailAddresses.attemptEmailAddressVerification",
  AttemptPhoneNumberVerification: "phoneNumbers.attemptPhoneNumberVerification",
  BanUser: "users.banUser",
  CancelCommerceSubscriptionItem: "billing.cancelSubscriptionItem",
  ChangeProductionInstanceDomain: "betaFeatures.changeProductionInstanceDomain",
  CreateActorToken: "actorTokens.create",
  createAdminPortalLinkToken: "adminPortalLinkTokens.create",
  CreateAgentTask: "agentTasks.create",
  CreateAllowlistIdentifier: "allowlistIdentifiers.createAllowlistIdentifier",
  createApiKey: "apiKeys.create",
  CreateBillingPrice: "billing.createPrice",
  CreateBillingPriceTransition: "billing.createPriceTransition",
  CreateBlocklistIdentifier: "blocklistIdentifiers.createBlocklistIdentifier",
  CreateBulkInvitations: "invitations.createInvitationBulk",
  CreateBulkWaitlistEntries: "waitlistEntries.createBulk",
  CreateDirectory: "directories.create",
  CreateDirectoryGroupRoleMapping: "directories.createGroupRoleMapping",
  CreateEmailAddress: "emailAddresses.createEmailAddress",
  CreateEnterpriseConnection: "enterpriseConnections.createEnterpriseConnection",
  CreateEnterpriseConnectionTestRun: "enterpriseConnections.createEnterpriseConnectionTestRun",
  CreateInvitation: "invitations.createInvitation",
  CreateJWTTemplate: "jwtTemplates.create",
  createM2MToken: "m2m.createToken",
  CreateMachine: "machines.create",
  CreateMachineScope: "machines.createScope",
  CreateOAuthApplication: "oauthApplications.create",
  CreateOrganization: "organizations.createOrganization",
  CreateOrganizationDomain: "organizations.createOrganizationDomain",
  CreateOrganizationInvitation: "organizations.createOrganizationInvitation",
  CreateOrganizationInvitationBulk: "organizations.createOrganizationInvitationBulk",
  CreateOrganizationMembership: "organizations.createOrganizationMembership",
  CreateOrganizationPermission: "organizationPermissions.createOrganizationPermission",
  CreateOrganizationRole: "organizationRoles.createOrganizationRole",
  CreatePhoneNumber: "phoneNumbers.createPhoneNumber",
  CreateRedirectURL: "redirectUrls.createRedirectUrl",
  CreateRoleSet: "roleSets.createRoleSet",
  CreateSAMLConnection: "samlConnections.createSamlConnection",
  CreateSCIMDirectory: "scimDirectories.create",
  CreateSCIMGroupRoleMapping: "scimDirectories.createGroupRoleMapping",
  createSession: "sessions.createSession",
  CreateSessionToken: "sessions.getToken",
  CreateSessionTokenFromTemplate: "sessions.getToken",
  CreateSignInToken: "signInTokens.createSignInToken",
  CreateSvixApp: "webhooks.createSvixApp",
  CreateTestingToken: "testingTokens.createTestingToken",
  CreateUser: "users.createUser",
  CreateWaitlistEntry: "waitlistEntries.create",
  DeleteAllowlistIdentifier: "allowlistIdentifiers.deleteAllowlistIdentifier",
  deleteApiKey: "apiKeys.delete",
  DeleteBackupCode: "users.deleteUserBackupCodes",
  DeleteBlocklistIdentifier: "blocklistIdentifiers.deleteBlocklistIdentifier",
  DeleteDirectory: "directories.delete",
  DeleteDirectoryGroupRoleMapping: "directories.deleteGroupRoleMapping",
  DeleteDomain: "domains.delete",
  DeleteEmailAddress: "emailAddresses.deleteEmailAddress",
  DeleteEnterpriseConnection: "enterpriseConnections.deleteEnterpriseConnection",
  DeleteExternalAccount: "users.deleteUserExternalAccount",
  DeleteJWTTemplate: "jwtTemplates.delete",
  DeleteMachine: "machines.delete",
  DeleteMachineScope: "machines.deleteScope",
  DeleteOAuthApplication: "oauthApplications.delete",
  DeleteOrganization: "organizations.deleteOrganization",
  DeleteOrganizationDomain: "organizations.deleteOrganizationDomain",
  DeleteOrganizationLogo: "organizations.deleteOrganizationLogo",
  DeleteOrganizationMembership: "organizations.deleteOrganizationMembership",
  DeleteOrganizationPermission: "organizationPermissions.deleteOrganizationPermission",
  DeleteOrganizationRole: "organizationRoles.deleteOrganizationRole",
  DeletePhoneNumber: "phoneNumbers.deletePhoneNumber",
  DeleteRedirectURL: "redirectUrls.deleteRedirectUrl",
  DeleteSAMLConnection: "samlConnections.deleteSamlConnection",
  DeleteSCIMDirectory: "scimDirectories.delete",
  DeleteSCIMGroupRoleMapping: "scimDirectories.deleteGroupRoleMapping",
  DeleteSvixApp: "webhooks.deleteSvixApp",
  DeleteTOTP: "users.deleteUserTOTP",
  DeleteUser: "users.deleteUser",
  DeleteUserProfileImage: "users.deleteUserProfileImage",
  DeleteWaitlistEntry: "waitlistEntries.delete",
  DisableMFA: "users.disableUserMFA",
  ExtendBillingSubscriptionItemFreeTrial: "billing.extendSubscriptionItemFreeTrial",
  GenerateSvixAuthURL: "webhooks.generateSvixAuthURL",
  getApiKey: "apiKeys.get",
  getApiKeys: "apiKeys.list",
  getApiKeySecret: "apiKeys.getSecret",
  GetBillingPriceList: "billing.getPriceList",
  GetBillingStatement: "billing.getStatement",
  GetBillingStatementList: "billing.getStatementList",
  GetBillingStatementPaymentAttempts: "billing.getStatementPaymentAttemptList",
  GetClient: "clients.getClient",
  GetClientList: "clients.getClientList",
  GetCommercePlanList: "billing.getPlanList",
  GetCommerceSubscriptionItemList: "billing.getSubscriptionItemList",
  GetDirectory: "directories.get",
  GetEmailAddress: "emailAddresses.getEmailAddress",
  GetEnterpriseConnection: "enterpriseConnections.getEnterpriseConnection",
  GetInstance: "instance.get",
  GetInstanceCommunication: "instance.getCommunication",
  GetInstanceOAuthApplicationSettings: "instance.getOAuthApplicationSettings",
  GetInstanceOrganizationSettings: "instance.getOrganizationSettings",
  GetInstanceProtect: "instance.getProtect",
  GetJWKS: "jwks.getJwks",
  GetJWTTemplate: "jwtTemplates.get",
  getM2MTokens: "m2m.list",
  GetMachine: "machines.get",
  GetMachineSecretKey: "machines.getSecretKey",
  GetOAuthAccessToken: "users.getUserOauthAccessToken",
  GetOAuthApplication: "oauthApplications.get",
  GetOrganization: "organizations.getOrganization",
  GetOrganizationBillingCreditBalance: "organizations.getOrganizationBillingCreditBalance",
  GetOrganizationBillingSubscription: "billing.getOrganizationBillingSubscription",
  GetOrganizationInvitation: "organizations.getOrganizationInvitation",
  GetOrganizationPermission: "organizationPermissions.getOrganizationPermission",
  GetOrganizationRole: "organizationRoles.getOrganizationRole",
  GetPhoneNumber: "phoneNumbers.getPhoneNumber",
  GetPublicInterstitial: "miscellaneous.getPublicInterstitial",
  GetRedirectURL: "redirectUrls.getRedirectUrl",
  GetRoleSet: "roleSets.getRoleSet",
  GetSAMLConnection: "samlConnections.getSamlConnection",
  GetSCIMDirectory: "scimDirectories.get",
  GetSession: "sessions.getSession",
  GetSessionList: "sessions.getSessionList",
  GetSignUp: "signUps.get",
  GetTemplate: "templates.getTemplate",
  GetTemplateList: "templates.getTemplateList",
  GetUser: "users.getUser",
  GetUserBillingCreditBalance: "users.getUserBillingCreditBalance",
  GetUserBillingSubscription: "billing.getUserBillingSubscription",
  GetUserList: "users.getUserList",
  GetUsersCount: "users.getCount",
  InstanceGetOrganizationMemberships: "organizations.getInstanceOrganizationMembershipList",
  InviteWaitlistEntry: "waitlistEntries.invite",
  ListAllOrganizationDomains: "organizations.getInstanceOrganizationDomainList",
  ListAllowlistIdentifiers: "allowlistIdentifiers.getAllowlistIdentifierList",
  ListBlocklistIdentifiers: "blocklistIdentifiers.getBlocklistIdentifierList",
  ListDirectories: "directories.list",
  ListDirectoryGroupRoleMappings: "directories.listGroupRoleMappings",
  ListDomains: "domains.list",
  ListEnterpriseConnections: "enterpriseConnections.getEnterpriseConnectionList",
  ListEnterpriseConnectionTestRuns: "enterpriseConnections.getEnterpriseConnectionTestRunList",
  ListInstanceOrganizationInvitations: "organizations.getInstanceOrganizationInvitationList",
  ListInvitations: "invitations.getInvitationList",
  ListJWTTemplates: "jwtTemplates.list",
  ListMachines: "machines.list",
  ListOAuthApplications: "oauthApplications.list",
  ListOrganizationDomains: "organizations.getOrganizationDomainList",
  ListOrganizationInvitations: "organizations.getOrganizationInvitationList",
  ListOrganizationMemberships: "organizations.getOrganizationMembershipList",
  ListOrganizationPermissions: "organizationPermissions.getOrganizationPermissionList",
  ListOrganizationRoles: "organizationRoles.getOrganizationRoleList",
  ListOrganizations: "organizations.getOrganizationList",
  ListPendingOrganizationInvitations: "organizations.getPendingOrganizationInvitationList",
  ListRedirectURLs: "redirectUrls.getRedirectUrlList",
  ListRoleSets: "roleSets.getRoleSetList",
  ListSAMLConnections: "samlConnections.getSamlConnectionList",
  ListSCIMDirectories: "scimDirectories.list",
  ListSCIMGroupRoleMappings: "scimDirectories.listGroupRoleMappings",
  ListUserTrustedDevices: "users.getUserTrustedDeviceList",
  ListWaitlistEntries: "waitlistEntries.list",
  LockUser: "users.lockUser",
  MergeOrganizationMetadata: "organizations.updateOrganizationMetadata",
  PrepareEmailAddressVerification: "emailAddresses.prepareEmailAddressVerification",
  PreparePhoneNumberVerification: "phoneNumbers.preparePhoneNumberVerification",
  PreviewTemplate: "templates.previewTemplate",
  RefreshSession: "sessions.refreshSession",
  RejectWaitlistEntry: "waitlistEntries.reject",
  RemoveBillingSubscriptionItemDiscount: "billing.removeSubscriptionItemDiscount",
  RemovePermissionFromOrganizationRole: "organizationRoles.removePermissionFromOrganizationRole",
  RemoveUserPassword: "users.removePassword",
  ReplaceDirectoryGroupRoleMappings: "directories.replaceGroupRoleMappings",
  ReplaceOrganizationMetadata: "organizations.replaceOrganizationMetadata",
  ReplaceRoleInRoleSet: "roleSets.replaceRoleInRoleSet",
  ReplaceRoleSet: "roleSets.replaceRoleSet",
  ReplaceSCIMGroupRoleMappings: "scimDirectories.replaceGroupRoleMappings",
  ReplaceUserEmailAddress: "users.replaceUserEmailAddress",
  ReplaceUserMetadata: "users.replaceUserMetadata",
  ReplaceUserPhoneNumber: "users.replaceUserPhoneNumber",
  RevertTemplate: "templates.revertTemplate",
  RevokeActorToken: "actorTokens.revoke",
  revokeAdminPortalLinkToken: "adminPortalLinkTokens.revoke",
  RevokeAgentTask: "agentTasks.revoke",
  revokeApiKey: "apiKeys.revoke",
  RevokeInvitation: "invitations.revokeInvitation",
  revokeM2MToken: "m2m.revokeToken",
  RevokeOAuthApplicationToken: "oauthApplications.revokeToken",
  RevokeOrganizationInvitation: "organizations.revokeOrganizationInvitation",
  RevokeSession: "sessions.revokeSession",
  RevokeSignInToken: "signInTokens.revokeSignInToken",
  RevokeUserTrustedDevice: "users.revokeUserTrustedDevice",
  RotateDirectoryAPIKey: "directories.rotateApiKey",
  RotateMachineSecretKey: "machines.rotateSecretKey",
  RotateOAuthApplicationSecret: "oauthApplications.rotateSecret",
  RotateSCIMDirectoryAPIKey: "scimDirectories.rotateApiKey",
  SetUserPasswordCompromised: "users.setPasswordCompromised",
  SetUserProfileImage: "users.updateUserProfileImage",
  ToggleTemplateDelivery: "templates.toggleTemplateDelivery",
  UnbanUser: "users.unbanUser",
  UnlockUser: "users.unlockUser",
  UnsetUserPasswordCompromised: "users.unsetPasswordCompromised",
  updateApiKey: "apiKeys.update",
  UpdateDirectory: "directories.update",
  UpdateDomain: "domains.update",
  UpdateEmailAddress: "emailAddresses.updateEmailAddress",
  UpdateEnterpriseConnection: "enterpriseConnections.updateEnterpriseConnection",
  UpdateInstance: "instance.update",
  UpdateInstanceAuthConfig: "betaFeatures.updateInstanceSettings",
  UpdateInstanceCommunication: "instance.updateCommunication",
  UpdateInstanceOAuthApplicationSettings: "instance.updateOAuthApplicationSettings",
  UpdateInstanceOrganizationSettings: "instance.updateOrganizationSettings",
  UpdateInstanceProtect: "instance.updateProtect",
  UpdateInstanceRestrictions: "instance.updateRestrictions",
  UpdateJWTTemplate: "jwtTemplates.update",
  UpdateMachine: "machines.update",
  UpdateOAuthApplication: "oauthApplications.update",
  UpdateOrganization: "organizations.updateOrganization",
  UpdateOrganizationDomain: "organizations.updateOrganizationDomain",
  UpdateOrganizationMembership: "organizations.updateOrganizationMembership",
  UpdateOrganizationMembershipMetadata: "organizations.updateOrganizationMembershipMetadata",
  UpdateOrganizationPermission: "organizationPermissions.updateOrganizationPermission",
  UpdateOrganizationRole: "organizationRoles.updateOrganizationRole",
  UpdatePhoneNumber: "phoneNumbers.updatePhoneNumber",
  UpdateProductionInstanceDomain: "betaFeatures.updateProductionInstanceDomain",
  UpdateRoleSet: "roleSets.updateRoleSet",
  UpdateSAMLConnection: "samlConnections.updateSamlConnection",
  UpdateSCIMDirectory: "scimDirectories.update",
  UpdateSignUp: "signUps.update",
  UpdateUser: "users.updateUser",
  UpdateUserMetadata: "users.updateUserMetadata",
  UploadOAuthApplicationLogo: "oauthApplications.uploadLogo",
  UploadOrganizationLogo: "organizations.updateOrganizationLogo",
  UpsertTemplate: "templates.upsertTemplate",
  UserPasskeyDelete: "users.deleteUserPasskey",
  UsersBan: "users.banUsers",
  UsersGetOrganizationInvitations: "users.getOrganizationInvitationList",
  UsersGetOrganizationMemberships: "users.getOrganizationMembershipList",
  UsersUnban: "users.unbanUsers",
  UserWeb3WalletDelete: "users.deleteUserWeb3Wallet",
  verifyApiKey: "apiKeys.verify",
  VerifyClient: "clients.verifyClient",
  VerifyDomainProxy: "proxyChecks.verify",
  verifyM2MToken: "m2m.verify",
  verifyOAuthAccessToken: "idPOAuthAccessToken.verify",
  VerifyOrganizationDomainOwnership: "organizations.verifyOrganizationDomainOwnership",
  VerifyPassword: "users.verifyPassword",
  VerifyTOTP: "users.verifyTOTP"
}

/**
 * One entry of the operations table.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface Operation {
  readonly operationId: SpecOperationId
  /** Upper-case HTTP method. */
  readonly method: SpecOperation["method"]
  /** The spec's path template, e.g. `/users/{user_id}`. */
  readonly path: string
  /** The spec's tag (its resource group). */
  readonly tag: string
  /** `"property.method"` on the Promise client. */
  readonly promise: string
  /** `"Service.method"` in the Effect API (the service class exported from the package root). */
  readonly effect: string
  /** The spec marks the operation deprecated. */
  readonly deprecated: boolean
}

const services: Readonly<Record<string, { readonly key: string }>> = resourceServices

const serviceName = (property: string): string => {
  const tag = services[property]
  if (tag === undefined) throw new Error(`operations: no resource service for ${property}`)
  return tag.key.replace(/^effect-clerk\//, "")
}

/**
 * Every Backend API operation, sorted by path then method.
 *
 * @since 0.1.0
 * @category Resources
 */
export const operations: ReadonlyArray<Operation> = specOperations.map((op) => {
  const promise = promiseNames[op.operationId]
  const dot = promise.indexOf(".")
  const property = promise.slice(0, dot)
  const method = promise.slice(dot + 1)
  return {
    operationId: op.operationId,
    method: op.method,
    path: op.path,
    tag: op.tag,
    promise,
    effect: `${serviceName(property)}.${method}`,
    deprecated: op.deprecated
  }
})
