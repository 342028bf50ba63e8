/** The webhooks spec's example payloads, kept in `webhook-examples.json` by `npm run generate:webhooks`. */
import { readFileSync } from "node:fs"
import { examplesFile } from "../../scripts/generate-webhooks.js"

/** One event type and the spec's examples of it. */
export interface WebhookExamples {
  readonly type: string
  readonly examples: ReadonlyArray<unknown>
}

/** Every event type's examples. */
export const webhookExamples: ReadonlyArray<WebhookExamples> = JSON.parse(readFileSync(examplesFile, "utf8"))
