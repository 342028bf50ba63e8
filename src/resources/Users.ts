/**
 * Users: the people who sign in to the application, their identifiers, credentials, metadata and memberships.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import {
  CommerceCreditBalanceResponse,
  CommerceCreditLedgerResponse,
  DeleteBackupCodeResponse,
  DeletedObject,
  EmailAddress,
  OAuthAccessTokenItem,
  OrganizationInvitationWithPublicOrganizationData,
  OrganizationMembership,
  PhoneNumber,
  TotalCount,
  TrustedDevice,
  User,
  VerifyPasswordResponse,
  VerifyTOTPResponse
} from "../models/generated/schemas.js"
import { Paginated } from "../models/internal/paginated.js"
import { type ApiRequest, BackendApi } from "../services/BackendApi.js"
import { ClerkInvalidRequestError } from "../services/ClerkErrors.js"
import { type PaginationParams, pageSize, type StreamParams, type WithSign } from "./internal/lists.js"
import { updateWithMetadata } from "./internal/metadata.js"
import { streamPages } from "./internal/paginate.js"

export {
  CommerceCreditBalanceResponse,
  CommerceCreditLedgerResponse,
  DeleteBackupCodeResponse,
  DeletedObject,
  EmailAddress,
  OAuthAccessTokenItem,
  OrganizationInvitationWithPublicOrganizationData,
  OrganizationMembership,
  PhoneNumber,
  TrustedDevice,
  User,
  VerifyPasswordResponse,
  VerifyTOTPResponse
}

/** A metadata object. Its keys are sent as given (only top-level param names are snake-cased). */
export type Metadata = Readonly<Record<string, unknown>>

/** A sort key of `users.getUserList`. */
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

/** Filters of `users.getCount` (and of `users.getUserList`). Array filters accept up to 100 values. */
export interface UserCountParams {
  readonly emailAddress?: ReadonlyArray<string> | undefined
  readonly phoneNumber?: ReadonlyArray<string> | undefined
  readonly username?: ReadonlyArray<string> | undefined
  readonly web3Wallet?: ReadonlyArray<string> | undefined
  readonly userId?: ReadonlyArray<string> | undefined
  readonly externalId?: ReadonlyArray<string> | undefined
  /** Users who are members of any of these organizations. */
  readonly organizationId?: ReadonlyArray<string> | undefined
  /** Partial match across email addresses, phone numbers, usernames, wallets, ids and names. */
  readonly query?: string | undefined
  readonly emailAddressQuery?: string | undefined
  readonly phoneNumberQuery?: string | undefined
  readonly usernameQuery?: string | undefined
  readonly nameQuery?: string | undefined
  readonly banned?: boolean | undefined
  /** OAuth provider of `providerUserId`, e.g. `oauth_google`. */
  readonly provider?: string | undefined
  readonly providerUserId?: ReadonlyArray<string> | undefined
  /** Unix milliseconds. */
  readonly lastActiveAtBefore?: number | undefined
  readonly lastActiveAtAfter?: number | undefined
  /** @deprecated Use `lastActiveAtAfter`. */
  readonly last_active_at_since?: number | undefined
  readonly createdAtBefore?: number | undefined
  readonly createdAtAfter?: number | undefined
  readonly lastSignInAtBefore?: number | undefined
  readonly lastSignInAtAfter?: number | undefined
}

/** Params of `users.getUserList`. */
export interface UserListParams extends UserCountParams, PaginationParams {
  /** Sort order (default `-created_at`). */
  readonly orderBy?: UserOrderBy | undefined
}

/** A password hashing algorithm Clerk can import digests from. */
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

/** The three metadata objects of a user. */
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

/** Params of `users.createUser`. */
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

/** Params of `users.updateUser`. */
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

/** Params of `users.replaceUserEmailAddress`. */
export interface ReplaceUserEmailAddressParams {
  readonly emailAddress: string
}

/** Params of `users.replaceUserPhoneNumber`. */
export interface ReplaceUserPhoneNumberParams {
  readonly phoneNumber: string
}

/** Params of `users.updateUserProfileImage`. */
export interface UpdateUserProfileImageParams {
  readonly file: Blob
}

/** Limit/offset of `users.getUserOauthAccessToken` (`@clerk/backend` takes none). */
export type OauthAccessTokenListParams = PaginationParams

/** Params of `users.getOrganizationMembershipList`. */
export interface GetUserOrganizationMembershipListParams extends PaginationParams {
  readonly userId: string
}

/** The status of an organization invitation. */
export type OrganizationInvitationStatus = "pending" | "accepted" | "revoked" | "expired"

/** Params of `users.getOrganizationInvitationList`. */
export interface GetUserOrganizationInvitationListParams extends PaginationParams {
  readonly userId: string
  readonly status?: OrganizationInvitationStatus | undefined
}

/** Params of `users.removePassword`. */
export interface RemovePasswordParams {
  /** Revoke the sessions active when the request is processed. */
  readonly signOutOfOtherSessions?: boolean | undefined
}

/** Params of `users.verifyPassword`. */
export interface VerifyPasswordParams {
  readonly userId: string
  readonly password: string
}

/** Params of `users.verifyTOTP`. */
export interface VerifyTOTPParams {
  readonly userId: string
  /** A TOTP code or a backup code (which is then consumed). */
  readonly code: string
}

/** Params of `users.deleteUserPasskey`. */
export interface DeleteUserPasskeyParams {
  readonly userId: string
  readonly passkeyIdentificationId: string
}

/** Params of `users.deleteUserWeb3Wallet`. */
export interface DeleteWeb3WalletParams {
  readonly userId: string
  readonly web3WalletIdentificationId: string
}

/** Params of `users.deleteUserExternalAccount`. */
export interface DeleteUserExternalAccountParams {
  readonly userId: string
  readonly externalAccountId: string
}

/** Params of `users.setPasswordCompromised`. */
export interface SetPasswordCompromisedParams {
  /** Also revoke every session of the user (default `false`). */
  readonly revokeAllSessions?: boolean | undefined
}

/** Params of `users.revokeUserTrustedDevice`. */
export interface RevokeUserTrustedDeviceParams {
  readonly userId: string
  readonly trustedDeviceId: string
}

/** Params of `users.adjustUserBillingCreditBalance` and `organizations.adjustOrganizationBillingCreditBalance`. */
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

const UserArray = Schema.Array(User)
const MembershipList = Paginated(OrganizationMembership)
const InvitationList = Paginated(OrganizationInvitationWithPublicOrganizationData)
const OauthAccessTokenList = Paginated(OAuthAccessTokenItem)
const TrustedDeviceList = Paginated(TrustedDevice)

const USER_PAGE = pageSize("GetUserList")
const MEMBERSHIP_PAGE = pageSize("UsersGetOrganizationMemberships")
const INVITATION_PAGE = pageSize("UsersGetOrganizationInvitations")
const OAUTH_TOKEN_PAGE = pageSize("GetOAuthAccessToken")

/** The most ids `banUsers`/`unbanUsers` take in one call. */
const MAX_BULK_USERS = 50

const checkBulkIds = (userIds: ReadonlyArray<string>): Effect.Effect<void, ClerkInvalidRequestError> =>
  userIds.length >= 1 && userIds.length <= MAX_BULK_USERS && userIds.every((id) => id.trim().length > 0)
    ? Effect.void
    : Effect.fail(
      new ClerkInvalidRequestError({
        reason: `userIds must hold 1 to ${MAX_BULK_USERS} non-empty user ids (got ${userIds.length})`,
        param: "userIds"
      })
    )

const checkFile = (file: unknown): Effect.Effect<Blob, ClerkInvalidRequestError> =>
  file instanceof Blob
    ? Effect.succeed(file)
    : Effect.fail(new ClerkInvalidRequestError({ reason: "file must be a Blob or File", param: "file" }))

/** `users`: users, their identifiers, credentials, metadata and memberships. */
export class Users extends Effect.Service<Users>()("effect-clerk/Users", {
  accessors: true,
  effect: Effect.gen(function*() {
    const api = yield* BackendApi
    const call = <A, I>(method: string, request: Omit<ApiRequest, "operation">, schema: Schema.Schema<A, I, never>) =>
      api.execute({ operation: `users.${method}`, ...request }, schema)
    const onUser = (userId: string) => ({ pathParams: { user_id: userId } })

    const listUsers = (params: UserListParams) =>
      call("getUserList", { method: "GET", path: "/users", query: { ...params } }, UserArray)
    const getCount = (params: UserCountParams = {}) =>
      Effect.map(
        call("getCount", { method: "GET", path: "/users/count", query: { ...params } }, TotalCount),
        (count) => count.totalCount
      )
    const getUserOauthAccessToken = (userId: string, provider: string, params: OauthAccessTokenListParams = {}) =>
      call("getUserOauthAccessToken", {
        method: "GET",
        path: "/users/{user_id}/oauth_access_tokens/{provider}",
        pathParams: { user_id: userId, provider: provider.startsWith("oauth_") ? provider : `oauth_${provider}` },
        query: { paginated: true, ...params }
      }, OauthAccessTokenList)
    const getOrganizationMembershipList = ({ limit, offset, userId }: GetUserOrganizationMembershipListParams) =>
      call("getOrganizationMembershipList", {
        method: "GET",
        path: "/users/{user_id}/organization_memberships",
        ...onUser(userId),
        query: { limit, offset }
      }, MembershipList)
    const getOrganizationInvitationList = ({ userId, ...query }: GetUserOrganizationInvitationListParams) =>
      call("getOrganizationInvitationList", {
        method: "GET",
        path: "/users/{user_id}/organization_invitations",
        ...onUser(userId),
        query
      }, InvitationList)
    const userAction = (method: string, path: string) => (userId: string) =>
      call(method, { method: "POST", path, ...onUser(userId) }, User)
    const bulk = (method: string, path: string) => (userIds: ReadonlyArray<string>) =>
      Effect.zipRight(
        checkBulkIds(userIds),
        call(method, { method: "POST", path, body: { userIds } }, UserArray)
      )

    return {
      /** `GET /users` and `GET /users/count` in parallel: one page of users and the total matching the filters. */
      getUserList: (params: UserListParams = {}) => {
        const { limit: _limit, offset: _offset, orderBy: _orderBy, ...countParams } = params
        return Effect.map(
          Effect.all([listUsers(params), getCount(countParams)], { concurrency: 2 }),
          ([data, totalCount]): Paginated<User> => ({ data, totalCount })
        )
      },
      /** Every user matching the filters, page by page (`GET /users`, no count request). */
      getUserListStream: (params: StreamParams<UserListParams> = {}) =>
        streamPages(USER_PAGE, (page) => Effect.map(listUsers({ ...params, ...page }), (data) => ({ data }))),
      /** `GET /users/{user_id}` */
      getUser: (userId: string) => call("getUser", { method: "GET", path: "/users/{user_id}", ...onUser(userId) }, User),
      /** `POST /users` */
      createUser: (params: CreateUserParams) => call("createUser", { method: "POST", path: "/users", body: params }, User),
      /**
       * `PATCH /users/{user_id}`; with (deprecated) metadata fields, the other fields are PATCHed first (if any) and the
       * metadata is then replaced with `PUT /users/{user_id}/metadata`.
       */
      updateUser: (userId: string, params: UpdateUserParams = {}) => {
        const { privateMetadata, publicMetadata, unsafeMetadata, ...fields } = params
        const hasMetadata = publicMetadata !== undefined || privateMetadata !== undefined ||
          unsafeMetadata !== undefined
        return updateWithMetadata(
          api,
          { operation: "users.updateUser", path: "/users/{user_id}", pathParams: { user_id: userId } },
          fields,
          hasMetadata ? { publicMetadata, privateMetadata, unsafeMetadata } : undefined,
          User
        )
      },
      /** `PUT /users/{user_id}/email_address` */
      replaceUserEmailAddress: (userId: string, params: ReplaceUserEmailAddressParams) =>
        call("replaceUserEmailAddress", {
          method: "PUT",
          path: "/users/{user_id}/email_address",
          ...onUser(userId),
          body: params
        }, EmailAddress),
      /** `PUT /users/{user_id}/phone_number` */
      replaceUserPhoneNumber: (userId: string, params: ReplaceUserPhoneNumberParams) =>
        call("replaceUserPhoneNumber", {
          method: "PUT",
          path: "/users/{user_id}/phone_number",
          ...onUser(userId),
          body: params
        }, PhoneNumber),
      /** `POST /users/{user_id}/profile_image` (multipart, field `file`) */
      updateUserProfileImage: (userId: string, params: UpdateUserProfileImageParams) =>
        Effect.flatMap(checkFile(params.file), (file) => {
          const formData = new FormData()
          formData.append("file", file)
          return call("updateUserProfileImage", {
            method: "POST",
            path: "/users/{user_id}/profile_image",
            ...onUser(userId),
            formData
          }, User)
        }),
      /** `PATCH /users/{user_id}/metadata` (deep merge; `null` removes a key) */
      updateUserMetadata: (userId: string, params: UserMetadataParams) =>
        call("updateUserMetadata", {
          method: "PATCH",
          path: "/users/{user_id}/metadata",
          ...onUser(userId),
          body: params
        }, User),
      /** `PUT /users/{user_id}/metadata` (each given field is replaced whole; `{}` clears it) */
      replaceUserMetadata: (userId: string, params: UserMetadataParams) =>
        call("replaceUserMetadata", {
          method: "PUT",
          path: "/users/{user_id}/metadata",
          ...onUser(userId),
          body: params
        }, User),
      /** `DELETE /users/{user_id}` */
      deleteUser: (userId: string) =>
        call("deleteUser", { method: "DELETE", path: "/users/{user_id}", ...onUser(userId) }, DeletedObject),
      /** `GET /users/count`: the number of users matching the filters. */
      getCount,
      /** `GET /users/{user_id}/oauth_access_tokens/oauth_<provider>` (sends `paginated=true`) */
      getUserOauthAccessToken,
      /** Every OAuth access token of the user for the provider, page by page. */
      getUserOauthAccessTokenStream: (userId: string, provider: string) =>
        streamPages(OAUTH_TOKEN_PAGE, (page) => getUserOauthAccessToken(userId, provider, page)),
      /** `DELETE /users/{user_id}/mfa` */
      disableUserMFA: (userId: string) =>
        call("disableUserMFA", { method: "DELETE", path: "/users/{user_id}/mfa", ...onUser(userId) }, DeleteBackupCodeResponse),
      /** `GET /users/{user_id}/organization_memberships` */
      getOrganizationMembershipList,
      /** Every organization membership of the user, page by page. */
      getOrganizationMembershipListStream: (params: StreamParams<GetUserOrganizationMembershipListParams>) =>
        streamPages(MEMBERSHIP_PAGE, (page) => getOrganizationMembershipList({ ...params, ...page })),
      /** `GET /users/{user_id}/organization_invitations` */
      getOrganizationInvitationList,
      /** Every organization invitation of the user, page by page. */
      getOrganizationInvitationListStream: (params: StreamParams<GetUserOrganizationInvitationListParams>) =>
        streamPages(INVITATION_PAGE, (page) => getOrganizationInvitationList({ ...params, ...page })),
      /** `POST /users/{user_id}/remove_password` */
      removePassword: (userId: string, params: RemovePasswordParams = {}) =>
        call("removePassword", {
          method: "POST",
          path: "/users/{user_id}/remove_password",
          ...onUser(userId),
          body: params
        }, User),
      /** `POST /users/{user_id}/verify_password` */
      verifyPassword: ({ password, userId }: VerifyPasswordParams) =>
        call("verifyPassword", {
          method: "POST",
          path: "/users/{user_id}/verify_password",
          ...onUser(userId),
          body: { password }
        }, VerifyPasswordResponse),
      /** `POST /users/{user_id}/verify_totp` */
      verifyTOTP: ({ code, userId }: VerifyTOTPParams) =>
        call("verifyTOTP", {
          method: "POST",
          path: "/users/{user_id}/verify_totp",
          ...onUser(userId),
          body: { code }
        }, VerifyTOTPResponse),
      /** `POST /users/{user_id}/ban` */
      banUser: userAction("banUser", "/users/{user_id}/ban"),
      /** `POST /users/{user_id}/unban` */
      unbanUser: userAction("unbanUser", "/users/{user_id}/unban"),
      /** `POST /users/ban`: bans up to 50 users at once. */
      banUsers: bulk("banUsers", "/users/ban"),
      /** `POST /users/unban`: lifts the ban of up to 50 users at once. */
      unbanUsers: bulk("unbanUsers", "/users/unban"),
      /** `POST /users/{user_id}/lock` */
      lockUser: userAction("lockUser", "/users/{user_id}/lock"),
      /** `POST /users/{user_id}/unlock` */
      unlockUser: userAction("unlockUser", "/users/{user_id}/unlock"),
      /** `DELETE /users/{user_id}/profile_image` */
      deleteUserProfileImage: (userId: string) =>
        call("deleteUserProfileImage", {
          method: "DELETE",
          path: "/users/{user_id}/profile_image",
          ...onUser(userId)
        }, User),
      /** `DELETE /users/{user_id}/passkeys/{passkey_identification_id}` */
      deleteUserPasskey: ({ passkeyIdentificationId, userId }: DeleteUserPasskeyParams) =>
        call("deleteUserPasskey", {
          method: "DELETE",
          path: "/users/{user_id}/passkeys/{passkey_identification_id}",
          pathParams: { user_id: userId, passkey_identification_id: passkeyIdentificationId }
        }, DeletedObject),
      /** `DELETE /users/{user_id}/web3_wallets/{web3_wallet_identification_id}` */
      deleteUserWeb3Wallet: ({ userId, web3WalletIdentificationId }: DeleteWeb3WalletParams) =>
        call("deleteUserWeb3Wallet", {
          method: "DELETE",
          path: "/users/{user_id}/web3_wallets/{web3_wallet_identification_id}",
          pathParams: { user_id: userId, web3_wallet_identification_id: web3WalletIdentificationId }
        }, DeletedObject),
      /** `DELETE /users/{user_id}/external_accounts/{external_account_id}` */
      deleteUserExternalAccount: ({ externalAccountId, userId }: DeleteUserExternalAccountParams) =>
        call("deleteUserExternalAccount", {
          method: "DELETE",
          path: "/users/{user_id}/external_accounts/{external_account_id}",
          pathParams: { user_id: userId, external_account_id: externalAccountId }
        }, DeletedObject),
      /** `DELETE /users/{user_id}/backup_code` */
      deleteUserBackupCodes: (userId: string) =>
        call("deleteUserBackupCodes", {
          method: "DELETE",
          path: "/users/{user_id}/backup_code",
          ...onUser(userId)
        }, DeleteBackupCodeResponse),
      /** `DELETE /users/{user_id}/totp` */
      deleteUserTOTP: (userId: string) =>
        call("deleteUserTOTP", { method: "DELETE", path: "/users/{user_id}/totp", ...onUser(userId) }, DeleteBackupCodeResponse),
      /** `POST /users/{user_id}/password/set_compromised` */
      setPasswordCompromised: (userId: string, params: SetPasswordCompromisedParams = { revokeAllSessions: false }) =>
        call("setPasswordCompromised", {
          method: "POST",
          path: "/users/{user_id}/password/set_compromised",
          ...onUser(userId),
          body: params
        }, User),
      /** `POST /users/{user_id}/password/unset_compromised` */
      unsetPasswordCompromised: userAction("unsetPasswordCompromised", "/users/{user_id}/password/unset_compromised"),
      /** `GET /users/{user_id}/billing/credits` */
      getUserBillingCreditBalance: (userId: string) =>
        call("getUserBillingCreditBalance", {
          method: "GET",
          path: "/users/{user_id}/billing/credits",
          ...onUser(userId)
        }, CommerceCreditBalanceResponse),
      /** `POST /users/{user_id}/billing/credits` */
      adjustUserBillingCreditBalance: (userId: string, params: AdjustBillingCreditBalanceParams) =>
        call("adjustUserBillingCreditBalance", {
          method: "POST",
          path: "/users/{user_id}/billing/credits",
          ...onUser(userId),
          body: params
        }, CommerceCreditLedgerResponse),
      /** `GET /users/{user_id}/trusted_devices` */
      getUserTrustedDeviceList: (userId: string) =>
        call("getUserTrustedDeviceList", {
          method: "GET",
          path: "/users/{user_id}/trusted_devices",
          ...onUser(userId)
        }, TrustedDeviceList),
      /** `DELETE /users/{user_id}/trusted_devices/{trusted_device_id}` */
      revokeUserTrustedDevice: ({ trustedDeviceId, userId }: RevokeUserTrustedDeviceParams) =>
        call("revokeUserTrustedDevice", {
          method: "DELETE",
          path: "/users/{user_id}/trusted_devices/{trusted_device_id}",
          pathParams: { user_id: userId, trusted_device_id: trustedDeviceId }
        }, TrustedDevice)
    }
  })
}) {}
