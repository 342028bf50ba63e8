/**
 * Seeding: test-setup helpers that create state through the same code paths as the API calls (so a seed is checked
 * exactly as a request would be) and return the wire (snake_case) objects.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as FakeHttp from "./FakeHttp.js"
import * as S from "../models/generated/schemas.js"
import type { CreateOrganizationParams } from "../resources/organizations/params.js"
import type { CreateUserParams } from "../resources/users/params.js"
import { snakeKeys } from "../services/internal/casing.js"
import type { Dispatch } from "./internal/dispatch.js"
import type { Wire } from "./internal/store.js"

/**
 * Parameters of `seed.user`: the same as `users.createUser`'s.
 *
 * @since 0.1.0
 * @category Testing
 */
export type UserSeed = CreateUserParams

/**
 * Parameters of `seed.organization`: the same as `organizations.createOrganization`'s.
 *
 * @since 0.1.0
 * @category Testing
 */
export type OrganizationSeed = CreateOrganizationParams

/**
 * Test-setup helpers: each creates through the same code path as the API call and returns the wire object.
 *
 * @since 0.1.0
 * @category Testing
 */
export interface FakeSeeder {
  /** A user, from `users.createUser`'s parameters (all optional here). */
  readonly user: (params?: UserSeed) => Wire<typeof S.User>
  /** An organization (`POST /v1/organizations`). */
  readonly organization: (params: OrganizationSeed) => Wire<typeof S.Organization>
  /** A membership of `userId` in `organizationId` (default role `org:member`). */
  readonly membership: (params: {
    readonly organizationId: string
    readonly userId: string
    readonly role?: string | undefined
    readonly [param: string]: unknown
  }) => Wire<typeof S.OrganizationMembership>
  /** A pending invitation to an organization (default role `org:member`). */
  readonly organizationInvitation: (params: {
    readonly organizationId: string
    readonly emailAddress: string
    readonly role?: string | undefined
    readonly [param: string]: unknown
  }) => Wire<typeof S.OrganizationInvitation>
  /** A domain of an organization. */
  readonly organizationDomain: (params: {
    readonly organizationId: string
    readonly name: string
    readonly [param: string]: unknown
  }) => Wire<typeof S.OrganizationDomain>
  /** An active session of `userId`, optionally with an active organization. */
  readonly session: (params: {
    readonly userId: string
    readonly activeOrganizationId?: string | undefined
  }) => Wire<typeof S.Session>
  /** An email address attached to `userId`. */
  readonly emailAddress: (params: {
    readonly userId: string
    readonly emailAddress: string
    readonly [param: string]: unknown
  }) => Wire<typeof S.EmailAddress>
  /** A phone number attached to `userId`. */
  readonly phoneNumber: (params: {
    readonly userId: string
    readonly phoneNumber: string
    readonly [param: string]: unknown
  }) => Wire<typeof S.PhoneNumber>
  /** An invitation to the instance. */
  readonly invitation: (params: {
    readonly emailAddress: string
    readonly [param: string]: unknown
  }) => Wire<typeof S.Invitation>
  /** A JWT template, for `getToken(template)` and `sessions.getToken`. */
  readonly jwtTemplate: (params: {
    readonly name: string
    readonly claims: Readonly<Record<string, unknown>>
    readonly [param: string]: unknown
  }) => Wire<typeof S.JWTTemplate>
  /** An allowlist entry (an email address, phone number, domain or wallet). */
  readonly allowlistIdentifier: (identifier: string) => Wire<typeof S.AllowlistIdentifier>
  /** A blocklist entry. */
  readonly blocklistIdentifier: (identifier: string) => Wire<typeof S.BlocklistIdentifier>
  /** An allowed redirect URL. */
  readonly redirectUrl: (url: string) => Wire<typeof S.RedirectURL>
  /** A domain of the instance (a satellite unless `isSatellite: false`). */
  readonly domain: (params: {
    readonly name: string
    readonly isSatellite?: boolean | undefined
  }) => Wire<typeof S.Domain>
  /** An API key for `subject`; the answer includes its one-time `secret`. */
  readonly apiKey: (params: {
    readonly name: string
    readonly subject: string
    readonly [param: string]: unknown
  }) => Wire<typeof S.CreateApiKeyResponse>
  /** A machine whose `secretKey` (`ak_…`) can be the client's `machineSecretKey`. */
  readonly machine: (name?: string) => { readonly id: string; readonly name: string; readonly secretKey: string }
}

/**
 * A seed helper was given what Clerk would reject; carries the Clerk error.
 *
 * @since 0.1.0
 * @category Testing
 */
export class FakeSeedError extends Schema.TaggedError<FakeSeedError>("effect-clerk/FakeSeedError")("FakeSeedError", {
  status: Schema.Number,
  code: Schema.String,
  detail: Schema.String
}) {
  override get message(): string {
    return `Fake backend rejected the seed (${this.status} ${this.code}): ${this.detail}`
  }
}

const wireOf = <A, I>(schema: Schema.Schema<A, I>): ((u: unknown) => I) =>
  Schema.decodeUnknownSync(Schema.encodedSchema(schema))

/** Decoders of the wire side of what seeds return: they check that the fake's answers are valid wire objects. */
const wire = {
  user: wireOf(S.User),
  organization: wireOf(S.Organization),
  membership: wireOf(S.OrganizationMembership),
  organizationInvitation: wireOf(S.OrganizationInvitation),
  organizationDomain: wireOf(S.OrganizationDomain),
  session: wireOf(S.Session),
  emailAddress: wireOf(S.EmailAddress),
  phoneNumber: wireOf(S.PhoneNumber),
  invitation: wireOf(S.Invitation),
  jwtTemplate: wireOf(S.JWTTemplate),
  allowlistIdentifier: wireOf(S.AllowlistIdentifier),
  blocklistIdentifier: wireOf(S.BlocklistIdentifier),
  redirectUrl: wireOf(S.RedirectURL),
  domain: wireOf(S.Domain),
  apiKey: wireOf(S.CreateApiKeyResponse)
}

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  u !== null && typeof u === "object" && !Array.isArray(u)

const without = (params: Readonly<Record<string, unknown>>, drop: string) =>
  Object.fromEntries(Object.entries(params).filter(([k]) => k !== drop))

/**
 * Builds the seeder of a fake from its dispatcher; `machine` registers a machine directly.
 *
 * @since 0.1.0
 * @category Testing
 */
export const makeSeeder = (
  dispatch: Dispatch,
  machine: (name: string) => { readonly id: string; readonly name: string; readonly secretKey: string }
): FakeSeeder => {
  /** Calls the API as a trusted caller (no auth, no faults) and returns the decoded wire body. */
  const call = <I>(decode: (u: unknown) => I, path: string, body: unknown): I => {
    const text = JSON.stringify(snakeKeys(body, "shallow"))
    const response = dispatch(
      FakeHttp.recordRequest("POST", new URL(`https://api.clerk.com/v1${path}`), {}, text, undefined),
      true
    )
    if (Effect.isEffect(response) || "networkError" in response) {
      throw new FakeSeedError({ status: 0, code: "unexpected", detail: "the fake answered asynchronously" })
    }
    if (response.status >= 400) {
      const errors = isRecord(response.body) && Array.isArray(response.body.errors) ? response.body.errors : []
      const first: Readonly<Record<string, unknown>> = isRecord(errors[0]) ? errors[0] : {}
      throw new FakeSeedError({
        status: response.status,
        code: String(first.code ?? "unknown"),
        detail: String(first.long_message ?? first.message ?? "")
      })
    }
    return decode(response.body)
  }
  const inOrganization = (params: { readonly organizationId: string }, what: string) =>
    `/organizations/${encodeURIComponent(params.organizationId)}/${what}`

  return {
    user: (params = {}) => call(wire.user, "/users", params),
    organization: (params) => call(wire.organization, "/organizations", params),
    membership: (params) =>
      call(wire.membership, inOrganization(params, "memberships"), {
        role: "org:member",
        ...without(params, "organizationId")
      }),
    organizationInvitation: (params) =>
      call(wire.organizationInvitation, inOrganization(params, "invitations"), {
        role: "org:member",
        ...without(params, "organizationId")
      }),
    organizationDomain: (params) =>
      call(wire.organizationDomain, inOrganization(params, "domains"), without(params, "organizationId")),
    session: (params) => call(wire.session, "/sessions", params),
    emailAddress: (params) => call(wire.emailAddress, "/email_addresses", params),
    phoneNumber: (params) => call(wire.phoneNumber, "/phone_numbers", params),
    invitation: (params) => call(wire.invitation, "/invitations", params),
    jwtTemplate: (params) => call(wire.jwtTemplate, "/jwt_templates", params),
    allowlistIdentifier: (identifier) => call(wire.allowlistIdentifier, "/allowlist_identifiers", { identifier }),
    blocklistIdentifier: (identifier) => call(wire.blocklistIdentifier, "/blocklist_identifiers", { identifier }),
    redirectUrl: (url) => call(wire.redirectUrl, "/redirect_urls", { url }),
    domain: (params) => call(wire.domain, "/domains", { isSatellite: true, ...params }),
    apiKey: (params) => call(wire.apiKey, "/api_keys", params),
    machine: (name = "Fake machine") => machine(name)
  }
}
