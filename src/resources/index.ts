/**
 * The registry of resource services: the property name each has on the Promise client, and one layer for all.
 *
 * @module
 */
import * as Layer from "effect/Layer"
import { Jwks } from "./Jwks.js"
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
import { Users } from "./Users.js"

/** Every resource service, keyed by its property name on the Promise client (as in `@clerk/backend`). */
export const resourceServices = {
  jwks: Jwks,
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
  users: Users
} as const

/** The resource services' property names. */
export type ResourceName = keyof typeof resourceServices

/** Every resource service. */
export type ResourceServices = InstanceType<(typeof resourceServices)[ResourceName]>

/** One layer providing every resource service; needs BackendApi. */
export const ResourcesLive = Layer.mergeAll(
  Jwks.Default,
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
  Users.Default
)
