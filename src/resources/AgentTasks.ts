/**
 * Agent tasks: URLs that create a session for a user on behalf of an agent (experimental in Clerk).
 *
 * @module
 */
import * as Effect from "effect/Effect"
import { CreateAgentTask, RevokeAgentTask } from "../models/generated/descriptors.js"
import { bind } from "./internal/bind.js"
import { AgentTask } from "../models/generated/schemas.js"
import { BackendApi } from "../services/BackendApi.js"

export { AgentTask }

/**
 * Who the task acts for: a user id, or an identifier (email address, phone number or username).
 *
 * @since 0.1.0
 * @category Resources
 */
export type AgentTaskOnBehalfOf =
  | { readonly userId: string; readonly identifier?: never }
  | { readonly identifier: string; readonly userId?: never }

/**
 * Params of `agentTasks.create`. Keys are snake_cased all the way down (`onBehalfOf.userId` → `on_behalf_of.user_id`).
 *
 * @since 0.1.0
 * @category Resources
 */
export interface CreateAgentTaskParams {
  readonly onBehalfOf: AgentTaskOnBehalfOf
  /** Currently only `*` (all permissions). */
  readonly permissions: string
  /** Names the agent; a stable `agent_id` is derived from it. */
  readonly agentName: string
  readonly taskDescription: string
  /** Where the user lands once the task is accepted (a domain of the instance). */
  readonly redirectUrl: string
  /** Maximum lifetime of the session the task creates (Clerk's default is 30 minutes). */
  readonly sessionMaxDurationInSeconds?: number | undefined
}

/**
 * `agentTasks`: agent tasks.
 *
 * @since 0.1.0
 * @category Resources
 */
export class AgentTasks extends Effect.Service<AgentTasks>()("effect-clerk/AgentTasks", {
  accessors: true,
  effect: Effect.gen(function* () {
    const api = bind(yield* BackendApi)
    return {
      /** `POST /agents/tasks` (deep snake-casing) */
      create: (params: CreateAgentTaskParams) => api.decode(CreateAgentTask, { body: params, casing: "deep" }),
      /** `POST /agents/tasks/{agent_task_id}/revoke` (the result has no `url`) */
      revoke: (agentTaskId: string) => api.decode(RevokeAgentTask, { pathParams: { agent_task_id: agentTaskId } })
    }
  })
}) {}
