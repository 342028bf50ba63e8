/**
 * Params of the `users` methods, shaped as `@clerk/backend` takes them (plus the spec's extra filters).
 *
 * @module
 */
import type { PaginationParams, WithSign } from "../internal/lists.js"

/**
 * A metadata object. Its keys are sent as given (only top-level param names are snake-cased).
 *
 * @since 0.1.0
 * @category Resources
 */
export type Metadata = Readonly<Record<string, unknown>>

/**
 * A sort key of `users.getUserList`.
 *
 * @since 0.1.0
 * @category Resources
 */
export type UserOrderBy = WithSign<
  | "created_at"
  | "updated_at"
  | "email_address"
  | "web3wallet"
  | "first_name"
  | "last_name"
  | "phone_number"
  | "username"
  | "last_active_at"
  | "last_sign_in_at"
>

/**
 * Filters on a user's identifiers, names and activity (users and organization memberships).
 *
 * @since 0.1.0
 * @category Resources
 */
export interface UserFilterParams {
  /** Array filters accept up to 100 values. */
  readonly emailAddress?: ReadonlyArray<string> | undefined
  readonly phoneNumber?: ReadonlyArray<string> | undefined
  readonly username?: ReadonlyArray<string> | undefined
  readonly web3Wallet?: ReadonlyArray<string> | undefined
  readonly userId?: ReadonlyArray<string> | undefined
  /** Partial match across email addresses, phone numbers, usernames, wallets, ids and names. */
  readonly query?: string | undefined
  readonly emailAddressQuery?: string | undefined
  readonly phoneNumberQuery?: string | undefined
  readonly usernameQuery?: string | undefined
  readonly nameQuery?: string | undefined
  /** Unix milliseconds. */
  readonly lastActiveAtBefore?: number | undefined
  readonly lastActiveAtAfter?: number | undefined
  readonly createdAtBefore?: number | undefined
  readonly createdAtAfter?: number | undefined
}

/**
 * Filters of `users.getCount` (and of `users.getUserList`).
 *
 * @since 0.1.0
 * @category Resources
 */
export interface UserCountParams extends UserFilterParams {
  readonly externalId?: ReadonlyArray<string> | undefined
  /** Users who are members of any of these organizations. */
  readonly organizationId?: ReadonlyArray<string> | undefined
  readonly banned?: boolean | undefined
  /** OAuth provider of `providerUserId`, e.g. `oauth_google`. */
  readonly provider?: string | undefined
  readonly providerUserId?: ReadonlyArray<string> | undefined
  /** @deprecated Use `lastActiveAtAfter`. */
  readonly last_active_at_since?: number | undefined
  readonly lastSignInAtBefore?: number | undefined
  readonly lastSignInAtAfter?: number | undefined
}

/**
 * Params of `users.getUserList`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface UserListParams extends UserCountParams, PaginationParams {
  /** Sort order (default `-created_at`). */
  readonly orderBy?: UserOrderBy | undefined
}

/**
 * A password hashing algorithm Clerk can import digests from.
 *
 * @since 0.1.0
 * @category Resources
 */
export type PasswordHasher =
  | "argon2i"
  | "argon2id"
  | "awscognito"
  | "bcrypt"
  | "bcrypt_peppered"
  | "bcrypt_sha256_django"
  | "ldap_ssha"
  | "md5"
  | "md5_phpass"
  | "md5_salted"
  | "pbkdf2_sha1"
  | "pbkdf2_sha256"
  | "pbkdf2_sha256_django"
  | "pbkdf2_sha512"
  | "pbkdf2_sha512_hex"
  | "phpass"
  | "scrypt_firebase"
  | "scrypt_werkzeug"
  | "sha256"
  | "sha256_salted"
  | "sha512_symfony"

/**
 * The three metadata objects of a user.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface UserMetadataParams {
  readonly publicMetadata?: Metadata | undefined
  readonly privateMetadata?: Metadata | undefined
  readonly unsafeMetadata?: Metadata | undefined
}

/** Fields `createUser` and `updateUser` share. */
interface UserFields {
  readonly externalId?: string | undefined
  readonly username?: string | undefined
  readonly password?: string | undefined
  readonly firstName?: string | undefined
  readonly lastName?: string | undefined
  readonly locale?: string | undefined
  readonly timezone?: string | undefined
  readonly skipPasswordChecks?: boolean | undefined
  readonly skipLegalChecks?: boolean | undefined
  readonly legalAcceptedAt?: Date | undefined
  readonly totpSecret?: string | undefined
  readonly backupCodes?: ReadonlyArray<string> | undefined
  readonly createdAt?: Date | undefined
  readonly deleteSelfEnabled?: boolean | undefined
  readonly createOrganizationEnabled?: boolean | undefined
  readonly createOrganizationsLimit?: number | undefined
  readonly bypassClientTrust?: boolean | undefined
  /** An imported password digest; needs `passwordHasher`. */
  readonly passwordDigest?: string | undefined
  readonly passwordHasher?: PasswordHasher | undefined
}

/**
 * Params of `users.createUser`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface CreateUserParams extends UserFields, UserMetadataParams {
  /** The first address becomes the primary one. */
  readonly emailAddress?: ReadonlyArray<string> | undefined
  readonly emailAddressIdentificationStatus?: ReadonlyArray<"verified" | "reserved"> | undefined
  readonly phoneNumber?: ReadonlyArray<string> | undefined
  readonly phoneNumberIdentificationStatus?: ReadonlyArray<"verified" | "reserved"> | undefined
  readonly web3Wallet?: ReadonlyArray<string> | undefined
  readonly skipPasswordRequirement?: boolean | undefined
  readonly skipUserRequirement?: boolean | undefined
  readonly banned?: boolean | undefined
  readonly locked?: boolean | undefined
}

/**
 * Params of `users.updateUser`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface UpdateUserParams extends UserFields {
  readonly signOutOfOtherSessions?: boolean | undefined
  readonly primaryEmailAddressID?: string | undefined
  readonly notifyPrimaryEmailAddressChanged?: boolean | undefined
  readonly primaryPhoneNumberID?: string | undefined
  readonly primaryWeb3WalletID?: string | undefined
  readonly profileImageID?: string | undefined
  /** @deprecated Use `updateUserMetadata` (merge) or `replaceUserMetadata` (replace). */
  readonly publicMetadata?: Metadata | undefined
  /** @deprecated Use `updateUserMetadata` (merge) or `replaceUserMetadata` (replace). */
  readonly privateMetadata?: Metadata | undefined
  /** @deprecated Use `updateUserMetadata` (merge) or `replaceUserMetadata` (replace). */
  readonly unsafeMetadata?: Metadata | undefined
}

/**
 * Params of `users.replaceUserEmailAddress`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface ReplaceUserEmailAddressParams {
  readonly emailAddress: string
}

/**
 * Params of `users.replaceUserPhoneNumber`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface ReplaceUserPhoneNumberParams {
  readonly phoneNumber: string
}

/**
 * Params of `users.updateUserProfileImage`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface UpdateUserProfileImageParams {
  readonly file: Blob
}

/**
 * Limit/offset of `users.getUserOauthAccessToken` (`@clerk/backend` takes none).
 *
 * @since 0.1.0
 * @category Resources
 */
export type OauthAccessTokenListParams = PaginationParams

/**
 * Params of `users.getOrganizationMembershipList`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface GetUserOrganizationMembershipListParams extends PaginationParams {
  readonly userId: string
}

/**
 * The status of an organization invitation.
 *
 * @since 0.1.0
 * @category Resources
 */
export type OrganizationInvitationStatus = "pending" | "accepted" | "revoked" | "expired"

/**
 * Params of `users.getOrganizationInvitationList`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface GetUserOrganizationInvitationListParams extends PaginationParams {
  readonly userId: string
  readonly status?: OrganizationInvitationStatus | undefined
}

/**
 * Params of `users.removePassword`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface RemovePasswordParams {
  /** Revoke the sessions active when the request is processed. */
  readonly signOutOfOtherSessions?: boolean | undefined
}

/**
 * Params of `users.verifyPassword`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface VerifyPasswordParams {
  readonly userId: string
  readonly password: string
}

/**
 * Params of `users.verifyTOTP`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface VerifyTOTPParams {
  readonly userId: string
  /** A TOTP code or a backup code (which is then consumed). */
  readonly code: string
}

/**
 * Params of `users.deleteUserPasskey`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface DeleteUserPasskeyParams {
  readonly userId: string
  readonly passkeyIdentificationId: string
}

/**
 * Params of `users.deleteUserWeb3Wallet`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface DeleteWeb3WalletParams {
  readonly userId: string
  readonly web3WalletIdentificationId: string
}

/**
 * Params of `users.deleteUserExternalAccount`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface DeleteUserExternalAccountParams {
  readonly userId: string
  readonly externalAccountId: string
}

/**
 * Params of `users.setPasswordCompromised`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface SetPasswordCompromisedParams {
  /** Also revoke every session of the user (default `false`). */
  readonly revokeAllSessions?: boolean | undefined
}

/**
 * Params of `users.revokeUserTrustedDevice`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface RevokeUserTrustedDeviceParams {
  readonly userId: string
  readonly trustedDeviceId: string
}

/**
 * Params of `users.adjustUserBillingCreditBalance` and `organizations.adjustOrganizationBillingCreditBalance`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface AdjustBillingCreditBalanceParams {
  /** In cents; greater than zero. */
  readonly amount: number
  readonly action: "increase" | "decrease"
  /** Currency code (default `USD`). */
  readonly currency?: string | undefined
  /** A repeated request with the same key returns the original ledger entry, so retries are safe. */
  readonly idempotencyKey: string
  readonly note?: string | undefined
}
