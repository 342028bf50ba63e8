/**
 * The resource services, exported by name from the package root.
 *
 * @module
 */
export { Jwks, JwksDocument } from "./Jwks.js"
export { type GetPublicInterstitialParams, Miscellaneous } from "./Miscellaneous.js"
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
  ActiveOAuthAccessToken,
  IdPOAuthAccessToken,
  InactiveOAuthAccessToken,
  OAuthAccessTokenVerification,
  type OAuthTokenActor,
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
  AccountlessApplication,
  type AccountlessApplicationParams,
  AccountlessApplications
} from "./AccountlessApplications.js"
export { ActorToken, type ActorTokenActor, ActorTokens, type CreateActorTokenParams } from "./ActorTokens.js"
export { AgentTask, type AgentTaskOnBehalfOf, AgentTasks, type CreateAgentTaskParams } from "./AgentTasks.js"
export {
  AllowlistIdentifier,
  AllowlistIdentifiers,
  type CreateAllowlistIdentifierParams
} from "./AllowlistIdentifiers.js"
export { BetaFeatures, type ChangeDomainParams, type UpdateInstanceSettingsParams } from "./BetaFeatures.js"
export {
  BlocklistIdentifier,
  BlocklistIdentifiers,
  type CreateBlocklistIdentifierParams
} from "./BlocklistIdentifiers.js"
export { Client, Clients, type GetHandshakePayloadParams, HandshakePayload } from "./Clients.js"
export { type AddDomainParams, Domain, Domains, type UpdateDomainParams } from "./Domains.js"
export {
  type AttemptVerificationParams,
  type CreateEmailAddressParams,
  EmailAddress,
  EmailAddresses,
  type UpdateEmailAddressParams,
  VerificationResponse
} from "./EmailAddresses.js"
export {
  type BatchEmailResult,
  type CreateBatchEmailParams,
  type CreateEmailOptions,
  type CreateEmailParams,
  Email,
  type EmailContent,
  type EmailRecipient,
  Emails,
  type Mailbox
} from "./Emails.js"
export {
  type CreateInvitationParams,
  type GetInvitationListParams,
  Invitation,
  Invitations,
  type InvitationStatus,
  type InvitationTemplateSlug
} from "./Invitations.js"
export {
  type CreateJwtTemplateParams,
  JWTTemplate,
  JwtTemplates,
  type UpdateJwtTemplateParams
} from "./JwtTemplates.js"
export {
  type CreatePhoneNumberParams,
  PhoneNumber,
  PhoneNumbers,
  type UpdatePhoneNumberParams
} from "./PhoneNumbers.js"
export { ProxyCheck, ProxyChecks, type VerifyProxyParams } from "./ProxyChecks.js"
export { type CreateRedirectUrlParams, RedirectURL, RedirectUrls } from "./RedirectUrls.js"
export {
  Cookies,
  type CreateSessionParams,
  CreateSessionTokenResponse,
  type GetSessionListParams,
  type RefreshSessionParams,
  Session,
  type SessionRefreshResult,
  Sessions,
  type SessionStatus,
  Token
} from "./Sessions.js"
export { type CreateSignInTokenParams, SignInToken, SignInTokens } from "./SignInTokens.js"
export { SignUp, SignUps, type UpdateSignUpParams } from "./SignUps.js"
export {
  type GetTemplateListParams,
  type PreviewTemplateParams,
  Template,
  type TemplateContent,
  TemplatePreview,
  type TemplateRef,
  Templates,
  type TemplateType,
  type ToggleTemplateDeliveryParams,
  type UpsertTemplateParams
} from "./Templates.js"
export { TestingToken, TestingTokens } from "./TestingTokens.js"
export {
  WaitlistEntries,
  WaitlistEntry,
  type WaitlistEntryCreateParams,
  type WaitlistEntryInviteParams,
  type WaitlistEntryListParams,
  type WaitlistEntryStatus
} from "./WaitlistEntries.js"
export { SvixURL, Webhooks } from "./Webhooks.js"
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
  type UserFilterParams,
  type UserListParams,
  type UserMetadataParams,
  type UserOrderBy,
  Users,
  type VerifyPasswordParams,
  type VerifyTOTPParams
} from "./Users.js"
export {
  type CreateOrganizationDomainParams,
  type CreateOrganizationInvitationParams,
  type CreateOrganizationMembershipParams,
  type CreateOrganizationParams,
  type DeleteOrganizationDomainParams,
  type DeleteOrganizationMembershipParams,
  type GetInstanceOrganizationDomainListParams,
  type GetInstanceOrganizationInvitationListParams,
  type GetInstanceOrganizationMembershipListParams,
  type GetOrganizationDomainListParams,
  type GetOrganizationInvitationListParams,
  type GetOrganizationInvitationParams,
  type GetOrganizationListParams,
  type GetOrganizationMembershipListParams,
  type GetOrganizationParams,
  type GetPendingOrganizationInvitationListParams,
  Organization,
  OrganizationDomain,
  type OrganizationDomainParams,
  type OrganizationEnrollmentMode,
  type OrganizationInvitationStatus,
  OrganizationInvitation,
  type OrganizationInvitationFields,
  OrganizationMembership,
  type OrganizationMembershipRole,
  type OrganizationMetadataParams,
  Organizations,
  type RevokeOrganizationInvitationParams,
  type UpdateOrganizationDomainParams,
  type UpdateOrganizationLogoParams,
  type UpdateOrganizationMembershipMetadataParams,
  type UpdateOrganizationMembershipParams,
  type UpdateOrganizationParams
} from "./Organizations.js"
