/**
 * The instance itself: its settings, restrictions, organization, protection, communication and OAuth-application
 * settings.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import {
  Instance as InstanceModel,
  InstanceCommunication,
  InstanceProtect,
  InstanceRestrictions,
  OAuthApplicationSettings,
  OrganizationSettings
} from "../models/generated/schemas.js"
import { BackendApi } from "../services/BackendApi.js"

export {
  InstanceCommunication,
  InstanceModel,
  InstanceProtect,
  InstanceRestrictions,
  OAuthApplicationSettings,
  OrganizationSettings
}

/** Params of `instance.update`. */
export interface UpdateInstanceParams {
  readonly testMode?: boolean | null | undefined
  /** Check passwords against Have I Been Pwned. */
  readonly hibp?: boolean | null | undefined
  readonly enhancedEmailDeliverability?: boolean | null | undefined
  readonly supportEmail?: string | null | undefined
  readonly clerkJsVersion?: string | null | undefined
  readonly developmentOrigin?: string | null | undefined
  readonly allowedOrigins?: ReadonlyArray<string> | undefined
  readonly urlBasedSessionSyncing?: boolean | null | undefined
  readonly preferredSignInStrategyWhenPasswordRequired?: "password" | "otp" | "" | null | undefined
}

/** Params of `instance.updateRestrictions`. */
export interface UpdateRestrictionsParams {
  readonly allowlist?: boolean | null | undefined
  readonly blocklist?: boolean | null | undefined
  readonly blockEmailSubaddresses?: boolean | null | undefined
  readonly blockDisposableEmailDomains?: boolean | null | undefined
  readonly ignoreDotsForGmailAddresses?: boolean | null | undefined
}

/** Params of `instance.updateOrganizationSettings`. */
export interface UpdateOrganizationSettingsParams {
  readonly enabled?: boolean | null | undefined
  readonly maxAllowedMemberships?: number | null | undefined
  readonly adminDeleteEnabled?: boolean | null | undefined
  readonly domainsEnabled?: boolean | null | undefined
  readonly domainsEnrollmentModes?: ReadonlyArray<string> | undefined
  readonly creatorRoleId?: string | null | undefined
  readonly domainsDefaultRoleId?: string | null | undefined
}

/** Params of `instance.updateProtect`. */
export interface UpdateInstanceProtectParams {
  readonly rulesEnabled?: boolean | null | undefined
  readonly specterEnabled?: boolean | null | undefined
}

/** Params of `instance.updateCommunication`. */
export interface UpdateInstanceCommunicationParams {
  /** ISO 3166-1 alpha-2 codes SMS is never sent to. */
  readonly blockedCountryCodes?: ReadonlyArray<string> | undefined
}

/** Params of `instance.updateOAuthApplicationSettings`. */
export interface UpdateOAuthApplicationSettingsParams {
  readonly dynamicOauthClientRegistration?: boolean | null | undefined
  readonly defaultScopes?: ReadonlyArray<string> | undefined
  readonly oauthJwtAccessTokens?: boolean | null | undefined
  readonly clientIdMetadataDocumentsAdvertised?: boolean | null | undefined
  readonly clientIdMetadataDocumentsOnlyAllowPreRegisteredClients?: boolean | null | undefined
  readonly clientIdMetadataDocumentsBlockImplicitlyAllowedClients?: boolean | null | undefined
}

/** `instance`: read and update the instance and its settings. */
export class Instance extends Effect.Service<Instance>()("effect-clerk/Instance", {
  accessors: true,
  effect: Effect.gen(function*() {
    const api = yield* BackendApi
    return {
      /** `GET /instance` */
      get: () => api.execute({ operation: "instance.get", method: "GET", path: "/instance" }, InstanceModel),
      /** `PATCH /instance` (204, resolves to nothing) */
      update: (params: UpdateInstanceParams) =>
        api.executeVoid({ operation: "instance.update", method: "PATCH", path: "/instance", body: params }),
      /** `PATCH /instance/restrictions` */
      updateRestrictions: (params: UpdateRestrictionsParams) =>
        api.execute({
          operation: "instance.updateRestrictions",
          method: "PATCH",
          path: "/instance/restrictions",
          body: params
        }, InstanceRestrictions),
      /** `GET /instance/organization_settings` */
      getOrganizationSettings: () =>
        api.execute({
          operation: "instance.getOrganizationSettings",
          method: "GET",
          path: "/instance/organization_settings"
        }, OrganizationSettings),
      /** `PATCH /instance/organization_settings` */
      updateOrganizationSettings: (params: UpdateOrganizationSettingsParams) =>
        api.execute({
          operation: "instance.updateOrganizationSettings",
          method: "PATCH",
          path: "/instance/organization_settings",
          body: params
        }, OrganizationSettings),
      /** `GET /instance/protect` */
      getProtect: () =>
        api.execute({ operation: "instance.getProtect", method: "GET", path: "/instance/protect" }, InstanceProtect),
      /** `PATCH /instance/protect` */
      updateProtect: (params: UpdateInstanceProtectParams) =>
        api.execute({
          operation: "instance.updateProtect",
          method: "PATCH",
          path: "/instance/protect",
          body: params
        }, InstanceProtect),
      /** `GET /instance/communication` */
      getCommunication: () =>
        api.execute({
          operation: "instance.getCommunication",
          method: "GET",
          path: "/instance/communication"
        }, InstanceCommunication),
      /** `PATCH /instance/communication` */
      updateCommunication: (params: UpdateInstanceCommunicationParams) =>
        api.execute({
          operation: "instance.updateCommunication",
          method: "PATCH",
          path: "/instance/communication",
          body: params
        }, InstanceCommunication),
      /** `GET /instance/oauth_application_settings` */
      getOAuthApplicationSettings: () =>
        api.execute({
          operation: "instance.getOAuthApplicationSettings",
          method: "GET",
          path: "/instance/oauth_application_settings"
        }, OAuthApplicationSettings),
      /** `PATCH /instance/oauth_application_settings` */
      updateOAuthApplicationSettings: (params: UpdateOAuthApplicationSettingsParams) =>
        api.execute({
          operation: "instance.updateOAuthApplicationSettings",
          method: "PATCH",
          path: "/instance/oauth_application_settings",
          body: params
        }, OAuthApplicationSettings)
    }
  })
}) {}
