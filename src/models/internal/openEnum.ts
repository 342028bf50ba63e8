import * as Schema from "effect/Schema"

/**
 * A string enum that stays open: the listed values are suggested by the decoded type (`"a" | "b" | (string & {})`),
 * but any string decodes, so a value Clerk adds later does not break decoding.
 */
export interface OpenEnum<Values extends ReadonlyArray<string>>
  extends Schema.Schema<Values[number] | (string & {}), string> {
  /** The values the spec lists. */
  readonly values: Values
}

/** Builds an {@link OpenEnum} over the given values. */
export const OpenEnum = <const Values extends ReadonlyArray<string>>(...values: Values): OpenEnum<Values> => {
  const schema: Schema.Schema<Values[number] | (string & {}), string> = Schema.String.annotations({
    description:
      values.length > 0
        ? `One of ${values.map((value) => JSON.stringify(value)).join(", ")}, or a value added later`
        : "A string"
  })
  return Object.assign(schema, { values })
}

/** Whether `value` is one of the values the spec lists for `schema`. */
export const isKnownValue = <const Values extends ReadonlyArray<string>>(
  schema: OpenEnum<Values>,
  value: string
): value is Values[number] => schema.values.includes(value)
