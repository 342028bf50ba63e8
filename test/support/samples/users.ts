/**
 * The `users` area: one valid call per spec operation (for the operations table), and realistic wire payloads the
 * users tests answer with.
 */
import { Layer } from "effect"
import * as FakeHttp from "../../../src/testing/FakeHttp.js"
import type { ClerkClient } from "../../../src/promise/createClerkClient.js"
import type * as BackendApi from "../../../src/services/BackendApi.js"
import type * as ClerkConfig from "../../../src/services/ClerkConfig.js"
import {
  expectSameOutcome,
  expectSameRequests,
  type ReferenceClient,
  type Responder,
  runBoth
} from "../differential.js"
import { pipelineLayer } from "../pipeline.js"

/** One call written once for both clients (their argument shapes are the same). */
export type Call = (c: ReferenceClient | ClerkClient) => Promise<unknown>

/** Runs `call` on both clients and expects the same requests and the same data. */
export const same = async (responder: Responder, call: Call) => {
  const result = await runBoth(responder, call, call)
  expectSameRequests(result)
  expectSameOutcome(result)
  return result
}

/** A resource service layer over the pipeline and a scripted fake HTTP client (with its Recorder), no retries. */
export const overFakeHttp = <S, E>(
  service: Layer.Layer<S, E, BackendApi.BackendApi>,
  handler: FakeHttp.FakeHandler,
  options: ClerkConfig.ClerkOptions = {}
) =>
  service.pipe(
    Layer.provideMerge(pipelineLayer(handler, { secretKey: "sk_test_resourceSuiteSecret00", retry: false, ...options }))
  )

export { failureOf, recorded } from "../pipeline.js"

/**
 * A differential responder from a table keyed `"METHOD /v1/path"`: a value answers 200 with it as JSON, a function
 * answers with what it returns. Anything else gets a Clerk-style 404.
 */
export const respond =
  (table: Readonly<Record<string, unknown>>): Responder =>
  ({ method, path, url }) => {
    const entry = table[`${method} ${path}`]
    if (entry === undefined) {
      return FakeHttp.clerkError(404, [{ code: "resource_not_found", message: `no route for ${method} ${path}` }])
    }
    return typeof entry === "function" ? (entry as (url: URL) => FakeHttp.FakeResponse)(url) : FakeHttp.json(200, entry)
  }

const USER_ID = "user_2ada0Lovelace00000000000"

/** A verified email address (email code). */
export const emailAddressJson = {
  id: "idn_2adaEmail000000000000000",
  object: "email_address",
  email_address: "ada@example.com",
  reserved: false,
  verification: {
    object: "verification_otp",
    status: "verified",
    strategy: "email_code",
    attempts: 1,
    expire_at: 1700000600000
  },
  linked_to: [],
  matches_sso_connection: false,
  created_at: 1700000000000,
  updated_at: 1700000000000
}

/** An address verified through Google, linked to the external account. */
const googleEmailJson = {
  id: "idn_2adaGoogleEmail0000000000",
  object: "email_address",
  email_address: "ada.lovelace@gmail.com",
  reserved: false,
  verification: {
    object: "verification_from_oauth",
    status: "verified",
    strategy: "from_oauth_google",
    attempts: null,
    expire_at: null
  },
  linked_to: [{ type: "oauth_google", id: "idn_2adaGoogleAccount00000000" }],
  created_at: 1700000000000,
  updated_at: 1700000100000
}

/** A verified phone number, the default second factor. */
export const phoneNumberJson = {
  id: "idn_2adaPhone000000000000000",
  object: "phone_number",
  phone_number: "+15555550100",
  reserved_for_second_factor: true,
  default_second_factor: true,
  reserved: false,
  verification: {
    object: "verification_otp",
    status: "verified",
    strategy: "phone_code",
    attempts: 2,
    expire_at: 1700000600000
  },
  linked_to: [],
  backup_codes: null,
  created_at: 1700000000000,
  updated_at: 1700000000000
}

const web3WalletJson = {
  id: "idn_2adaWallet00000000000000",
  object: "web3_wallet",
  web3_wallet: "0x0123456789abcdef0123456789abcdef01234567",
  verification: {
    object: "verification_web3",
    status: "verified",
    strategy: "web3_metamask_signature",
    nonce: "nonce_8f2a",
    message: null,
    attempts: 1,
    expire_at: 1700000600000
  },
  created_at: 1700000000000,
  updated_at: 1700000000000
}

const googleAccountJson = {
  object: "external_account",
  id: "idn_2adaGoogleAccount00000000",
  provider: "oauth_google",
  identification_id: "idn_2adaGoogleEmail0000000000",
  provider_user_id: "104629518123456789012",
  approved_scopes: "email openid profile",
  email_address: "ada.lovelace@gmail.com",
  email_address_verified: true,
  first_name: "Ada",
  last_name: "Lovelace",
  image_url: "https://img.clerk.com/google-ada.png",
  username: null,
  phone_number: null,
  public_metadata: { team: "analytical-engine" },
  label: null,
  created_at: 1700000000000,
  updated_at: 1700000100000,
  verification: {
    object: "verification_oauth",
    status: "verified",
    strategy: "oauth_google",
    external_verification_redirect_url: "https://accounts.google.com/o/oauth2/v2/auth?client_id=abc&state=xyz",
    attempts: null,
    expire_at: 1700000900000
  }
}

const enterpriseAccountJson = {
  id: "eac_2adaEnterprise00000000000",
  object: "enterprise_account",
  protocol: "saml",
  provider: "saml_okta",
  active: true,
  email_address: "ada@analytical.example",
  first_name: "Ada",
  last_name: "Lovelace",
  provider_user_id: "00u1abcd",
  enterprise_connection_id: "entconn_2adaOkta00000000000",
  public_metadata: {},
  verification: {
    object: "verification_saml",
    status: "verified",
    strategy: "saml",
    attempts: null,
    expire_at: 1700000900000
  },
  enterprise_connection: {
    id: "entconn_2adaOkta00000000000",
    protocol: "saml",
    provider: "saml_okta",
    name: "Analytical Okta",
    logo_public_url: null,
    domains: ["analytical.example"],
    active: true,
    sync_user_attributes: true,
    allow_subdomains: false,
    allow_idp_initiated: false,
    disable_additional_identifications: false,
    created_at: 1690000000000,
    updated_at: 1690000000000
  },
  last_authenticated_at: 1700000200000
}

/** A rich user: two emails, a phone, a wallet, a Google account, an enterprise account, a passkey and metadata. */
export const userJson = {
  id: USER_ID,
  object: "user",
  external_id: "crm-1815",
  primary_email_address_id: emailAddressJson.id,
  primary_phone_number_id: phoneNumberJson.id,
  primary_web3_wallet_id: web3WalletJson.id,
  username: "ada",
  first_name: "Ada",
  last_name: "Lovelace",
  locale: "en-GB",
  image_url: "https://img.clerk.com/ada.png",
  has_image: true,
  public_metadata: { plan: "pro", limits: { seats: 5, nested_key: true } },
  private_metadata: { stripe_customer_id: "cus_9s8d7f" },
  unsafe_metadata: { onboarded: true },
  email_addresses: [emailAddressJson, googleEmailJson],
  phone_numbers: [phoneNumberJson],
  web3_wallets: [web3WalletJson],
  passkeys: [
    {
      id: "idn_2adaPasskey0000000000000",
      object: "passkey",
      name: "MacBook Touch ID",
      last_used_at: 1700000300000,
      verification: {
        object: "verification_passkey",
        status: "verified",
        strategy: "passkey",
        attempts: 1,
        expire_at: null
      }
    }
  ],
  password_enabled: true,
  two_factor_enabled: true,
  totp_enabled: true,
  backup_code_enabled: true,
  mfa_enabled_at: 1700000050000,
  mfa_disabled_at: null,
  password_last_updated_at: 1700000040000,
  external_accounts: [googleAccountJson],
  saml_accounts: [],
  enterprise_accounts: [enterpriseAccountJson],
  last_sign_in_at: 1700000400000,
  banned: false,
  locked: false,
  lockout_expires_in_seconds: null,
  verification_attempts_remaining: 100,
  updated_at: 1700000500000,
  created_at: 1700000000000,
  delete_self_enabled: true,
  create_organization_enabled: true,
  create_organizations_limit: 3,
  last_active_at: 1700000450000,
  legal_accepted_at: 1700000000000,
  timezone: "Europe/London"
}

/** A sparse user: no names, no identifiers, optional fields left out. */
export const sparseUserJson = {
  id: "user_2sparse000000000000000000",
  object: "user",
  external_id: null,
  primary_email_address_id: null,
  primary_phone_number_id: null,
  primary_web3_wallet_id: null,
  username: null,
  first_name: null,
  last_name: null,
  image_url: "https://img.clerk.com/default.png",
  has_image: false,
  public_metadata: {},
  email_addresses: [],
  phone_numbers: [],
  web3_wallets: [],
  passkeys: [],
  password_enabled: false,
  two_factor_enabled: false,
  totp_enabled: false,
  backup_code_enabled: false,
  mfa_enabled_at: null,
  mfa_disabled_at: null,
  external_accounts: [],
  saml_accounts: [],
  enterprise_accounts: [],
  last_sign_in_at: null,
  banned: true,
  locked: false,
  lockout_expires_in_seconds: null,
  verification_attempts_remaining: null,
  updated_at: 1700000000000,
  created_at: 1700000000000,
  delete_self_enabled: false,
  create_organization_enabled: false,
  last_active_at: null,
  legal_accepted_at: null
}

/** A user with another id (for list pages). */
export const userWithId = (id: string) => ({ ...userJson, id })

/** One valid call per spec operation of the `users` area, keyed by operationId. */
export const samples: Record<string, (client: ClerkClient) => Promise<unknown>> = {
  GetUserList: (c) => c.users.getUserList({ limit: 10, emailAddress: ["ada@example.com"] }),
  GetUsersCount: (c) => c.users.getCount({ query: "ada" }),
  GetUser: (c) => c.users.getUser(USER_ID),
  CreateUser: (c) => c.users.createUser({ emailAddress: ["ada@example.com"], firstName: "Ada" }),
  UpdateUser: (c) => c.users.updateUser(USER_ID, { firstName: "Augusta" }),
  DeleteUser: (c) => c.users.deleteUser(USER_ID),
  ReplaceUserEmailAddress: (c) => c.users.replaceUserEmailAddress(USER_ID, { emailAddress: "ada@example.org" }),
  ReplaceUserPhoneNumber: (c) => c.users.replaceUserPhoneNumber(USER_ID, { phoneNumber: "+15555550101" }),
  SetUserProfileImage: (c) =>
    c.users.updateUserProfileImage(USER_ID, { file: new Blob(["png"], { type: "image/png" }) }),
  DeleteUserProfileImage: (c) => c.users.deleteUserProfileImage(USER_ID),
  UpdateUserMetadata: (c) => c.users.updateUserMetadata(USER_ID, { publicMetadata: { plan: "pro" } }),
  ReplaceUserMetadata: (c) => c.users.replaceUserMetadata(USER_ID, { privateMetadata: {} }),
  GetOAuthAccessToken: (c) => c.users.getUserOauthAccessToken(USER_ID, "google"),
  DisableMFA: (c) => c.users.disableUserMFA(USER_ID),
  UsersGetOrganizationMemberships: (c) => c.users.getOrganizationMembershipList({ userId: USER_ID, limit: 20 }),
  UsersGetOrganizationInvitations: (c) => c.users.getOrganizationInvitationList({ userId: USER_ID, status: "pending" }),
  RemoveUserPassword: (c) => c.users.removePassword(USER_ID, { signOutOfOtherSessions: true }),
  VerifyPassword: (c) => c.users.verifyPassword({ userId: USER_ID, password: "correct horse battery staple" }),
  VerifyTOTP: (c) => c.users.verifyTOTP({ userId: USER_ID, code: "123456" }),
  BanUser: (c) => c.users.banUser(USER_ID),
  UnbanUser: (c) => c.users.unbanUser(USER_ID),
  UsersBan: (c) => c.users.banUsers([USER_ID, "user_2other"]),
  UsersUnban: (c) => c.users.unbanUsers([USER_ID]),
  LockUser: (c) => c.users.lockUser(USER_ID),
  UnlockUser: (c) => c.users.unlockUser(USER_ID),
  UserPasskeyDelete: (c) => c.users.deleteUserPasskey({ userId: USER_ID, passkeyIdentificationId: "idn_passkey" }),
  UserWeb3WalletDelete: (c) =>
    c.users.deleteUserWeb3Wallet({ userId: USER_ID, web3WalletIdentificationId: "idn_wallet" }),
  DeleteExternalAccount: (c) => c.users.deleteUserExternalAccount({ userId: USER_ID, externalAccountId: "eac_google" }),
  DeleteBackupCode: (c) => c.users.deleteUserBackupCodes(USER_ID),
  DeleteTOTP: (c) => c.users.deleteUserTOTP(USER_ID),
  SetUserPasswordCompromised: (c) => c.users.setPasswordCompromised(USER_ID, { revokeAllSessions: true }),
  UnsetUserPasswordCompromised: (c) => c.users.unsetPasswordCompromised(USER_ID),
  GetUserBillingCreditBalance: (c) => c.users.getUserBillingCreditBalance(USER_ID),
  AdjustUserBillingCreditBalance: (c) =>
    c.users.adjustUserBillingCreditBalance(USER_ID, { amount: 500, action: "increase", idempotencyKey: "adj-1" }),
  ListUserTrustedDevices: (c) => c.users.getUserTrustedDeviceList(USER_ID),
  RevokeUserTrustedDevice: (c) => c.users.revokeUserTrustedDevice({ userId: USER_ID, trustedDeviceId: "td_1" })
}
