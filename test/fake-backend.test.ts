import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Redacted, Schema } from "effect"
import * as jose from "jose"
import * as FakeHttp from "../src/testing/FakeHttp.js"
import * as S from "../src/models/generated/schemas.js"
import { Paginated } from "../src/models/internal/paginated.js"
import * as BackendApi from "../src/services/BackendApi.js"
import * as ClerkConfig from "../src/services/ClerkConfig.js"
import * as FakeBackend from "../src/testing/FakeBackend.js"
import { generateKeys } from "../src/testing/tokens.js"

const keys = generateKeys()

const apiLayer = (config: ClerkConfig.ClerkOptions = {}, fake: FakeBackend.FakeBackendOptions = {}) =>
  BackendApi.layer.pipe(
    Layer.provideMerge(ClerkConfig.layer({ secretKey: FakeBackend.DEFAULT_SECRET_KEY, ...config })),
    Layer.provideMerge(FakeBackend.layer({ keys, ...fake }))
  )

const req = (
  method: BackendApi.HttpMethod,
  path: string,
  extra: Omit<Partial<BackendApi.ApiRequest>, "method" | "path"> = {}
): BackendApi.ApiRequest => ({ operation: "test.call", method, path, ...extra })

const call = <A, I>(request: BackendApi.ApiRequest, schema: Schema.Schema<A, I, never>) =>
  Effect.flatMap(BackendApi.BackendApi, (api) => api.execute(request, schema))

const json = (request: BackendApi.ApiRequest) =>
  Effect.flatMap(BackendApi.BackendApi, (api) => api.executeJson(request))

const Users = Schema.Array(S.User)
const Sessions = Schema.Array(S.Session)
const JwksJson = Schema.Struct({
  keys: Schema.mutable(
    Schema.Array(Schema.Struct({ kid: Schema.String, kty: Schema.String, n: Schema.String, e: Schema.String }))
  )
})

describe("FakeBackend: users", () => {
  it.effect("create, get, pages, filters, count, metadata merge vs replace, delete, then 404", () =>
    Effect.gen(function* () {
      const created: Array<S.User> = []
      for (let i = 0; i < 5; i++) {
        created.push(
          yield* call(
            req("POST", "/users", {
              body: {
                emailAddress: [`user${i}@example.com`],
                phoneNumber: [`+1555555010${i}`],
                username: `user_${i}`,
                firstName: `User${i}`,
                password: "correct horse battery",
                externalId: `ext_${i}`,
                publicMetadata: { plan: "free", prefs: { theme: "dark", lang: "en" } },
                privateMetadata: { secret: i }
              }
            }),
            S.User
          )
        )
      }
      const first = created[0]!
      assert.match(first.id, /^user_[A-Za-z0-9]{27}$/)
      assert.strictEqual(first.primaryEmailAddress?.emailAddress, "user0@example.com")
      assert.strictEqual(first.primaryPhoneNumber?.phoneNumber, "+15555550100")
      assert.isTrue(first.passwordEnabled)

      const got = yield* call(req("GET", "/users/{user_id}", { pathParams: { user_id: first.id } }), S.User)
      assert.strictEqual(got.id, first.id)
      assert.strictEqual(got.username, "user_0")

      // Newest first by default (equal timestamps keep the newest first too), limit/offset pages.
      const page = (offset: number, orderBy?: string) =>
        Effect.map(call(req("GET", "/users", { query: { limit: 2, offset, orderBy } }), Users), (users) =>
          users.map((u) => u.username)
        )
      assert.deepStrictEqual(yield* page(0), ["user_4", "user_3"])
      assert.deepStrictEqual(yield* page(2), ["user_2", "user_1"])
      assert.deepStrictEqual(yield* page(4), ["user_0"])
      assert.deepStrictEqual(yield* page(0, "+username"), ["user_0", "user_1"])

      const count = (query: Readonly<Record<string, BackendApi.QueryValue>>) =>
        Effect.map(call(req("GET", "/users/count", { query }), S.TotalCount), (c) => c.totalCount)
      assert.strictEqual(yield* count({}), 5)
      assert.strictEqual(yield* count({ emailAddress: ["USER1@example.com", "user3@example.com"] }), 2)
      assert.strictEqual(yield* count({ query: "user4" }), 1)
      assert.strictEqual(yield* count({ userId: [first.id] }), 1)
      assert.strictEqual(yield* count({ externalId: ["ext_2", "ext_3"] }), 2)
      assert.strictEqual(yield* count({ phoneNumber: ["+15555550102"] }), 1)
      assert.strictEqual(yield* count({ username: ["user_4"] }), 1)
      const filtered = yield* call(req("GET", "/users", { query: { emailAddress: ["user3@example.com"] } }), Users)
      assert.deepStrictEqual(
        filtered.map((u) => u.username),
        ["user_3"]
      )

      const merged = yield* call(
        req("PATCH", "/users/{user_id}/metadata", {
          pathParams: { user_id: first.id },
          body: { publicMetadata: { prefs: { theme: "light" }, plan: null, extra: 1 } }
        }),
        S.User
      )
      assert.deepStrictEqual(merged.publicMetadata, { prefs: { theme: "light", lang: "en" }, extra: 1 })
      assert.deepStrictEqual(merged.privateMetadata, { secret: 0 })
      const replaced = yield* call(
        req("PUT", "/users/{user_id}/metadata", {
          pathParams: { user_id: first.id },
          body: { publicMetadata: { only: true } }
        }),
        S.User
      )
      assert.deepStrictEqual(replaced.publicMetadata, { only: true })
      assert.deepStrictEqual(replaced.privateMetadata, { secret: 0 })

      const updated = yield* call(
        req("PATCH", "/users/{user_id}", { pathParams: { user_id: first.id }, body: { lastName: "Lovelace" } }),
        S.User
      )
      assert.strictEqual(updated.fullName, "User0 Lovelace")

      const deleted = yield* call(
        req("DELETE", "/users/{user_id}", { pathParams: { user_id: first.id } }),
        S.DeletedObject
      )
      assert.deepStrictEqual(
        { object: deleted.object, id: deleted.id, deleted: deleted.deleted },
        {
          object: "user",
          id: first.id,
          deleted: true
        }
      )
      const missing = yield* Effect.flip(json(req("GET", "/users/{user_id}", { pathParams: { user_id: first.id } })))
      assert.strictEqual(missing._tag, "ClerkNotFoundError")
      if (missing._tag === "ClerkNotFoundError") {
        assert.strictEqual(missing.errors[0]?.code, "resource_not_found")
        assert.isString(missing.clerkTraceId)
      }
      assert.strictEqual(yield* count({}), 4)
      // The deleted user's email address is free again.
      yield* call(req("POST", "/users", { body: { emailAddress: ["user0@example.com"] } }), S.User)
    }).pipe(Effect.provide(apiLayer()))
  )

  it.effect("bad input gets Clerk's 4xx errors, never a crash", () =>
    Effect.gen(function* () {
      yield* call(req("POST", "/users", { body: { emailAddress: ["taken@example.com"], username: "taken" } }), S.User)
      const code = (request: BackendApi.ApiRequest) =>
        Effect.map(Effect.flip(json(request)), (e) =>
          "errors" in e ? `${e.status} ${e.errors[0]?.code} ${String(e.errors[0]?.meta?.paramName ?? "")}` : e._tag
        )
      assert.strictEqual(
        yield* code(req("POST", "/users", { body: { emailAddress: ["TAKEN@example.com"] } })),
        "422 form_identifier_exists email_address"
      )
      assert.strictEqual(
        yield* code(req("POST", "/users", { body: { username: "taken" } })),
        "422 form_identifier_exists username"
      )
      assert.strictEqual(
        yield* code(req("POST", "/users", { body: { emailAddress: ["not-an-email"] } })),
        "422 form_param_format_invalid email_address"
      )
      assert.strictEqual(
        yield* code(req("POST", "/users", { body: { password: "short" } })),
        "422 form_password_length_too_short password"
      )
      assert.strictEqual(
        yield* code(req("POST", "/users", { body: { firstName: 42 } })),
        "422 form_param_format_invalid first_name"
      )
      assert.strictEqual(
        yield* code(req("POST", "/organizations", { body: { slug: "x" } })),
        "422 form_param_missing name"
      )
      assert.strictEqual(
        yield* code(req("GET", "/users", { query: { limit: 0 } })),
        "422 form_param_value_invalid limit"
      )
      assert.strictEqual(
        yield* code(req("GET", "/users", { query: { limit: 501 } })),
        "422 form_param_value_invalid limit"
      )
      assert.strictEqual(
        yield* code(req("GET", "/users", { query: { orderBy: "-nope" } })),
        "422 form_param_value_invalid order_by"
      )
      // A missing required query parameter never leaves the client: the pipeline checks it against the spec.
      assert.strictEqual(yield* code(req("GET", "/api_keys", { versionless: true })), "ClerkInvalidRequestError")
      assert.strictEqual(
        yield* code(req("POST", "/users/{user_id}/profile_image", { pathParams: { user_id: "user_x" } })),
        "404 resource_not_found "
      )
      assert.strictEqual(yield* code(req("GET", "/no_such_thing")), "404 resource_not_found ")
      assert.strictEqual(
        yield* code(req("GET", "/users/{user_id}", { pathParams: { user_id: "%E0%A4%A" } })),
        "404 resource_not_found "
      )
    }).pipe(Effect.provide(apiLayer()))
  )

  it.effect("a fake configured with a key: a wrong or missing secret key is a 401", () =>
    Effect.gen(function* () {
      const wrong = yield* Effect.flip(json(req("GET", "/users")))
      assert.strictEqual(wrong._tag, "ClerkAuthenticationError")
      if (wrong._tag === "ClerkAuthenticationError") assert.strictEqual(wrong.errors[0]?.code, "clerk_key_invalid")
      const none = yield* Effect.flip(json(req("GET", "/users", { auth: "none" })))
      assert.strictEqual(none._tag, "ClerkAuthenticationError")
      if (none._tag === "ClerkAuthenticationError") assert.strictEqual(none.errors[0]?.code, "authentication_invalid")
      const bearer = yield* json(req("GET", "/users", { bearer: Redacted.make(FakeBackend.DEFAULT_SECRET_KEY) }))
      assert.deepStrictEqual(bearer, [])
    }).pipe(
      Effect.provide(apiLayer({ secretKey: "sk_test_notTheFakesKey" }, { secretKey: FakeBackend.DEFAULT_SECRET_KEY }))
    )
  )

  it.effect("email addresses and phone numbers attach to their user", () =>
    Effect.gen(function* () {
      const fake = yield* FakeBackend.FakeBackend
      const user = fake.seed.user({ emailAddress: ["first@example.com"] })
      const second = yield* call(
        req("POST", "/email_addresses", {
          body: { userId: user.id, emailAddress: "second@example.com", primary: true }
        }),
        S.EmailAddress
      )
      const phone = yield* call(
        req("POST", "/phone_numbers", { body: { userId: user.id, phoneNumber: "+15555550123" } }),
        S.PhoneNumber
      )
      const get = call(req("GET", "/users/{user_id}", { pathParams: { user_id: user.id } }), S.User)
      const withBoth = yield* get
      assert.deepStrictEqual(
        withBoth.emailAddresses.map((e) => e.emailAddress),
        ["first@example.com", "second@example.com"]
      )
      assert.strictEqual(withBoth.primaryEmailAddressId, second.id)
      assert.strictEqual(withBoth.primaryPhoneNumberId, phone.id)
      yield* json(
        req("DELETE", "/email_addresses/{email_address_id}", { pathParams: { email_address_id: second.id! } })
      )
      yield* json(req("DELETE", "/phone_numbers/{phone_number_id}", { pathParams: { phone_number_id: phone.id! } }))
      const after = yield* get
      assert.deepStrictEqual(
        after.emailAddresses.map((e) => e.emailAddress),
        ["first@example.com"]
      )
      assert.strictEqual(after.primaryEmailAddressId, after.emailAddresses[0]?.id)
      assert.deepStrictEqual(after.phoneNumbers, [])
      assert.isNull(after.primaryPhoneNumberId)
      const taken = yield* Effect.flip(
        json(req("POST", "/email_addresses", { body: { userId: user.id, emailAddress: "first@example.com" } }))
      )
      assert.strictEqual(taken._tag, "ClerkValidationError")
    }).pipe(Effect.provide(apiLayer()))
  )

  it.effect("ban revokes sessions; lock/unlock; profile image upload and delete (multipart)", () =>
    Effect.gen(function* () {
      const fake = yield* FakeBackend.FakeBackend
      const user = fake.seed.user({ emailAddress: ["ban@example.com"] })
      const session = fake.seed.session({ userId: user.id })
      const onUser = { pathParams: { user_id: user.id } }
      assert.isTrue((yield* call(req("POST", "/users/{user_id}/ban", onUser), S.User)).banned)
      assert.strictEqual(fake.inspect.sessions().find((s) => s.id === session.id)?.status, "revoked")
      assert.isFalse((yield* call(req("POST", "/users/{user_id}/unban", onUser), S.User)).banned)
      assert.isTrue((yield* call(req("POST", "/users/{user_id}/lock", onUser), S.User)).locked)
      assert.isFalse((yield* call(req("POST", "/users/{user_id}/unlock", onUser), S.User)).locked)
      const form = new FormData()
      form.append("file", new Blob([new Uint8Array([137, 80, 78, 71])], { type: "image/png" }), "me.png")
      const withImage = yield* call(
        req("POST", "/users/{user_id}/profile_image", { ...onUser, formData: form }),
        S.User
      )
      assert.isTrue(withImage.hasImage)
      assert.match(withImage.imageUrl ?? "", /^https:\/\/img\.clerk\.com\/fake\/uploaded\//)
      const noFile = yield* Effect.flip(
        json(req("POST", "/users/{user_id}/profile_image", { ...onUser, formData: new FormData() }))
      )
      assert.strictEqual(noFile._tag, "ClerkValidationError")
      const without = yield* call(req("DELETE", "/users/{user_id}/profile_image", onUser), S.User)
      assert.isFalse(without.hasImage)
    }).pipe(Effect.provide(apiLayer()))
  )
})

describe("FakeBackend: organizations", () => {
  it.effect("organizations, memberships, invitations and domains keep state", () =>
    Effect.gen(function* () {
      const fake = yield* FakeBackend.FakeBackend
      const owner = fake.seed.user({ emailAddress: ["owner@example.com"], firstName: "Olive" })
      const member = fake.seed.user({ emailAddress: ["member@example.com"], username: "member" })
      const org = yield* call(
        req("POST", "/organizations", { body: { name: "Acme Inc", createdBy: owner.id, publicMetadata: { tier: 1 } } }),
        S.Organization
      )
      assert.strictEqual(org.slug, "acme-inc")
      const bySlug = yield* call(
        req("GET", "/organizations/{organization_id}", {
          pathParams: { organization_id: "acme-inc" },
          query: { includeMembersCount: true }
        }),
        S.Organization
      )
      assert.strictEqual(bySlug.id, org.id)
      assert.strictEqual(bySlug.membersCount, 1)
      const dup = yield* Effect.flip(json(req("POST", "/organizations", { body: { name: "Other", slug: "acme-inc" } })))
      assert.strictEqual(dup._tag, "ClerkValidationError")
      fake.seed.organization({ name: "Globex" })

      const Orgs = Paginated(S.Organization)
      const listed = yield* call(
        req("GET", "/organizations", { query: { query: "acme", includeMembersCount: true } }),
        Orgs
      )
      assert.strictEqual(listed.totalCount, 1)
      assert.strictEqual(listed.data[0]?.membersCount, 1)
      const all = yield* call(req("GET", "/organizations", { query: { limit: 1, orderBy: "name" } }), Orgs)
      assert.deepStrictEqual([all.totalCount, all.data[0]?.name, all.data[0]?.membersCount], [2, "Acme Inc", undefined])
      const mine = yield* call(req("GET", "/organizations", { query: { userId: [owner.id] } }), Orgs)
      assert.deepStrictEqual(
        mine.data.map((o) => o.id),
        [org.id]
      )

      const onOrg = { organization_id: org.id }
      const membership = yield* call(
        req("POST", "/organizations/{organization_id}/memberships", {
          pathParams: onOrg,
          body: { userId: member.id, role: "org:member" }
        }),
        S.OrganizationMembership
      )
      assert.strictEqual(membership.publicUserData?.identifier, "member@example.com")
      assert.deepStrictEqual(membership.permissions, ["org:sys_memberships:read"])
      const again = yield* Effect.flip(
        json(
          req("POST", "/organizations/{organization_id}/memberships", {
            pathParams: onOrg,
            body: { userId: member.id, role: "org:member" }
          })
        )
      )
      assert.strictEqual(again._tag, "ClerkConflictError")
      const Memberships = Paginated(S.OrganizationMembership)
      const admins = yield* call(
        req("GET", "/organizations/{organization_id}/memberships", {
          pathParams: onOrg,
          query: { role: ["org:admin"] }
        }),
        Memberships
      )
      assert.deepStrictEqual(
        admins.data.map((m) => m.publicUserData?.userId),
        [owner.id]
      )
      const promoted = yield* call(
        req("PATCH", "/organizations/{organization_id}/memberships/{user_id}", {
          pathParams: { ...onOrg, user_id: member.id },
          body: { role: "org:admin" }
        }),
        S.OrganizationMembership
      )
      assert.strictEqual(promoted.roleName, "Admin")
      const withMeta = yield* call(
        req("PATCH", "/organizations/{organization_id}/memberships/{user_id}/metadata", {
          pathParams: { ...onOrg, user_id: member.id },
          body: { publicMetadata: { team: { name: "core" } } }
        }),
        S.OrganizationMembership
      )
      assert.deepStrictEqual(withMeta.publicMetadata, { team: { name: "core" } })
      const perUser = yield* call(
        req("GET", "/users/{user_id}/organization_memberships", { pathParams: { user_id: member.id } }),
        Memberships
      )
      assert.strictEqual(perUser.totalCount, 1)
      const instanceWide = yield* call(req("GET", "/organization_memberships"), Memberships)
      assert.strictEqual(instanceWide.totalCount, 2)

      const mergedOrg = yield* call(
        req("PATCH", "/organizations/{organization_id}/metadata", {
          pathParams: onOrg,
          body: { publicMetadata: { x: 1 } }
        }),
        S.Organization
      )
      assert.deepStrictEqual(mergedOrg.publicMetadata, { tier: 1, x: 1 })
      const replacedOrg = yield* call(
        req("PUT", "/organizations/{organization_id}/metadata", {
          pathParams: onOrg,
          body: { publicMetadata: { y: 2 } }
        }),
        S.Organization
      )
      assert.deepStrictEqual(replacedOrg.publicMetadata, { y: 2 })
      const logo = new FormData()
      logo.append("file", new Blob(["png"], { type: "image/png" }), "logo.png")
      const withLogo = yield* call(
        req("PUT", "/organizations/{organization_id}/logo", { pathParams: onOrg, formData: logo }),
        S.OrganizationWithLogo
      )
      assert.isTrue(withLogo.hasImage)

      // Invitations: create, bulk, filter by status, revoke.
      const Invitations = Paginated(S.OrganizationInvitation)
      const invitation = yield* call(
        req("POST", "/organizations/{organization_id}/invitations", {
          pathParams: onOrg,
          body: { emailAddress: "new@example.com", role: "org:member", inviterUserId: owner.id }
        }),
        S.OrganizationInvitation
      )
      assert.strictEqual(invitation.publicInviterData?.firstName, "Olive")
      const bulk = yield* call(
        req("POST", "/organizations/{organization_id}/invitations/bulk", {
          pathParams: onOrg,
          body: [
            { emailAddress: "a@example.com", role: "org:member" },
            { emailAddress: "b@example.com", role: "org:admin" }
          ]
        }),
        Invitations
      )
      assert.strictEqual(bulk.totalCount, 2)
      yield* json(
        req("POST", "/organizations/{organization_id}/invitations/{invitation_id}/revoke", {
          pathParams: { ...onOrg, invitation_id: invitation.id }
        })
      )
      const byStatus = (status: string) =>
        Effect.map(
          call(
            req("GET", "/organizations/{organization_id}/invitations", {
              pathParams: onOrg,
              query: { status: [status] }
            }),
            Invitations
          ),
          (page) => page.data.map((i) => i.emailAddress).sort()
        )
      assert.deepStrictEqual(yield* byStatus("pending"), ["a@example.com", "b@example.com"])
      assert.deepStrictEqual(yield* byStatus("revoked"), ["new@example.com"])

      const domain = yield* call(
        req("POST", "/organizations/{organization_id}/domains", {
          pathParams: onOrg,
          body: { name: "acme.com", enrollmentMode: "automatic_invitation", verified: true }
        }),
        S.OrganizationDomain
      )
      assert.strictEqual(domain.verification?.status, "verified")
      const domains = yield* call(
        req("GET", "/organization_domains", { query: { verified: true } }),
        Paginated(S.OrganizationDomain)
      )
      assert.deepStrictEqual(
        domains.data.map((d) => d.name),
        ["acme.com"]
      )

      const removed = yield* call(
        req("DELETE", "/organizations/{organization_id}/memberships/{user_id}", {
          pathParams: { ...onOrg, user_id: member.id }
        }),
        S.OrganizationMembership
      )
      assert.strictEqual(removed.id, membership.id)
      yield* json(req("DELETE", "/organizations/{organization_id}", { pathParams: onOrg }))
      assert.deepStrictEqual(fake.inspect.memberships(), [])
      assert.deepStrictEqual(fake.inspect.organizationInvitations(), [])
      const gone = yield* Effect.flip(
        json(req("GET", "/organizations/{organization_id}", { pathParams: { organization_id: "acme-inc" } }))
      )
      assert.strictEqual(gone._tag, "ClerkNotFoundError")
    }).pipe(Effect.provide(apiLayer()))
  )
})

describe("FakeBackend: sessions and tokens", () => {
  it.effect("sessions list as array or page; session tokens verify against the served JWKS", () =>
    Effect.gen(function* () {
      const fake = yield* FakeBackend.FakeBackend
      const user = fake.seed.user({ emailAddress: ["ada@example.com"], firstName: "Ada" })
      const org = fake.seed.organization({ name: "Acme", createdBy: user.id })
      const session = yield* call(
        req("POST", "/sessions", { body: { userId: user.id, activeOrganizationId: org.id } }),
        S.Session
      )
      fake.seed.session({ userId: user.id })
      const plain = yield* call(req("GET", "/sessions", { query: { userId: user.id, limit: 1 } }), Sessions)
      assert.strictEqual(plain.length, 1)
      const paged = yield* call(
        req("GET", "/sessions", { query: { userId: user.id, paginated: true, limit: 1 } }),
        Paginated(S.Session)
      )
      assert.strictEqual(paged.totalCount, 2)
      const client = yield* call(
        req("GET", "/clients/{client_id}", { pathParams: { client_id: session.clientId } }),
        S.Client
      )
      assert.deepStrictEqual(client.sessionIds, [session.id])

      const onSession = { pathParams: { session_id: session.id } }
      const token = yield* call(
        req("POST", "/sessions/{session_id}/tokens", { ...onSession, body: { expiresInSeconds: 120 } }),
        S.Token
      )
      const jwks = yield* call(req("GET", "/jwks"), JwksJson)
      const nowMs = 0 // TestClock time: the fake's clock is the Effect clock
      const verified = yield* Effect.promise(() =>
        jose.jwtVerify(token.jwt, jose.createLocalJWKSet(jwks), { currentDate: new Date(nowMs) })
      )
      assert.strictEqual(verified.payload.sub, user.id)
      assert.strictEqual(verified.payload.sid, session.id)
      assert.strictEqual(verified.payload.iss, fake.issuer)
      assert.strictEqual(verified.payload.exp, 120)
      assert.deepStrictEqual(verified.payload.o, { id: org.id, rol: "admin", slg: org.slug })

      fake.seed.jwtTemplate({
        name: "hasura",
        claims: { name: "{{user.first_name}}", greeting: "hi {{user.first_name}}!", static: [1] }
      })
      const templated = yield* call(
        req("POST", "/sessions/{session_id}/tokens/{template_name}", {
          pathParams: { session_id: session.id, template_name: "hasura" }
        }),
        S.Token
      )
      const claims = jose.decodeJwt(templated.jwt)
      assert.deepStrictEqual(
        [claims.name, claims.greeting, claims.static, claims.sub],
        ["Ada", "hi Ada!", [1], user.id]
      )

      yield* json(req("POST", "/sessions/{session_id}/revoke", onSession))
      const revoked = yield* Effect.flip(json(req("POST", "/sessions/{session_id}/tokens", onSession)))
      assert.strictEqual(revoked._tag, "ClerkValidationError")
    }).pipe(Effect.provide(apiLayer()))
  )

  it("mintSessionToken: v2 claims with the `o` organization claim, verifiable with the PEM jwtKey", async () => {
    const fake = FakeBackend.make({ keys })
    const token = fake.mintSessionToken({
      userId: "user_1",
      sessionId: "sess_1",
      organization: {
        id: "org_1",
        slug: "acme",
        role: "org:admin",
        permissions: ["org:invoices:read", "org:invoices:manage", "org:billing:read"]
      },
      fva: [3, -1]
    })
    const key = await jose.importSPKI(fake.jwtKey, "RS256")
    const { payload, protectedHeader } = await jose.jwtVerify(token, key)
    assert.strictEqual(protectedHeader.kid, keys.kid)
    assert.deepStrictEqual(
      {
        sub: payload.sub,
        sid: payload.sid,
        v: payload.v,
        sts: payload.sts,
        fva: payload.fva,
        fea: payload.fea,
        o: payload.o
      },
      {
        sub: "user_1",
        sid: "sess_1",
        v: 2,
        sts: "active",
        fva: [3, -1],
        fea: "o:invoices,o:billing",
        o: { id: "org_1", rol: "admin", slg: "acme", per: "read,manage", fpm: "3,1" }
      }
    )
    assert.strictEqual(Number(payload.exp) - Number(payload.iat), 60)
    assert.strictEqual(Number(payload.iat) - Number(payload.nbf), 10)
    assert.strictEqual(ClerkConfig.parsePublishableKey(fake.publishableKey)?.frontendApi, fake.frontendApi)
  })
})

describe("FakeBackend: machine authentication", () => {
  it.effect("API keys: create with a secret, list by subject, verify, revoke, then verify fails", () =>
    Effect.gen(function* () {
      const fake = yield* FakeBackend.FakeBackend
      const user = fake.seed.user({})
      const created = yield* call(
        req("POST", "/api_keys", { versionless: true, body: { name: "ci", subject: user.id, scopes: ["read"] } }),
        S.CreateApiKeyResponse
      )
      assert.match(created.secret, /^ak_/)
      const verify = req("POST", "/api_keys/verify", { versionless: true, body: { secret: created.secret } })
      const verified = yield* call(verify, S.ApiKey)
      assert.deepStrictEqual([verified.id, verified.subject, verified.revoked], [created.id, user.id, false])
      // The /v1 form of the path answers too.
      const listed = yield* call(req("GET", "/api_keys", { query: { subject: user.id } }), S.GetApiKeysResponse)
      assert.deepStrictEqual(
        listed.data.map((k) => k.id),
        [created.id]
      )
      yield* json(
        req("POST", "/api_keys/{apiKeyID}/revoke", {
          versionless: true,
          pathParams: { apiKeyID: created.id },
          body: { revocationReason: "leaked" }
        })
      )
      const failed = yield* Effect.flip(json(verify))
      assert.strictEqual(failed._tag, "ClerkNotFoundError")
      const invalid = yield* call(
        req("GET", "/api_keys", { versionless: true, query: { subject: user.id, includeInvalid: true } }),
        S.GetApiKeysResponse
      )
      assert.deepStrictEqual(
        invalid.data.map((k) => [k.revoked, k.revocationReason]),
        [[true, "leaked"]]
      )
      const unknown = yield* Effect.flip(
        json(req("POST", "/api_keys/verify", { versionless: true, body: { secret: "ak_nope" } }))
      )
      assert.strictEqual(unknown._tag, "ClerkNotFoundError")
    }).pipe(Effect.provide(apiLayer()))
  )

  it.effect("M2M tokens: a machine creates, lists, revokes and verifies its tokens (opaque and JWT)", () =>
    Effect.gen(function* () {
      const fake = yield* FakeBackend.FakeBackend
      const machine = fake.seed.machine("worker")
      const asMachine = {
        versionless: true,
        auth: "machineSecretKey" as const,
        bearer: Redacted.make(machine.secretKey)
      }
      const opaque = yield* call(
        req("POST", "/m2m_tokens", { ...asMachine, body: { tokenFormat: "opaque", secondsUntilExpiration: 600 } }),
        S.CreateM2MTokenResponse
      )
      assert.match(opaque.token, /^mt_/)
      assert.strictEqual(opaque.subject, machine.id)
      const verify = (token: string) => req("POST", "/m2m_tokens/verify", { ...asMachine, body: { token } })
      assert.strictEqual((yield* call(verify(opaque.token), S.MachineToMachineToken)).subject, machine.id)
      const jwt = yield* call(
        req("POST", "/m2m_tokens", { ...asMachine, body: { tokenFormat: "jwt" } }),
        S.CreateM2MTokenResponse
      )
      const { payload } = yield* Effect.promise(() =>
        jose.jwtVerify(jwt.token, jose.createLocalJWKSet({ keys: [...fake.jwks.keys] }), { currentDate: new Date(0) })
      )
      assert.deepStrictEqual([payload.sub, payload.jti], [machine.id, jwt.id])
      const listed = yield* call(
        req("GET", "/m2m_tokens", { ...asMachine, query: { subject: machine.id } }),
        S.GetM2MTokensResponse
      )
      assert.strictEqual(listed.totalCount, 2)
      yield* json(
        req("POST", "/m2m_tokens/{m2m_token_id}/revoke", { ...asMachine, pathParams: { m2m_token_id: opaque.id } })
      )
      assert.strictEqual((yield* Effect.flip(json(verify(opaque.token))))._tag, "ClerkNotFoundError")
      const revokedOnly = yield* call(
        req("GET", "/m2m_tokens", { ...asMachine, query: { subject: machine.id, revoked: true } }),
        S.GetM2MTokensResponse
      )
      assert.deepStrictEqual(
        revokedOnly.m2mTokens.map((t) => t.id),
        [opaque.id]
      )
      // Another machine may not list this one's tokens; an unknown bearer is a 401.
      const other = fake.seed.machine("other")
      const forbidden = yield* Effect.flip(
        json(
          req("GET", "/m2m_tokens", {
            ...asMachine,
            bearer: Redacted.make(other.secretKey),
            query: { subject: machine.id }
          })
        )
      )
      assert.strictEqual(forbidden._tag, "ClerkForbiddenError")
      const unknown = yield* Effect.flip(
        json(
          req("GET", "/m2m_tokens", {
            ...asMachine,
            bearer: Redacted.make("ak_nope"),
            query: { subject: machine.id }
          })
        )
      )
      assert.strictEqual(unknown._tag, "ClerkAuthenticationError")
    }).pipe(Effect.provide(apiLayer()))
  )

  it.effect("revokedTokenVerification: flagged answers 200 with revoked set; OAuth tokens verify", () =>
    Effect.gen(function* () {
      const fake = yield* FakeBackend.FakeBackend
      const key = fake.mintMachineToken({ kind: "api_key", subject: "user_1" })
      yield* json(req("POST", "/api_keys/{apiKeyID}/revoke", { versionless: true, pathParams: { apiKeyID: key.id } }))
      const flagged = yield* call(
        req("POST", "/api_keys/verify", { versionless: true, body: { secret: key.token } }),
        S.ApiKey
      )
      assert.isTrue(flagged.revoked)
      const oauth = fake.mintMachineToken({ kind: "oauth_token", subject: "user_1", scopes: ["email"] })
      const verified = yield* call(
        req("POST", "/oauth_applications/access_tokens/verify", {
          versionless: true,
          body: { accessToken: oauth.token }
        }),
        S.ClerkIdpOauthAccessToken
      )
      assert.deepStrictEqual([verified.id, verified.subject, verified.scopes], [oauth.id, "user_1", ["email"]])
      const oauthJwt = fake.mintMachineToken({
        kind: "oauth_token",
        format: "jwt",
        subject: "user_2",
        scopes: ["a", "b"]
      })
      const header = jose.decodeProtectedHeader(oauthJwt.token)
      assert.deepStrictEqual([header.typ, jose.decodeJwt(oauthJwt.token).scope], ["at+jwt", "a b"])
    }).pipe(Effect.provide(apiLayer({}, { revokedTokenVerification: "flagged" })))
  )
})

describe("FakeBackend: instance resources", () => {
  it.effect("invitations, allow/blocklists, redirect URLs, domains and JWT templates", () =>
    Effect.gen(function* () {
      const fake = yield* FakeBackend.FakeBackend
      fake.seed.user({ emailAddress: ["exists@example.com"] })
      const invitation = yield* call(
        req("POST", "/invitations", { body: { emailAddress: "guest@example.com" } }),
        S.Invitation
      )
      const dup = yield* Effect.flip(json(req("POST", "/invitations", { body: { emailAddress: "guest@example.com" } })))
      assert.strictEqual(dup._tag, "ClerkValidationError")
      const existing = yield* Effect.flip(
        json(req("POST", "/invitations", { body: { emailAddress: "exists@example.com" } }))
      )
      assert.strictEqual(existing._tag, "ClerkValidationError")
      yield* call(
        req("POST", "/invitations/{invitation_id}/revoke", { pathParams: { invitation_id: invitation.id } }),
        S.InvitationRevoked
      )
      const revoked = yield* call(
        req("GET", "/invitations", { query: { status: "revoked", paginated: true } }),
        Paginated(S.Invitation)
      )
      assert.deepStrictEqual(
        revoked.data.map((i) => i.id),
        [invitation.id]
      )

      yield* json(req("POST", "/allowlist_identifiers", { body: { identifier: "*@example.com" } }))
      const allow = yield* call(req("GET", "/allowlist_identifiers"), Schema.Array(S.AllowlistIdentifier))
      assert.deepStrictEqual(
        allow.map((a) => a.identifierType),
        ["email_address"]
      )
      const blocked = yield* call(
        req("POST", "/blocklist_identifiers", { body: { identifier: "+15555550100" } }),
        S.BlocklistIdentifier
      )
      assert.strictEqual(blocked.identifierType, "phone_number")
      const blocklist = yield* call(req("GET", "/blocklist_identifiers"), S.BlocklistIdentifierList)
      assert.strictEqual(blocklist.totalCount, 1)

      const redirect = yield* call(req("POST", "/redirect_urls", { body: { url: "myapp://callback" } }), S.RedirectURL)
      yield* call(req("GET", "/redirect_urls/{id}", { pathParams: { id: redirect.id } }), S.RedirectURL)
      yield* json(req("DELETE", "/redirect_urls/{id}", { pathParams: { id: redirect.id } }))
      assert.deepStrictEqual(yield* json(req("GET", "/redirect_urls")), [])

      const domain = yield* call(
        req("POST", "/domains", { body: { name: "sat.example.com", isSatellite: true } }),
        S.Domain
      )
      assert.strictEqual(domain.frontendApiUrl, "https://clerk.sat.example.com")
      assert.strictEqual((yield* call(req("GET", "/domains"), S.DomainList)).totalCount, 1)

      const template = yield* call(
        req("POST", "/jwt_templates", { body: { name: "t", claims: { a: 1 } } }),
        S.JWTTemplate
      )
      const updated = yield* call(
        req("PATCH", "/jwt_templates/{template_id}", {
          pathParams: { template_id: template.id },
          body: { lifetime: 120 }
        }),
        S.JWTTemplate
      )
      assert.deepStrictEqual([updated.lifetime, updated.claims], [120, { a: 1 }])
      const templates = yield* call(
        req("GET", "/jwt_templates", { query: { paginated: true } }),
        Paginated(S.JWTTemplate)
      )
      assert.strictEqual(templates.totalCount, 1)
    }).pipe(Effect.provide(apiLayer()))
  )

  it.effect("operations without state answer with their fixture, path ids filled in", () =>
    Effect.gen(function* () {
      const machine = yield* call(
        req("GET", "/machines/{machine_id}", { pathParams: { machine_id: "mch_123" } }),
        S.Machine
      )
      assert.strictEqual(machine.id, "mch_123")
      const instance = yield* call(req("GET", "/instance"), S.Instance)
      assert.strictEqual(instance.object, "instance")
      const none = yield* json(req("PATCH", "/instance", { body: { testMode: true } }))
      assert.isUndefined(none)
      const page = yield* Effect.flatMap(BackendApi.BackendApi, (api) =>
        api.executeText(req("GET", "/public/interstitial"))
      )
      assert.include(page, "<!DOCTYPE html>")
      const recorder = yield* FakeHttp.Recorder
      assert.strictEqual((yield* recorder.requests).length, 4)
    }).pipe(Effect.provide(apiLayer()))
  )
})
