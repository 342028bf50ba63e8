/**
 * Users: the people who sign in to the application, their identifiers, credentials, metadata and memberships.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import * as Fiber from "effect/Fiber"
import * as Schema from "effect/Schema"
import {
  AdjustUserBillingCreditBalance,
  BanUser,
  CreateUser,
  DeleteBackupCode,
  DeleteExternalAccount,
  DeleteTOTP,
  DeleteUser,
  DeleteUserProfileImage,
  DisableMFA,
  GetOAuthAccessToken,
  GetUser,
  GetUserBillingCreditBalance,
  GetUserList,
  GetUsersCount,
  ListUserTrustedDevices,
  LockUser,
  RemoveUserPassword,
  ReplaceUserEmailAddress,
  ReplaceUserMetadata,
  ReplaceUserPhoneNumber,
  RevokeUserTrustedDevice,
  SetUserPasswordCompromised,
  SetUserProfileImage,
  UnbanUser,
  UnlockUser,
  UnsetUserPasswordCompromised,
  UpdateUser,
  UpdateUserMetadata,
  UserPasskeyDelete,
  UsersBan,
  UsersGetOrganizationInvitations,
  UsersGetOrganizationMemberships,
  UsersUnban,
  UserWeb3WalletDelete,
  VerifyPassword,
  VerifyTOTP
} from "../models/generated/descriptors.js"
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
  TrustedDevice,
  User,
  VerifyPasswordResponse,
  VerifyTOTPResponse
} from "../models/generated/schemas.js"
import { Paginated } from "../models/internal/paginated.js"
import type { OperationDescriptor } from "../models/internal/descriptor.js"
import { BackendApi } from "../services/BackendApi.js"
import { ClerkInvalidRequestError } from "../services/ClerkErrors.js"
import { bind } from "./internal/bind.js"
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

const USER_PAGE = pageSize(GetUserList)
const MEMBERSHIP_PAGE = pageSize(UsersGetOrganizationMemberships)
const INVITATION_PAGE = pageSize(UsersGetOrganizationInvitations)
const OAUTH_TOKEN_PAGE = pageSize(GetOAuthAccessToken)

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

/** A descriptor whose only placeholder is the user id. */
type UserDescriptor = OperationDescriptor & { readonly pathParams: readonly ["user_id"] }

/**
 * `users`: users, their identifiers, credentials, metadata and memberships.
 *
 * @since 0.1.0
 * @category Resources
 */
export class Users extends Effect.Service<Users>()("effect-clerk/Users", {
  accessors: true,
  effect: Effect.gen(function* () {
    const bound = bind(yield* BackendApi)
    /** A call whose only input is the user id. */
    const byUser =
      <A, I>(descriptor: UserDescriptor, schema: Schema.Schema<A, I, never>) =>
      (userId: string) =>
        bound.execute(descriptor, schema, { pathParams: { user_id: userId } })
    /** A call on something the user owns: the user id and the descriptor's second placeholder fill the path. */
    const byUserAnd =
      <A, I>(descriptor: OperationDescriptor, schema: Schema.Schema<A, I, never>) =>
      (userId: string, id: string) =>
        bound.execute(descriptor, schema, {
          pathParams: { user_id: userId, [descriptor.pathParams[1]!]: id }
        })
    const deletePasskey = byUserAnd(UserPasskeyDelete, DeletedObject)
    const deleteWeb3Wallet = byUserAnd(UserWeb3WalletDelete, DeletedObject)
    const deleteExternalAccount = byUserAnd(DeleteExternalAccount, DeletedObject)
    const revokeTrustedDevice = byUserAnd(RevokeUserTrustedDevice, TrustedDevice)
    /** A call with the user id in the path and `body` as the JSON body. */
    const withBody = <A, I>(
      descriptor: UserDescriptor,
      userId: string,
      body: unknown,
      schema: Schema.Schema<A, I, never>
    ) => bound.execute(descriptor, schema, { pathParams: { user_id: userId }, body })

    const listUsers = (params: UserListParams) => bound.execute(GetUserList, UserArray, { query: { ...params } })
    const getCount = (params: UserCountParams = {}) =>
      Effect.map(bound.decode(GetUsersCount, { query: { ...params } }), (count) => count.totalCount)
    const getUserOauthAccessToken = (userId: string, provider: string, params: OauthAccessTokenListParams = {}) =>
      bound.execute(GetOAuthAccessToken, OauthAccessTokenList, {
        pathParams: { user_id: userId, provider: provider.startsWith("oauth_") ? provider : `oauth_${provider}` },
        query: { paginated: true, ...params }
      })
    const getOrganizationMembershipList = ({ limit, offset, userId }: GetUserOrganizationMembershipListParams) =>
      bound.execute(UsersGetOrganizationMemberships, MembershipList, {
        pathParams: { user_id: userId },
        query: { limit, offset }
      })
    const getOrganizationInvitationList = ({ userId, ...query }: GetUserOrganizationInvitationListParams) =>
      bound.execute(UsersGetOrganizationInvitations, InvitationList, {
        pathParams: { user_id: userId },
        query
      })
    const bulk = (descriptor: typeof UsersBan | typeof UsersUnban) => (userIds: ReadonlyArray<string>) =>
      Effect.zipRight(checkBulkIds(userIds), bound.execute(descriptor, UserArray, { body: { userIds } }))

    return {
      /** `GET /users` and `GET /users/count` in parallel: one page of users and the total matching the filters. */
      getUserList: (params: UserListParams = {}) => {
        const { limit: _limit, offset: _offset, orderBy: _orderBy, ...countParams } = params
        // The count runs in a child fiber and the page on this one: a fiber that waited on I/O can outlive its end
        // until V8's next full GC, and a child's Exit would keep the whole page (and its JSON) alive with it.
        return Effect.flatMap(Effect.fork(getCount(countParams)), (count) =>
          Effect.zipWith(
            Effect.onError(listUsers(params), () => Fiber.interrupt(count)),
            Fiber.join(count),
            (data, totalCount): Paginated<User> => ({ data, totalCount })
          )
        )
      },
      /** Every user matching the filters, page by page (`GET /users`, no count request). */
      getUserListStream: (params: StreamParams<UserListParams> = {}) =>
        streamPages(USER_PAGE, (page) => Effect.map(listUsers({ ...params, ...page }), (data) => ({ data }))),
      /** `GET /users/{user_id}` */
      getUser: byUser(GetUser, User),
      /** `POST /users` */
      createUser: (params: CreateUserParams) => bound.decode(CreateUser, { body: params }),
      /**
       * `PATCH /users/{user_id}`; with (deprecated) metadata fields, the other fields are PATCHed first (if any)
       * and the metadata is then replaced with `PUT /users/{user_id}/metadata`.
       */
      updateUser: (userId: string, params: UpdateUserParams = {}) => {
        const { privateMetadata, publicMetadata, unsafeMetadata, ...fields } = params
        const hasMetadata =
          publicMetadata !== undefined || privateMetadata !== undefined || unsafeMetadata !== undefined
        return updateWithMetadata(
          bound,
          {
            update: UpdateUser,
            replaceMetadata: ReplaceUserMetadata,
            pathParams: { user_id: userId }
          },
          fields,
          hasMetadata ? { publicMetadata, privateMetadata, unsafeMetadata } : undefined,
          User
        )
      },
      /** `PUT /users/{user_id}/email_address` */
      replaceUserEmailAddress: (userId: string, params: ReplaceUserEmailAddressParams) =>
        withBody(ReplaceUserEmailAddress, userId, params, EmailAddress),
      /** `PUT /users/{user_id}/phone_number` */
      replaceUserPhoneNumber: (userId: string, params: ReplaceUserPhoneNumberParams) =>
        withBody(ReplaceUserPhoneNumber, userId, params, PhoneNumber),
      /** `POST /users/{user_id}/profile_image` (multipart, field `file`) */
      updateUserProfileImage: (userId: string, params: UpdateUserProfileImageParams) =>
        Effect.flatMap(uploadForm(params.file), (formData) =>
          bound.decode(SetUserProfileImage, {
            pathParams: { user_id: userId },
            formData
          })
        ),
      /** `PATCH /users/{user_id}/metadata` (deep merge; `null` removes a key) */
      updateUserMetadata: (userId: string, params: UserMetadataParams) =>
        withBody(UpdateUserMetadata, userId, params, User),
      /** `PUT /users/{user_id}/metadata` (each given field is replaced whole; `{}` clears it) */
      replaceUserMetadata: (userId: string, params: UserMetadataParams) =>
        withBody(ReplaceUserMetadata, userId, params, User),
      /** `DELETE /users/{user_id}` */
      deleteUser: byUser(DeleteUser, DeletedObject),
      /** `GET /users/count`: the number of users matching the filters. */
      getCount,
      /** `GET /users/{user_id}/oauth_access_tokens/oauth_<provider>` (sends `paginated=true`) */
      getUserOauthAccessToken,
      /** Every OAuth access token of the user for the provider, page by page. */
      getUserOauthAccessTokenStream: (userId: string, provider: string) =>
        streamPages(OAUTH_TOKEN_PAGE, (page) => getUserOauthAccessToken(userId, provider, page)),
      /** `DELETE /users/{user_id}/mfa` */
      disableUserMFA: byUser(DisableMFA, DeleteBackupCodeResponse),
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
        withBody(RemoveUserPassword, userId, params, User),
      /** `POST /users/{user_id}/verify_password` */
      verifyPassword: ({ password, userId }: VerifyPasswordParams) =>
        withBody(VerifyPassword, userId, { password }, VerifyPasswordResponse),
      /** `POST /users/{user_id}/verify_totp` */
      verifyTOTP: ({ code, userId }: VerifyTOTPParams) => withBody(VerifyTOTP, userId, { code }, VerifyTOTPResponse),
      /** `POST /users/{user_id}/ban` */
      banUser: byUser(BanUser, User),
      /** `POST /users/{user_id}/unban` */
      unbanUser: byUser(UnbanUser, User),
      /** `POST /users/ban`: bans up to 50 users at once. */
      banUsers: bulk(UsersBan),
      /** `POST /users/unban`: lifts the ban of up to 50 users at once. */
      unbanUsers: bulk(UsersUnban),
      /** `POST /users/{user_id}/lock` */
      lockUser: byUser(LockUser, User),
      /** `POST /users/{user_id}/unlock` */
      unlockUser: byUser(UnlockUser, User),
      /** `DELETE /users/{user_id}/profile_image` */
      deleteUserProfileImage: byUser(DeleteUserProfileImage, User),
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
      deleteUserBackupCodes: byUser(DeleteBackupCode, DeleteBackupCodeResponse),
      /** `DELETE /users/{user_id}/totp` */
      deleteUserTOTP: byUser(DeleteTOTP, DeleteBackupCodeResponse),
      /** `POST /users/{user_id}/password/set_compromised` */
      setPasswordCompromised: (userId: string, params: SetPasswordCompromisedParams = { revokeAllSessions: false }) =>
        withBody(SetUserPasswordCompromised, userId, params, User),
      /** `POST /users/{user_id}/password/unset_compromised` */
      unsetPasswordCompromised: byUser(UnsetUserPasswordCompromised, User),
      /** `GET /users/{user_id}/billing/credits` */
      getUserBillingCreditBalance: byUser(GetUserBillingCreditBalance, CommerceCreditBalanceResponse),
      /** `POST /users/{user_id}/billing/credits` */
      adjustUserBillingCreditBalance: (userId: string, params: AdjustBillingCreditBalanceParams) =>
        withBody(AdjustUserBillingCreditBalance, userId, params, CommerceCreditLedgerResponse),
      /** `GET /users/{user_id}/trusted_devices` */
      getUserTrustedDeviceList: byUser(ListUserTrustedDevices, TrustedDeviceList),
      /** `DELETE /users/{user_id}/trusted_devices/{trusted_device_id}` */
      revokeUserTrustedDevice: ({ trustedDeviceId, userId }: RevokeUserTrustedDeviceParams) =>
        revokeTrustedDevice(userId, trustedDeviceId)
    }
  })
}) {}
