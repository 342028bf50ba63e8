/**
 * Hand-edited overrides read by `scripts/generate.ts`.
 *
 * Keys of `schemas` are the class names the generator derives from the spec (see `specSchemaNames` in
 * `src/models/generated/operations.ts`), before any `rename`. After editing, run `npm run generate`.
 */

/** Replaces or renames one field of a generated class. Keyed by the field's wire (snake_case) name. */
export interface FieldOverride {
  /** Type-side (camelCase) name to use instead of the derived one. */
  readonly name?: string | undefined
  /**
   * Replacement value schema expression (nullability included), e.g. `"Schema.NullOr(Schema.String)"`. The
   * generator still wraps it in `Schema.optional` / `Schema.fromKey` as the field requires.
   */
  readonly schema?: string | undefined
  /** Force the field optional (`true`) or required (`false`), whatever the spec says. */
  readonly optional?: boolean | undefined
  /** Wire value for the generated fixture, needed when `schema` no longer accepts the synthesized one. */
  readonly fixture?: unknown
  /**
   * TypeScript expression for the decoded value when the key is missing, e.g. `"null"` or `"{}"`. The field becomes
   * required on the Type side (`Schema.optionalWith(schema, { default })`).
   */
  readonly default?: string | undefined
  /** With `default`: a wire `null` also decodes to the default (`nullable: true`); the schema is then the non-null one. */
  readonly nullAsDefault?: boolean | undefined
}

/** Per-schema overrides. */
export interface SchemaOverride {
  /** Public class name to use instead of the derived one. */
  readonly rename?: string | undefined
  /** Lines of TypeScript inserted verbatim into the class body (getters, methods). */
  readonly extraBody?: ReadonlyArray<string> | undefined
  readonly fieldOverrides?: Readonly<Record<string, FieldOverride>> | undefined
  /** Fields the spec does not list (keyed by wire name); `schema` is required. Optional unless `optional: false`. */
  readonly extraFields?: Readonly<Record<string, FieldOverride>> | undefined
  /**
   * Also expose every renamed field under its wire (snake_case) name as a read-only own property (it serializes), for
   * code written against `@clerk/backend` results that are raw JSON.
   */
  readonly wireAliases?: boolean | undefined
  /**
   * Extra names for existing fields, as own enumerable properties (they serialize): alias name → type-side (camelCase)
   * field name, e.g. `{ externalId: "providerUserId" }`.
   */
  readonly aliases?: Readonly<Record<string, string>> | undefined
  /** Add `raw` (and `_raw`, `@clerk/backend`'s name) getters returning the wire JSON re-encoded from the fields. */
  readonly rawJson?: boolean | undefined
  /** Start from another entry's overrides (this entry's own settings are merged over them). */
  readonly extends?: string | undefined
}

/** An endpoint `@clerk/backend` calls that the spec lacks, emitted as a descriptor beside the spec's operations. */
export interface ExtraOperation {
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"
  /** Path template, e.g. `/email/{email_id}`. */
  readonly path: string
  /** Query parameter names (sent as strings). */
  readonly query?: ReadonlyArray<string> | undefined
  readonly body: "none" | "json"
  /** Generated schema name of the 2xx body; left out when the resource decodes with its own schema. */
  readonly success?: string | undefined
  readonly kind: "object" | "array" | "void" | "unknown"
  /** The name of the method that calls it, `"property.method"` (the span name `clerk.<name>`). */
  readonly operation: string
}

/** What the descriptors need that the spec does not say. */
export interface OperationsConfig {
  /**
   * operationIds served outside `/v1`. The spec's only server is `https://api.clerk.com/v1`, but these endpoints
   * (API keys, M2M tokens, OAuth token verification) answer without the version segment, as `@clerk/backend` calls them.
   */
  readonly versionless: ReadonlyArray<string>
  /** operationIds authenticated with the machine secret key (the spec declares one bearer scheme for everything). */
  readonly machineSecretKey: ReadonlyArray<string>
  /**
   * Each spec operation's name on the Promise client, `"property.method"` (the span name `clerk.<name>`): the property
   * names and, for the operations `@clerk/backend` has, the method names are `@clerk/backend`'s. Every spec
   * operationId needs one; two operations may share a name (one method choosing between them).
   */
  readonly names: Readonly<Record<string, string>>
  /** Endpoints the spec lacks, by descriptor name. */
  readonly extra: Readonly<Record<string, ExtraOperation>>
}

export interface GenerateConfig {
  /** Extra import lines for `schemas.ts`, for code used in `extraBody` or `fieldOverrides`. */
  readonly imports: ReadonlyArray<string>
  readonly schemas: Readonly<Record<string, SchemaOverride>>
  /** Descriptor settings; none when left out. */
  readonly operations?: OperationsConfig | undefined
}

export const config: GenerateConfig = {
  imports: [],
  operations: {
    versionless: [
      "getApiKeys",
      "createApiKey",
      "getApiKey",
      "updateApiKey",
      "deleteApiKey",
      "revokeApiKey",
      "getApiKeySecret",
      "verifyApiKey",
      "getM2MTokens",
      "createM2MToken",
      "revokeM2MToken",
      "verifyM2MToken",
      "verifyOAuthAccessToken"
    ],
    machineSecretKey: ["getM2MTokens", "createM2MToken", "revokeM2MToken", "verifyM2MToken"],
    names: {
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
    },
    extra: {
      ChangeDomain: {
        method: "POST",
        path: "/beta_features/change_domain",
        body: "json",
        kind: "unknown",
        operation: "betaFeatures.changeDomain"
      },
      CreateAccountlessApplication: {
        method: "POST",
        path: "/accountless_applications",
        query: ["source"],
        body: "none",
        kind: "object",
        operation: "__experimental_accountlessApplications.createAccountlessApplication"
      },
      CompleteAccountlessApplicationOnboarding: {
        method: "POST",
        path: "/accountless_applications/complete",
        query: ["source"],
        body: "none",
        kind: "object",
        operation: "__experimental_accountlessApplications.completeAccountlessApplicationOnboarding"
      },
      GetHandshakePayload: {
        method: "GET",
        path: "/clients/handshake_payload",
        query: ["nonce"],
        body: "none",
        kind: "object",
        operation: "clients.getHandshakePayload"
      },
      SendEmail: { method: "POST", path: "/email", body: "json", kind: "object", operation: "emails.create" },
      SendEmailBatch: {
        method: "POST",
        path: "/email/batch",
        body: "json",
        kind: "object",
        operation: "emails.createBatch"
      },
      GetEmail: { method: "GET", path: "/email/{email_id}", body: "none", kind: "object", operation: "emails.get" },
      DeleteInvitation: {
        method: "DELETE",
        path: "/invitations/{invitation_id}",
        body: "none",
        success: "DeletedObject",
        kind: "object",
        operation: "invitations.deleteInvitation"
      },
      VerifySession: {
        method: "POST",
        path: "/sessions/{session_id}/verify",
        body: "json",
        success: "Session",
        kind: "object",
        operation: "sessions.verifySession"
      }
    }
  },
  schemas: {
    // Batch A (sessions, invitations, tokens, ...): @clerk/backend's defaults, aliases and raw JSON names.
    // Optional where real Clerk payloads (and @clerk/backend's own fixtures) omit the key.
    Session: { fieldOverrides: { actor: { default: "null" }, updated_at: { optional: true } } },
    Client: { fieldOverrides: { sessions: { optional: true } } },
    MachineToMachineToken: { fieldOverrides: { last_used_at: { optional: true } } },
    CreateM2MTokenResponse: { fieldOverrides: { last_used_at: { optional: true } } },
    CommercePerUnitTotal: { fieldOverrides: { name: { optional: true }, block_size: { optional: true } } },
    CommercePerUnitTotal2: { fieldOverrides: { name: { optional: true }, block_size: { optional: true } } },
    CommerceSubscriptionItemSeatsResponse: { fieldOverrides: { quantity: { optional: true } } },
    CreateSessionTokenResponse: { fieldOverrides: { jwt: { optional: false } } },
    Invitation: {
      extraBody: [
        "/** The wire (snake_case) JSON of this invitation as received; re-encoded for an instance built in code. */",
        "get raw(): typeof Invitation.Encoded {",
        "  return receivedJson<typeof Invitation.Encoded>(this) ?? Schema.encodeSync(Invitation)(this)",
        "}",
        "",
        "/** `raw` under the name `@clerk/backend` stores it. */",
        "get _raw(): typeof Invitation.Encoded {",
        "  return this.raw",
        "}"
      ]
    },
    AgentTask: {
      fieldOverrides: { task_id: { name: "task_id", optional: true } },
      // `@clerk/backend` gives the agent task id under both names.
      aliases: { taskId: "agentTaskId" }
    },
    // @clerk/backend returns these as raw JSON: keep the snake_case names readable.
    TestingToken: { wireAliases: true },
    SvixURL: { wireAliases: true },
    // Conveniences of @clerk/backend's `User` resource.
    User: {
      extraBody: [
        "/** First and last name joined by a space, or `null` when both are empty. */",
        "get fullName(): string | null {",
        '  const name = `${this.firstName ?? ""} ${this.lastName ?? ""}`.trim()',
        "  return name.length > 0 ? name : null",
        "}",
        "",
        "/** The entry of `emailAddresses` whose id is `primaryEmailAddressId`, or `null`. */",
        "get primaryEmailAddress(): EmailAddress | null {",
        "  return this.emailAddresses.find((entry) => entry.id === this.primaryEmailAddressId) ?? null",
        "}",
        "",
        "/** The entry of `phoneNumbers` whose id is `primaryPhoneNumberId`, or `null`. */",
        "get primaryPhoneNumber(): PhoneNumber | null {",
        "  return this.phoneNumbers.find((entry) => entry.id === this.primaryPhoneNumberId) ?? null",
        "}",
        "",
        "/** The entry of `web3Wallets` whose id is `primaryWeb3WalletId`, or `null`. */",
        "get primaryWeb3Wallet(): Web3Wallet | null {",
        "  return this.web3Wallets.find((entry) => entry.id === this.primaryWeb3WalletId) ?? null",
        "}"
      ],
      rawJson: true,
      fieldOverrides: {
        private_metadata: { default: "{}" },
        unsafe_metadata: { default: "{}" },
        create_organizations_limit: { default: "null" },
        deprovisioned: { default: "false" },
        external_id: { optional: true }
      },
      extraFields: {
        timezone: { schema: "Schema.NullOr(Schema.String)", default: "null", fixture: "Europe/London" }
      }
    },
    // Verifications carry the fields of @clerk/backend's single `Verification` class whatever the strategy:
    // `externalVerificationRedirectURL` (a URL), `nonce` and `message`; `null` when the wire has none.
    VerificationOtp: {
      extraFields: {
        external_verification_redirect_url: {
          name: "externalVerificationRedirectURL",
          schema: "Schema.NullOr(Schema.URL)",
          default: "null"
        },
        nonce: { schema: "Schema.NullOr(Schema.String)", default: "null" },
        message: { schema: "Schema.NullOr(Schema.String)", default: "null" }
      }
    },
    VerificationAdmin: { extends: "VerificationOtp" },
    VerificationFromOauth: { extends: "VerificationOtp" },
    VerificationTicket: { extends: "VerificationOtp" },
    VerificationEmailLink: { extends: "VerificationOtp" },
    VerificationScim: { extends: "VerificationOtp" },
    VerificationGoogleOneTap: { extends: "VerificationOtp" },
    VerificationOauth: {
      fieldOverrides: {
        external_verification_redirect_url: {
          name: "externalVerificationRedirectURL",
          schema: "Schema.NullOr(Schema.URL)",
          default: "null"
        }
      },
      extraFields: {
        nonce: { schema: "Schema.NullOr(Schema.String)", default: "null" },
        message: { schema: "Schema.NullOr(Schema.String)", default: "null" }
      }
    },
    VerificationSaml: { extends: "VerificationOauth", fieldOverrides: { expire_at: { default: "null" } } },
    VerificationWeb3: {
      fieldOverrides: { nonce: { default: "null" }, message: { default: "null" } },
      extraFields: {
        external_verification_redirect_url: {
          name: "externalVerificationRedirectURL",
          schema: "Schema.NullOr(Schema.URL)",
          default: "null"
        }
      }
    },
    VerificationPasskey: {
      extends: "VerificationWeb3",
      fieldOverrides: { nonce: { schema: "Schema.NullOr(Schema.String)", default: "null" } }
    },
    ExternalAccountWithVerification: {
      fieldOverrides: { image_url: { default: '""', nullAsDefault: true } },
      // `@clerk/backend` reads `provider_user_id` for `externalId` too.
      aliases: { externalId: "providerUserId" },
      extraFields: { external_account_id: { schema: "Schema.NullOr(Schema.String)", fixture: "eac_1" } }
    },
    Organization: {
      fieldOverrides: {
        image_url: { default: '""', nullAsDefault: true },
        public_metadata: { default: "{}" },
        private_metadata: { default: "{}" }
      },
      rawJson: true
    },
    OrganizationWithLogo: {
      fieldOverrides: { public_metadata: { default: "{}" }, private_metadata: { default: "{}" } },
      rawJson: true
    },
    OrganizationMembership: {
      fieldOverrides: { public_metadata: { default: "{}" }, private_metadata: { default: "{}" } },
      rawJson: true
    },
    OrganizationInvitation: {
      fieldOverrides: { public_metadata: { default: "{}" }, private_metadata: { default: "{}" } },
      rawJson: true
    },
    OrganizationInvitationWithPublicOrganizationData: {
      fieldOverrides: { public_metadata: { default: "{}" }, private_metadata: { default: "{}" } },
      rawJson: true
    },
    // @clerk/backend returns these as raw JSON: keep the snake_case names readable.
    OrganizationInvitationPublicOrganizationData: { wireAliases: true },
    OrganizationDomain: { wireAliases: true },
    OrganizationDomainVerification: { wireAliases: true },
    DeleteBackupCodeResponse: { wireAliases: true },
    VerifyTOTPResponse: { wireAliases: true },
    // Batch B: @clerk/backend's names and defaults for machines, OAuth applications, SAML/enterprise connections,
    // instance restrictions and billing.
    MachineWithoutScopedMachines: {
      fieldOverrides: { object: { optional: true } },
      extraBody: [
        "/** Always empty: a nested machine carries no scopes (as `@clerk/backend` gives it). */",
        "readonly scopedMachines: ReadonlyArray<never> = []"
      ]
    },
    MachineScopeDeleted: {
      extraBody: [
        "/** Always `null`, as in the `DeletedObject` `@clerk/backend` returns. */",
        "readonly id: null = null",
        "",
        "/** Always `null`, as in the `DeletedObject` `@clerk/backend` returns. */",
        "readonly slug: null = null"
      ]
    },
    OAuthApplication: { aliases: { isPublic: "public" } },
    OAuthApplicationWithSecret: { aliases: { isPublic: "public" } },
    SAMLConnection: {
      fieldOverrides: { acs_url: { optional: true } },
      extraFields: {
        idp_certificates: {
          schema: `Schema.Array(Schema.Struct({
    certificate: Schema.String,
    issuedAt: Schema.optional(Schema.NullOr(Schema.Number)).pipe(Schema.fromKey("issued_at")),
    expiresAt: Schema.optional(Schema.NullOr(Schema.Number)).pipe(Schema.fromKey("expires_at"))
  }))`,
          default: "[]",
          fixture: [{ certificate: "MIIC", issued_at: 1700000000000, expires_at: 1800000000000 }]
        },
        // Listed as required in the spec, with no schema.
        authenticatable: { schema: "Schema.Boolean", fixture: true },
        disable_jit_provisioning: { schema: "Schema.Boolean", fixture: false }
      }
    },
    EnterpriseConnection: {
      fieldOverrides: {
        organization_id: { default: "null" },
        // The nested SAML connection with every field @clerk/backend reads.
        saml_connection: {
          schema: `Schema.NullOr(Schema.Struct({
    id: Schema.optional(Schema.String),
    name: Schema.optional(Schema.String),
    idpEntityId: Schema.optional(Schema.NullOr(Schema.String)).pipe(Schema.fromKey("idp_entity_id")),
    idpSsoUrl: Schema.optional(Schema.NullOr(Schema.String)).pipe(Schema.fromKey("idp_sso_url")),
    idpCertificate: Schema.optional(Schema.NullOr(Schema.String)).pipe(Schema.fromKey("idp_certificate")),
    idpCertificateIssuedAt: Schema.optional(Schema.NullOr(Schema.Number)).pipe(Schema.fromKey("idp_certificate_issued_at")),
    idpCertificateExpiresAt: Schema.optional(Schema.NullOr(Schema.Number)).pipe(
      Schema.fromKey("idp_certificate_expires_at")
    ),
    idpMetadataUrl: Schema.optional(Schema.NullOr(Schema.String)).pipe(Schema.fromKey("idp_metadata_url")),
    idpMetadata: Schema.optional(Schema.NullOr(Schema.String)).pipe(Schema.fromKey("idp_metadata")),
    acsUrl: Schema.optional(Schema.NullOr(Schema.String)).pipe(Schema.fromKey("acs_url")),
    spEntityId: Schema.optional(Schema.NullOr(Schema.String)).pipe(Schema.fromKey("sp_entity_id")),
    spMetadataUrl: Schema.optional(Schema.NullOr(Schema.String)).pipe(Schema.fromKey("sp_metadata_url")),
    syncUserAttributes: Schema.optional(Schema.Boolean).pipe(Schema.fromKey("sync_user_attributes")),
    active: Schema.optional(Schema.Boolean),
    allowIdpInitiated: Schema.optional(Schema.Boolean).pipe(Schema.fromKey("allow_idp_initiated")),
    allowSubdomains: Schema.optional(Schema.Boolean).pipe(Schema.fromKey("allow_subdomains")),
    forceAuthn: Schema.optional(Schema.Boolean).pipe(Schema.fromKey("force_authn")),
    loginHint: Schema.optional(Schema.Struct({
      mode: OpenEnum("email_address", "custom_attribute", "off"),
      source: Schema.optional(Schema.String)
    })).pipe(Schema.fromKey("login_hint")),
    idpCertificates: Schema.optionalWith(Schema.Array(Schema.Struct({
      certificate: Schema.String,
      issuedAt: Schema.optional(Schema.NullOr(Schema.Number)).pipe(Schema.fromKey("issued_at")),
      expiresAt: Schema.optional(Schema.NullOr(Schema.Number)).pipe(Schema.fromKey("expires_at"))
    })), { default: () => [] }).pipe(Schema.fromKey("idp_certificates"))
  }))`,
          default: "null"
        },
        oauth_config: { default: "null" }
      },
      // Listed as required in the spec, with no schema.
      extraFields: {
        authenticatable: { schema: "Schema.Boolean", fixture: true },
        disable_jit_provisioning: { schema: "Schema.Boolean", fixture: false },
        // Read by @clerk/backend's `EnterpriseConnection`; not in the spec.
        allow_subdomains: { schema: "Schema.Boolean", fixture: false }
      }
    },
    InstanceRestrictions: {
      extraFields: { ignore_dots_for_gmail_addresses: { schema: "Schema.Boolean", fixture: false } }
    },
    CommercePlan: {
      fieldOverrides: { features: { default: "[]" }, fee: { default: "null" }, annual_fee: { default: "null" } }
    },
    // @clerk/backend's `RoleSet` and `SignUpAttempt` defaults for a missing key.
    RoleSet: {
      fieldOverrides: {
        roles: { default: "[]" },
        default_role: { default: "null" },
        creator_role: { default: "null" },
        role_set_migration: { default: "null" }
      }
    },
    SignUp: { fieldOverrides: { verifications: { schema: "Schema.NullOr(SignUpVerifications)", default: "null" } } },
    CommerceSubscription: {
      fieldOverrides: {
        next_payment: { schema: "Schema.NullOr(CommerceSubscriptionNextPayment)", default: "null" },
        eligible_for_free_trial: { default: "false" }
      }
    },
    CommerceSubscriptionNextPayment: {
      fieldOverrides: {
        totals: { schema: "Schema.UndefinedOr(CommerceTotalsResponse2)", default: "undefined", nullAsDefault: true }
      }
    },
    CommerceSubscriptionItemNextPaymentResponse: {
      fieldOverrides: {
        totals: { schema: "Schema.UndefinedOr(CommerceTotalsResponse)", default: "undefined", nullAsDefault: true }
      }
    },
    CommerceTotalsResponse: {
      fieldOverrides: { credits: { default: "null" }, discounts: { default: "null" } }
    },
    CommerceTotalsResponse2: {
      fieldOverrides: { credits: { default: "null" }, discounts: { default: "null" } }
    },
    CommerceSubscriptionItem: {
      fieldOverrides: {
        price_id: { schema: "Schema.NullOr(Schema.String)", default: "null" },
        plan: { default: "null" },
        lifetime_paid: {
          schema: "Schema.UndefinedOr(CommerceMoneyResponse)",
          default: "undefined",
          nullAsDefault: true
        },
        seats: {
          schema: "Schema.UndefinedOr(CommerceSubscriptionItemSeatsResponse)",
          default: "undefined",
          nullAsDefault: true
        }
      },
      extraFields: {
        // Read by @clerk/backend's `BillingSubscriptionItem` (`undefined` when absent); not in this schema of the spec.
        amount: {
          schema: "Schema.UndefinedOr(CommerceMoneyResponse)",
          default: "undefined",
          nullAsDefault: true,
          fixture: { amount: 1000, amount_formatted: "10.00", currency: "USD", currency_symbol: "$" }
        }
      }
    },
    CommerceSubscriptionItem2: {
      fieldOverrides: {
        plan_id: { schema: "Schema.NullOr(Schema.String)", default: "null" },
        plan: { default: "null" },
        price_id: { schema: "Schema.NullOr(Schema.String)", default: "null" },
        lifetime_paid: {
          schema: "Schema.UndefinedOr(CommerceMoneyResponse)",
          default: "undefined",
          nullAsDefault: true
        },
        amount: { schema: "Schema.UndefinedOr(CommerceMoneyResponse)", default: "undefined", nullAsDefault: true }
      }
    },
    DeletedObject: {
      fieldOverrides: {
        id: { schema: "Schema.NullOr(Schema.String)", default: "null" },
        slug: { schema: "Schema.NullOr(Schema.String)", default: "null" }
      }
    },
    OAuthAccessTokenItem: {
      fieldOverrides: {
        label: { default: '""', nullAsDefault: true },
        public_metadata: { default: "{}" }
      }
    }
  }
}
