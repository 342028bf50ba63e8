/**
 * The fake backend's in-memory state: one `Map` per resource family, keyed by id, in insertion order. Rows are wire
 * objects (snake_case, typed by the encoded side of the generated schemas), plus the few private fields the API never
 * returns (passwords, secrets).
 *
 * @internal
 */
import type * as Schema from "effect/Schema"
import type * as S from "../../models/generated/schemas.js"

/** The wire (encoded) shape of a generated schema. */
export type Wire<T extends Schema.Schema.Any> = Schema.Schema.Encoded<T>

/** A user as stored: everything but the identification arrays, which are rendered from their own maps. */
export type UserCore = Omit<Wire<typeof S.User>, "email_addresses" | "phone_numbers" | "organization_memberships">

/** A stored user. */
export interface UserRow {
  readonly user: UserCore
  readonly password: string | undefined
}

/** A stored email address or phone number, with the user it belongs to. */
export interface IdentificationRow<W> {
  readonly userId: string
  readonly wire: W
}

/** A stored organization membership (rendered with its organization and public user data). */
export interface MembershipRow {
  readonly id: string
  readonly organizationId: string
  readonly userId: string
  readonly role: string
  readonly publicMetadata: Readonly<Record<string, unknown>>
  readonly privateMetadata: Readonly<Record<string, unknown>>
  readonly createdAt: number
  readonly updatedAt: number
}

/** A stored client: its sessions are rendered from the sessions map. */
export interface ClientRow {
  readonly id: string
  readonly createdAt: number
  readonly updatedAt: number
}

/** A stored machine token of any kind, with its opaque secret. */
export interface SecretRow<W> {
  readonly wire: W
  readonly secret: string
}

/** A machine registered with the fake: its secret key authenticates M2M token calls. */
export interface MachineRow {
  readonly id: string
  readonly name: string
  readonly secretKey: string
  readonly createdAt: number
}

/** Every resource family the fake keeps state for. */
export interface State {
  readonly users: Map<string, UserRow>
  readonly emailAddresses: Map<string, IdentificationRow<Wire<typeof S.EmailAddress>>>
  readonly phoneNumbers: Map<string, IdentificationRow<Wire<typeof S.PhoneNumber>>>
  readonly organizations: Map<string, Wire<typeof S.Organization>>
  readonly memberships: Map<string, MembershipRow>
  readonly organizationInvitations: Map<string, Wire<typeof S.OrganizationInvitation>>
  readonly organizationDomains: Map<string, Wire<typeof S.OrganizationDomain>>
  readonly sessions: Map<string, Wire<typeof S.Session>>
  readonly clients: Map<string, ClientRow>
  readonly invitations: Map<string, Wire<typeof S.Invitation>>
  readonly allowlist: Map<string, Wire<typeof S.AllowlistIdentifier>>
  readonly blocklist: Map<string, Wire<typeof S.BlocklistIdentifier>>
  readonly redirectUrls: Map<string, Wire<typeof S.RedirectURL>>
  readonly domains: Map<string, Wire<typeof S.Domain>>
  readonly jwtTemplates: Map<string, Wire<typeof S.JWTTemplate>>
  readonly apiKeys: Map<string, SecretRow<Wire<typeof S.ApiKey>>>
  readonly m2mTokens: Map<string, SecretRow<Wire<typeof S.MachineToMachineToken>>>
  readonly oauthTokens: Map<string, SecretRow<Wire<typeof S.ClerkIdpOauthAccessToken>>>
  readonly machines: Map<string, MachineRow>
}

/** A fresh, empty state. */
export const emptyState = (): State => ({
  users: new Map(),
  emailAddresses: new Map(),
  phoneNumbers: new Map(),
  organizations: new Map(),
  memberships: new Map(),
  organizationInvitations: new Map(),
  organizationDomains: new Map(),
  sessions: new Map(),
  clients: new Map(),
  invitations: new Map(),
  allowlist: new Map(),
  blocklist: new Map(),
  redirectUrls: new Map(),
  domains: new Map(),
  jwtTemplates: new Map(),
  apiKeys: new Map(),
  m2mTokens: new Map(),
  oauthTokens: new Map(),
  machines: new Map()
})

/** Empties every map of `state` in place. */
export const clearState = (state: State): void => {
  for (const map of Object.values(state)) {
    if (map instanceof Map) map.clear()
  }
}

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

/** Deterministic id and secret generation (a seeded mulberry32), so a fake's ids repeat from run to run. */
export interface Ids {
  /** `prefix_` plus 27 base62 characters, the shape of a Clerk id. */
  readonly id: (prefix: string) => string
  /** `prefix_` plus `length` base62 characters. */
  readonly secret: (prefix: string, length?: number) => string
  /** Starts the sequence again. */
  readonly reset: () => void
}

/** Builds the id generator from a numeric seed. */
export const makeIds = (seed: number): Ids => {
  let a = seed >>> 0
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const chars = (length: number): string => {
    let out = ""
    for (let i = 0; i < length; i++) out += ALPHABET[Math.floor(next() * ALPHABET.length)]
    return out
  }
  return {
    id: (prefix) => `${prefix}_${chars(27)}`,
    secret: (prefix, length = 40) => `${prefix}_${chars(length)}`,
    reset: () => {
      a = seed >>> 0
    }
  }
}
