/**
 * The resource services, exported by name from the package root.
 *
 * @module
 */
export { Jwks, JwksDocument } from "./Jwks.js"
export {
  type APIKey,
  ApiKey,
  ApiKeys,
  type CreateAPIKeyParams,
  CreateApiKeyResponse,
  type GetAPIKeyListParams,
  GetApiKeySecretResponse,
  type RevokeAPIKeyParams,
  type UpdateAPIKeyParams
} from "./ApiKeys.js"
export {
  type CreateM2MTokenParams,
  CreateM2MTokenResponse,
  type GetM2MTokenListParams,
  M2M,
  type M2MToken,
  type M2MTokenFormat,
  MachineToMachineToken,
  type RevokeM2MTokenParams,
  type VerifyM2MTokenParams
} from "./M2M.js"
export {
  IdPOAuthAccessToken,
  InactiveOAuthAccessToken,
  OAuthAccessTokenVerification,
  type OAuthTokenActor,
  VerifiedOAuthAccessToken,
  type VerifyOAuthAccessTokenOptions
} from "./IdPOAuthAccessToken.js"
export {
  type CreateMachineParams,
  type GetMachineListParams,
  Machine,
  MachineCreated,
  Machines,
  MachineScope,
  MachineScopeDeleted,
  MachineSecretKey,
  type RotateMachineSecretKeyParams,
  type UpdateMachineParams
} from "./Machines.js"
export {
  type CreateOAuthApplicationParams,
  type GetOAuthApplicationListParams,
  OAuthApplication,
  OAuthApplications,
  OAuthApplicationWithSecret,
  type RevokeOAuthApplicationTokenParams,
  type UpdateOAuthApplicationParams,
  type UploadOAuthApplicationLogoParams
} from "./OAuthApplications.js"
export {
  type CreateOrganizationPermissionParams,
  type GetOrganizationPermissionListParams,
  OrganizationPermissions,
  Permission,
  type UpdateOrganizationPermissionParams
} from "./OrganizationPermissions.js"
export {
  type CreateOrganizationRoleParams,
  type GetOrganizationRoleListParams,
  type OrganizationRolePermissionParams,
  OrganizationRoles,
  Role,
  type UpdateOrganizationRoleParams
} from "./OrganizationRoles.js"
export {
  type AddRolesToRoleSetParams,
  type CreateRoleSetParams,
  type GetRoleSetListParams,
  type ReplaceRoleInRoleSetParams,
  type ReplaceRoleSetParams,
  RoleSet,
  RoleSets,
  type UpdateRoleSetParams
} from "./RoleSets.js"
export {
  type CreateSamlConnectionParams,
  type SamlAttributeMappingParams,
  SAMLConnection,
  type SamlConnection,
  type SamlConnectionListParams,
  SamlConnections,
  type SamlIdpSlug,
  type UpdateSamlConnectionParams
} from "./SamlConnections.js"
export {
  type CreateEnterpriseConnectionParams,
  EnterpriseConnection,
  type EnterpriseConnectionCustomAttributeParams,
  type EnterpriseConnectionListParams,
  type EnterpriseConnectionOidcParams,
  type EnterpriseConnectionProvider,
  EnterpriseConnections,
  type EnterpriseConnectionSamlAttributeMappingParams,
  type EnterpriseConnectionSamlLoginHintParams,
  type EnterpriseConnectionSamlParams,
  EnterpriseConnectionTestRun,
  type EnterpriseConnectionTestRunListParams,
  EnterpriseConnectionTestRunResponse,
  type UpdateEnterpriseConnectionParams
} from "./EnterpriseConnections.js"
export {
  Instance,
  InstanceCommunication,
  InstanceModel,
  InstanceProtect,
  InstanceRestrictions,
  OAuthApplicationSettings,
  OrganizationSettings,
  type UpdateInstanceCommunicationParams,
  type UpdateInstanceParams,
  type UpdateInstanceProtectParams,
  type UpdateOAuthApplicationSettingsParams,
  type UpdateOrganizationSettingsParams,
  type UpdateRestrictionsParams
} from "./Instance.js"
export {
  type ApplySubscriptionItemDiscountParams,
  Billing,
  type BillingPayerType,
  BillingPaymentAttempt,
  type BillingPlan,
  BillingPriceResponse,
  BillingStatement,
  type BillingSubscription,
  type BillingSubscriptionItem,
  type CancelSubscriptionItemParams,
  CommerceDiscountRedemptionResponse,
  CommercePlan,
  CommercePriceTransitionResponse,
  CommerceSubscription,
  CommerceSubscriptionItem,
  CommerceSubscriptionItem2,
  type CreatePriceParams,
  type CreatePriceTransitionParams,
  type ExtendSubscriptionItemFreeTrialParams,
  type GetPlanListParams,
  type GetPriceListParams,
  type GetStatementListParams,
  type GetSubscriptionItemListParams
} from "./Billing.js"
export {
  type CreateScimDirectoryParams,
  type CreateScimGroupRoleMappingParams,
  type ReplaceScimGroupRoleMappingsParams,
  ScimDirectories,
  SCIMDirectory,
  SCIMGroupRoleMapping,
  type ScimGroupRoleMappingInput,
  type UpdateScimDirectoryParams
} from "./ScimDirectories.js"
export {
  type CreateDirectoryGroupRoleMappingParams,
  type CreateDirectoryParams,
  Directories,
  Directory,
  DirectoryGroupRoleMapping,
  type DirectoryGroupRoleMappingInput,
  type ReplaceDirectoryGroupRoleMappingsParams,
  type UpdateDirectoryParams
} from "./Directories.js"
export {
  AdminPortalLinkToken,
  AdminPortalLinkTokens,
  type CreateAdminPortalLinkTokenParams,
  RevokeAdminPortalLinkTokenResponse,
  type RevokeAdminPortalLinkTokenParams
} from "./AdminPortalLinkTokens.js"
export {
  type AdjustBillingCreditBalanceParams,
  type CreateUserParams,
  type DeleteUserExternalAccountParams,
  type DeleteUserPasskeyParams,
  type DeleteWeb3WalletParams,
  type GetUserOrganizationInvitationListParams,
  type GetUserOrganizationMembershipListParams,
  type OauthAccessTokenListParams,
  type PasswordHasher,
  type RemovePasswordParams,
  type ReplaceUserEmailAddressParams,
  type ReplaceUserPhoneNumberParams,
  type RevokeUserTrustedDeviceParams,
  type SetPasswordCompromisedParams,
  type UpdateUserParams,
  type UpdateUserProfileImageParams,
  User,
  type UserCountParams,
  type UserListParams,
  type UserMetadataParams,
  type UserOrderBy,
  Users,
  type VerifyPasswordParams,
  type VerifyTOTPParams
} from "./Users.js"
