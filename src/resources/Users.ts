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
import { type ApiRequest, BackendApi, type HttpMethod } from "../services/BackendApi.js"
import { ClerkInvalidRequestError } from "../services/ClerkErrors.js"
import { pageSize, type StreamParams } from "./internal/lists.js"
import { updateWithMetadata } from "./internal/metadata.js"
import { streamPages } from "./internal/paginate.js"
import { uploadForm } from "./internal/upload.js"
import type {
  AdjustBillingCreditBalanceParams,
  CreateUserParams,
  DeleteUserExternalAccountParams,
  DeleteUserPasskeyParams,
  DeleteWeb3WalletParams,
  GetUserOrganizationInvitationListParams,
  GetUserOrganizationMembershipListParams,
  OauthAccessTokenListParams,
  RemovePasswordParams,
  ReplaceUserEmailAddressParams,
  ReplaceUserPhoneNumberParams,
  RevokeUserTrustedDeviceParams,
  SetPasswordCompromisedParams,
  UpdateUserParams,
  UpdateUserProfileImageParams,
  UserCountParams,
  UserListParams,
  UserMetadataParams,
  VerifyPasswordParams,
  VerifyTOTPParams
} from "./users/params.js"

export type * from "./users/params.js"
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

const UserArray = Schema.mutable(Schema.Array(User))
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

/** `users`: users, their identifiers, credentials, metadata and memberships. */
export class Users extends Effect.Service<Users>()("effect-clerk/Users", {
  accessors: true,
  effect: Effect.gen(function*() {
    const api = yield* BackendApi
    const call = <A, I>(name: string, request: Omit<ApiRequest, "operation">, schema: Schema.Schema<A, I, never>) =>
      api.execute({ operation: `users.${name}`, ...request }, schema)
    const onUser = (userId: string) => ({ pathParams: { user_id: userId } })
    /** A call whose only input is the user id. */
    const byUser = <A, I>(name: string, method: HttpMethod, path: string, schema: Schema.Schema<A, I, never>) =>
    (userId: string) => call(name, { method, path, ...onUser(userId) }, schema)
    /** A call on something the user owns: the user id and `param` fill the path. */
    const byUserAnd = <A, I>(
      name: string,
      method: HttpMethod,
      path: string,
      param: string,
      schema: Schema.Schema<A, I, never>
    ) =>
    (userId: string, id: string) => call(name, { method, path, pathParams: { user_id: userId, [param]: id } }, schema)
    const deletePasskey = byUserAnd(
      "deleteUserPasskey",
      "DELETE",
      "/users/{user_id}/passkeys/{passkey_identification_id}",
      "passkey_identification_id",
      DeletedObject
    )
    const deleteWeb3Wallet = byUserAnd(
      "deleteUserWeb3Wallet",
      "DELETE",
      "/users/{user_id}/web3_wallets/{web3_wallet_identification_id}",
      "web3_wallet_identification_id",
      DeletedObject
    )
    const deleteExternalAccount = byUserAnd(
      "deleteUserExternalAccount",
      "DELETE",
      "/users/{user_id}/external_accounts/{external_account_id}",
      "external_account_id",
      DeletedObject
    )
    const revokeTrustedDevice = byUserAnd(
      "revokeUserTrustedDevice",
      "DELETE",
      "/users/{user_id}/trusted_devices/{trusted_device_id}",
      "trusted_device_id",
      TrustedDevice
    )
    /** A call with the user id in the path and `body` as the JSON body. */
    const withBody = <A, I>(
      name: string,
      method: HttpMethod,
      path: string,
      userId: string,
      body: unknown,
      schema: Schema.Schema<A, I, never>
    ) => call(name, { method, path, ...onUser(userId), body }, schema)

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
    const bulk = (name: string, path: string) => (userIds: ReadonlyArray<string>) =>
      Effect.zipRight(checkBulkIds(userIds), call(name, { method: "POST", path, body: { userIds } }, UserArray))

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
      getUser: byUser("getUser", "GET", "/users/{user_id}", User),
      /** `POST /users` */
      createUser: (params: CreateUserParams) =>
        call("createUser", { method: "POST", path: "/users", body: params }, User),
      /**
       * `PATCH /users/{user_id}`; with (deprecated) metadata fields, the other fields are PATCHed first (if any)
       * and the metadata is then replaced with `PUT /users/{user_id}/metadata`.
       */
      updateUser: (userId: string, params: UpdateUserParams = {}) => {
        const { privateMetadata, publicMetadata, unsafeMetadata, ...fields } = params
        const hasMetadata = publicMetadata !== undefined || privateMetadata !== undefined ||
          unsafeMetadata !== undefined
        return updateWithMetadata(
          api,
          { operation: "users.updateUser", path: "/users/{user_id}", ...onUser(userId) },
          fields,
          hasMetadata ? { publicMetadata, privateMetadata, unsafeMetadata } : undefined,
          User
        )
      },
      /** `PUT /users/{user_id}/email_address` */
      replaceUserEmailAddress: (userId: string, params: ReplaceUserEmailAddressParams) =>
        withBody("replaceUserEmailAddress", "PUT", "/users/{user_id}/email_address", userId, params, EmailAddress),
      /** `PUT /users/{user_id}/phone_number` */
      replaceUserPhoneNumber: (userId: string, params: ReplaceUserPhoneNumberParams) =>
        withBody("replaceUserPhoneNumber", "PUT", "/users/{user_id}/phone_number", userId, params, PhoneNumber),
      /** `POST /users/{user_id}/profile_image` (multipart, field `file`) */
      updateUserProfileImage: (userId: string, params: UpdateUserProfileImageParams) =>
        Effect.flatMap(uploadForm(params.file), (formData) =>
          call("updateUserProfileImage", {
            method: "POST",
            path: "/users/{user_id}/profile_image",
            ...onUser(userId),
            formData
          }, User)),
      /** `PATCH /users/{user_id}/metadata` (deep merge; `null` removes a key) */
      updateUserMetadata: (userId: string, params: UserMetadataParams) =>
        withBody("updateUserMetadata", "PATCH", "/users/{user_id}/metadata", userId, params, User),
      /** `PUT /users/{user_id}/metadata` (each given field is replaced whole; `{}` clears it) */
      replaceUserMetadata: (userId: string, params: UserMetadataParams) =>
        withBody("replaceUserMetadata", "PUT", "/users/{user_id}/metadata", userId, params, User),
      /** `DELETE /users/{user_id}` */
      deleteUser: byUser("deleteUser", "DELETE", "/users/{user_id}", DeletedObject),
      /** `GET /users/count`: the number of users matching the filters. */
      getCount,
      /** `GET /users/{user_id}/oauth_access_tokens/oauth_<provider>` (sends `paginated=true`) */
      getUserOauthAccessToken,
      /** Every OAuth access token of the user for the provider, page by page. */
      getUserOauthAccessTokenStream: (userId: string, provider: string) =>
        streamPages(OAUTH_TOKEN_PAGE, (page) => getUserOauthAccessToken(userId, provider, page)),
      /** `DELETE /users/{user_id}/mfa` */
      disableUserMFA: byUser("disableUserMFA", "DELETE", "/users/{user_id}/mfa", DeleteBackupCodeResponse),
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
        withBody("removePassword", "POST", "/users/{user_id}/remove_password", userId, params, User),
      /** `POST /users/{user_id}/verify_password` */
      verifyPassword: ({ password, userId }: VerifyPasswordParams) =>
        withBody(
          "verifyPassword",
          "POST",
          "/users/{user_id}/verify_password",
          userId,
          { password },
          VerifyPasswordResponse
        ),
      /** `POST /users/{user_id}/verify_totp` */
      verifyTOTP: ({ code, userId }: VerifyTOTPParams) =>
        withBody("verifyTOTP", "POST", "/users/{user_id}/verify_totp", userId, { code }, VerifyTOTPResponse),
      /** `POST /users/{user_id}/ban` */
      banUser: byUser("banUser", "POST", "/users/{user_id}/ban", User),
      /** `POST /users/{user_id}/unban` */
      unbanUser: byUser("unbanUser", "POST", "/users/{user_id}/unban", User),
      /** `POST /users/ban`: bans up to 50 users at once. */
      banUsers: bulk("banUsers", "/users/ban"),
      /** `POST /users/unban`: lifts the ban of up to 50 users at once. */
      unbanUsers: bulk("unbanUsers", "/users/unban"),
      /** `POST /users/{user_id}/lock` */
      lockUser: byUser("lockUser", "POST", "/users/{user_id}/lock", User),
      /** `POST /users/{user_id}/unlock` */
      unlockUser: byUser("unlockUser", "POST", "/users/{user_id}/unlock", User),
      /** `DELETE /users/{user_id}/profile_image` */
      deleteUserProfileImage: byUser("deleteUserProfileImage", "DELETE", "/users/{user_id}/profile_image", User),
      /** `DELETE /users/{user_id}/passkeys/{passkey_identification_id}` */
      deleteUserPasskey: ({ passkeyIdentificationId, userId }: DeleteUserPasskeyParams) =>
        deletePasskey(userId, passkeyIdentificationId),
      /** `DELETE /users/{user_id}/web3_wallets/{web3_wallet_identification_id}` */
      deleteUserWeb3Wallet: ({ userId, web3WalletIdentificationId }: DeleteWeb3WalletParams) =>
        deleteWeb3Wallet(userId, web3WalletIdentificationId),
      /** `DELETE /users/{user_id}/external_accounts/{external_account_id}` */
      deleteUserExternalAccount: ({ externalAccountId, userId }: DeleteUserExternalAccountParams) =>
        deleteExternalAccount(userId, externalAccountId),
      /** `DELETE /users/{user_id}/backup_code` */
      deleteUserBackupCodes: byUser(
        "deleteUserBackupCodes",
        "DELETE",
        "/users/{user_id}/backup_code",
        DeleteBackupCodeResponse
      ),
      /** `DELETE /users/{user_id}/totp` */
      deleteUserTOTP: byUser("deleteUserTOTP", "DELETE", "/users/{user_id}/totp", DeleteBackupCodeResponse),
      /** `POST /users/{user_id}/password/set_compromised` */
      setPasswordCompromised: (userId: string, params: SetPasswordCompromisedParams = { revokeAllSessions: false }) =>
        withBody("setPasswordCompromised", "POST", "/users/{user_id}/password/set_compromised", userId, params, User),
      /** `POST /users/{user_id}/password/unset_compromised` */
      unsetPasswordCompromised: byUser(
        "unsetPasswordCompromised",
        "POST",
        "/users/{user_id}/password/unset_compromised",
        User
      ),
      /** `GET /users/{user_id}/billing/credits` */
      getUserBillingCreditBalance: byUser(
        "getUserBillingCreditBalance",
        "GET",
        "/users/{user_id}/billing/credits",
        CommerceCreditBalanceResponse
      ),
      /** `POST /users/{user_id}/billing/credits` */
      adjustUserBillingCreditBalance: (userId: string, params: AdjustBillingCreditBalanceParams) =>
        withBody(
          "adjustUserBillingCreditBalance",
          "POST",
          "/users/{user_id}/billing/credits",
          userId,
          params,
          CommerceCreditLedgerResponse
        ),
      /** `GET /users/{user_id}/trusted_devices` */
      getUserTrustedDeviceList: byUser(
        "getUserTrustedDeviceList",
        "GET",
        "/users/{user_id}/trusted_devices",
        TrustedDeviceList
      ),
      /** `DELETE /users/{user_id}/trusted_devices/{trusted_device_id}` */
      revokeUserTrustedDevice: ({ trustedDeviceId, userId }: RevokeUserTrustedDeviceParams) =>
        revokeTrustedDevice(userId, trustedDeviceId)
    }
  })
}) {}
