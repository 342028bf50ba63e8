/**
 * Fixture factories: complete, valid models from a partial input, for scripted answers and assertions.
 *
 * Each factory starts from the spec's example of the model, applies the fields given (camelCase, as on the model),
 * checks the result against the model's schema (a `ParseError` is thrown for a wrong type) and returns the model as
 * the client decodes it. `.wire` gives the same model as wire JSON (snake_case), the body a `FakeHttp` answer needs.
 *
 * ```ts
 * const ada = fixtures.user({ id: "user_ada", firstName: "Ada" })             // a User, every field filled
 * const Http = FakeHttp.layer(FakeHttp.routes({
 *   "GET /v1/users/{user_id}": () => FakeHttp.json(200, fixtures.user.wire({ id: "user_ada", firstName: "Ada" }))
 * }))
 * ```
 *
 * Nested models are models too: `fixtures.user({ emailAddresses: [fixtures.emailAddress({ emailAddress: "a@b.c" })] })`.
 * Every call with no `id` gives the spec example's id; pass `id` when a test needs distinct ones.
 *
 * @module
 */
import * as Schema from "effect/Schema"
import { fixtures as examples } from "../models/generated/fixtures.js"
import * as S from "../models/generated/schemas.js"
import { type DriftIssue, observer } from "../models/internal/observe.js"

/**
 * A fixture factory: `factory(input)` gives the model, `factory.wire(input)` its wire JSON. `P` is the model's
 * fields (camelCase); the input is any subset of them.
 *
 * @since 0.1.0
 * @category Testing
 */
export interface Fixture<A, I, P> {
  /** The complete model: the spec example with `input` applied, as the client decodes it. */
  (input?: Partial<P>): A
  /** The complete model as wire JSON (snake_case), e.g. the body of `FakeHttp.json(200, ...)`. */
  readonly wire: (input?: Partial<P>) => I
  /** The spec schema name the example comes from, e.g. `User`. */
  readonly model: string
}

const factory = <A extends Schema.Struct.Type<F>, I, F extends Schema.Struct.Fields>(
  schema: Schema.Schema<A, I, never> & { readonly fields: F },
  model: string,
  build: (props: Schema.Struct.Type<F>) => A
): Fixture<A, I, Schema.Struct.Type<F>> => {
  const decode = observer(schema)
  const is = Schema.is(schema)
  const encode = Schema.encodeSync(schema)
  let example: A | undefined
  const exampleOf = (): A => (example ??= Schema.decodeUnknownSync(schema)(examples[model]))
  const wire = (input: Partial<Schema.Struct.Type<F>> = {}): I => encode(build(Object.assign({}, exampleOf(), input)))
  const make = (input: Partial<Schema.Struct.Type<F>> = {}): A => {
    const issues: Array<DriftIssue> = []
    const decoded = decode(wire(input), issues)
    if (!is(decoded)) throw new Error(`fixtures: the ${model} built from the input does not decode as a ${model}`)
    return decoded
  }
  return Object.assign(make, { wire, model })
}

/**
 * A `User`.
 *
 * @since 0.1.0
 * @category Testing
 */
export const user = factory(S.User, "User", (p) => new S.User(p))
/**
 * An `EmailAddress`.
 *
 * @since 0.1.0
 * @category Testing
 */
export const emailAddress = factory(S.EmailAddress, "EmailAddress", (p) => new S.EmailAddress(p))
/**
 * A `PhoneNumber`.
 *
 * @since 0.1.0
 * @category Testing
 */
export const phoneNumber = factory(S.PhoneNumber, "PhoneNumber", (p) => new S.PhoneNumber(p))
/**
 * A `Web3Wallet`.
 *
 * @since 0.1.0
 * @category Testing
 */
export const web3Wallet = factory(S.Web3Wallet, "Web3Wallet", (p) => new S.Web3Wallet(p))
/**
 * An `ExternalAccountWithVerification` (a user's OAuth account).
 *
 * @since 0.1.0
 * @category Testing
 */
export const externalAccount = factory(
  S.ExternalAccountWithVerification,
  "ExternalAccountWithVerification",
  (p) => new S.ExternalAccountWithVerification(p)
)
/**
 * A `Passkey`.
 *
 * @since 0.1.0
 * @category Testing
 */
export const passkey = factory(S.Passkey, "Passkey", (p) => new S.Passkey(p))
/**
 * A `SAMLAccount`.
 *
 * @since 0.1.0
 * @category Testing
 */
export const samlAccount = factory(S.SAMLAccount, "SAMLAccount", (p) => new S.SAMLAccount(p))
/**
 * An `EnterpriseAccount`.
 *
 * @since 0.1.0
 * @category Testing
 */
export const enterpriseAccount = factory(S.EnterpriseAccount, "EnterpriseAccount", (p) => new S.EnterpriseAccount(p))
/**
 * An `Organization`.
 *
 * @since 0.1.0
 * @category Testing
 */
export const organization = factory(S.Organization, "Organization", (p) => new S.Organization(p))
/**
 * An `OrganizationMembership`.
 *
 * @since 0.1.0
 * @category Testing
 */
export const organizationMembership = factory(
  S.OrganizationMembership,
  "OrganizationMembership",
  (p) => new S.OrganizationMembership(p)
)
/**
 * An `OrganizationInvitation`.
 *
 * @since 0.1.0
 * @category Testing
 */
export const organizationInvitation = factory(
  S.OrganizationInvitation,
  "OrganizationInvitation",
  (p) => new S.OrganizationInvitation(p)
)
/**
 * An `OrganizationDomain`.
 *
 * @since 0.1.0
 * @category Testing
 */
export const organizationDomain = factory(
  S.OrganizationDomain,
  "OrganizationDomain",
  (p) => new S.OrganizationDomain(p)
)
/**
 * An `Invitation` (to the instance).
 *
 * @since 0.1.0
 * @category Testing
 */
export const invitation = factory(S.Invitation, "Invitation", (p) => new S.Invitation(p))
/**
 * A `Session`.
 *
 * @since 0.1.0
 * @category Testing
 */
export const session = factory(S.Session, "Session", (p) => new S.Session(p))
/**
 * A `Client`.
 *
 * @since 0.1.0
 * @category Testing
 */
export const client = factory(S.Client, "Client", (p) => new S.Client(p))
/**
 * A `Token` (a session token answer, `{ object: "token", jwt }`).
 *
 * @since 0.1.0
 * @category Testing
 */
export const token = factory(S.Token, "Token", (p) => new S.Token(p))
/**
 * An `AllowlistIdentifier`.
 *
 * @since 0.1.0
 * @category Testing
 */
export const allowlistIdentifier = factory(
  S.AllowlistIdentifier,
  "AllowlistIdentifier",
  (p) => new S.AllowlistIdentifier(p)
)
/**
 * A `BlocklistIdentifier`.
 *
 * @since 0.1.0
 * @category Testing
 */
export const blocklistIdentifier = factory(
  S.BlocklistIdentifier,
  "BlocklistIdentifier",
  (p) => new S.BlocklistIdentifier(p)
)
/**
 * A `RedirectURL`.
 *
 * @since 0.1.0
 * @category Testing
 */
export const redirectUrl = factory(S.RedirectURL, "RedirectURL", (p) => new S.RedirectURL(p))
/**
 * A `Domain`.
 *
 * @since 0.1.0
 * @category Testing
 */
export const domain = factory(S.Domain, "Domain", (p) => new S.Domain(p))
/**
 * A `JWTTemplate`.
 *
 * @since 0.1.0
 * @category Testing
 */
export const jwtTemplate = factory(S.JWTTemplate, "JWTTemplate", (p) => new S.JWTTemplate(p))
/**
 * An `ApiKey`.
 *
 * @since 0.1.0
 * @category Testing
 */
export const apiKey = factory(S.ApiKey, "ApiKey", (p) => new S.ApiKey(p))
/**
 * A `MachineToMachineToken`.
 *
 * @since 0.1.0
 * @category Testing
 */
export const m2mToken = factory(S.MachineToMachineToken, "MachineToMachineToken", (p) => new S.MachineToMachineToken(p))
/**
 * A `Machine`.
 *
 * @since 0.1.0
 * @category Testing
 */
export const machine = factory(S.Machine, "Machine", (p) => new S.Machine(p))
/**
 * A `SAMLConnection`.
 *
 * @since 0.1.0
 * @category Testing
 */
export const samlConnection = factory(S.SAMLConnection, "SAMLConnection", (p) => new S.SAMLConnection(p))
/**
 * A `SignInToken`.
 *
 * @since 0.1.0
 * @category Testing
 */
export const signInToken = factory(S.SignInToken, "SignInToken", (p) => new S.SignInToken(p))
/**
 * An `ActorToken`.
 *
 * @since 0.1.0
 * @category Testing
 */
export const actorToken = factory(S.ActorToken, "ActorToken", (p) => new S.ActorToken(p))
/**
 * An `OAuthApplication`.
 *
 * @since 0.1.0
 * @category Testing
 */
export const oauthApplication = factory(S.OAuthApplication, "OAuthApplication", (p) => new S.OAuthApplication(p))
/**
 * A `TestingToken`.
 *
 * @since 0.1.0
 * @category Testing
 */
export const testingToken = factory(S.TestingToken, "TestingToken", (p) => new S.TestingToken(p))
/**
 * A `WaitlistEntry`.
 *
 * @since 0.1.0
 * @category Testing
 */
export const waitlistEntry = factory(S.WaitlistEntry, "WaitlistEntry", (p) => new S.WaitlistEntry(p))

/**
 * A page of a list answer as wire JSON, `{ data, total_count }`: `FakeHttp.json(200, fixtures.page([u1, u2]))`.
 * `totalCount` defaults to the number of items.
 *
 * @since 0.1.0
 * @category Testing
 */
export const page = <I>(
  data: ReadonlyArray<I>,
  totalCount: number = data.length
): {
  readonly data: ReadonlyArray<I>
  readonly total_count: number
} => ({ data, total_count: totalCount })
