import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { type SpecOperation, specOperations } from "../src/models/generated/operations.js"
import * as BackendApi from "../src/services/BackendApi.js"
import * as ClerkConfig from "../src/services/ClerkConfig.js"
import * as FakeBackend from "../src/testing/FakeBackend.js"
import { generateKeys } from "../src/testing/tokens.js"

const keys = generateKeys()

const apiLayer = BackendApi.layer.pipe(
  Layer.provideMerge(ClerkConfig.layer({ secretKey: FakeBackend.DEFAULT_SECRET_KEY, retry: false })),
  Layer.provideMerge(FakeBackend.layer({ keys }))
)

/** A small world, created afresh for every operation so deletes and revokes do not affect the others. */
const world = (fake: FakeBackend.FakeBackendInstance) => {
  fake.reset()
  const user = fake.seed.user({
    emailAddress: ["ada@example.com"],
    phoneNumber: ["+15555550100"],
    password: "correct horse battery"
  })
  const outsider = fake.seed.user({ emailAddress: ["outsider@example.com"] })
  const org = fake.seed.organization({ name: "Acme", createdBy: user.id })
  const orgInvitation = fake.seed.organizationInvitation({ organizationId: org.id, emailAddress: "inv@example.com" })
  const orgDomain = fake.seed.organizationDomain({ organizationId: org.id, name: "acme.com" })
  const session = fake.seed.session({ userId: user.id })
  const invitation = fake.seed.invitation({ emailAddress: "guest@example.com" })
  const template = fake.seed.jwtTemplate({ name: "tmpl", claims: { a: 1 } })
  const allow = fake.seed.allowlistIdentifier("allowed@example.com")
  const block = fake.seed.blocklistIdentifier("blocked@example.com")
  const redirect = fake.seed.redirectUrl("https://example.com/callback")
  const domain = fake.seed.domain({ name: "sat.example.com" })
  const apiKey = fake.seed.apiKey({ name: "ci", subject: user.id })
  const m2m = fake.mintMachineToken({ kind: "m2m_token" })
  const machineId = fake.inspect.m2mTokens()[0]!.subject
  const oauth = fake.mintMachineToken({ kind: "oauth_token", subject: user.id })
  return {
    user,
    outsider,
    org,
    orgInvitation,
    orgDomain,
    session,
    invitation,
    template,
    allow,
    block,
    redirect,
    domain,
    apiKey,
    m2m,
    machineId,
    oauth,
    sessionToken: fake.mintSessionToken({ userId: user.id, sessionId: session.id })
  }
}

type World = ReturnType<typeof world>

const pathParam = (op: SpecOperation, name: string, w: World): string => {
  const inOrg = op.path.startsWith("/organizations/")
  switch (name) {
    case "user_id":
      return w.user.id
    case "organization_id":
      return w.org.id
    case "invitation_id":
      return inOrg ? w.orgInvitation.id : w.invitation.id
    case "domain_id":
      return inOrg ? w.orgDomain.id : w.domain.id
    case "session_id":
      return w.session.id
    case "client_id":
      return w.session.client_id
    case "email_address_id":
      return w.user.email_addresses[0]!.id!
    case "phone_number_id":
      return w.user.phone_numbers[0]!.id!
    case "template_id":
      return w.template.id
    case "template_name":
      return w.template.name
    case "identifier_id":
      return op.path.startsWith("/allowlist") ? w.allow.id! : w.block.id!
    case "id":
      return w.redirect.id
    case "apiKeyID":
      return w.apiKey.id
    case "m2m_token_id":
      return w.m2m.id
    case "provider":
      return "oauth_google"
    case "template_type":
      return "email"
    default:
      return `${name.replace(/_id$/i, "")}_fake123`
  }
}

/** Valid bodies for the stateful operations that need fields. */
const bodies = (w: World): Readonly<Record<string, unknown>> => ({
  CreateUser: { emailAddress: ["new@example.com"] },
  UpdateUser: { firstName: "Grace" },
  UpdateUserMetadata: { publicMetadata: { a: 1 } },
  ReplaceUserMetadata: { publicMetadata: { a: 1 } },
  UsersBan: { userIds: [w.user.id] },
  UsersUnban: { userIds: [w.user.id] },
  VerifyPassword: { password: "correct horse battery" },
  CreateEmailAddress: { userId: w.user.id, emailAddress: "second@example.com" },
  UpdateEmailAddress: { verified: true },
  CreatePhoneNumber: { userId: w.user.id, phoneNumber: "+15555550199" },
  UpdatePhoneNumber: { verified: true },
  CreateOrganization: { name: "Globex" },
  UpdateOrganization: { name: "Acme 2" },
  MergeOrganizationMetadata: { publicMetadata: { a: 1 } },
  ReplaceOrganizationMetadata: { publicMetadata: { a: 1 } },
  CreateOrganizationMembership: { userId: w.outsider.id, role: "org:member" },
  UpdateOrganizationMembership: { role: "org:admin" },
  UpdateOrganizationMembershipMetadata: { publicMetadata: { a: 1 } },
  CreateOrganizationInvitation: { emailAddress: "x@example.com", role: "org:member" },
  CreateOrganizationInvitationBulk: [{ emailAddress: "y@example.com", role: "org:member" }],
  CreateOrganizationDomain: { name: "globex.com" },
  UpdateOrganizationDomain: { enrollmentMode: "automatic_invitation" },
  createSession: { userId: w.user.id },
  RefreshSession: { expiredToken: w.sessionToken, refreshToken: "refresh", requestOrigin: "http://localhost:3000" },
  CreateInvitation: { emailAddress: "guest2@example.com" },
  CreateBulkInvitations: [{ emailAddress: "guest3@example.com" }],
  CreateAllowlistIdentifier: { identifier: "new@example.com" },
  CreateBlocklistIdentifier: { identifier: "new@example.com" },
  CreateRedirectURL: { url: "https://example.com/other" },
  AddDomain: { name: "sat2.example.com", isSatellite: true },
  UpdateDomain: { name: "sat3.example.com" },
  CreateJWTTemplate: { name: "other", claims: { b: 2 } },
  UpdateJWTTemplate: { lifetime: 120 },
  createApiKey: { name: "new", subject: w.user.id },
  updateApiKey: { description: "updated" },
  revokeApiKey: { revocationReason: "test" },
  verifyApiKey: { secret: w.apiKey.secret },
  createM2MToken: { tokenFormat: "opaque" },
  revokeM2MToken: { revocationReason: "test" },
  verifyM2MToken: { token: w.m2m.token },
  verifyOAuthAccessToken: { accessToken: w.oauth.token }
})

const queries = (w: World): Readonly<Record<string, Readonly<Record<string, BackendApi.QueryValue>>>> => ({
  getApiKeys: { subject: w.user.id },
  getM2MTokens: { subject: w.machineId }
})

const upload = () => {
  const form = new FormData()
  form.append("file", new Blob(["png"], { type: "image/png" }), "image.png")
  return form
}

const VERSIONLESS = /^\/(api_keys|m2m_tokens|oauth_applications\/access_tokens\/verify)/

describe("FakeBackend answers every spec operation", () => {
  it.effect(`all ${specOperations.length} operations answer 2xx to a valid request`, () =>
    Effect.gen(function* () {
      const fake = yield* FakeBackend.FakeBackend
      const api = yield* BackendApi.BackendApi
      const failures: Array<string> = []
      for (const op of specOperations) {
        const w = world(fake)
        const body =
          bodies(w)[op.operationId] ?? (op.body === "json" && op.bodyRequired ? { example: true } : undefined)
        const send = op.response.kind === "void" ? api.executeVoid : api.executeJson
        const result = yield* Effect.either(
          send({
            operation: op.operationId,
            method: op.method,
            path: op.path,
            pathParams: Object.fromEntries(op.pathParams.map((name) => [name, pathParam(op, name, w)])),
            query: queries(w)[op.operationId],
            body,
            ...(op.body === "multipart" ? { formData: upload() } : {}),
            versionless: VERSIONLESS.test(op.path)
          })
        )
        if (result._tag === "Left") failures.push(`${op.operationId} ${op.method} ${op.path}: ${result.left.message}`)
      }
      assert.deepStrictEqual(failures, [])
    }).pipe(Effect.provide(apiLayer))
  )

  it("every stateful route is a spec operation, and the fake covers them all", () => {
    const spec = new Set(specOperations.map((op) => `${op.method} ${op.path}`))
    assert.deepStrictEqual(
      FakeBackend.statefulRoutes.filter((route) => !spec.has(route)),
      []
    )
    assert.strictEqual(FakeBackend.operations.length, specOperations.length)
    assert.isAtLeast(FakeBackend.operations.filter((o) => o.stateful).length, 100)
  })
})
