/**
 * The fake's request dispatch: `/v1` and versionless path handling, route matching (through `FakeHttp.routes`, most
 * specific route first), fault injection, `Authorization` checks, the stateful handler or the fixture answer, and a
 * `clerk_trace_id` on every error body. Nothing a client sends can make it throw.
 *
 * @internal
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { randomBytes } from "node:crypto"
import * as FakeHttp from "../FakeHttp.js"
import { descriptors } from "../../models/generated/descriptors.js"
import { type SpecOperation, specOperations } from "../../models/generated/operations.js"
import type { FaultRegistry } from "../faults.js"
import * as Identifications from "../routes/identifications.js"
import * as Instance from "../routes/instance.js"
import * as Invitations from "../routes/invitations.js"
import * as Machine from "../routes/machine.js"
import * as Memberships from "../routes/memberships.js"
import * as OrganizationDomains from "../routes/organizationDomains.js"
import * as OrganizationInvitations from "../routes/organizationInvitations.js"
import * as Organizations from "../routes/organizations.js"
import * as Restrictions from "../routes/restrictions.js"
import * as Sessions from "../routes/sessions.js"
import * as Users from "../routes/users.js"
import type { FakeKeys } from "../tokens.js"
import { generic } from "./generic.js"
import { type Caller, type Ctx, errorResponse, type HandlerSettings, type Route } from "./http.js"
import type { SecretKeyPolicy } from "./keys.js"
import type { Ids, State } from "./store.js"

const stateful: ReadonlyArray<Readonly<Record<string, Route>>> = [
  Users.routes,
  Identifications.routes,
  Organizations.routes,
  Memberships.routes,
  OrganizationInvitations.routes,
  OrganizationDomains.routes,
  Sessions.routes,
  Invitations.routes,
  Restrictions.routes,
  Instance.routes,
  Machine.routes
]

/** The spec route (`"METHOD /path"`) of every stateful handler. */
export const statefulRoutes: ReadonlyArray<string> = stateful.flatMap((table) => Object.keys(table))

const statefulTable: Readonly<Record<string, Route>> = Object.assign({}, ...stateful)

/** Whether the fake keeps state for a spec route. */
export const isStateful = (route: string): boolean => route in statefulTable

/**
 * Path prefixes served outside `/v1`, from the descriptors: each versionless path up to its first placeholder, less
 * the prefixes another one covers (`/api_keys`, `/m2m_tokens`, `/oauth_applications/access_tokens/verify`).
 */
const VERSIONLESS: ReadonlyArray<string> = (() => {
  const prefixes = [
    ...new Set(descriptors.filter((d) => d.versionless).map((d) => d.path.split("/{")[0]!.replace(/\/+$/, "")))
  ]
  return prefixes.filter((p) => !prefixes.some((q) => q !== p && p.startsWith(`${q}/`))).sort()
})()

const routeOf = (op: SpecOperation) => `${op.method} ${op.path}`

const isParam = (segment: string) => segment.startsWith("{")

/** Literal segments before placeholders, so `/users/count` wins over `/users/{user_id}`. */
const specificity = (a: string, b: string): number => {
  const x = a.split(" ")[1]!.split("/")
  const y = b.split(" ")[1]!.split("/")
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const px = isParam(x[i]!)
    const py = isParam(y[i]!)
    if (px !== py) return px ? 1 : -1
  }
  return 0
}

const sortedOperations = [...specOperations].sort((a, b) => specificity(routeOf(a), routeOf(b)))

const notFoundResponse = (method: string, path: string) =>
  errorResponse(404, {
    code: "resource_not_found",
    message: "not found",
    long_message: `No route ${method} ${path} in the Backend API`
  })

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  u !== null && typeof u === "object" && !Array.isArray(u)

/** Adds a `clerk_trace_id` to Clerk error bodies that lack one. */
const withTraceId = (response: FakeHttp.FakeResponse): FakeHttp.FakeResponse =>
  "status" in response &&
  response.status >= 400 &&
  isRecord(response.body) &&
  Array.isArray(response.body.errors) &&
  response.body.clerk_trace_id === undefined
    ? { ...response, body: { ...response.body, clerk_trace_id: randomBytes(16).toString("hex") } }
    : response

const mapAnswer = (
  answer: FakeHttp.FakeResponse | Effect.Effect<FakeHttp.FakeResponse>,
  f: (response: FakeHttp.FakeResponse) => FakeHttp.FakeResponse
) => (Effect.isEffect(answer) ? Effect.map(answer, f) : f(answer))

/** What the dispatcher works on. */
export interface DispatchEnv {
  readonly secretKey: SecretKeyPolicy
  readonly state: State
  readonly ids: Ids
  readonly keys: FakeKeys
  readonly settings: HandlerSettings
  readonly faults: FaultRegistry
  readonly now: () => number
}

/**
 * Answers a request. `trusted` requests (the seed helpers) skip authentication and faults, and are always answered
 * synchronously.
 */
export type Dispatch = (
  request: FakeHttp.RecordedRequest,
  trusted: boolean
) => FakeHttp.FakeResponse | Effect.Effect<FakeHttp.FakeResponse>

/** Builds the dispatcher of one fake. */
export const makeDispatch = (env: DispatchEnv): Dispatch => {
  const authenticate = (req: FakeHttp.RecordedRequest, route: string): Either.Either<Caller, FakeHttp.FakeResponse> => {
    if (route.startsWith("GET /public/")) return Either.right({ _tag: "Public" })
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers["authorization"] ?? "")?.[1]
    if (bearer === undefined) {
      return Either.left(
        errorResponse(401, {
          code: "authentication_invalid",
          message: "Invalid authentication",
          long_message: "Unable to authenticate the request, you need to supply an active API key"
        })
      )
    }
    if (env.secretKey.accepts(bearer)) return Either.right({ _tag: "Instance" })
    const machine = route.includes(" /m2m_tokens") ? Machine.machineBySecret(env.state, bearer) : undefined
    if (machine !== undefined) return Either.right({ _tag: "Machine", machineId: machine.id })
    return Either.left(
      errorResponse(401, {
        code: "clerk_key_invalid",
        message: "The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.",
        long_message: env.secretKey.expected
      })
    )
  }

  const run = (op: SpecOperation, route: Route, req: FakeHttp.RecordedRequest, caller: Caller) => {
    const ctx: Ctx = {
      req,
      params: req.params,
      op,
      caller,
      state: env.state,
      ids: env.ids,
      keys: env.keys,
      settings: env.settings,
      now: env.now()
    }
    return Either.merge(route(ctx))
  }

  const answer = (op: SpecOperation, route: Route, req: FakeHttp.RecordedRequest, trusted: boolean) => {
    const key = routeOf(op)
    const proceed = () =>
      trusted
        ? run(op, route, req, { _tag: "Instance" })
        : Either.match(authenticate(req, key), { onLeft: (r) => r, onRight: (caller) => run(op, route, req, caller) })
    const fault = trusted ? undefined : env.faults.take(req, { operationId: op.operationId, route: key })
    if (fault === undefined) return proceed()
    switch (fault._tag) {
      case "Respond":
        return fault.response
      case "Hang":
        return Effect.never
      case "Delay":
        return Effect.andThen(Effect.sleep(fault.duration), Effect.sync(proceed))
    }
  }

  const table = (trusted: boolean): FakeHttp.FakeHandler =>
    FakeHttp.routes(
      Object.fromEntries(
        sortedOperations.map((op): [string, FakeHttp.FakeHandler] => [
          routeOf(op),
          (req) => answer(op, statefulTable[routeOf(op)] ?? generic, req, trusted)
        ])
      )
    )
  const tables = { trusted: table(true), untrusted: table(false) }

  return (req, trusted) => {
    const path = req.path.startsWith("/v1/")
      ? req.path.slice(3)
      : VERSIONLESS.some((p) => req.path === p || req.path.startsWith(`${p}/`))
        ? req.path
        : undefined
    if (path === undefined) return withTraceId(notFoundResponse(req.method, req.path))
    try {
      return mapAnswer((trusted ? tables.trusted : tables.untrusted)({ ...req, path }), withTraceId)
    } catch (error) {
      return withTraceId(
        error instanceof URIError
          ? notFoundResponse(req.method, req.path)
          : errorResponse(500, {
              code: "internal_clerk_error",
              message: "Oops, an unexpected error occurred",
              long_message: `The fake backend failed: ${error instanceof Error ? error.message : String(error)}`
            })
      )
    }
  }
}
