/**
 * Generates `src/auth/webhooks/events.generated.ts` from the Clerk webhooks OpenAPI spec.
 *
 * Run with `npm run generate:webhooks` (or `tsx scripts/generate-webhooks.ts`). The spec is read from
 * `$CLERK_OPENAPI_DIR/webhooks-2025-04-15.yml`, by default `../shared/openapi` next to the repository.
 *
 * What it writes:
 * - one `Schema.Struct` per component schema an event's `data` uses, keys kept snake_case as on the wire;
 * - one schema per event type (`UserCreatedWebhookEvent`, ...), the per-resource unions (`UserWebhookEvent`, ...);
 * - `KnownWebhookEvent` (every event), `webhookEventSchemas` (each type's schema), and `WebhookEvent`: the known
 *   events plus `UnknownWebhookEvent` (a new type, or none), delivered as received.
 *
 * Leniency rules (the spec's `required` lists and its own examples disagree in places):
 * - a field is required only if the spec requires it and no example in the spec omits it;
 * - a field is nullable if the spec says so or an example has `null` there;
 * - string enums are open (`OpenEnum`), `object` included: the spec's examples already disagree with its `object`
 *   enums (`subscription_item` for `commerce_subscription_item`). Only the envelope is strict (`object: "event"`, `type`).
 * - `pattern`, `format` and `additionalProperties: false` are not enforced; unknown keys are kept by the decoder.
 * The fields relaxed by examples are listed in the generated file's header.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import YAML from "yaml"
import { type OSchema, primitiveSchema, specDir, taggedDoc, toClassName } from "./generate.js"

/** The webhooks spec version this generator reads. */
export const WEBHOOKS_SPEC_VERSION = "2025-04-15"
/** The spec file name inside the spec directory. */
export const WEBHOOKS_SPEC_FILE = `webhooks-${WEBHOOKS_SPEC_VERSION}.yml`

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")

/** Where the committed generated file lives. */
export const defaultOutFile = path.resolve(repoRoot, "src/auth/webhooks/events.generated.ts")

/** Event types `@clerk/backend` 3.25 types that the spec does not list, with the event whose data they share. */
const EXTRA_EVENTS: Readonly<Record<string, string>> = {
  "subscriptionItem.created": "subscriptionItem.updated"
}

/** Per-resource union names, where `@clerk/backend` uses a name other than `<Prefix>WebhookEvent`. */
const GROUP_NAMES: Readonly<Record<string, string>> = {
  sms: "SMSWebhookEvent",
  paymentAttempt: "BillingPaymentAttemptWebhookEvent",
  subscription: "BillingSubscriptionWebhookEvent",
  subscriptionItem: "BillingSubscriptionItemWebhookEvent"
}

// ---------------------------------------------------------------------------------------------------------------
// Spec shapes (only what is read)
// ---------------------------------------------------------------------------------------------------------------

interface OMedia {
  readonly schema?: OSchema
  readonly example?: unknown
  readonly examples?: Readonly<Record<string, { readonly $ref?: string; readonly value?: unknown }>>
}

interface OWebhook {
  readonly post: {
    readonly description?: string
    readonly requestBody: { readonly content: Readonly<Record<string, OMedia>> }
  }
}

interface ODoc {
  readonly "x-webhooks": Readonly<Record<string, OWebhook>>
  readonly components: {
    readonly schemas: Readonly<Record<string, OSchema>>
    readonly examples?: Readonly<Record<string, { readonly value: unknown }>>
  }
}

/** One event of the spec: its type, data schema and example payloads. */
export interface SpecEvent {
  readonly type: string
  readonly description: string | undefined
  readonly data: OSchema
  readonly examples: ReadonlyArray<unknown>
}

const SCHEMA_REF = "#/components/schemas/"
const EXAMPLE_REF = "#/components/examples/"

/** Reads and parses the webhooks spec. */
export const loadSpec = (specPath: string = path.join(specDir(), WEBHOOKS_SPEC_FILE)): ODoc =>
  YAML.parse(fs.readFileSync(specPath, "utf8"))

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/** Every event of the spec with its `data` schema and examples (from `example` and `examples`). */
export const specEvents = (doc: ODoc): ReadonlyArray<SpecEvent> =>
  Object.entries(doc["x-webhooks"]).map(([type, hook]) => {
    const media = hook.post.requestBody.content["application/json"]
    if (media?.schema === undefined) throw new Error(`${type}: no application/json schema`)
    const data = media.schema.allOf?.map((member) => member.properties?.["data"]).find((s) => s !== undefined)
    if (data === undefined) throw new Error(`${type}: no data schema in allOf`)
    const examples: Array<unknown> = []
    if (media.example !== undefined) examples.push(media.example)
    for (const entry of Object.values(media.examples ?? {})) {
      if (entry.value !== undefined) examples.push(entry.value)
      else if (entry.$ref?.startsWith(EXAMPLE_REF)) {
        const found = doc.components.examples?.[entry.$ref.slice(EXAMPLE_REF.length)]
        if (found === undefined) throw new Error(`${type}: unresolved example ${entry.$ref}`)
        examples.push(found.value)
      }
    }
    return { type, description: hook.post.description, data, examples }
  })

// ---------------------------------------------------------------------------------------------------------------
// Schema walking
// ---------------------------------------------------------------------------------------------------------------

interface Field {
  readonly name: string
  readonly schema: OSchema
  /** Whether the spec requires it and no example omits it. */
  readonly required: boolean
  /** Whether an example sets it to `null` although the spec does not allow it. */
  readonly nulled: boolean
  /** The object schema that declares the field (relaxations are recorded against it). */
  readonly owner: OSchema
}

class Model {
  /** Fields an example omits although the spec requires them, keyed by the object schema that declares them. */
  readonly omitted = new Map<OSchema, Set<string>>()
  /** Fields an example sets to `null` although the spec does not allow it. */
  readonly nulled = new Map<OSchema, Set<string>>()
  readonly relaxations: Array<string> = []

  constructor(readonly doc: ODoc) {}

  resolve(ref: string): OSchema {
    if (!ref.startsWith(SCHEMA_REF)) throw new Error(`Unsupported $ref ${ref}`)
    const found = this.doc.components.schemas[ref.slice(SCHEMA_REF.length)]
    if (found === undefined) throw new Error(`Unresolved $ref ${ref}`)
    return found
  }

  componentName(ref: string): string {
    return toClassName(ref.slice(SCHEMA_REF.length))
  }

  /** Alternatives of a oneOf/anyOf that carry a schema. */
  static alternatives(schema: OSchema): ReadonlyArray<OSchema> {
    return (schema.oneOf ?? schema.anyOf ?? []).filter(
      (m) => m.$ref !== undefined || m.type !== undefined || m.properties !== undefined || m.allOf !== undefined
    )
  }

  /** The target of a wrapper that only adds `nullable`/a description to one schema (`allOf: [$ref]`, one-member oneOf). */
  static unwrap(schema: OSchema): OSchema | undefined {
    if (schema.properties !== undefined && Object.keys(schema.properties).length > 0) return undefined
    if (schema.allOf?.length === 1) return schema.allOf[0]
    const alternatives = Model.alternatives(schema)
    return schema.allOf === undefined && alternatives.length === 1 ? alternatives[0] : undefined
  }

  isObject(schema: OSchema): boolean {
    if (schema.$ref !== undefined) return this.isObject(this.resolve(schema.$ref))
    if (schema.properties !== undefined && Object.keys(schema.properties).length > 0) return true
    return schema.allOf !== undefined && schema.allOf.length > 1 && schema.allOf.some((m) => this.isObject(m))
  }

  /**
   * Fields of an object schema, `allOf` members merged in order. An `allOf` member of the form
   * `{ properties: { data: { properties: P } } }` repeats the event-level `data` nesting by mistake (the spec's examples
   * have no such key); its properties P are read as fields of the object itself.
   */
  fields(schema: OSchema): ReadonlyArray<Field> {
    const order: Array<string> = []
    const props = new Map<string, { readonly schema: OSchema; readonly owner: OSchema }>()
    const required = new Set<string>()
    const visit = (current: OSchema, owner: OSchema): void => {
      if (current.$ref !== undefined) {
        const target = this.resolve(current.$ref)
        return visit(target, target)
      }
      for (const member of current.allOf ?? []) {
        const nested = member.$ref === undefined ? member.properties?.["data"]?.properties : undefined
        if (nested !== undefined) {
          const { data: _mistake, ...rest } = member.properties ?? {}
          const required = (member.required ?? []).filter((name) => name !== "data")
          visit({ properties: { ...rest, ...nested }, required }, member)
        } else {
          visit(member, member.$ref !== undefined ? this.resolve(member.$ref) : member)
        }
      }
      for (const [name, prop] of Object.entries(current.properties ?? {})) {
        if (!props.has(name)) order.push(name)
        props.set(name, { schema: prop, owner })
      }
      for (const name of current.required ?? []) required.add(name)
    }
    visit(schema, schema)
    return order.map((name) => {
      const { owner, schema: prop } = props.get(name)!
      return {
        name,
        schema: prop,
        owner,
        required: required.has(name) && this.omitted.get(owner)?.has(name) !== true,
        nulled: this.nulled.get(owner)?.has(name) === true
      }
    })
  }

  isNullable(schema: OSchema): boolean {
    if (schema.nullable === true) return true
    if (schema.nullable === false) return false
    if (schema.$ref !== undefined) return this.isNullable(this.resolve(schema.$ref))
    const inner = Model.unwrap(schema)
    return inner !== undefined && this.isNullable(inner)
  }

  objectLiteral(schema: OSchema): ReadonlyArray<string> | undefined {
    if (!this.isObject(schema)) return undefined
    const values = this.fields(schema).find((f) => f.name === "object")?.schema.enum
    return values?.every((v): v is string => typeof v === "string") ? values : undefined
  }

  /** Records where an example is looser than the schema (missing required fields, unexpected nulls). */
  learn(schema: OSchema, value: unknown, at: string): void {
    if (value === undefined || value === null) return
    if (schema.$ref !== undefined) return this.learn(this.resolve(schema.$ref), value, at)
    const inner = Model.unwrap(schema)
    if (inner !== undefined) return this.learn(inner, value, at)
    if (this.isObject(schema)) {
      if (!isRecord(value)) return
      for (const field of this.fields(schema)) {
        const fieldValue = value[field.name]
        if (field.required && !(field.name in value)) {
          this.note(this.omitted, field.owner, field.name, `${at}.${field.name} optional`)
        }
        if (fieldValue === null && !field.nulled && !this.isNullable(field.schema)) {
          this.note(this.nulled, field.owner, field.name, `${at}.${field.name} nullable`)
        }
        this.learn(field.schema, fieldValue, `${at}.${field.name}`)
      }
      return
    }
    const alternatives = Model.alternatives(schema)
    if (alternatives.length > 1 && isRecord(value)) {
      const match =
        alternatives.find((m) => this.objectLiteral(m)?.includes(String(value["object"]))) ?? alternatives[0]!
      return this.learn(match, value, at)
    }
    if (schema.type === "array" && schema.items !== undefined && Array.isArray(value)) {
      value.forEach((item: unknown, i) => {
        this.learn(schema.items!, item, `${at}[${i}]`)
      })
    }
  }

  note(map: Map<OSchema, Set<string>>, owner: OSchema, field: string, message: string): void {
    const set = map.get(owner) ?? new Set<string>()
    if (set.has(field)) return
    set.add(field)
    map.set(owner, set)
    this.relaxations.push(message)
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Emission
// ---------------------------------------------------------------------------------------------------------------

const isIdentifier = (name: string): boolean => /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name)
const key = (name: string): string => (isIdentifier(name) ? name : JSON.stringify(name))

const summary = (text: string | undefined): string | undefined => {
  const line = text
    ?.split("\n")
    .map((l) => l.trim())
    .find((l) => l.length > 0)
  return line?.replace(/\*\//g, "*\\/").replace(/\s+/g, " ")
}

class Emitter {
  readonly blocks = new Map<string, string>()
  readonly deps = new Map<string, Set<string>>()
  usesOpenEnum = false
  usesRecord = false

  constructor(readonly model: Model) {}

  /** Emits a component (once) and returns its name. */
  component(ref: string): string {
    const name = this.model.componentName(ref)
    if (this.blocks.has(name)) return name
    this.blocks.set(name, "")
    const schema = this.model.resolve(ref)
    const deps = new Set<string>()
    const value = this.expr(schema, deps, "", true)
    const doc = `/** ${summary(schema.description) ?? `The \`${ref.slice(SCHEMA_REF.length)}\` object of the webhooks spec.`} */`
    const typeLine = value.startsWith("Schema.Struct(")
      ? `/** The decoded \`${name}\`. */\nexport interface ${name} extends Schema.Schema.Type<typeof ${name}> {}`
      : `/** The decoded \`${name}\`. */\nexport type ${name} = typeof ${name}.Type`
    this.blocks.set(name, [doc, `export const ${name} = ${value}`, typeLine].join("\n"))
    deps.delete(name)
    this.deps.set(name, deps)
    return name
  }

  /** The Schema expression for `schema` (nullability included unless `top`). */
  expr(schema: OSchema, deps: Set<string>, indent: string, top = false): string {
    const base = this.base(schema, deps, indent, top)
    return !top && base !== "Schema.Unknown" && this.model.isNullable(schema) ? `Schema.NullOr(${base})` : base
  }

  base(schema: OSchema, deps: Set<string>, indent: string, top: boolean): string {
    if (schema.$ref !== undefined && !top) {
      const name = this.component(schema.$ref)
      deps.add(name)
      return name
    }
    const inner = Model.unwrap(schema)
    if (inner !== undefined) return this.base(inner, deps, indent, false)
    if (this.model.isObject(schema)) return this.struct(schema, deps, indent)
    const alternatives = Model.alternatives(schema)
    if (alternatives.length > 1) {
      const members = alternatives.map((m) => this.expr(m, deps, `${indent}  `))
      return `Schema.Union(\n${members.map((m) => `${indent}  ${m}`).join(",\n")}\n${indent})`
    }
    if (schema.enum !== undefined) {
      const values = schema.enum.filter((v) => v !== null)
      const list = values.map((v) => JSON.stringify(v)).join(", ")
      if (values.every((v) => typeof v === "string")) {
        this.usesOpenEnum = true
        return `OpenEnum(${list})`
      }
      return `Schema.Literal(${list})`
    }
    const primitive = primitiveSchema(schema.type)
    if (primitive !== undefined) return primitive
    switch (schema.type) {
      case "array":
        return `Schema.Array(${schema.items === undefined ? "Schema.Unknown" : this.expr(schema.items, deps, indent)})`
      case "object": {
        const additional = schema.additionalProperties
        if (typeof additional === "object") {
          return `Schema.Record({ key: Schema.String, value: ${this.expr(additional, deps, indent)} })`
        }
        this.usesRecord = true
        return "UnknownRecord"
      }
      default:
        return "Schema.Unknown"
    }
  }

  struct(schema: OSchema, deps: Set<string>, indent: string): string {
    const inner = `${indent}  `
    const lines = this.model.fields(schema).map((f) => {
      let value = this.expr(f.schema, deps, inner)
      if (f.nulled && !value.startsWith("Schema.NullOr(") && value !== "Schema.Unknown")
        value = `Schema.NullOr(${value})`
      const line = `${inner}${key(f.name)}: ${f.required ? value : `Schema.optional(${value})`}`
      return f.schema.deprecated === true ? `${inner}/** @deprecated */\n${line}` : line
    })
    return `Schema.Struct({\n${lines.join(",\n")}\n${indent}})`
  }

  /** Components in dependency order. */
  ordered(): ReadonlyArray<string> {
    const order: Array<string> = []
    const state = new Map<string, "visiting" | "done">()
    const visit = (name: string): void => {
      if (state.get(name) === "done") return
      if (state.get(name) === "visiting") throw new Error(`Schema cycle through ${name}`)
      state.set(name, "visiting")
      for (const dep of [...(this.deps.get(name) ?? [])].sort()) visit(dep)
      state.set(name, "done")
      order.push(name)
    }
    for (const name of [...this.blocks.keys()]) visit(name)
    return order
  }
}

const eventName = (type: string): string => `${toClassName(type)}WebhookEvent`
const groupName = (prefix: string): string => GROUP_NAMES[prefix] ?? `${toClassName(prefix)}WebhookEvent`

/** Builds the generated file's text from the spec. */
export const generateSource = (
  doc: ODoc = loadSpec()
): { readonly source: string; readonly relaxations: ReadonlyArray<string> } => {
  const model = new Model(doc)
  const events = specEvents(doc)
  for (const event of events) {
    for (const example of event.examples) {
      if (isRecord(example)) model.learn(event.data, example["data"], `${event.type}.data`)
    }
  }
  const emitter = new Emitter(model)
  const eventData = new Map<string, string>()
  const inlineData: Array<string> = []
  for (const event of events) {
    const deps = new Set<string>()
    if (event.data.$ref !== undefined) {
      eventData.set(event.type, emitter.component(event.data.$ref))
    } else {
      const name = `${toClassName(event.type)}Data`
      const value = emitter.expr(event.data, deps, "", true)
      inlineData.push(
        [
          `/** The \`data\` of a \`${event.type}\` event. */`,
          `export const ${name} = ${value}`,
          `/** The decoded \`${name}\`. */`,
          `export interface ${name} extends Schema.Schema.Type<typeof ${name}> {}`
        ].join("\n")
      )
      eventData.set(event.type, name)
    }
  }
  for (const [type, sameAs] of Object.entries(EXTRA_EVENTS)) {
    const data = eventData.get(sameAs)
    if (data === undefined) throw new Error(`EXTRA_EVENTS: ${sameAs} is not in the spec`)
    if (!eventData.has(type)) eventData.set(type, data)
  }
  const types = [...eventData.keys()]
  const descriptions = new Map(events.map((e) => [e.type, e.description]))

  const out: Array<string> = []
  out.push(
    `// Generated by scripts/generate-webhooks.ts from the Clerk webhooks spec ${WEBHOOKS_SPEC_VERSION}. Do not edit; run npm run generate:webhooks.`,
    "//",
    "// Fields the spec requires or marks non-null but its own examples omit or set to null (made optional/nullable):",
    ...model.relaxations.map((r) => `// - ${r}`),
    "",
    `import * as Schema from "effect/Schema"`
  )
  if (emitter.usesOpenEnum) out.push(`import { OpenEnum } from "../../models/internal/openEnum.js"`)
  out.push("")
  if (emitter.usesRecord) {
    out.push(
      "/** A free-form JSON object (metadata and the like). */",
      "const UnknownRecord = Schema.Record({ key: Schema.String, value: Schema.Unknown })",
      ""
    )
  }
  for (const name of emitter.ordered()) out.push(emitter.blocks.get(name)!, "")
  for (const block of inlineData) out.push(block, "")

  out.push(
    "/** `event_attributes` of an event: where the change came from. */",
    "export const WebhookEventAttributes = Schema.Struct({",
    "  http_request: Schema.optional(Schema.Struct({",
    "    client_ip: Schema.optional(Schema.String),",
    "    user_agent: Schema.optional(Schema.String)",
    "  }))",
    "})",
    "/** The decoded `WebhookEventAttributes`. */",
    "export interface WebhookEventAttributes extends Schema.Schema.Type<typeof WebhookEventAttributes> {}",
    "",
    "/** The fields every event has besides `type` and `data`. */",
    "const envelope = {",
    `  object: Schema.Literal("event"),`,
    "  event_attributes: Schema.optional(WebhookEventAttributes),",
    "  timestamp: Schema.Number,",
    "  instance_id: Schema.String",
    "}",
    ""
  )
  for (const type of types) {
    const name = eventName(type)
    const description = descriptions.get(type)
    out.push(
      `/** \`${type}\`${description !== undefined ? `: ${summary(description)}` : " (typed by @clerk/backend; not in the spec)"}. */`,
      `export const ${name} = Schema.Struct({ type: Schema.Literal(${JSON.stringify(type)}), ...envelope, data: ${eventData.get(type)} })`,
      `/** The decoded \`${type}\` event. */`,
      `export interface ${name} extends Schema.Schema.Type<typeof ${name}> {}`,
      ""
    )
  }
  out.push(
    "/** Every event type this version of the SDK knows. */",
    "export const webhookEventTypes = [",
    types.map((t) => `  ${JSON.stringify(t)}`).join(",\n"),
    "] as const",
    "",
    "/** An event type this version of the SDK knows. */",
    "export type WebhookEventType = (typeof webhookEventTypes)[number]",
    "",
    "const knownTypes: ReadonlySet<string> = new Set(webhookEventTypes)",
    "",
    "/** Whether `type` is an event type this SDK knows. */",
    "export const isWebhookEventType = (type: unknown): type is WebhookEventType =>",
    '  typeof type === "string" && knownTypes.has(type)',
    "",
    "/**",
    " * An event whose `type` this SDK does not know (one Clerk added later), or a signed object with no `type`: the",
    " * parsed JSON as received, nothing renamed or dropped. Narrow a {@link WebhookEvent} with {@link isKnownWebhookEvent}",
    ' * first: TypeScript cannot exclude the known literals from `string`, so `event.type === "user.created"` alone leaves',
    " * this member in the union.",
    " */",
    "export const UnknownWebhookEvent = Schema.Struct(",
    "  {",
    "    type: Schema.optional(Schema.String.pipe(Schema.filter((type) => !knownTypes.has(type), {",
    '      message: () => "a known event type decodes with its own schema"',
    "    })))",
    "  },",
    "  Schema.Record({ key: Schema.String, value: Schema.Unknown })",
    ")",
    "/** An event whose `type` this SDK does not know, or that has none; every other key is as received. */",
    "export interface UnknownWebhookEvent extends Schema.Schema.Type<typeof UnknownWebhookEvent> {}",
    ""
  )
  const prefixes = new Map<string, Array<string>>()
  for (const type of types) {
    const prefix = type.slice(0, type.indexOf("."))
    prefixes.set(prefix, [...(prefixes.get(prefix) ?? []), type])
  }
  for (const [prefix, members] of prefixes) {
    out.push(
      `/** Every \`${prefix}.*\` event. */`,
      `export type ${groupName(prefix)} =`,
      members.map((t) => `  | ${eventName(t)}`).join("\n"),
      ""
    )
  }
  out.push(
    "/** Every event type this SDK knows, each with its own schema. */",
    "export const KnownWebhookEvent = Schema.Union(",
    types.map((t) => `  ${eventName(t)}`).join(",\n"),
    ")",
    "/** An event of a type this SDK knows: narrow it on `type`. */",
    "export type KnownWebhookEvent =",
    types.map((t) => `  | ${eventName(t)}`).join("\n"),
    "",
    "/** Each known event type's schema. */",
    "export const webhookEventSchemas = {",
    types.map((t) => `  ${JSON.stringify(t)}: ${eventName(t)}`).join(",\n"),
    "} as const",
    "",
    "/** Every known event, then {@link UnknownWebhookEvent}: any event object decodes. */",
    "export const WebhookEvent = Schema.Union(KnownWebhookEvent, UnknownWebhookEvent)",
    "/**",
    " * A verified webhook event. Narrow it with {@link isKnownWebhookEvent}, then on `type`. A delivered known event may",
    " * still differ from its schema (a field Clerk dropped or added): the verifier delivers it as received and logs",
    " * the schema paths that failed.",
    " */",
    "export type WebhookEvent = KnownWebhookEvent | UnknownWebhookEvent",
    "",
    "/** Whether the event's `type` is one this SDK knows (its `data` is then typed by that event's schema). */",
    "export const isKnownWebhookEvent = (event: WebhookEvent): event is KnownWebhookEvent => isWebhookEventType(event.type)",
    ""
  )
  return { source: withExportTags(out.join("\n")), relaxations: model.relaxations }
}

/** Tags the TSDoc of every export (`@since`, `@category Webhooks`); a multi-line doc gets the tags before its end. */
const withExportTags = (source: string): string =>
  source
    .replace(/^ \*\/\n(?=export )/gm, " *\n * @since 0.1.0\n * @category Webhooks\n */\n")
    .replace(/^\/\*\* (.*) \*\/\n(?=export )/gm, (_, text: string) => `${taggedDoc(text, "Webhooks")}\n`)

/** Where the spec's example payloads are kept for the tests (so they run where the spec file is absent). */
export const examplesFile = path.resolve(repoRoot, "test/support/webhook-examples.json")

/** The spec's example payloads per event type, as committed JSON. */
export const renderExamples = (doc: ODoc = loadSpec()): string =>
  `${JSON.stringify(
    specEvents(doc).map(({ examples, type }) => ({ type, examples })),
    null,
    2
  )}\n`

/** Whether the webhooks spec file is present (it is not shipped with the repository). */
export const specPresent = (specPath: string = path.join(specDir(), WEBHOOKS_SPEC_FILE)): boolean =>
  fs.existsSync(specPath)

/** Writes the generated file and the examples file; returns their paths. */
export const generate = (outFile: string = defaultOutFile, specPath?: string): ReadonlyArray<string> => {
  const doc = loadSpec(specPath)
  fs.mkdirSync(path.dirname(outFile), { recursive: true })
  fs.writeFileSync(outFile, generateSource(doc).source)
  fs.writeFileSync(examplesFile, renderExamples(doc))
  return [outFile, examplesFile]
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href
if (isMain) for (const file of generate()) console.log(`wrote ${path.relative(repoRoot, file)}`)
