/**
 * Instance-level resources: redirect URLs, satellite domains, JWT templates, the JWKS (the fake's signing key) and
 * the public interstitial page.
 *
 * @internal
 */
import * as Either from "effect/Either"
import * as FakeHttp from "../FakeHttp.js"
import type * as S from "../../models/generated/schemas.js"
import {
  body,
  type Ctx,
  deleted,
  fail,
  identifierExists,
  invalid,
  list,
  missing,
  notFound,
  ok,
  optBool,
  optInt,
  optRecord,
  optString,
  reqString,
  type RouteTable
} from "../internal/http.js"
import type { Wire } from "../internal/store.js"

type Template = Wire<typeof S.JWTTemplate>

const byId = <A>(map: ReadonlyMap<string, A>, id: string | undefined, what: string) => {
  const found = map.get(id ?? "")
  return found === undefined ? notFound(what) : Either.right(found)
}

const templateNameTaken = (ctx: Ctx, name: string, except?: string) =>
  [...ctx.state.jwtTemplates.values()].some((t) => t.id !== except && t.name === name)

const templateFields = (ctx: Ctx, current: Template | undefined) =>
  Either.gen(function* () {
    const b = yield* body(ctx)
    const name = current === undefined ? yield* reqString(b, "name") : ((yield* optString(b, "name")) ?? current.name)
    if (templateNameTaken(ctx, name, current?.id)) return yield* identifierExists("name", "template name")
    const claims = yield* optRecord(b, "claims")
    if (claims === undefined && current === undefined) {
      return yield* missing("claims")
    }
    const lifetime = (yield* optInt(b, "lifetime")) ?? current?.lifetime ?? 60
    if (lifetime < 30 || lifetime > 315_360_000) return yield* invalid("lifetime", "must be between 30 and 315360000.")
    return {
      name,
      claims: claims ?? current?.claims ?? {},
      lifetime,
      allowed_clock_skew: (yield* optInt(b, "allowed_clock_skew")) ?? current?.allowed_clock_skew ?? 5,
      custom_signing_key: (yield* optBool(b, "custom_signing_key")) ?? current?.custom_signing_key ?? false,
      signing_algorithm: (yield* optString(b, "signing_algorithm")) ?? current?.signing_algorithm ?? "RS256"
    }
  })

/**
 * The redirect URL, domain, JWT template and JWKS routes.
 *
 * @since 0.1.0
 * @category Testing
 */
export const routes: RouteTable = {
  "GET /jwks": (ctx) => ok({ keys: [ctx.keys.jwk] }),
  "GET /public/interstitial": (ctx) =>
    Either.right(
      FakeHttp.text(
        200,
        `<!DOCTYPE html><html><head><title>Clerk interstitial</title></head><body data-frontend-api="${ctx.settings.issuer.replace(
          /^https:\/\//,
          ""
        )}"></body></html>`
      )
    ),
  "GET /redirect_urls": (ctx) => list(ctx, [...ctx.state.redirectUrls.values()]),
  "POST /redirect_urls": (ctx) =>
    Either.gen(function* () {
      const url = yield* reqString(yield* body(ctx), "url")
      if (!/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(url)) return yield* invalid("url", "must be a valid URL.")
      if ([...ctx.state.redirectUrls.values()].some((r) => r.url === url)) {
        return yield* fail(422, {
          code: "duplicate_record",
          message: "duplicate record",
          long_message: `${url} is already a redirect URL.`,
          meta: { param_name: "url" }
        })
      }
      const wire = {
        object: "redirect_url" as const,
        id: ctx.ids.id("ru"),
        url,
        created_at: ctx.now,
        updated_at: ctx.now
      }
      ctx.state.redirectUrls.set(wire.id, wire)
      return yield* ok(wire)
    }),
  "GET /redirect_urls/{id}": (ctx) => Either.flatMap(byId(ctx.state.redirectUrls, ctx.params.id, "Redirect URL"), ok),
  "DELETE /redirect_urls/{id}": (ctx) =>
    Either.flatMap(byId(ctx.state.redirectUrls, ctx.params.id, "Redirect URL"), (r) => {
      ctx.state.redirectUrls.delete(r.id)
      return deleted("redirect_url", r.id)
    }),
  "GET /domains": (ctx) => list(ctx, [...ctx.state.domains.values()]),
  "POST /domains": (ctx) =>
    Either.gen(function* () {
      const b = yield* body(ctx)
      const name = yield* reqString(b, "name")
      const satellite = yield* optBool(b, "is_satellite")
      if (satellite === undefined) {
        return yield* missing("is_satellite")
      }
      if ([...ctx.state.domains.values()].some((d) => d.name === name)) return yield* identifierExists("name", "domain")
      const wire: Wire<typeof S.Domain> = {
        object: "domain",
        id: ctx.ids.id("dmn"),
        name,
        is_satellite: satellite,
        frontend_api_url: `https://clerk.${name}`,
        accounts_portal_url: satellite ? null : `https://accounts.${name}`,
        proxy_url: (yield* optString(b, "proxy_url")) ?? null,
        development_origin: "",
        cname_targets: null
      }
      ctx.state.domains.set(wire.id, wire)
      return yield* ok(wire)
    }),
  "PATCH /domains/{domain_id}": (ctx) =>
    Either.gen(function* () {
      const domain = yield* byId(ctx.state.domains, ctx.params.domain_id, "Domain")
      const b = yield* body(ctx)
      const name = (yield* optString(b, "name")) ?? domain.name
      const proxyUrl = yield* optString(b, "proxy_url")
      const next = {
        ...domain,
        name,
        frontend_api_url: `https://clerk.${name}`,
        ...(proxyUrl !== undefined ? { proxy_url: proxyUrl } : {})
      }
      ctx.state.domains.set(domain.id, next)
      return yield* ok(next)
    }),
  "DELETE /domains/{domain_id}": (ctx) =>
    Either.flatMap(byId(ctx.state.domains, ctx.params.domain_id, "Domain"), (d) => {
      ctx.state.domains.delete(d.id)
      return deleted("domain", d.id)
    }),
  "GET /jwt_templates": (ctx) => list(ctx, [...ctx.state.jwtTemplates.values()]),
  "POST /jwt_templates": (ctx) =>
    Either.gen(function* () {
      const fields = yield* templateFields(ctx, undefined)
      const wire: Template = {
        object: "jwt_template",
        id: ctx.ids.id("jtmp"),
        ...fields,
        created_at: ctx.now,
        updated_at: ctx.now
      }
      ctx.state.jwtTemplates.set(wire.id, wire)
      return yield* ok(wire)
    }),
  "GET /jwt_templates/{template_id}": (ctx) =>
    Either.flatMap(byId(ctx.state.jwtTemplates, ctx.params.template_id, "JWT template"), ok),
  "PATCH /jwt_templates/{template_id}": (ctx) =>
    Either.gen(function* () {
      const current = yield* byId(ctx.state.jwtTemplates, ctx.params.template_id, "JWT template")
      const next = { ...current, ...(yield* templateFields(ctx, current)), updated_at: ctx.now }
      ctx.state.jwtTemplates.set(current.id, next)
      return yield* ok(next)
    }),
  "DELETE /jwt_templates/{template_id}": (ctx) =>
    Either.flatMap(byId(ctx.state.jwtTemplates, ctx.params.template_id, "JWT template"), (t) => {
      ctx.state.jwtTemplates.delete(t.id)
      return deleted("jwt_template", t.id)
    })
}
