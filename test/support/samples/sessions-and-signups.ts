/**
 * Batch A (sessions, clients, invitations, allow/blocklists, domains, email addresses, phone numbers, redirect URLs,
 * sign-in tokens, sign-ups, testing tokens, waitlist, webhooks, actor tokens, agent tasks, beta features, proxy checks,
 * emails, accountless applications, JWT templates, templates): one valid call per spec operation (for
 * the operations table), and the wire payloads the batch A tests answer with.
 */
import { fixtures } from "../../../src/models/generated/fixtures.js"
import type { ClerkClient } from "../../../src/promise/createClerkClient.js"

type Json = Record<string, unknown>
const fixture = (name: string): Json => ({ ...(fixtures[name] as Json) })

export const USER_ID = "user_2batchA00000000000000000"
export const SESSION_ID = "sess_2batchA00000000000000000"
export const CLIENT_ID = "client_2batchA0000000000000000"

/** Wire payloads, keyed by what they are. */
export const wire = {
  session: {
    ...fixture("Session"),
    id: SESSION_ID,
    user_id: USER_ID,
    client_id: CLIENT_ID,
    last_active_organization_id: "org_2batchA00000000000000000",
    latest_activity: { ...fixture("SessionActivityResponse"), id: "sess_act_1", is_mobile: true, city: "London" }
  },
  /** A session as older API versions send it: no `actor`, `tasks` or `latest_activity` (actor reads as `null`). */
  sparseSession: {
    object: "session",
    id: "sess_2sparse0000000000000000",
    user_id: USER_ID,
    client_id: CLIENT_ID,
    status: "ended",
    last_active_at: 1700000000000,
    expire_at: 1700600000000,
    abandon_at: 1702000000000,
    updated_at: 1700000000000,
    created_at: 1700000000000
  },
  token: { object: "token", jwt: "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyXzEifQ.c2ln" },
  cookies: { object: "cookies", cookies: ["__session=abc; Path=/; Secure", "__client_uat=1700000000; Path=/"] },
  client: { ...fixture("Client"), id: CLIENT_ID, session_ids: [SESSION_ID] },
  handshake: { directives: ["__session=abc; Path=/", "__client_uat=1700000000; Path=/"] },
  invitation: {
    ...fixture("Invitation"),
    id: "inv_2batchA000000000000000000",
    email_address: "grace@example.com",
    public_metadata: { team: "compilers" },
    url: "https://accounts.example.com/sign-up?__clerk_ticket=abc",
    expires_at: 1702592000000
  },
  allowlistIdentifier: { ...fixture("AllowlistIdentifier"), identifier: "*@example.com" },
  blocklistIdentifier: { ...fixture("BlocklistIdentifier"), identifier: "spam@example.com" },
  domain: {
    ...fixture("Domain"),
    name: "satellite.example.com",
    is_satellite: true,
    cname_targets: [{ host: "clerk.satellite.example.com", value: "frontend-api.clerk.services", required: true }]
  },
  emailAddress: {
    ...fixture("EmailAddress"),
    id: "idn_2batchAemail0000000000000",
    email_address: "grace@example.com",
    verification: { object: "verification_otp", status: "verified", strategy: "email_code", attempts: 1, expire_at: 1 }
  },
  phoneNumber: {
    ...fixture("PhoneNumber"),
    id: "idn_2batchAphone0000000000000",
    verification: {
      object: "verification_admin",
      status: "verified",
      strategy: "admin",
      attempts: null,
      expire_at: null
    }
  },
  verification: {
    ...fixture("VerificationResponse"),
    object: "verification",
    status: "unverified",
    strategy: "email_code",
    attempts: 0,
    expire_at: 1700000600000
  },
  redirectUrl: { ...fixture("RedirectURL"), url: "my-app://oauth-callback" },
  signInToken: { ...fixture("SignInToken"), user_id: USER_ID, url: "https://accounts.example.com/sign-in?t=abc" },
  signUp: {
    ...fixture("SignUp"),
    verifications: {
      email_address: { next_action: "needs_attempt", supported_strategies: ["email_code"] },
      phone_number: null,
      web3_wallet: null,
      external_account: null
    }
  },
  testingToken: fixture("TestingToken"),
  waitlistEntry: {
    ...fixture("WaitlistEntry"),
    id: "wle_2batchA00000000000000000",
    email_address: "grace@example.com"
  },
  svixUrl: { svix_url: "https://app.svix.com/login#key=abc" },
  actorToken: { ...fixture("ActorToken"), user_id: USER_ID, actor: { sub: "user_2support000000000000000" } },
  agentTask: {
    object: "agent_task",
    agent_id: "agent_1",
    agent_task_id: "at_1",
    task_id: "at_1",
    url: "https://x.example"
  },
  proxyCheck: { ...fixture("ProxyCheck"), successful: true, last_run_at: 1700000000000 },
  jwtTemplate: {
    ...fixture("JWTTemplate"),
    name: "hasura",
    claims: { "https://hasura.io/jwt/claims": { role: "user" } }
  },
  template: { ...fixture("Template"), template_type: "email", slug: "verification_code", from_email_name: "verify" },
  instanceSettings: fixture("InstanceSettings"),
  email: {
    object: "email",
    id: "ema_2batchA00000000000000000",
    slug: null,
    from_email_name: "support",
    to_email_address: "grace@example.com",
    email_address_id: null,
    user_id: null,
    subject: "Your receipt",
    body: "<p>Thanks</p>",
    body_plain: "Thanks",
    status: "accepted",
    data: null,
    delivered_by_clerk: true,
    suppression_reason: null
  },
  accountlessApplication: {
    object: "accountless_application",
    publishable_key: "pk_test_Y2xlcmsuZXhhbXBsZS5jb20k",
    secret_key: "sk_test_accountlessSecret000000",
    claim_url: "https://dashboard.clerk.com/apps/claim?token=abc",
    api_keys_url: "https://dashboard.clerk.com/apps/keys"
  },
  deleted: (object: string, id: string): Json => ({ object, id, deleted: true })
} as const

/** Wraps items as a list page. */
export const page = (items: ReadonlyArray<unknown>, totalCount = items.length) => ({
  data: items,
  total_count: totalCount
})

const emailParams = {
  to: { address: "grace@example.com" },
  from: { address: "support@example.com" },
  subject: "Your receipt",
  text: "Thanks"
} as const

/** One valid call per spec operation of batch A. */
export const samples: Record<string, (client: ClerkClient) => Promise<unknown>> = {
  GetSessionList: (c) => c.sessions.getSessionList({ userId: USER_ID, limit: 10 }),
  createSession: (c) => c.sessions.createSession({ userId: USER_ID }),
  GetSession: (c) => c.sessions.getSession(SESSION_ID),
  RevokeSession: (c) => c.sessions.revokeSession(SESSION_ID),
  RefreshSession: (c) =>
    c.sessions.refreshSession(SESSION_ID, {
      expired_token: "expired.jwt",
      refresh_token: "refresh",
      request_origin: "https://example.com"
    }),
  CreateSessionToken: (c) => c.sessions.getToken(SESSION_ID),
  CreateSessionTokenFromTemplate: (c) => c.sessions.getToken(SESSION_ID, "hasura", 60),
  GetClientList: (c) => c.clients.getClientList({ limit: 10 }),
  GetClient: (c) => c.clients.getClient(CLIENT_ID),
  VerifyClient: (c) => c.clients.verifyClient("client.jwt"),
  ListInvitations: (c) => c.invitations.getInvitationList({ status: "pending" }),
  CreateInvitation: (c) => c.invitations.createInvitation({ emailAddress: "grace@example.com" }),
  CreateBulkInvitations: (c) => c.invitations.createInvitationBulk([{ emailAddress: "grace@example.com" }]),
  RevokeInvitation: (c) => c.invitations.revokeInvitation("inv_1"),
  ListAllowlistIdentifiers: (c) => c.allowlistIdentifiers.getAllowlistIdentifierList({ limit: 10 }),
  CreateAllowlistIdentifier: (c) =>
    c.allowlistIdentifiers.createAllowlistIdentifier({ identifier: "*@example.com", notify: false }),
  DeleteAllowlistIdentifier: (c) => c.allowlistIdentifiers.deleteAllowlistIdentifier("alid_1"),
  ListBlocklistIdentifiers: (c) => c.blocklistIdentifiers.getBlocklistIdentifierList(),
  CreateBlocklistIdentifier: (c) =>
    c.blocklistIdentifiers.createBlocklistIdentifier({ identifier: "spam@example.com" }),
  DeleteBlocklistIdentifier: (c) => c.blocklistIdentifiers.deleteBlocklistIdentifier("blid_1"),
  ListDomains: (c) => c.domains.list(),
  AddDomain: (c) => c.domains.add({ name: "satellite.example.com", is_satellite: true }),
  UpdateDomain: (c) => c.domains.update({ domainId: "dmn_1", proxy_url: null }),
  DeleteDomain: (c) => c.domains.delete("dmn_1"),
  GetEmailAddress: (c) => c.emailAddresses.getEmailAddress("idn_1"),
  CreateEmailAddress: (c) =>
    c.emailAddresses.createEmailAddress({ userId: USER_ID, emailAddress: "grace@example.com" }),
  UpdateEmailAddress: (c) => c.emailAddresses.updateEmailAddress("idn_1", { primary: true }),
  DeleteEmailAddress: (c) => c.emailAddresses.deleteEmailAddress("idn_1"),
  PrepareEmailAddressVerification: (c) => c.emailAddresses.prepareEmailAddressVerification("idn_1"),
  AttemptEmailAddressVerification: (c) =>
    c.emailAddresses.attemptEmailAddressVerification("idn_1", { verificationId: "ver_1", code: "424242" }),
  GetPhoneNumber: (c) => c.phoneNumbers.getPhoneNumber("idn_2"),
  CreatePhoneNumber: (c) => c.phoneNumbers.createPhoneNumber({ userId: USER_ID, phoneNumber: "+15555550100" }),
  UpdatePhoneNumber: (c) => c.phoneNumbers.updatePhoneNumber("idn_2", { reservedForSecondFactor: true }),
  DeletePhoneNumber: (c) => c.phoneNumbers.deletePhoneNumber("idn_2"),
  PreparePhoneNumberVerification: (c) => c.phoneNumbers.preparePhoneNumberVerification("idn_2"),
  AttemptPhoneNumberVerification: (c) =>
    c.phoneNumbers.attemptPhoneNumberVerification("idn_2", { verificationId: "ver_2", code: "424242" }),
  ListRedirectURLs: (c) => c.redirectUrls.getRedirectUrlList(),
  GetRedirectURL: (c) => c.redirectUrls.getRedirectUrl("ru_1"),
  CreateRedirectURL: (c) => c.redirectUrls.createRedirectUrl({ url: "my-app://oauth-callback" }),
  DeleteRedirectURL: (c) => c.redirectUrls.deleteRedirectUrl("ru_1"),
  CreateSignInToken: (c) => c.signInTokens.createSignInToken({ userId: USER_ID, expiresInSeconds: 600 }),
  RevokeSignInToken: (c) => c.signInTokens.revokeSignInToken("sit_1"),
  GetSignUp: (c) => c.signUps.get("sua_1"),
  UpdateSignUp: (c) => c.signUps.update({ signUpAttemptId: "sua_1", externalId: "ext_1" }),
  CreateTestingToken: (c) => c.testingTokens.createTestingToken(),
  ListWaitlistEntries: (c) => c.waitlistEntries.list({ status: "pending" }),
  CreateWaitlistEntry: (c) => c.waitlistEntries.create({ emailAddress: "grace@example.com" }),
  CreateBulkWaitlistEntries: (c) =>
    c.waitlistEntries.createBulk([{ emailAddress: "grace@example.com", notify: false }]),
  InviteWaitlistEntry: (c) => c.waitlistEntries.invite("wle_1", { ignoreExisting: true }),
  RejectWaitlistEntry: (c) => c.waitlistEntries.reject("wle_1"),
  DeleteWaitlistEntry: (c) => c.waitlistEntries.delete("wle_1"),
  CreateSvixApp: (c) => c.webhooks.createSvixApp(),
  GenerateSvixAuthURL: (c) => c.webhooks.generateSvixAuthURL(),
  DeleteSvixApp: (c) => c.webhooks.deleteSvixApp(),
  CreateActorToken: (c) => c.actorTokens.create({ userId: USER_ID, actor: { sub: "user_support" } }),
  RevokeActorToken: (c) => c.actorTokens.revoke("act_1"),
  CreateAgentTask: (c) =>
    c.agentTasks.create({
      onBehalfOf: { userId: USER_ID },
      permissions: "*",
      agentName: "tester",
      taskDescription: "check out",
      redirectUrl: "https://example.com/done"
    }),
  RevokeAgentTask: (c) => c.agentTasks.revoke("at_1"),
  UpdateInstanceAuthConfig: (c) => c.betaFeatures.updateInstanceSettings({ testMode: false }),
  UpdateProductionInstanceDomain: (c) =>
    c.betaFeatures.updateProductionInstanceDomain({ homeUrl: "https://www.example.com" }),
  ChangeProductionInstanceDomain: (c) =>
    c.betaFeatures.changeProductionInstanceDomain({ homeUrl: "https://www.example.com", isSecondary: false }),
  VerifyDomainProxy: (c) => c.proxyChecks.verify({ domainId: "dmn_1", proxyUrl: "https://example.com/__clerk" }),
  ListJWTTemplates: (c) => c.jwtTemplates.list({ limit: 10 }),
  GetJWTTemplate: (c) => c.jwtTemplates.get("jtmp_1"),
  CreateJWTTemplate: (c) => c.jwtTemplates.create({ name: "hasura", claims: { role: "user" } }),
  UpdateJWTTemplate: (c) => c.jwtTemplates.update({ templateId: "jtmp_1", name: "hasura", claims: { role: "admin" } }),
  DeleteJWTTemplate: (c) => c.jwtTemplates.delete("jtmp_1"),
  GetTemplateList: (c) => c.templates.getTemplateList({ templateType: "email" }),
  GetTemplate: (c) => c.templates.getTemplate({ templateType: "email", slug: "verification_code" }),
  UpsertTemplate: (c) =>
    c.templates.upsertTemplate({ templateType: "sms", slug: "verification_code", body: "{{otp}}" }),
  PreviewTemplate: (c) => c.templates.previewTemplate({ templateType: "email", slug: "invitation", subject: "Hi" }),
  RevertTemplate: (c) => c.templates.revertTemplate({ templateType: "email", slug: "invitation" }),
  ToggleTemplateDelivery: (c) =>
    c.templates.toggleTemplateDelivery({ templateType: "sms", slug: "verification_code", deliveredByClerk: false })
}

/** `@clerk/backend` methods whose request matches no spec operation. */
export const extraSamples: Record<string, (client: ClerkClient) => Promise<unknown>> = {
  "sessions.verifySession": (c) => c.sessions.verifySession(SESSION_ID, "session.jwt"),
  "clients.getHandshakePayload": (c) => c.clients.getHandshakePayload({ nonce: "nonce_1" }),
  "invitations.deleteInvitation": (c) => c.invitations.deleteInvitation("inv_1"),
  "betaFeatures.changeDomain": (c) => c.betaFeatures.changeDomain({ homeUrl: "https://www.example.com" }),
  "emails.create": (c) => c.emails.create(emailParams, { idempotencyKey: "receipt_1" }),
  "emails.createBatch": (c) => c.emails.createBatch([{ ...emailParams, idempotencyKey: "receipt_2" }]),
  "emails.get": (c) => c.emails.get("ema_1"),
  "__experimental_accountlessApplications.createAccountlessApplication": (c) =>
    c.__experimental_accountlessApplications.createAccountlessApplication({ source: "nextjs" }),
  "__experimental_accountlessApplications.completeAccountlessApplicationOnboarding": (c) =>
    c.__experimental_accountlessApplications.completeAccountlessApplicationOnboarding()
}
