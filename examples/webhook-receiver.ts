/**
 * A Clerk webhook endpoint on `@effect/platform`: `WebhookVerifier.handler` checks the Svix signature and timestamp,
 * answers 400 to a delivery that fails (the handler never runs), and 204 once the handler has applied the event. Here
 * the handler keeps a directory of users (id -> name) up to date from `user.created`, `user.updated` and
 * `user.deleted`. `npx tsx examples/webhook-receiver.ts` signs deliveries with the test kit's `signWebhook` and posts
 * them to the endpoint on 127.0.0.1.
 */
import * as HttpApp from "@effect/platform/HttpApp"
import * as HttpRouter from "@effect/platform/HttpRouter"
import { Context, Effect, Layer, Ref } from "effect"
import { isKnownWebhookEvent, WebhookVerifier } from "../src/auth/webhooks/index.js"
import { fixtures, signWebhook, webhookSecret } from "../src/testing/index.js"
import { type Listening, serveFetch } from "./serve.js"

/** The users the receiver knows about, by id (a stand-in for your database). */
export class Directory extends Context.Tag("examples/Directory")<Directory, Ref.Ref<ReadonlyMap<string, string>>>() {}

const fullName = (user: { readonly first_name: string | null; readonly last_name: string | null }) =>
  [user.first_name, user.last_name].filter((part) => part !== null).join(" ")

/** `POST /webhooks/clerk`: verifies the delivery, then applies user events to the {@link Directory}. */
const receive = WebhookVerifier.handler((event) =>
  Effect.gen(function* () {
    if (!isKnownWebhookEvent(event)) return // a type this SDK does not know yet: accepted, ignored
    const directory = yield* Directory
    switch (event.type) {
      case "user.created":
      case "user.updated": {
        const { data } = event
        yield* Ref.update(directory, (users) => new Map(users).set(data.id, fullName(data)))
        return
      }
      case "user.deleted": {
        const { id } = event.data
        if (id === undefined) return
        yield* Ref.update(directory, (users) => {
          const next = new Map(users)
          next.delete(id)
          return next
        })
        return
      }
      default:
        return
    }
  })
)

/** The app: one webhook route. */
export const app = HttpRouter.empty.pipe(HttpRouter.post("/webhooks/clerk", receive))

/** A running receiver, and what its directory holds now. */
export interface Receiver extends Listening {
  readonly users: () => ReadonlyMap<string, string>
}

/** Serves {@link app} on loopback, verifying with `signingSecret`. */
export const start = async (signingSecret: string, port = 0): Promise<Receiver> => {
  const directory = Effect.runSync(Ref.make<ReadonlyMap<string, string>>(new Map()))
  const services = Layer.merge(WebhookVerifier.layer({ signingSecret }), Layer.succeed(Directory, directory))
  const { dispose, handler } = HttpApp.toWebHandlerLayer(app, services)
  const server = await serveFetch(handler, port)
  return {
    url: server.url,
    users: () => Effect.runSync(Ref.get(directory)),
    close: async () => {
      await server.close()
      await dispose()
    }
  }
}

/** Posts a signed `user.created`, a tampered copy, a `user.updated` and a `user.deleted`; returns what it saw. */
export const main = async (): Promise<ReadonlyArray<string>> => {
  const secret = webhookSecret()
  const receiver = await start(secret)
  const post = async (delivery: { readonly headers: Readonly<Record<string, string>>; readonly body: string }) => {
    const response = await fetch(`${receiver.url}/webhooks/clerk`, { method: "POST", ...delivery })
    return `${response.status}${response.status === 400 ? ` ${await response.text()}` : ""}`
  }
  try {
    const lines: Array<string> = []
    const ada = fixtures.user.wire({ id: "user_ada", firstName: "Ada", lastName: "Byron" })
    const created = signWebhook({ type: "user.created", data: ada }, secret)
    lines.push(`user.created: ${await post(created)}`)
    const tampered = { headers: created.headers, body: created.body.replace("Byron", "Evil") }
    lines.push(`tampered: ${await post(tampered)}`)
    const updated = signWebhook({ type: "user.updated", data: { ...ada, last_name: "Lovelace" } }, secret)
    lines.push(`user.updated: ${await post(updated)}`)
    lines.push(`directory: ${JSON.stringify([...receiver.users()])}`)
    const deleted = signWebhook(
      { type: "user.deleted", data: { object: "user", id: "user_ada", deleted: true } },
      secret
    )
    lines.push(`user.deleted: ${await post(deleted)}`)
    lines.push(`directory: ${JSON.stringify([...receiver.users()])}`)
    return lines
  } finally {
    await receiver.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await main()) console.log(line)
}
