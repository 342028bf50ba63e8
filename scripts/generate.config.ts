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
   * Also expose every renamed field under its wire (snake_case) name as a read-only getter, for code written against
   * `@clerk/backend` results that are raw JSON.
   */
  readonly wireAliases?: boolean | undefined
}

export interface GenerateConfig {
  /** Extra import lines for `schemas.ts`, for code used in `extraBody` or `fieldOverrides`. */
  readonly imports: ReadonlyArray<string>
  readonly schemas: Readonly<Record<string, SchemaOverride>>
}

export const config: GenerateConfig = {
  imports: [],
  schemas: {
    // Batch A (sessions, invitations, tokens, ...): @clerk/backend's defaults, aliases and raw JSON names.
    Session: { fieldOverrides: { actor: { default: "null" } } },
    CreateSessionTokenResponse: { fieldOverrides: { jwt: { optional: false } } },
    Invitation: {
      extraBody: [
        "/** The wire (snake_case) JSON of this invitation, re-encoded from the decoded fields (unknown keys are dropped). */",
        "get raw(): typeof Invitation.Encoded {",
        "  return Schema.encodeSync(Invitation)(this)",
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
      extraBody: [
        "/** @deprecated Use `agentTaskId` (`@clerk/backend` gives the same id under this name). */",
        "get taskId(): string {",
        "  return this.agentTaskId",
        "}"
      ]
    },
    // @clerk/backend returns these as raw JSON: keep the snake_case names readable.
    TestingToken: { wireAliases: true },
    SvixURL: { wireAliases: true },
    // Conveniences of @clerk/backend's `User` resource.
    User: {
      extraBody: [
        "/** First and last name joined by a space, or `null` when both are empty. */",
        "get fullName(): string | null {",
        "  const name = `${this.firstName ?? \"\"} ${this.lastName ?? \"\"}`.trim()",
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
        "}",
        "",
        "/** The wire (snake_case) JSON of this user, re-encoded from the decoded fields (unknown keys are dropped). */",
        "get raw(): typeof User.Encoded {",
        "  return Schema.encodeSync(User)(this)",
        "}",
        "",
        "/** `raw` under the name `@clerk/backend` stores it. */",
        "get _raw(): typeof User.Encoded {",
        "  return this.raw",
        "}"
      ],
      fieldOverrides: {
        private_metadata: { default: "{}" },
        unsafe_metadata: { default: "{}" },
        create_organizations_limit: { default: "null" },
        deprovisioned: { default: "false" }
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
    VerificationAdmin: {
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
    VerificationFromOauth: {
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
    VerificationTicket: {
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
    VerificationEmailLink: {
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
    VerificationScim: {
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
    VerificationGoogleOneTap: {
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
    VerificationSaml: {
      fieldOverrides: {
        external_verification_redirect_url: {
          name: "externalVerificationRedirectURL",
          schema: "Schema.NullOr(Schema.URL)",
          default: "null"
        },
        expire_at: { default: "null" }
      },
      extraFields: {
        nonce: { schema: "Schema.NullOr(Schema.String)", default: "null" },
        message: { schema: "Schema.NullOr(Schema.String)", default: "null" }
      }
    },
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
      fieldOverrides: {
        nonce: { schema: "Schema.NullOr(Schema.String)", default: "null" },
        message: { default: "null" }
      },
      extraFields: {
        external_verification_redirect_url: {
          name: "externalVerificationRedirectURL",
          schema: "Schema.NullOr(Schema.URL)",
          default: "null"
        }
      }
    },
    ExternalAccountWithVerification: {
      fieldOverrides: { image_url: { default: "\"\"", nullAsDefault: true } },
      extraBody: [
        "/** The provider's user id, under the name `@clerk/backend` gives it. */",
        "get externalId(): string {",
        "  return this.providerUserId",
        "}"
      ]
    },
    Organization: {
      fieldOverrides: {
        image_url: { default: "\"\"", nullAsDefault: true },
        private_metadata: { default: "{}" }
      },
      extraBody: [
        "/** The wire (snake_case) JSON of this organization, re-encoded from the decoded fields (unknown keys are dropped). */",
        "get raw(): typeof Organization.Encoded {",
        "  return Schema.encodeSync(Organization)(this)",
        "}",
        "",
        "/** `raw` under the name `@clerk/backend` stores it. */",
        "get _raw(): typeof Organization.Encoded {",
        "  return this.raw",
        "}"
      ]
    },
    OrganizationWithLogo: {
      fieldOverrides: { private_metadata: { default: "{}" } },
      extraBody: [
        "/** The wire (snake_case) JSON of this organization, re-encoded from the decoded fields (unknown keys are dropped). */",
        "get raw(): typeof OrganizationWithLogo.Encoded {",
        "  return Schema.encodeSync(OrganizationWithLogo)(this)",
        "}",
        "",
        "/** `raw` under the name `@clerk/backend` stores it. */",
        "get _raw(): typeof OrganizationWithLogo.Encoded {",
        "  return this.raw",
        "}"
      ]
    },
    OrganizationMembership: {
      fieldOverrides: { private_metadata: { default: "{}" } },
      extraBody: [
        "/** The wire (snake_case) JSON of this membership, re-encoded from the decoded fields (unknown keys are dropped). */",
        "get raw(): typeof OrganizationMembership.Encoded {",
        "  return Schema.encodeSync(OrganizationMembership)(this)",
        "}",
        "",
        "/** `raw` under the name `@clerk/backend` stores it. */",
        "get _raw(): typeof OrganizationMembership.Encoded {",
        "  return this.raw",
        "}"
      ]
    },
    OrganizationInvitation: {
      fieldOverrides: { private_metadata: { default: "{}" } },
      extraBody: [
        "/** The wire (snake_case) JSON of this invitation, re-encoded from the decoded fields (unknown keys are dropped). */",
        "get raw(): typeof OrganizationInvitation.Encoded {",
        "  return Schema.encodeSync(OrganizationInvitation)(this)",
        "}",
        "",
        "/** `raw` under the name `@clerk/backend` stores it. */",
        "get _raw(): typeof OrganizationInvitation.Encoded {",
        "  return this.raw",
        "}"
      ]
    },
    OrganizationInvitationWithPublicOrganizationData: {
      fieldOverrides: { private_metadata: { default: "{}" } },
      extraBody: [
        "/** The wire (snake_case) JSON of this invitation, re-encoded from the decoded fields (unknown keys are dropped). */",
        "get raw(): typeof OrganizationInvitationWithPublicOrganizationData.Encoded {",
        "  return Schema.encodeSync(OrganizationInvitationWithPublicOrganizationData)(this)",
        "}",
        "",
        "/** `raw` under the name `@clerk/backend` stores it. */",
        "get _raw(): typeof OrganizationInvitationWithPublicOrganizationData.Encoded {",
        "  return this.raw",
        "}"
      ]
    },
    // @clerk/backend returns these as raw JSON: keep the snake_case names readable.
    OrganizationInvitationPublicOrganizationData: { wireAliases: true },
    OrganizationDomain: { wireAliases: true },
    OrganizationDomainVerification: { wireAliases: true },
    DeleteBackupCodeResponse: { wireAliases: true },
    VerifyTOTPResponse: { wireAliases: true },
    DeletedObject: {
      fieldOverrides: {
        id: { schema: "Schema.NullOr(Schema.String)", default: "null" },
        slug: { schema: "Schema.NullOr(Schema.String)", default: "null" }
      }
    },
    OAuthAccessTokenItem: {
      fieldOverrides: {
        label: { default: "\"\"", nullAsDefault: true },
        public_metadata: { default: "{}" }
      }
    }
  }
}
