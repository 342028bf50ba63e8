/**
 * One example per resource the clerkClient reference documents, run against the fake backend on loopback:
 * `npx tsx examples/resources.ts`. `test/examples.test.ts` runs it too, so these snippets cannot rot.
 */
import { createClerkClient } from "../src/index.js"
import { FakeServer } from "../src/testing/index.js"

/** Runs every example and returns one line per resource. */
export const main = async (): Promise<ReadonlyArray<string>> => {
  const server = await FakeServer.start()
  const clerk = createClerkClient(server.clientOptions)
  const lines: Array<string> = []
  const log = (line: string) => lines.push(line)
  try {
    // Users
    const user = await clerk.users.createUser({
      emailAddress: ["ada@example.com"],
      firstName: "Ada",
      lastName: "Lovelace"
    })
    await clerk.users.updateUserMetadata(user.id, { publicMetadata: { plan: "pro" } })
    log(`users: ${(await clerk.users.getUser(user.id)).fullName}`)

    // Organizations (invitations, memberships, domains)
    const org = await clerk.organizations.createOrganization({ name: "Acme", createdBy: user.id })
    await clerk.organizations.createOrganizationInvitation({
      organizationId: org.id,
      emailAddress: "grace@example.com",
      role: "org:member",
      inviterUserId: user.id
    })
    const memberships = await clerk.organizations.getOrganizationMembershipList({ organizationId: org.id })
    log(`organizations: ${org.name} has ${memberships.totalCount} member(s)`)

    // Billing
    const plans = await clerk.billing.getPlanList({ payerType: "user" })
    log(`billing: ${plans.data.length} plan(s)`)

    // Allowlist identifiers
    const allowed = await clerk.allowlistIdentifiers.createAllowlistIdentifier({
      identifier: "@example.com",
      notify: false
    })
    log(`allowlistIdentifiers: ${allowed.identifier}`)

    // API keys
    const apiKey = await clerk.apiKeys.create({ name: "ci", subject: user.id })
    log(`apiKeys: created ${apiKey.name}`)

    // Domains
    const domains = await clerk.domains.list()
    log(`domains: ${domains.totalCount} domain(s)`)

    // Sessions
    const session = await clerk.sessions.createSession({ userId: user.id })
    const token = await clerk.sessions.getToken(session.id)
    log(`sessions: ${session.status}, token of ${token.jwt.split(".").length} segments`)

    // Clients
    const clients = await clerk.clients.getClientList({ limit: 10 })
    log(`clients: ${clients.totalCount} client(s)`)

    // Invitations
    const invitation = await clerk.invitations.createInvitation({
      emailAddress: "alan@example.com",
      ignoreExisting: true
    })
    log(`invitations: ${invitation.emailAddress} is ${invitation.status}`)

    // Redirect URLs
    const redirect = await clerk.redirectUrls.createRedirectUrl({ url: "myapp://oauth-callback" })
    log(`redirectUrls: ${redirect.url}`)

    // Email addresses
    const email = await clerk.emailAddresses.createEmailAddress({ userId: user.id, emailAddress: "ada@work.example" })
    log(`emailAddresses: ${email.emailAddress}`)

    // Phone numbers
    const phone = await clerk.phoneNumbers.createPhoneNumber({ userId: user.id, phoneNumber: "+15555550100" })
    log(`phoneNumbers: ${phone.phoneNumber}`)

    // SAML connections
    const saml = await clerk.samlConnections.getSamlConnectionList({ limit: 5 })
    log(`samlConnections: ${saml.totalCount} connection(s)`)

    // Sign-in tokens
    const signInToken = await clerk.signInTokens.createSignInToken({ userId: user.id, expiresInSeconds: 300 })
    log(`signInTokens: ${signInToken.status}`)

    // Agent tasks
    const task = await clerk.agentTasks.create({
      onBehalfOf: { userId: user.id },
      permissions: "*",
      agentName: "checkout-bot",
      taskDescription: "Buy the thing",
      redirectUrl: "https://example.com/done"
    })
    log(`agentTasks: ${task.agentTaskId} (${task.url === undefined ? "no url" : "url ready"})`)

    // Testing tokens
    const testingToken = await clerk.testingTokens.createTestingToken()
    log(`testingTokens: expires at ${testingToken.expiresAt}`)

    // M2M tokens
    const m2m = await clerk.m2m.createToken({ secondsUntilExpiration: 3600 })
    const verified = await clerk.m2m.verify({ token: m2m.token ?? "" })
    log(`m2m: ${verified.id === m2m.id ? "token verified" : "mismatch"}`)

    // OAuth applications
    const oauthApps = await clerk.oauthApplications.list({ limit: 5 })
    log(`oauthApplications: ${oauthApps.totalCount} application(s)`)
  } finally {
    await clerk.dispose()
    await server.close()
  }
  return lines
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await main()) console.log(line)
}
