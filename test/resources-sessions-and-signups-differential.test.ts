/**
 * Batch A against `@clerk/backend` 3.25.0: every method sends the same requests and returns the same data. Where the
 * design deliberately differs (falsy query values sent, empty ids rejected, void results), the test says so.
 */
import { describe, expect, it } from "vitest"
import * as FakeHttp from "../src/testing/FakeHttp.js"
import type { ClerkClient } from "../src/promise/createClerkClient.js"
import {
  expectSameOutcome,
  expectSameRequests,
  type ReferenceClient,
  type Responder,
  runBoth,
  runOurs
} from "./support/differential.js"
import { CLIENT_ID, page, SESSION_ID, USER_ID, wire } from "./support/samples/sessions-and-signups.js"
import { respond } from "./support/samples/users.js"

type Call = (c: ReferenceClient | ClerkClient) => Promise<unknown>

/** One differential case: the route the fake answers, its JSON body, and the call made on both clients. */
interface Case {
  readonly name: string
  readonly route: string
  readonly body: unknown
  readonly call: Call
}

/** Runs the call on both clients; expects the same requests, the same data, and that ours succeeded. */
const same = async (responder: Responder, call: Call) => {
  const result = await runBoth(responder, call, call)
  expectSameRequests(result)
  expectSameOutcome(result)
  expect(result.ours.error).toBeUndefined()
  expect(result.ours.requests.length).toBeGreaterThan(0)
  return result
}

const runCases = (cases: ReadonlyArray<Case>) => {
  for (const { body, call, name, route } of cases) {
    it(name, async () => {
      await same(respond({ [route]: body }), call)
    })
  }
}

const S = `/v1/sessions/${SESSION_ID}`
const refresh = {
  expired_token: "expired.jwt",
  refresh_token: "refresh_token_1",
  request_origin: "https://example.com",
  request_originating_ip: "203.0.113.7",
  request_headers: { "user-agent": ["Mozilla/5.0"] }
}

describe("sessions vs @clerk/backend", () => {
  runCases([
    {
      name: "getSessionList sends paginated=true and the filters",
      route: "GET /v1/sessions",
      body: page([wire.session, wire.sparseSession], 12),
      call: (c) =>
        c.sessions.getSessionList({ userId: USER_ID, clientId: CLIENT_ID, status: "active", limit: 2, offset: 4 })
    },
    { name: "getSession", route: `GET ${S}`, body: wire.session, call: (c) => c.sessions.getSession(SESSION_ID) },
    {
      name: "getSession on a sparse session reads actor as null",
      route: `GET /v1/sessions/${wire.sparseSession.id}`,
      body: wire.sparseSession,
      call: (c) => c.sessions.getSession(wire.sparseSession.id)
    },
    {
      name: "createSession",
      route: "POST /v1/sessions",
      body: wire.session,
      call: (c) => c.sessions.createSession({ userId: USER_ID })
    },
    {
      name: "revokeSession",
      route: `POST ${S}/revoke`,
      body: wire.session,
      call: (c) => c.sessions.revokeSession(SESSION_ID)
    },
    {
      name: "verifySession (outside the spec) sends { token }",
      route: `POST ${S}/verify`,
      body: wire.session,
      call: (c) => c.sessions.verifySession(SESSION_ID, "session.jwt")
    },
    {
      name: "getToken without a template",
      route: `POST ${S}/tokens`,
      body: wire.token,
      call: (c) => c.sessions.getToken(SESSION_ID)
    },
    {
      name: "getToken with a template and expires_in_seconds",
      route: `POST ${S}/tokens/hasura`,
      body: wire.token,
      call: (c) => c.sessions.getToken(SESSION_ID, "hasura", 120)
    },
    {
      name: "getToken sends expires_in_seconds: 0 in the body",
      route: `POST ${S}/tokens`,
      body: wire.token,
      call: (c) => c.sessions.getToken(SESSION_ID, undefined, 0)
    },
    {
      name: "getToken treats an empty template as none",
      route: `POST ${S}/tokens`,
      body: wire.token,
      call: (c) => c.sessions.getToken(SESSION_ID, "")
    }
  ])

  it("refreshSession moves suffixed_cookies to the query and returns a Token", async () => {
    const result = await same(respond({ [`POST ${S}/refresh`]: wire.token }), (c) =>
      c.sessions.refreshSession(SESSION_ID, { ...refresh, suffixed_cookies: true })
    )
    expect(result.ours.requests[0]?.query).toEqual([["suffixed_cookies", "true"]])
    expect(result.ours.requests[0]?.body).not.toHaveProperty("suffixed_cookies")
  })

  it("refreshSession with format: 'cookie' returns Cookies", async () => {
    const result = await same(respond({ [`POST ${S}/refresh`]: wire.cookies }), (c) =>
      c.sessions.refreshSession(SESSION_ID, { ...refresh, format: "cookie" })
    )
    expect(result.ours.result).toMatchObject({ cookies: wire.cookies.cookies })
  })
})

describe("clients vs @clerk/backend", () => {
  runCases([
    {
      name: "getClientList sends paginated=true",
      route: "GET /v1/clients",
      body: page([wire.client]),
      call: (c) => c.clients.getClientList({ limit: 1, offset: 1 })
    },
    {
      name: "getClient",
      route: `GET /v1/clients/${CLIENT_ID}`,
      body: wire.client,
      call: (c) => c.clients.getClient(CLIENT_ID)
    },
    {
      name: "verifyClient sends { token }",
      route: "POST /v1/clients/verify",
      body: wire.client,
      call: (c) => c.clients.verifyClient("client.jwt")
    },
    {
      name: "getHandshakePayload (outside the spec) sends the nonce",
      route: "GET /v1/clients/handshake_payload",
      body: wire.handshake,
      call: (c) => c.clients.getHandshakePayload({ nonce: "nonce_1" })
    }
  ])
})

describe("invitations, allowlist and blocklist vs @clerk/backend", () => {
  const createParams = {
    emailAddress: "grace@example.com",
    expiresInDays: 7,
    ignoreExisting: true,
    notify: true,
    publicMetadata: { teamName: "compilers" },
    redirectUrl: "https://example.com/welcome",
    templateSlug: "invitation" as const
  }
  runCases([
    {
      name: "getInvitationList sends paginated=true, filters and order",
      route: "GET /v1/invitations",
      body: page([wire.invitation], 3),
      call: (c) =>
        c.invitations.getInvitationList({ status: "pending", query: "grace", orderBy: "-created_at", limit: 1 })
    },
    {
      name: "createInvitation snake-cases top-level keys only",
      route: "POST /v1/invitations",
      body: wire.invitation,
      call: (c) => c.invitations.createInvitation(createParams)
    },
    {
      name: "createInvitationBulk sends a JSON array",
      route: "POST /v1/invitations/bulk",
      body: [wire.invitation, { ...wire.invitation, id: "inv_2" }],
      call: (c) => c.invitations.createInvitationBulk([createParams, { emailAddress: "alan@example.com" }])
    },
    {
      name: "revokeInvitation",
      route: "POST /v1/invitations/inv_1/revoke",
      body: { ...wire.invitation, status: "revoked", revoked: true },
      call: (c) => c.invitations.revokeInvitation("inv_1")
    },
    {
      name: "deleteInvitation (3.25.0, outside the spec)",
      route: "DELETE /v1/invitations/inv_1",
      body: wire.deleted("invitation", "inv_1"),
      call: (c) => c.invitations.deleteInvitation("inv_1")
    },
    {
      name: "getAllowlistIdentifierList sends paginated=true",
      route: "GET /v1/allowlist_identifiers",
      body: page([wire.allowlistIdentifier]),
      call: (c) => c.allowlistIdentifiers.getAllowlistIdentifierList({ limit: 10, offset: 20 })
    },
    {
      name: "createAllowlistIdentifier",
      route: "POST /v1/allowlist_identifiers",
      body: wire.allowlistIdentifier,
      call: (c) => c.allowlistIdentifiers.createAllowlistIdentifier({ identifier: "*@example.com", notify: true })
    },
    {
      name: "deleteAllowlistIdentifier",
      route: "DELETE /v1/allowlist_identifiers/alid_1",
      body: wire.deleted("allowlist_identifier", "alid_1"),
      call: (c) => c.allowlistIdentifiers.deleteAllowlistIdentifier("alid_1")
    },
    {
      name: "getBlocklistIdentifierList forwards limit/offset without paginated",
      route: "GET /v1/blocklist_identifiers",
      body: page([wire.blocklistIdentifier]),
      call: (c) => c.blocklistIdentifiers.getBlocklistIdentifierList({ limit: 5, offset: 5 })
    },
    {
      name: "createBlocklistIdentifier",
      route: "POST /v1/blocklist_identifiers",
      body: wire.blocklistIdentifier,
      call: (c) => c.blocklistIdentifiers.createBlocklistIdentifier({ identifier: "spam@example.com" })
    },
    {
      name: "deleteBlocklistIdentifier",
      route: "DELETE /v1/blocklist_identifiers/blid_1",
      body: wire.deleted("blocklist_identifier", "blid_1"),
      call: (c) => c.blocklistIdentifiers.deleteBlocklistIdentifier("blid_1")
    }
  ])
})

describe("domains, email addresses and phone numbers vs @clerk/backend", () => {
  runCases([
    { name: "domains.list", route: "GET /v1/domains", body: page([wire.domain]), call: (c) => c.domains.list() },
    {
      name: "domains.add keeps its snake_case keys",
      route: "POST /v1/domains",
      body: wire.domain,
      call: (c) =>
        c.domains.add({ name: "satellite.example.com", is_satellite: true, proxy_url: "https://p.example.com" })
    },
    {
      name: "domains.update sends null proxy_url",
      route: "PATCH /v1/domains/dmn_1",
      body: wire.domain,
      call: (c) => c.domains.update({ domainId: "dmn_1", name: "new.example.com", proxy_url: null, is_secondary: true })
    },
    {
      name: "domains.delete",
      route: "DELETE /v1/domains/dmn_1",
      body: wire.deleted("domain", "dmn_1"),
      call: (c) => c.domains.delete("dmn_1")
    },
    {
      name: "domains.deleteDomain (deprecated alias) reads a slug-less DeletedObject the same way",
      route: "DELETE /v1/domains/dmn_1",
      body: { object: "domain", deleted: true },
      call: (c) => c.domains.deleteDomain("dmn_1")
    },
    {
      name: "getEmailAddress (verification read the same way)",
      route: "GET /v1/email_addresses/idn_1",
      body: wire.emailAddress,
      call: (c) => c.emailAddresses.getEmailAddress("idn_1")
    },
    {
      name: "createEmailAddress",
      route: "POST /v1/email_addresses",
      body: wire.emailAddress,
      call: (c) =>
        c.emailAddresses.createEmailAddress({
          userId: USER_ID,
          emailAddress: "grace@example.com",
          verified: true,
          primary: false
        })
    },
    {
      name: "updateEmailAddress",
      route: "PATCH /v1/email_addresses/idn_1",
      body: wire.emailAddress,
      call: (c) => c.emailAddresses.updateEmailAddress("idn_1", { primary: true })
    },
    {
      name: "updateEmailAddress with no params sends no body",
      route: "PATCH /v1/email_addresses/idn_1",
      body: wire.emailAddress,
      call: (c) => c.emailAddresses.updateEmailAddress("idn_1")
    },
    {
      name: "deleteEmailAddress",
      route: "DELETE /v1/email_addresses/idn_1",
      body: wire.deleted("email_address", "idn_1"),
      call: (c) => c.emailAddresses.deleteEmailAddress("idn_1")
    },
    {
      name: "getPhoneNumber",
      route: "GET /v1/phone_numbers/idn_2",
      body: wire.phoneNumber,
      call: (c) => c.phoneNumbers.getPhoneNumber("idn_2")
    },
    {
      name: "createPhoneNumber",
      route: "POST /v1/phone_numbers",
      body: wire.phoneNumber,
      call: (c) =>
        c.phoneNumbers.createPhoneNumber({
          userId: USER_ID,
          phoneNumber: "+15555550100",
          verified: true,
          primary: true,
          reservedForSecondFactor: true
        })
    },
    {
      name: "updatePhoneNumber",
      route: "PATCH /v1/phone_numbers/idn_2",
      body: wire.phoneNumber,
      call: (c) => c.phoneNumbers.updatePhoneNumber("idn_2", { reservedForSecondFactor: true })
    },
    {
      name: "deletePhoneNumber",
      route: "DELETE /v1/phone_numbers/idn_2",
      body: wire.deleted("phone_number", "idn_2"),
      call: (c) => c.phoneNumbers.deletePhoneNumber("idn_2")
    }
  ])
})

describe("redirect URLs, sign-in tokens, sign-ups, testing tokens vs @clerk/backend", () => {
  runCases([
    {
      name: "getRedirectUrlList sends only paginated=true",
      route: "GET /v1/redirect_urls",
      body: page([wire.redirectUrl]),
      call: (c) => c.redirectUrls.getRedirectUrlList()
    },
    {
      name: "getRedirectUrl",
      route: "GET /v1/redirect_urls/ru_1",
      body: wire.redirectUrl,
      call: (c) => c.redirectUrls.getRedirectUrl("ru_1")
    },
    {
      name: "createRedirectUrl",
      route: "POST /v1/redirect_urls",
      body: wire.redirectUrl,
      call: (c) => c.redirectUrls.createRedirectUrl({ url: "my-app://oauth-callback" })
    },
    {
      name: "deleteRedirectUrl (a DeletedObject at runtime)",
      route: "DELETE /v1/redirect_urls/ru_1",
      body: wire.deleted("redirect_url", "ru_1"),
      call: (c) => c.redirectUrls.deleteRedirectUrl("ru_1")
    },
    {
      name: "createSignInToken",
      route: "POST /v1/sign_in_tokens",
      body: wire.signInToken,
      call: (c) => c.signInTokens.createSignInToken({ userId: USER_ID, expiresInSeconds: 600, orgId: "org_1" })
    },
    {
      name: "revokeSignInToken",
      route: "POST /v1/sign_in_tokens/sit_1/revoke",
      body: { ...wire.signInToken, status: "revoked" },
      call: (c) => c.signInTokens.revokeSignInToken("sit_1")
    },
    { name: "signUps.get", route: "GET /v1/sign_ups/sua_1", body: wire.signUp, call: (c) => c.signUps.get("sua_1") },
    {
      name: "signUps.update",
      route: "PATCH /v1/sign_ups/sua_1",
      body: wire.signUp,
      call: (c) => c.signUps.update({ signUpAttemptId: "sua_1", externalId: null, customAction: true })
    },
    {
      name: "createTestingToken (raw JSON names readable)",
      route: "POST /v1/testing_tokens",
      body: wire.testingToken,
      call: (c) => c.testingTokens.createTestingToken()
    }
  ])
})

describe("waitlist and webhooks vs @clerk/backend", () => {
  runCases([
    {
      name: "waitlistEntries.list forwards filters without paginated",
      route: "GET /v1/waitlist_entries",
      body: page([wire.waitlistEntry, { ...wire.waitlistEntry, id: "wle_2", invitation: wire.invitation }], 2),
      call: (c) =>
        c.waitlistEntries.list({ query: "grace", status: "pending", orderBy: "+email_address", limit: 2, offset: 2 })
    },
    {
      name: "waitlistEntries.create",
      route: "POST /v1/waitlist_entries",
      body: wire.waitlistEntry,
      call: (c) => c.waitlistEntries.create({ emailAddress: "grace@example.com", notify: false })
    },
    {
      name: "waitlistEntries.createBulk sends a JSON array",
      route: "POST /v1/waitlist_entries/bulk",
      body: [wire.waitlistEntry],
      call: (c) =>
        c.waitlistEntries.createBulk([
          { emailAddress: "grace@example.com" },
          { emailAddress: "a@example.com", notify: true }
        ])
    },
    {
      name: "waitlistEntries.invite",
      route: "POST /v1/waitlist_entries/wle_1/invite",
      body: { ...wire.waitlistEntry, status: "invited", invitation: wire.invitation },
      call: (c) => c.waitlistEntries.invite("wle_1", { ignoreExisting: true })
    },
    {
      name: "waitlistEntries.invite without params sends no body",
      route: "POST /v1/waitlist_entries/wle_1/invite",
      body: wire.waitlistEntry,
      call: (c) => c.waitlistEntries.invite("wle_1")
    },
    {
      name: "waitlistEntries.reject",
      route: "POST /v1/waitlist_entries/wle_1/reject",
      body: { ...wire.waitlistEntry, status: "rejected" },
      call: (c) => c.waitlistEntries.reject("wle_1")
    },
    {
      name: "waitlistEntries.delete",
      route: "DELETE /v1/waitlist_entries/wle_1",
      body: wire.deleted("waitlist_entry", "wle_1"),
      call: (c) => c.waitlistEntries.delete("wle_1")
    },
    {
      name: "createSvixApp (svix_url readable)",
      route: "POST /v1/webhooks/svix",
      body: wire.svixUrl,
      call: (c) => c.webhooks.createSvixApp()
    },
    {
      name: "generateSvixAuthURL",
      route: "POST /v1/webhooks/svix_url",
      body: wire.svixUrl,
      call: (c) => c.webhooks.generateSvixAuthURL()
    }
  ])

  it("deleteSvixApp resolves undefined on 204", async () => {
    const result = await same(
      () => ({ status: 204 }),
      (c) => c.webhooks.deleteSvixApp()
    )
    expect(result.ours.result).toBeUndefined()
    expect(result.ours.requests[0]).toMatchObject({ method: "DELETE", path: "/v1/webhooks/svix" })
  })
})

describe("actor tokens, agent tasks, proxy checks, JWT templates vs @clerk/backend", () => {
  runCases([
    {
      name: "actorTokens.create keeps nested actor keys",
      route: "POST /v1/actor_tokens",
      body: wire.actorToken,
      call: (c) =>
        c.actorTokens.create({
          userId: USER_ID,
          actor: { sub: "user_support", additionalProperties: { supportTicket: "T-1" } },
          expiresInSeconds: 3600,
          sessionMaxDurationInSeconds: 1800
        })
    },
    {
      name: "actorTokens.revoke",
      route: "POST /v1/actor_tokens/act_1/revoke",
      body: { ...wire.actorToken, status: "revoked" },
      call: (c) => c.actorTokens.revoke("act_1")
    },
    {
      name: "agentTasks.create snake-cases deeply",
      route: "POST /v1/agents/tasks",
      body: wire.agentTask,
      call: (c) =>
        c.agentTasks.create({
          onBehalfOf: { userId: USER_ID },
          permissions: "*",
          agentName: "checkout-bot",
          taskDescription: "Buy the thing",
          redirectUrl: "https://example.com/done",
          sessionMaxDurationInSeconds: 600
        })
    },
    {
      name: "agentTasks.revoke (no url; taskId follows agent_task_id)",
      route: "POST /v1/agents/tasks/at_1/revoke",
      body: { object: "agent_task", agent_id: "agent_1", agent_task_id: "at_1", task_id: "legacy_1" },
      call: (c) => c.agentTasks.revoke("at_1")
    },
    {
      name: "proxyChecks.verify",
      route: "POST /v1/proxy_checks",
      body: wire.proxyCheck,
      call: (c) => c.proxyChecks.verify({ domainId: "dmn_1", proxyUrl: "https://example.com/__clerk" })
    },
    {
      name: "jwtTemplates.list sends paginated=true",
      route: "GET /v1/jwt_templates",
      body: page([wire.jwtTemplate]),
      call: (c) => c.jwtTemplates.list({ limit: 3 })
    },
    {
      name: "jwtTemplates.get",
      route: "GET /v1/jwt_templates/jtmp_1",
      body: wire.jwtTemplate,
      call: (c) => c.jwtTemplates.get("jtmp_1")
    },
    {
      name: "jwtTemplates.create keeps claim keys",
      route: "POST /v1/jwt_templates",
      body: wire.jwtTemplate,
      call: (c) =>
        c.jwtTemplates.create({
          name: "hasura",
          claims: { "https://hasura.io/jwt/claims": { defaultRole: "user" } },
          lifetime: 60,
          allowedClockSkew: 5,
          customSigningKey: true,
          signingAlgorithm: "RS256",
          signingKey: "-----BEGIN PRIVATE KEY-----"
        })
    },
    {
      name: "jwtTemplates.update",
      route: "PATCH /v1/jwt_templates/jtmp_1",
      body: wire.jwtTemplate,
      call: (c) => c.jwtTemplates.update({ templateId: "jtmp_1", name: "hasura", claims: {}, lifetime: null })
    },
    {
      name: "jwtTemplates.delete",
      route: "DELETE /v1/jwt_templates/jtmp_1",
      body: wire.deleted("jwt_template", "jtmp_1"),
      call: (c) => c.jwtTemplates.delete("jtmp_1")
    }
  ])
})

describe("emails and accountless applications vs @clerk/backend", () => {
  const message = {
    to: { userId: USER_ID },
    from: { address: "support@example.com", name: "Support" },
    replyTo: { address: "help@example.org" },
    subject: "Your receipt",
    html: "<p>Thanks</p>",
    cc: ["cc@example.com"],
    headers: { "X-Entity-Ref-ID": "order_123" },
    attachments: [{ filename: "receipt.txt", content: "VGhhbmtz" }]
  }
  runCases([
    {
      name: "emails.create renames only to.userId and replyTo, and sends the Idempotency-Key",
      route: "POST /v1/email",
      body: wire.email,
      call: (c) => c.emails.create(message, { idempotencyKey: "order_123_receipt" })
    },
    { name: "emails.get", route: "GET /v1/email/ema_1", body: wire.email, call: (c) => c.emails.get("ema_1") },
    {
      name: "emails.createBatch maps successes and per-item errors",
      route: "POST /v1/email/batch",
      body: [
        { index: 0, email: wire.email, status_code: 200 },
        {
          index: 1,
          status_code: 429,
          retry_after_seconds: 30,
          errors: [{ code: "rate_limited", message: "slow down", long_message: "Too many", meta: { param_name: "to" } }]
        },
        { index: 2, status_code: 422, errors: [{ code: "form_param_missing", message: "missing subject" }] }
      ],
      call: (c) =>
        c.emails.createBatch([
          { ...message, idempotencyKey: "a_1" },
          { to: { address: "b@example.com" }, from: { address: "s@example.com" }, subject: "B", text: "b" },
          { to: { address: "c@example.com" }, from: { address: "s@example.com" }, subject: "", text: "c" }
        ])
    },
    {
      name: "createAccountlessApplication sends source and the secret key",
      route: "POST /v1/accountless_applications",
      body: wire.accountlessApplication,
      call: (c) => c.__experimental_accountlessApplications.createAccountlessApplication({ source: "nextjs" })
    },
    {
      name: "completeAccountlessApplicationOnboarding",
      route: "POST /v1/accountless_applications/complete",
      body: wire.accountlessApplication,
      call: (c) => c.__experimental_accountlessApplications.completeAccountlessApplicationOnboarding()
    }
  ])

  it("accountless applications need no secret key (no Authorization header)", async () => {
    const responder = respond({ "POST /v1/accountless_applications": wire.accountlessApplication })
    const call: Call = (c) => c.__experimental_accountlessApplications.createAccountlessApplication()
    const result = await runBoth(responder, call, call, { secretKey: undefined })
    expectSameRequests(result)
    expectSameOutcome(result)
    expect(result.ours.requests[0]?.authorization).toBeNull()
  })

  it("an invalid idempotency key fails both before any request", async () => {
    const result = await runBoth(
      respond({}),
      (c) => c.emails.create(message, { idempotencyKey: "no spaces allowed" }),
      (c) => c.emails.create(message, { idempotencyKey: "no spaces allowed" })
    )
    expectSameOutcome(result)
    expect(result.ours.requests).toEqual([])
    expect(result.reference.requests).toEqual([])
    expect(result.ours.error).toMatchObject({ name: "ClerkRequestError", cause: { _tag: "ClerkInvalidRequestError" } })
  })

  it("a batch of 0 or 101 messages fails both before any request", async () => {
    const one = { to: { address: "b@example.com" }, from: { address: "s@example.com" }, subject: "B", text: "b" }
    for (const messages of [[], Array.from({ length: 101 }, () => one)]) {
      const call: Call = (c) => c.emails.createBatch(messages)
      const result = await runBoth(respond({}), call, call)
      expectSameOutcome(result)
      expect(result.ours.requests).toEqual([])
      expect(result.ours.error).toBeDefined()
    }
  })
})

describe("beta features vs @clerk/backend", () => {
  it("changeDomain (outside the spec) sends the same request and resolves on 204", async () => {
    await same(respond({ "POST /v1/beta_features/change_domain": () => ({ status: 204 }) }), (c) =>
      c.betaFeatures.changeDomain({ homeUrl: "https://www.example.com", isSecondary: false })
    )
  })

  it("changeDomain resolves undefined (typed void) on a 202 with an empty body", async () => {
    const call: Call = (c) => c.betaFeatures.changeDomain({ homeUrl: "https://www.example.com" })
    const result = await runBoth(() => ({ status: 202, text: "" }), call, call)
    expectSameRequests(result)
    expect(result.ours.error).toBeUndefined()
    expect(result.ours.result).toBeUndefined()
    // @clerk/backend resolves the raw empty text here, although its type says void.
    expect(result.reference.result).toBe("")
  })
})

describe("deliberate differences from @clerk/backend", () => {
  it("a falsy query value (offset: 0, suffixed_cookies: false) is sent, not dropped", async () => {
    const responder = respond({ "GET /v1/invitations": page([]), [`POST ${S}/refresh`]: wire.token })
    const list: Call = (c) => c.invitations.getInvitationList({ limit: 10, offset: 0 })
    const listed = await runBoth(responder, list, list)
    expectSameOutcome(listed)
    expect(listed.reference.requests[0]?.query).toEqual([
      ["limit", "10"],
      ["paginated", "true"]
    ])
    expect(listed.ours.requests[0]?.query).toEqual([
      ["limit", "10"],
      ["offset", "0"],
      ["paginated", "true"]
    ])

    const refreshed: Call = (c) => c.sessions.refreshSession(SESSION_ID, { ...refresh, suffixed_cookies: false })
    const both = await runBoth(responder, refreshed, refreshed)
    expectSameOutcome(both)
    expect(both.reference.requests[0]?.query).toEqual([])
    expect(both.ours.requests[0]?.query).toEqual([["suffixed_cookies", "false"]])
  })

  it("path ids are URL-encoded; an empty id fails before any request (signUps.update included)", async () => {
    const encoded: Call = (c) => c.sessions.getSession("sess/../x?y")
    const result = await runOurs(respond({ "GET /v1/sessions/sess%2F..%2Fx%3Fy": wire.session }), encoded)
    expect(result.requests[0]?.path).toBe("/v1/sessions/sess%2F..%2Fx%3Fy")
    expect(result.error).toBeUndefined()

    for (const call of [
      (c: ClerkClient) => c.sessions.getSession(""),
      (c: ClerkClient) => c.signUps.update({ signUpAttemptId: "" }),
      (c: ClerkClient) => c.emails.get(" ")
    ]) {
      const failed = await runOurs(respond({}), call)
      expect(failed.requests).toEqual([])
      expect(failed.error).toMatchObject({ name: "ClerkRequestError", cause: { _tag: "ClerkInvalidRequestError" } })
    }
  })
})

describe("failures vs @clerk/backend", () => {
  it("an API error fails both with the same status", async () => {
    const result = await runBoth(
      () => FakeHttp.clerkError(404, [{ code: "resource_not_found", message: "not found" }]),
      (c) => c.sessions.getSession(SESSION_ID),
      (c) => c.sessions.getSession(SESSION_ID)
    )
    expectSameRequests(result)
    expectSameOutcome(result)
    expect(result.ours.error).toMatchObject({ status: 404 })
  })
})
