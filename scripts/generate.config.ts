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
}

/** Per-schema overrides. */
export interface SchemaOverride {
  /** Public class name to use instead of the derived one. */
  readonly rename?: string | undefined
  /** Lines of TypeScript inserted verbatim into the class body (getters, methods). */
  readonly extraBody?: ReadonlyArray<string> | undefined
  readonly fieldOverrides?: Readonly<Record<string, FieldOverride>> | undefined
}

export interface GenerateConfig {
  /** Extra import lines for `schemas.ts`, for code used in `extraBody` or `fieldOverrides`. */
  readonly imports: ReadonlyArray<string>
  readonly schemas: Readonly<Record<string, SchemaOverride>>
}

export const config: GenerateConfig = {
  imports: [],
  schemas: {
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
        "}"
      ]
    }
  }
}
