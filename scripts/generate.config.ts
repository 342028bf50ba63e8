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
    extra: {
      ChangeDomain: { method: "POST", path: "/beta_features/change_domain", body: "json", kind: "unknown" },
      CreateAccountlessApplication: {
        method: "POST",
        path: "/accountless_applications",
        query: ["source"],
        body: "none",
        kind: "object"
      },
      CompleteAccountlessApplicationOnboarding: {
        method: "POST",
        path: "/accountless_applications/complete",
        query: ["source"],
        body: "none",
        kind: "object"
      },
      GetHandshakePayload: {
        method: "GET",
        path: "/clients/handshake_payload",
        query: ["nonce"],
        body: "none",
        kind: "object"
      },
      SendEmail: { method: "POST", path: "/email", body: "json", kind: "object" },
      SendEmailBatch: { method: "POST", path: "/email/batch", body: "json", kind: "object" },
      GetEmail: { method: "GET", path: "/email/{email_id}", body: "none", kind: "object" },
      DeleteInvitation: {
        method: "DELETE",
        path: "/invitations/{invitation_id}",
        body: "none",
        success: "DeletedObject",
        kind: "object"
      },
      VerifySession: {
        method: "POST",
        path: "/sessions/{session_id}/verify",
        body: "json",
        success: "Session",
        kind: "object"
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
