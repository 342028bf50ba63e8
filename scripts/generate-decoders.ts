/**
 * Generates src/models/generated/decoders.ts: one straight-line decoder per model class of
 * src/models/generated/schemas.ts, following the rules of src/models/internal/observe.ts (key renames, type checks,
 * open enums, defaults, the drift report) with every key a constant, so that each model's field reads and writes stay
 * monomorphic. A field whose type the generator does not specialise is decoded by the compiler (`fieldObserver`).
 *
 * Run with `npm run generate` (after the models) or `tsx scripts/generate-decoders.ts`; it needs no spec, only the
 * committed models.
 *
 * @module
 */
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import * as Schema from "effect/Schema"
import type * as AST from "effect/SchemaAST"
import * as Models from "../src/models/generated/schemas.js"
import { type ClassPlan, classPlan, decodesToItself, isUnknownRecord } from "../src/models/internal/observe.js"

const here = path.dirname(fileURLToPath(import.meta.url))
/** Where the decoders are written. */
export const decodersFile = path.join(here, "..", "src", "models", "generated", "decoders.ts")

interface ModelEntry {
  readonly name: string
  readonly schema: Schema.Schema.All
  readonly plan: ClassPlan
}

const isIdentifier = (key: string): boolean => /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)
const prop = (object: string, key: string): string =>
  isIdentifier(key) ? `${object}.${key}` : `${object}[${JSON.stringify(key)}]`
const str = (value: string): string => JSON.stringify(value)

const literalsOf = (ast: AST.AST): ReadonlyArray<AST.LiteralValue> | undefined => {
  if (ast._tag === "Literal") return [ast.literal]
  if (ast._tag === "Union" && ast.types.every((member) => member._tag === "Literal")) {
    return ast.types.flatMap((member) => (member._tag === "Literal" ? [member.literal] : []))
  }
  return undefined
}

const literalCode = (literal: AST.LiteralValue): string | undefined =>
  typeof literal === "bigint" ? undefined : JSON.stringify(literal)

/** The models, each once (under its first export name), that the generator can build field by field. */
const modelEntries = (): ReadonlyArray<ModelEntry> => {
  const seen = new Set<AST.AST>()
  const entries: Array<ModelEntry> = []
  for (const [name, value] of Object.entries(Models).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!Schema.isSchema(value) || seen.has(value.ast)) continue
    seen.add(value.ast)
    const plan = classPlan(value)
    if (plan === undefined) continue
    if (plan.proto !== Reflect.get(value, "prototype")) continue
    entries.push({ name, schema: value, plan })
  }
  return entries
}

class Emitter {
  private counter = 0
  readonly hoisted: Array<string> = []
  constructor(readonly decoderOf: ReadonlyMap<AST.AST, string>) {}

  fresh(prefix: string): string {
    return `${prefix}${this.counter++}`
  }

  /**
   * Statements that decode `src` (an identifier) into `dst` (an assignable expression), or `undefined` when the
   * type is left to the compiler. With `dst` left out, only the checks are emitted: for a type whose decoded value is
   * the received one (see {@link decodesToItself}).
   */
  decode(ast: AST.AST, src: string, dst: string | undefined, model: string, at: string): string | undefined {
    const drift = (kind: string, expected: string) =>
      `drift(issues, ${str(model)}, ${str(at)}, ${kind}, ${str(expected)}, ${src})`
    const assign = (value: string) => (dst === undefined ? "" : `\n${dst} = ${value}`)
    switch (ast._tag) {
      case "StringKeyword":
      case "NumberKeyword":
      case "BooleanKeyword": {
        const type = ast._tag === "StringKeyword" ? "string" : ast._tag === "NumberKeyword" ? "number" : "boolean"
        return `if (typeof ${src} !== ${str(type)}) ${drift(`kindOf(${src})`, type)}${assign(src)}`
      }
      case "UnknownKeyword":
      case "AnyKeyword":
        return dst === undefined ? "" : `${dst} = ${src}`
      case "Literal": {
        const code = literalCode(ast.literal)
        if (code === undefined) return undefined
        return `if (${src} !== ${code}) ${drift(`${src} === null ? "null" : "value"`, code)}${assign(src)}`
      }
      case "Union":
        return this.union(ast, src, dst, model, at)
      case "TupleType": {
        if (ast.elements.length > 0 || ast.rest.length !== 1) return undefined
        const itemType = ast.rest[0]!.type
        const index = this.fresh("i")
        const item = this.fresh("x")
        if (decodesToItself(itemType)) {
          // Items of such a type come out as received, drifted or not: the array is checked and kept as it came.
          const check = this.decode(itemType, item, undefined, model, `${at}[]`)
          if (check === undefined) return undefined
          const loop =
            check === ""
              ? []
              : [
                  `  for (let ${index} = 0; ${index} < ${src}.length; ${index}++) {`,
                  `    const ${item}: unknown = ${src}[${index}]`,
                  indent(check, 4),
                  `  }`
                ]
          return [
            `if (!Array.isArray(${src})) {`,
            `  ${drift(`kindOf(${src})`, "array")}`,
            `} else {`,
            ...loop,
            `}`,
            ...(dst === undefined ? [] : [`${dst} = ${src}`])
          ].join("\n")
        }
        if (dst === undefined) return undefined
        const array = this.fresh("a")
        const inner = this.decode(itemType, item, `${array}[${index}]`, model, `${at}[]`)
        if (inner === undefined) return undefined
        return [
          `if (!Array.isArray(${src})) {`,
          `  ${drift(`kindOf(${src})`, "array")}`,
          `  ${dst} = ${src}`,
          `} else {`,
          `  const ${array} = new Array<unknown>(${src}.length)`,
          `  for (let ${index} = 0; ${index} < ${src}.length; ${index}++) {`,
          `    const ${item}: unknown = ${src}[${index}]`,
          indent(inner, 4),
          `  }`,
          `  ${dst} = ${array}`,
          `}`
        ].join("\n")
      }
      case "TypeLiteral": {
        // A record of unknown values (metadata): the received object itself, as the compiler gives it.
        if (!isUnknownRecord(ast)) return undefined
        return `if (!isRecord(${src})) ${drift(`kindOf(${src})`, "object")}${assign(src)}`
      }
      case "Transformation": {
        const decoder = this.decoderOf.get(ast)
        return decoder === undefined || dst === undefined ? undefined : `${dst} = ${decoder}(${src}, issues)`
      }
      default:
        return undefined
    }
  }

  private union(ast: AST.Union, src: string, dst: string | undefined, model: string, at: string): string | undefined {
    const assign = (value: string) => (dst === undefined ? "" : `\n${dst} = ${value}`)
    const literals = literalsOf(ast)
    if (literals !== undefined) {
      const codes = literals.map(literalCode)
      if (codes.some((code) => code === undefined)) return undefined
      const set = this.fresh("E")
      this.hoisted.push(`const ${set}: ReadonlySet<unknown> = new Set([${codes.join(", ")}])`)
      const expected = literals.map((literal) => JSON.stringify(literal)).join(" | ")
      return `if (!${set}.has(${src})) drift(issues, ${str(model)}, ${str(at)}, ${src} === null ? "null" : "value", ${str(
        expected
      )}, ${src})${assign(src)}`
    }
    const isNull = (member: AST.AST) => member._tag === "Literal" && member.literal === null
    const isUndefined = (member: AST.AST) => member._tag === "UndefinedKeyword"
    const nonNull = ast.types.filter((member) => !isNull(member) && !isUndefined(member))
    if (nonNull.length !== 1) return undefined
    const inner = this.decode(nonNull[0]!, src, dst, model, at)
    if (inner === undefined) return undefined
    const acceptsNull = ast.types.some(isNull)
    const acceptsUndefined = ast.types.some(isUndefined)
    const passes = [
      acceptsNull ? `${src} === null` : undefined,
      acceptsUndefined ? `${src} === undefined` : undefined
    ].filter((test) => test !== undefined)
    if (passes.length === 0) return inner
    if (dst === undefined) return inner === "" ? "" : `if (!(${passes.join(" || ")})) {\n${indent(inner, 2)}\n}`
    return `if (${passes.join(" || ")}) {\n  ${dst} = ${src}\n} else {\n${indent(inner, 2)}\n}`
  }
}

const indent = (code: string, by: number): string =>
  code
    .split("\n")
    .map((line) => (line === "" ? line : " ".repeat(by) + line))
    .join("\n")

const decoderName = (entry: ModelEntry): string => `decode${entry.name}`

const emitModel = (entry: ModelEntry, emitter: Emitter): string => {
  const { model, fields, aliases, raw } = entry.plan
  const lines: Array<string> = []
  const known = emitter.fresh("K")
  emitter.hoisted.push(`const ${known}: ReadonlySet<string> = new Set([${fields.map((f) => str(f.from)).join(", ")}])`)
  lines.push(`/** Decodes a \`${model}\` (generated from the model class; see src/models/internal/observe.ts). */`)
  lines.push(`export const ${decoderName(entry)}: Observer = (input, issues) => {`)
  lines.push(`  if (!isRecord(input)) {`)
  lines.push(`    drift(issues, ${str(model)}, "", kindOf(input), "object", input)`)
  lines.push(`    return input`)
  lines.push(`  }`)
  const maker = emitter.fresh("M")
  emitter.hoisted.push(`let ${maker}: (() => Record<string, unknown>) | undefined`)
  lines.push(`  const out = (${maker} ??= instanceMaker(Models.${entry.name}.prototype))()`)
  lines.push(`  let present = 0`)
  lines.push(`  let v: unknown`)
  for (const field of fields) {
    const target = prop("out", field.to)
    lines.push(`  v = ${prop("input", field.from)}`)
    let decode = emitter.decode(field.type, "v", field.transform === undefined ? target : "d", model, field.from)
    if (decode === undefined) {
      const observer = emitter.fresh("F")
      emitter.hoisted.push(`let ${observer}: Observer | undefined`)
      decode = `${field.transform === undefined ? target : "d"} = (${observer} ??= fieldObserver(Models.${entry.name}, ${str(
        field.from
      )}))(v, issues)`
    }
    const missing = `v === undefined && !(${str(field.from)} in input)`
    if (field.transform !== undefined) {
      const transform = emitter.fresh("T")
      emitter.hoisted.push(`let ${transform}: ((o: Option.Option<unknown>) => Option.Option<unknown>) | undefined`)
      const get = `(${transform} ??= fieldTransform(Models.${entry.name}, ${str(field.from)}))`
      lines.push(`  if (${missing}) {`)
      if (field.requiredDefault) {
        lines.push(`    drift(issues, ${str(model)}, ${str(field.from)}, "missing", "a value", undefined)`)
      }
      lines.push(`    const filled = ${get}(Option.none())`)
      lines.push(`    if (Option.isSome(filled)) ${target} = filled.value`)
      lines.push(`  } else {`)
      lines.push(`    present++`)
      lines.push(`    let d: unknown`)
      lines.push(indent(decode, 4))
      lines.push(`    const filled = ${get}(Option.some(d))`)
      lines.push(`    if (Option.isSome(filled)) ${target} = filled.value`)
      lines.push(`  }`)
    } else if (field.optional) {
      lines.push(`  if (!(${missing})) {`)
      lines.push(`    present++`)
      lines.push(indent(decode, 4))
      lines.push(`  }`)
    } else {
      lines.push(`  if (${missing}) {`)
      lines.push(`    drift(issues, ${str(model)}, ${str(field.from)}, "missing", "a value", undefined)`)
      lines.push(`  } else {`)
      lines.push(`    present++`)
      lines.push(indent(decode, 4))
      lines.push(`  }`)
    }
  }
  lines.push(`  if (keyCount(input) > present) extras(issues, ${str(model)}, input, ${known})`)
  for (const [alias, source] of aliases) lines.push(`  ${prop("out", alias)} = ${prop("out", source)}`)
  if (raw) lines.push(`  defineRaw(out, input)`)
  lines.push(`  return out`)
  lines.push(`}`)
  return lines.join("\n")
}

/** The text of src/models/generated/decoders.ts. */
export const renderDecoders = (): string => {
  const entries = modelEntries()
  const decoderOf = new Map(entries.map((entry) => [entry.schema.ast, decoderName(entry)]))
  const emitter = new Emitter(decoderOf)
  const bodies = entries.map((entry) => emitModel(entry, emitter))
  return [
    "// Generated by scripts/generate-decoders.ts from src/models/generated/schemas.ts. Do not edit.",
    "/**",
    " * One decoder per model class, straight-line code with constant keys, that gives exactly what the compiled",
    " * decoder of src/models/internal/observe.ts gives (test/decoders.test.ts holds both to every fixture).",
    " *",
    " * @module",
    " */",
    "/* eslint-disable */",
    'import * as Option from "effect/Option"',
    "import {",
    "  defineRaw,",
    "  drift,",
    "  extras,",
    "  fieldObserver,",
    "  fieldTransform,",
    "  instanceMaker,",
    "  isRecord,",
    "  keyCount,",
    "  kindOf,",
    "  type Observer,",
    "  withGenerated",
    '} from "../internal/observe.js"',
    'import * as Models from "./schemas.js"',
    "",
    ...emitter.hoisted,
    "",
    bodies.join("\n\n"),
    "",
    "/** The decoder of every model, installed: the one decoder entry for response bodies and webhook events. */",
    "export const observer = withGenerated([",
    ...entries.map((entry) => `  [Models.${entry.name}, ${decoderName(entry)}],`),
    "])",
    ""
  ].join("\n")
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (isMain) {
  const text = renderDecoders()
  fs.writeFileSync(decodersFile, text)
  console.log(`wrote ${path.relative(process.cwd(), decodersFile)} (${text.split("\n").length} lines)`)
}
