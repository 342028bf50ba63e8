/**
 * The registry of resource services: the property name each has on the Promise client, and one layer for all.
 *
 * @module
 */
import * as Layer from "effect/Layer"
import { Jwks } from "./Jwks.js"
import { Miscellaneous } from "./Miscellaneous.js"
import { ApiKeys } from "./ApiKeys.js"
import { M2M } from "./M2M.js"
import { IdPOAuthAccessToken } from "./IdPOAuthAccessToken.js"
import { Machines } from "./Machines.js"
import { OAuthApplications } from "./OAuthApplications.js"
import { OrganizationPermissions } from "./OrganizationPermissions.js"
import { OrganizationRoles } from "./OrganizationRoles.js"
import { RoleSets } from "./RoleSets.js"
import { SamlConnections } from "./SamlConnections.js"
import { EnterpriseConnections } from "./EnterpriseConnections.js"
import { Instance } from "./Instance.js"
import { Billing } from "./Billing.js"
import { ScimDirectories } from "./ScimDirectories.js"
import { Directories } from "./Directories.js"
import { AdminPortalLinkTokens } from "./AdminPortalLinkTokens.js"
import { AccountlessApplications } from "./AccountlessApplications.js"
import { ActorTokens } from "./ActorTokens.js"
import { AgentTasks } from "./AgentTasks.js"
import { AllowlistIdentifiers } from "./AllowlistIdentifiers.js"
import { BetaFeatures } from "./BetaFeatures.js"
import { BlocklistIdentifiers } from "./BlocklistIdentifiers.js"
import { Clients } from "./Clients.js"
import { Domains } from "./Domains.js"
import { EmailAddresses } from "./EmailAddresses.js"
import { Emails } from "./Emails.js"
import { Invitations } from "./Invitations.js"
import { JwtTemplates } from "./JwtTemplates.js"
import { PhoneNumbers } from "./PhoneNumbers.js"
import { ProxyChecks } from "./ProxyChecks.js"
import { RedirectUrls } from "./RedirectUrls.js"
import { Sessions } from "./Sessions.js"
import { SignInTokens } from "./SignInTokens.js"
import { SignUps } from "./SignUps.js"
import { Templates } from "./Templates.js"
import { TestingTokens } from "./TestingTokens.js"
import { WaitlistEntries } from "./WaitlistEntries.js"
import { Webhooks } from "./Webhooks.js"
import { Users } from "./Users.js"
import { Organizations } from "./Organizations.js"

/**
 * Every resource service, keyed by its property name on the Promise client (as in `@clerk/backend`).
 *
 * @since 0.1.0
 * @category Resources
 */
export const resourceServices = {
  jwks: Jwks,
  miscellaneous: Miscellaneous,
  apiKeys: ApiKeys,
  m2m: M2M,
  idPOAuthAccessToken: IdPOAuthAccessToken,
  machines: Machines,
  oauthApplications: OAuthApplications,
  organizationPermissions: OrganizationPermissions,
  organizationRoles: OrganizationRoles,
  roleSets: RoleSets,
  samlConnections: SamlConnections,
  enterpriseConnections: EnterpriseConnections,
  instance: Instance,
  billing: Billing,
  scimDirectories: ScimDirectories,
  directories: Directories,
  adminPortalLinkTokens: AdminPortalLinkTokens,
  __experimental_accountlessApplications: AccountlessApplications,
  actorTokens: ActorTokens,
  agentTasks: AgentTasks,
  allowlistIdentifiers: AllowlistIdentifiers,
  betaFeatures: BetaFeatures,
  blocklistIdentifiers: BlocklistIdentifiers,
  clients: Clients,
  domains: Domains,
  emailAddresses: EmailAddresses,
  emails: Emails,
  invitations: Invitations,
  jwtTemplates: JwtTemplates,
  phoneNumbers: PhoneNumbers,
  proxyChecks: ProxyChecks,
  redirectUrls: RedirectUrls,
  sessions: Sessions,
  signInTokens: SignInTokens,
  signUps: SignUps,
  templates: Templates,
  testingTokens: TestingTokens,
  waitlistEntries: WaitlistEntries,
  webhooks: Webhooks,
  users: Users,
  organizations: Organizations
} as const

/**
 * The resource services' property names.
 *
 * @since 0.1.0
 * @category Resources
 */
export type ResourceName = keyof typeof resourceServices

/**
 * Every resource service.
 *
 * @since 0.1.0
 * @category Resources
 */
export type ResourceServices = InstanceType<(typeof resourceServices)[ResourceName]>

/**
 * One layer providing every resource service; needs BackendApi.
 *
 * @since 0.1.0
 * @category Resources
 */
export const ResourcesLive = Layer.mergeAll(
  Jwks.Default,
  Miscellaneous.Default,
  ApiKeys.Default,
  M2M.Default,
  IdPOAuthAccessToken.Default,
  Machines.Default,
  OAuthApplications.Default,
  OrganizationPermissions.Default,
  OrganizationRoles.Default,
  RoleSets.Default,
  SamlConnections.Default,
  EnterpriseConnections.Default,
  Instance.Default,
  Billing.Default,
  ScimDirectories.Default,
  Directories.Default,
  AdminPortalLinkTokens.Default,
  AccountlessApplications.Default,
  ActorTokens.Default,
  AgentTasks.Default,
  AllowlistIdentifiers.Default,
  BetaFeatures.Default,
  BlocklistIdentifiers.Default,
  Clients.Default,
  Domains.Default,
  EmailAddresses.Default,
  Emails.Default,
  Invitations.Default,
  JwtTemplates.Default,
  PhoneNumbers.Default,
  ProxyChecks.Default,
  RedirectUrls.Default,
  Sessions.Default,
  SignInTokens.Default,
  SignUps.Default,
  Templates.Default,
  TestingTokens.Default,
  WaitlistEntries.Default,
  Webhooks.Default,
  Users.Default,
  Organizations.Default
)
