/**
 * The one decoder for data Clerk sends: a Schema's AST compiled once into a plain function that renames keys, checks
 * types, applies defaults and builds the model classes, and that tolerates drift instead of failing on it.
 *
 * "Strict where it protects, tolerant where it only observes": a field that is missing, `null` where the spec says
 * otherwise, of another primitive type, an enum value or union member the spec does not list, is kept as received
 * and reported as a {@link DriftIssue}. Values that match the schema come out exactly as `Schema.decodeUnknown` gives
 * them (a test runs both on every fixture).
 *
 * @module
 */
import * as Either from "effect/Either"
import { identity } from "effect/Function"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import { specRequiredDefaults } from "../generated/operations.js"

/** What kind of mismatch a {@link DriftIssue} is. */
export type DriftKind = "missing" | "null" | "type" | "value" | "union" | "extra"

/**
 * One place where received data differs from the spec. It names the place, never the value (values may be personal
 * data).
 */
export interface DriftIssue {
  /** The nearest model class, e.g. `User`. */
  readonly model: string
  /** The wire path inside that model, e.g. `email_addresses[].verification.status` (`""` for the model itself). */
  readonly path: string
  readonly kind: DriftKind
  /** What the spec says, e.g. `string`, `"user"`, `EmailAddress`. */
  readonly expected: string
  /** What came: `undefined`, `null`, `number`, `string "..."` for enum values (the value itself is not kept). */
  readonly received: string
}

/** A compiled decoder: returns the decoded value, pushing each mismatch into `issues`. */
export type Observer = (input: unknown, issues: Array<DriftIssue>) => unknown

interface Site {
  readonly model: string
  readonly path: string
}

const received = (value: unknown): string =>
  value === undefined ? "undefined" : value === null ? "null" : Array.isArray(value) ? "array" : typeof value

const push = (issues: Array<DriftIssue>, site: Site, kind: DriftKind, expected: string, value: unknown): void => {
  issues.push({ model: site.model, path: site.path, kind, expected, received: received(value) })
}

const at = (site: Site, key: string): Site => ({
  model: site.model,
  path: site.path === "" ? key : `${site.path}.${key}`
})

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

/** A record of unknown values (metadata): decoded as the received object itself. */
export const isUnknownRecord = (ast: AST.TypeLiteral): boolean => {
  const index = ast.indexSignatures[0]
  return (
    ast.propertySignatures.length === 0 &&
    index !== undefined &&
    ast.indexSignatures.length === 1 &&
    index.parameter._tag === "StringKeyword" &&
    (index.type._tag === "UnknownKeyword" || index.type._tag === "AnyKeyword")
  )
}

/**
 * Whether a value of this type decodes to the received value itself, drifted or not: primitives, literals, enums,
 * unknown, records of unknown, and unions of those. An array of them is then checked and kept as it came (no copy).
 */
export const decodesToItself = (ast: AST.AST): boolean => {
  switch (ast._tag) {
    case "StringKeyword":
    case "NumberKeyword":
    case "BooleanKeyword":
    case "UnknownKeyword":
    case "AnyKeyword":
    case "UndefinedKeyword":
    case "Literal":
      return true
    case "Union":
      return ast.types.every(decodesToItself)
    case "TypeLiteral":
      return isUnknownRecord(ast)
    default:
      return false
  }
}

const modelName = (ast: AST.AST): string | undefined => {
  const id = Option.getOrUndefined(AST.getIdentifierAnnotation(ast))
  return id === undefined ? undefined : id.replace(/^effect-clerk\//, "")
}

const classCache = new WeakMap<AST.AST, Observer>()
/** Class decoders generated at build time (src/models/generated/decoders.ts), used in place of compiling. */
const generated = new WeakMap<AST.AST, Observer>()

/** Decodes with Schema itself, for AST nodes the compiler does not specialise; a failure keeps the input. */
const viaSchema = (ast: AST.AST, site: Site): Observer => {
  const decode = ParseResult.decodeUnknownEither(Schema.make(ast))
  const expected = String(ast)
  return (input, issues) => {
    const result = decode(input)
    if (Either.isRight(result)) return result.right
    push(issues, site, "value", expected, input)
    return input
  }
}

const compile = (ast: AST.AST, site: Site): Observer => {
  switch (ast._tag) {
    case "StringKeyword":
    case "NumberKeyword":
    case "BooleanKeyword": {
      const type = ast._tag === "StringKeyword" ? "string" : ast._tag === "NumberKeyword" ? "number" : "boolean"
      return (input, issues) => {
        if (typeof input !== type)
          push(issues, site, input === null ? "null" : input === undefined ? "missing" : "type", type, input)
        return input
      }
    }
    case "UnknownKeyword":
    case "AnyKeyword":
      return identity
    case "Literal": {
      const literal = ast.literal
      const expected = JSON.stringify(literal)
      return (input, issues) => {
        if (input !== literal) push(issues, site, input === null ? "null" : "value", expected, input)
        return input
      }
    }
    case "TupleType":
      return compileArray(ast, site)
    case "TypeLiteral":
      return compileStruct(ast, undefined, site)
    case "Union":
      return compileUnion(ast, site)
    case "Refinement": {
      const from = compile(ast.from, site)
      const expected = String(ast)
      return (input, issues) => {
        const before = issues.length
        const value = from(input, issues)
        if (issues.length === before && Option.isSome(ast.filter(value, AST.defaultParseOption, ast))) {
          push(issues, site, "value", expected, value)
        }
        return value
      }
    }
    case "Suspend": {
      let inner: Observer | undefined
      return (input, issues) => (inner ??= compile(ast.f(), site))(input, issues)
    }
    case "Transformation":
      return compileTransformation(ast, site)
    default:
      return viaSchema(ast, site)
  }
}

const compileArray = (ast: AST.TupleType, site: Site): Observer => {
  if (ast.elements.length > 0 || ast.rest.length !== 1) return viaSchema(ast, site)
  const itemType = ast.rest[0]!.type
  const item = compile(itemType, { model: site.model, path: `${site.path}[]` })
  if (decodesToItself(itemType)) {
    // Every item comes out as received: check them (for the drift report) and keep the array as it came.
    return (input, issues) => {
      if (!Array.isArray(input)) {
        push(issues, site, input === null ? "null" : input === undefined ? "missing" : "type", "array", input)
        return input
      }
      for (let i = 0; i < input.length; i++) item(input[i], issues)
      return input
    }
  }
  return (input, issues) => {
    if (!Array.isArray(input)) {
      push(issues, site, input === null ? "null" : input === undefined ? "missing" : "type", "array", input)
      return input
    }
    const out = new Array<unknown>(input.length)
    for (let i = 0; i < input.length; i++) out[i] = item(input[i], issues)
    return out
  }
}

/** One property of a struct as the decoder sees it: wire key, model key, and its wire-side type. */
export interface FieldPlan {
  readonly from: string
  readonly to: string
  readonly optional: boolean
  readonly type: AST.AST
  /** A non-identity key transformation (a default), applied to the Option of the decoded value. */
  readonly transform: ((o: Option.Option<unknown>) => Option.Option<unknown>) | undefined
  /** A key the spec requires that decodes to a default when missing: a missing one is still drift. */
  readonly requiredDefault: boolean
}

interface Field extends FieldPlan {
  readonly decode: Observer
  readonly site: Site
}

const fieldPlans = (
  ast: AST.TypeLiteral,
  renames: ReadonlyArray<AST.PropertySignatureTransformation> | undefined,
  site: Site
): ReadonlyArray<FieldPlan> => {
  const byFrom = new Map((renames ?? []).map((pst) => [pst.from, pst]))
  const defaulted = site.path === "" ? specRequiredDefaults[site.model] : undefined
  return ast.propertySignatures.map((ps) => {
    const name = String(ps.name)
    const pst = byFrom.get(ps.name)
    return {
      from: name,
      to: pst === undefined ? name : String(pst.to),
      optional: ps.isOptional,
      type: ps.type,
      transform: pst === undefined || pst.decode === identity ? undefined : pst.decode,
      requiredDefault: defaulted?.includes(name) === true
    }
  })
}

/** Writes the decoded fields of `input` into `out`; `input` is already known to be a record. */
type Fill = (input: Record<string, unknown>, issues: Array<DriftIssue>, out: Record<string, unknown>) => void

interface Struct {
  /** The output keys, in the order `fill` writes them. */
  readonly keys: ReadonlyArray<string>
  readonly fill: Fill
}

const compileStruct = (
  ast: AST.TypeLiteral,
  renames: ReadonlyArray<AST.PropertySignatureTransformation> | undefined,
  site: Site
): Observer => {
  if (renames === undefined && isUnknownRecord(ast)) {
    // A record of unknown values (metadata) comes out as the received object itself.
    return (input, issues) => {
      if (!isRecord(input)) push(issues, site, kindOf(input), "object", input)
      return input
    }
  }
  const struct = compileFields(ast, renames, site)
  if (struct === undefined) return viaSchema(ast, site)
  const fill = struct.fill
  return (input, issues) => {
    if (!isRecord(input)) {
      push(issues, site, kindOf(input), "object", input)
      return input
    }
    const out: Record<string, unknown> = {}
    fill(input, issues, out)
    return out
  }
}

const kindOf = (input: unknown): DriftKind => (input === null ? "null" : input === undefined ? "missing" : "type")

const compileFields = (
  ast: AST.TypeLiteral,
  renames: ReadonlyArray<AST.PropertySignatureTransformation> | undefined,
  site: Site
): Struct | undefined => {
  const fields: ReadonlyArray<Field> = fieldPlans(ast, renames, site).map((plan) => {
    const fieldSite = at(site, plan.from)
    return { ...plan, decode: compile(plan.type, fieldSite), site: fieldSite }
  })
  const known = new Set(fields.map((field) => field.from))
  const index =
    ast.indexSignatures.length === 1 && ast.indexSignatures[0]!.parameter._tag === "StringKeyword"
      ? compile(ast.indexSignatures[0]!.type, at(site, "*"))
      : undefined
  if (ast.indexSignatures.length > 0 && index === undefined) return undefined
  const count = fields.length
  const fill: Fill = (input, issues, out) => {
    let present = 0
    for (let i = 0; i < count; i++) {
      const field = fields[i]!
      const value = input[field.from]
      if (value === undefined && !(field.from in input)) {
        if (field.transform !== undefined) {
          if (field.requiredDefault) push(issues, field.site, "missing", "a value", undefined)
          const filled = field.transform(Option.none())
          if (Option.isSome(filled)) out[field.to] = filled.value
        } else if (!field.optional) {
          push(issues, field.site, "missing", "a value", undefined)
        }
        continue
      }
      present++
      const decoded = field.decode(value, issues)
      if (field.transform !== undefined) {
        const filled = field.transform(Option.some(decoded))
        if (Option.isSome(filled)) out[field.to] = filled.value
      } else {
        out[field.to] = decoded
      }
    }
    if (index !== undefined) {
      for (const key of Object.keys(input)) {
        if (!known.has(key)) out[key] = index(input[key], issues)
      }
    } else if (keyCount(input) > present) {
      for (const key of Object.keys(input)) {
        if (!known.has(key)) push(issues, at(site, key), "extra", "no such field", input[key])
      }
    }
  }
  return { keys: fields.map((field) => field.to), fill }
}

/** A property whose type is a literal, present in every member: the union's discriminator. */
const discriminator = (members: ReadonlyArray<AST.AST>): string | undefined => {
  const literalKeys = members.map((member) => {
    const struct = structOf(member)
    if (struct === undefined) return new Set<string>()
    return new Set(
      struct.propertySignatures
        .filter((ps) => !ps.isOptional && literalsOf(ps.type) !== undefined)
        .map((ps) => String(ps.name))
    )
  })
  const first = literalKeys[0]
  if (first === undefined) return undefined
  for (const key of first) {
    if (literalKeys.every((keys) => keys.has(key))) {
      const values = members.flatMap((member) => literalsOf(propertyType(member, key)!) ?? [])
      if (new Set(values).size === values.length) return key
    }
  }
  return undefined
}

/** The wire-side struct of a class or struct schema. */
const structOf = (ast: AST.AST): AST.TypeLiteral | undefined => {
  if (ast._tag === "TypeLiteral") return ast
  if (ast._tag === "Transformation") return structOf(ast.from)
  if (ast._tag === "Suspend") return structOf(ast.f())
  return undefined
}

const propertyType = (ast: AST.AST, key: string): AST.AST | undefined =>
  structOf(ast)?.propertySignatures.find((ps) => ps.name === key)?.type

const literalsOf = (ast: AST.AST): ReadonlyArray<AST.LiteralValue> | undefined => {
  if (ast._tag === "Literal") return [ast.literal]
  if (ast._tag === "Union" && ast.types.every((member) => member._tag === "Literal")) {
    return ast.types.map((member) => (member as AST.Literal).literal)
  }
  return undefined
}

/**
 * Annotation of a union schema: picks the member a received value belongs to (its index in the union), for unions
 * whose members share no discriminator. Tolerant decoding then decodes the value with that member and reports its
 * drift, where it would otherwise keep a value that matches no member exactly as received. A result outside the
 * members keeps the value as received, with a `union` drift entry. Strict decoding ignores it.
 */
export const UnionMemberOf: unique symbol = Symbol.for("effect-clerk/UnionMemberOf")

/** The function a {@link UnionMemberOf} annotation holds. */
export type UnionMemberSelector = (input: unknown) => number

const compileUnion = (ast: AST.Union, site: Site): Observer => {
  const members = ast.types
  const select = AST.getAnnotation<UnionMemberSelector>(UnionMemberOf)(ast)
  if (Option.isSome(select)) {
    const byIndex = members.map((member) => compile(member, site))
    const expected = members.map((member) => modelName(member) ?? String(member)).join(" | ")
    return (input, issues) => {
      const member = byIndex[select.value(input)]
      if (member !== undefined) return member(input, issues)
      push(issues, site, "union", expected, input)
      return input
    }
  }
  const literals = literalsOf(ast)
  if (literals !== undefined) {
    const allowed = new Set(literals)
    const expected = literals.map((literal) => JSON.stringify(literal)).join(" | ")
    return (input, issues) => {
      if (!allowed.has(input as AST.LiteralValue))
        push(issues, site, input === null ? "null" : "value", expected, input)
      return input
    }
  }
  const isNull = (member: AST.AST) => member._tag === "Literal" && member.literal === null
  const isUndefined = (member: AST.AST) => member._tag === "UndefinedKeyword"
  const acceptsUndefined = members.some(isUndefined)
  const nonNull = members.filter((member) => !isNull(member) && !isUndefined(member))
  const acceptsNull = members.some(isNull)
  if (nonNull.length === 1) {
    const only = compile(nonNull[0]!, site)
    if (acceptsNull && acceptsUndefined) {
      return (input, issues) => (input === null || input === undefined ? input : only(input, issues))
    }
    if (acceptsNull) return (input, issues) => (input === null ? null : only(input, issues))
    if (acceptsUndefined) return (input, issues) => (input === undefined ? undefined : only(input, issues))
    return only
  }
  const compiled = nonNull.map((member) => compile(member, site))
  const key = discriminator(nonNull)
  const expected = nonNull.map((member) => modelName(member) ?? String(member)).join(" | ")
  if (key !== undefined) {
    const byValue = new Map<unknown, Observer>()
    nonNull.forEach((member, i) => {
      for (const value of literalsOf(propertyType(member, key)!) ?? []) byValue.set(value, compiled[i]!)
    })
    return (input, issues) => {
      if ((input === null && acceptsNull) || (input === undefined && acceptsUndefined)) return input
      const member = isRecord(input) ? byValue.get(input[key]) : undefined
      if (member !== undefined) return member(input, issues)
      push(issues, site, "union", expected, input)
      return input
    }
  }
  const guards = nonNull.map(literalGuards)
  return (input, issues) => {
    if ((input === null && acceptsNull) || (input === undefined && acceptsUndefined)) return input
    for (let i = 0; i < compiled.length; i++) {
      // A member whose literal-typed field the input contradicts cannot match, as in Schema: skip its trial decode.
      if (isRecord(input) && !admits(guards[i]!, input)) continue
      const member = compiled[i]!
      const attempt: Array<DriftIssue> = []
      const value = member(input, attempt)
      if (!hasMismatch(attempt)) {
        issues.push(...attempt)
        return value
      }
    }
    push(issues, site, "union", expected, input)
    return input
  }
}

/** A literal-typed field of a union member: the values it allows, and whether it may be absent. */
interface LiteralGuard {
  readonly key: string
  readonly values: ReadonlySet<AST.LiteralValue>
  readonly optional: boolean
}

const literalGuards = (member: AST.AST): ReadonlyArray<LiteralGuard> => {
  const struct = structOf(member)
  if (struct === undefined) return []
  return struct.propertySignatures.flatMap((ps) => {
    const type =
      ps.isOptional && ps.type._tag === "Union"
        ? AST.Union.make(ps.type.types.filter((t) => t._tag !== "UndefinedKeyword"))
        : ps.type
    const values = literalsOf(type)
    return values === undefined ? [] : [{ key: String(ps.name), values: new Set(values), optional: ps.isOptional }]
  })
}

const admits = (guards: ReadonlyArray<LiteralGuard>, input: Record<string, unknown>): boolean => {
  for (const guard of guards) {
    const value = input[guard.key]
    if (value === undefined ? !guard.optional : !guard.values.has(value as AST.LiteralValue)) return false
  }
  return true
}

const compileTransformation = (ast: AST.Transformation, site: Site): Observer => {
  const transformation = ast.transformation
  if (transformation._tag === "TypeLiteralTransformation" && ast.from._tag === "TypeLiteral") {
    return compileStruct(ast.from, transformation.propertySignatureTransformations, site)
  }
  if (
    transformation._tag === "FinalTransformation" &&
    ast.to._tag === "Declaration" &&
    structOf(ast.from) !== undefined
  ) {
    const built = generated.get(ast)
    if (built !== undefined) return built
    const cached = classCache.get(ast)
    if (cached !== undefined) return cached
    const model = modelName(ast.to)
    let self: Observer | undefined
    const lazy: Observer = (input, issues) => (self ??= compileClass(ast, transformation, model, site))(input, issues)
    classCache.set(ast, lazy)
    return lazy
  }
  return viaSchema(ast, site)
}

/** A class whose prototype reads `_raw` keeps the JSON it was decoded from, as received, in that own property. */
const keepsRaw = (instance: object): boolean => {
  const proto: unknown = Object.getPrototypeOf(instance)
  return typeof proto === "object" && proto !== null && "_raw" in proto
}

/** The struct behind a class's `from` side, when the compiler can fill it field by field. */
const classFields = (from: AST.AST, site: Site): Struct | undefined => {
  if (from._tag === "TypeLiteral") return compileFields(from, undefined, site)
  if (
    from._tag === "Transformation" &&
    from.transformation._tag === "TypeLiteralTransformation" &&
    from.from._tag === "TypeLiteral"
  ) {
    return compileFields(from.from, from.transformation.propertySignatureTransformations, site)
  }
  return undefined
}

interface Layout {
  readonly proto: object
  /** Own properties the constructor adds as copies of a field (wire-name aliases), as `[alias, field]`. */
  readonly aliases: ReadonlyArray<readonly [string, string]>
  readonly raw: boolean
}

/**
 * Learns what the class constructor does with a value, once: it is run on a probe whose every field is a distinct
 * marker object. When the instance holds exactly the probe's fields plus copies of some of them (wire-name aliases
 * set by field initializers), later instances are built on the prototype directly, which the fixture test holds
 * equal to the constructor's. Anything else (symbols, computed fields) keeps the constructor.
 */
const learnLayout = (
  ast: AST.Transformation,
  transformation: AST.FinalTransformation,
  keys: ReadonlyArray<string>
): Layout | undefined => {
  const probe: Record<string, unknown> = {}
  for (const key of keys) probe[key] = { probe: key }
  let built: unknown
  try {
    built = transformation.decode(probe, AST.defaultParseOption, ast, probe)
  } catch {
    return undefined
  }
  if (!Either.isEither(built) || Either.isLeft(built)) return undefined
  const instance: unknown = built.right
  if (typeof instance !== "object" || instance === null || Object.getOwnPropertySymbols(instance).length > 0) {
    return undefined
  }
  const own = Object.keys(instance)
  if (own.length < keys.length || keys.some((key, i) => own[i] !== key || Reflect.get(instance, key) !== probe[key])) {
    return undefined
  }
  const aliases: Array<readonly [string, string]> = []
  for (const alias of own.slice(keys.length)) {
    const value: unknown = Reflect.get(instance, alias)
    const source = keys.find((key) => probe[key] === value)
    if (source === undefined) return undefined
    aliases.push([alias, source])
  }
  return { proto: Object.getPrototypeOf(instance) as object, aliases, raw: keepsRaw(instance) }
}

/**
 * A maker of empty instances on `proto`. They come from a constructor function rather than `Object.create`: V8 then
 * learns from the first instances how many fields they get and sizes later ones for them, so filling a model field by
 * field neither grows its property storage step by step nor leaves the outgrown copies as garbage (for a page of 500
 * users, about a quarter of the decoding time and of the young-generation GCs).
 */
export const instanceMaker = (proto: object): (() => Record<string, unknown>) => {
  function Instance() {}
  Instance.prototype = proto
  // TypeScript gives a function declaration no construct signature outside JavaScript files.
  const Make = Instance as unknown as new () => Record<string, unknown>
  return () => new Make()
}

const defineRaw = (instance: object, input: unknown): void => {
  Object.defineProperty(instance, "_raw", { value: input, enumerable: true, writable: true, configurable: true })
}

const compileClass = (
  ast: AST.Transformation,
  transformation: AST.FinalTransformation,
  model: string | undefined,
  outer: Site
): Observer => {
  const site: Site = model === undefined ? outer : { model, path: "" }
  const struct = classFields(ast.from, site)
  const layout = struct === undefined ? undefined : learnLayout(ast, transformation, struct.keys)
  if (struct !== undefined && layout !== undefined) {
    const { aliases, proto, raw } = layout
    const fill = struct.fill
    const make = instanceMaker(proto)
    return (input, issues) => {
      if (!isRecord(input)) {
        push(issues, site, kindOf(input), "object", input)
        return input
      }
      const instance = make()
      fill(input, issues, instance)
      for (let i = 0; i < aliases.length; i++) instance[aliases[i]![0]] = instance[aliases[i]![1]]
      if (raw) defineRaw(instance, input)
      return instance
    }
  }
  // The general path: the class constructor builds every instance.
  const props = compile(ast.from, site)
  let raw: boolean | undefined
  return (input, issues) => {
    const value = props(input, issues)
    if (!isRecord(value)) return value
    const built = transformation.decode(value, AST.defaultParseOption, ast, input)
    if (!Either.isEither(built) || Either.isLeft(built)) return value
    const instance: unknown = built.right
    if (typeof instance === "object" && instance !== null) {
      raw ??= keepsRaw(instance)
      if (raw) defineRaw(instance, input)
    }
    return instance
  }
}

const observers = new WeakMap<AST.AST, Observer>()

/** The compiled decoder of `schema`, built on first use and kept for the schema's lifetime. */
export const observer = (schema: Schema.Schema.All): Observer => {
  const cached = observers.get(schema.ast)
  if (cached !== undefined) return cached
  const built = compile(schema.ast, { model: modelName(schema.ast) ?? "response", path: "" })
  observers.set(schema.ast, built)
  return built
}

/** Whether any issue is a real mismatch (an extra key is reported but does not make a strict decode fail). */
export const hasMismatch = (issues: ReadonlyArray<DriftIssue>): boolean =>
  issues.some((issue) => issue.kind !== "extra")

/** What a schema expects at the top: an object, an array, or anything else (a union, a primitive). */
export const topLevelKind = (schema: Schema.Schema.All): "object" | "array" | "other" => {
  let ast = schema.ast
  for (;;) {
    if (ast._tag === "Transformation" || ast._tag === "Refinement") ast = ast.from
    else if (ast._tag === "Suspend") ast = ast.f()
    else break
  }
  return ast._tag === "TypeLiteral" ? "object" : ast._tag === "TupleType" ? "array" : "other"
}

// ---------------------------------------------------------------------------------------------------------------
// Build-time generated decoders (scripts/generate-decoders.ts) share the rules above through what follows.

/** What the decoder generator needs of a model class; `undefined` when the class is decoded by compiling. */
export interface ClassPlan {
  readonly model: string
  readonly fields: ReadonlyArray<FieldPlan>
  /** The class prototype every instance is built on. */
  readonly proto: object
  readonly aliases: ReadonlyArray<readonly [string, string]>
  readonly raw: boolean
}

const classParts = (schema: Schema.Schema.All) => {
  const ast = schema.ast
  if (ast._tag !== "Transformation" || ast.transformation._tag !== "FinalTransformation") return undefined
  if (ast.to._tag !== "Declaration") return undefined
  const model = modelName(ast.to)
  const from = ast.from
  const struct =
    from._tag === "TypeLiteral"
      ? { type: from, renames: undefined }
      : from._tag === "Transformation" &&
          from.transformation._tag === "TypeLiteralTransformation" &&
          from.from._tag === "TypeLiteral"
        ? { type: from.from, renames: from.transformation.propertySignatureTransformations }
        : undefined
  if (model === undefined || struct === undefined || struct.type.indexSignatures.length > 0) return undefined
  return {
    ast,
    transformation: ast.transformation,
    model,
    fields: fieldPlans(struct.type, struct.renames, { model, path: "" })
  }
}

/** The plan of a model class for the decoder generator, when its instances can be built field by field. */
export const classPlan = (schema: Schema.Schema.All): ClassPlan | undefined => {
  const parts = classParts(schema)
  if (parts === undefined) return undefined
  const layout = learnLayout(
    parts.ast,
    parts.transformation,
    parts.fields.map((field) => field.to)
  )
  if (layout === undefined) return undefined
  return { model: parts.model, fields: parts.fields, ...layout }
}

const planField = (schema: Schema.Schema.All, from: string): FieldPlan & { readonly model: string } => {
  const parts = classParts(schema)
  const field = parts?.fields.find((candidate) => candidate.from === from)
  if (parts === undefined || field === undefined) throw new Error(`No field ${from} in the schema`)
  return { ...field, model: parts.model }
}

/** The compiled decoder of one field of a model class, for the parts the generator leaves to the compiler. */
export const fieldObserver = (schema: Schema.Schema.All, from: string): Observer => {
  const field = planField(schema, from)
  return compile(field.type, { model: field.model, path: from })
}

/** The key transformation (a default) of one field of a model class. */
export const fieldTransform = (
  schema: Schema.Schema.All,
  from: string
): ((o: Option.Option<unknown>) => Option.Option<unknown>) => {
  const transform = planField(schema, from).transform
  if (transform === undefined) throw new Error(`The field ${from} has no transformation`)
  return transform
}

/** Records a mismatch at `model`/`path` (generated decoders). */
export const drift = (
  issues: Array<DriftIssue>,
  model: string,
  path: string,
  kind: DriftKind,
  expected: string,
  value: unknown
): void => {
  issues.push({ model, path, kind, expected, received: received(value) })
}

/** Records every key of `input` outside `known` as an extra field (generated decoders). */
/**
 * How many enumerable string keys `input` has, its own and inherited: never fewer than its own fields, so a count no
 * greater than the fields found means there is no extra one. Counted without building the key list (which
 * `Object.keys` would allocate for every object decoded).
 */
export const keyCount = (input: object): number => {
  let count = 0
  for (const _key in input) count++
  return count
}

export const extras = (
  issues: Array<DriftIssue>,
  model: string,
  input: Record<string, unknown>,
  known: ReadonlySet<string>
): void => {
  for (const key of Object.keys(input)) {
    if (!known.has(key))
      issues.push({ model, path: key, kind: "extra", expected: "no such field", received: received(input[key]) })
  }
}

export { defineRaw, isRecord, kindOf }

/** Installs build-time generated class decoders and returns {@link observer}, which from then on uses them. */
export const withGenerated = (table: ReadonlyArray<readonly [Schema.Schema.All, Observer]>): typeof observer => {
  for (const [schema, decode] of table) generated.set(schema.ast, decode)
  return observer
}
