/**
 * The instance itself: its settings, restrictions, organization, protection, communication and OAuth-application
 * settings.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import {
  GetInstance,
  GetInstanceCommunication,
  GetInstanceOAuthApplicationSettings,
  GetInstanceOrganizationSettings,
  GetInstanceProtect,
  UpdateInstance,
  UpdateInstanceCommunication,
  UpdateInstanceOAuthApplicationSettings,
  UpdateInstanceOrganizationSettings,
  UpdateInstanceProtect,
  UpdateInstanceRestrictions
} from "../models/generated/descriptors.js"
import { bind } from "./internal/bind.js"
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

/**
 * Params of `instance.update`.
 *
 * @since 0.1.0
 * @category Resources
 */
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

/**
 * Params of `instance.updateRestrictions`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface UpdateRestrictionsParams {
  readonly allowlist?: boolean | null | undefined
  readonly blocklist?: boolean | null | undefined
  readonly blockEmailSubaddresses?: boolean | null | undefined
  readonly blockDisposableEmailDomains?: boolean | null | undefined
  readonly ignoreDotsForGmailAddresses?: boolean | null | undefined
}

/**
 * Params of `instance.updateOrganizationSettings`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface UpdateOrganizationSettingsParams {
  readonly enabled?: boolean | null | undefined
  readonly maxAllowedMemberships?: number | null | undefined
  readonly adminDeleteEnabled?: boolean | null | undefined
  readonly domainsEnabled?: boolean | null | undefined
  readonly domainsEnrollmentModes?: ReadonlyArray<string> | undefined
  readonly creatorRoleId?: string | null | undefined
  readonly domainsDefaultRoleId?: string | null | undefined
}

/**
 * Params of `instance.updateProtect`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface UpdateInstanceProtectParams {
  readonly rulesEnabled?: boolean | null | undefined
  readonly specterEnabled?: boolean | null | undefined
}

/**
 * Params of `instance.updateCommunication`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface UpdateInstanceCommunicationParams {
  /** ISO 3166-1 alpha-2 codes SMS is never sent to. */
  readonly blockedCountryCodes?: ReadonlyArray<string> | undefined
}

/**
 * Params of `instance.updateOAuthApplicationSettings`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface UpdateOAuthApplicationSettingsParams {
  readonly dynamicOauthClientRegistration?: boolean | null | undefined
  readonly defaultScopes?: ReadonlyArray<string> | undefined
  readonly oauthJwtAccessTokens?: boolean | null | undefined
  readonly clientIdMetadataDocumentsAdvertised?: boolean | null | undefined
  readonly clientIdMetadataDocumentsOnlyAllowPreRegisteredClients?: boolean | null | undefined
  readonly clientIdMetadataDocumentsBlockImplicitlyAllowedClients?: boolean | null | undefined
}

/**
 * `instance`: read and update the instance and its settings.
 *
 * @since 0.1.0
 * @category Resources
 */
export class Instance extends Effect.Service<Instance>()("effect-clerk/Instance", {
  accessors: true,
  effect: Effect.gen(function* () {
    const api = bind(yield* BackendApi)
    return {
      /** `GET /instance` */
      get: () => api.execute(GetInstance, InstanceModel),
      /** `PATCH /instance` (204, resolves to nothing) */
      update: (params: UpdateInstanceParams) => api.void(UpdateInstance, { body: params }),
      /** `PATCH /instance/restrictions` */
      updateRestrictions: (params: UpdateRestrictionsParams) =>
        api.decode(UpdateInstanceRestrictions, { body: params }),
      /** `GET /instance/organization_settings` */
      getOrganizationSettings: () => api.decode(GetInstanceOrganizationSettings),
      /** `PATCH /instance/organization_settings` */
      updateOrganizationSettings: (params: UpdateOrganizationSettingsParams) =>
        api.decode(UpdateInstanceOrganizationSettings, { body: params }),
      /** `GET /instance/protect` */
      getProtect: () => api.decode(GetInstanceProtect),
      /** `PATCH /instance/protect` */
      updateProtect: (params: UpdateInstanceProtectParams) => api.decode(UpdateInstanceProtect, { body: params }),
      /** `GET /instance/communication` */
      getCommunication: () => api.decode(GetInstanceCommunication),
      /** `PATCH /instance/communication` */
      updateCommunication: (params: UpdateInstanceCommunicationParams) =>
        api.decode(UpdateInstanceCommunication, { body: params }),
      /** `GET /instance/oauth_application_settings` */
      getOAuthApplicationSettings: () => api.decode(GetInstanceOAuthApplicationSettings),
      /** `PATCH /instance/oauth_application_settings` */
      updateOAuthApplicationSettings: (params: UpdateOAuthApplicationSettingsParams) =>
        api.decode(UpdateInstanceOAuthApplicationSettings, {
          body: params
        })
    }
  })
}) {}
