/**
 * Machines: the identities that mint M2M tokens, their secret keys and the scopes between them.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import {
  CreateMachine,
  CreateMachineScope,
  DeleteMachine,
  DeleteMachineScope,
  GetMachine,
  GetMachineSecretKey,
  ListMachines,
  RotateMachineSecretKey,
  UpdateMachine
} from "../models/generated/descriptors.js"
import { bind } from "./internal/bind.js"
import {
  DeletedObject,
  Machine,
  MachineCreated,
  MachineScope,
  MachineScopeDeleted,
  MachineSecretKey
} from "../models/generated/schemas.js"
import { Paginated } from "../models/internal/paginated.js"
import { BackendApi } from "../services/BackendApi.js"
import { type PaginationParams, pageSize, type StreamParams, type WithSign } from "./internal/lists.js"
import { streamPages } from "./internal/paginate.js"

export { Machine, MachineCreated, MachineScope, MachineScopeDeleted, MachineSecretKey }

/**
 * Params of `machines.list`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface GetMachineListParams extends PaginationParams {
  /** Sort order, e.g. `-created_at` (the default) or `+name`. */
  readonly orderBy?: WithSign<"name" | "created_at"> | undefined
  /** Matches machine ids and names. */
  readonly query?: string | undefined
}

/**
 * Params of `machines.create`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface CreateMachineParams {
  readonly name: string
  /** Machines the new machine may reach (at most 150). */
  readonly scopedMachines?: ReadonlyArray<string> | undefined
  /** Default lifetime of the tokens it creates, in seconds. */
  readonly defaultTokenTtl?: number | undefined
}

/**
 * Params of `machines.update`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface UpdateMachineParams {
  readonly machineId: string
  readonly name?: string | undefined
  readonly defaultTokenTtl?: number | undefined
}

/**
 * Params of `machines.rotateSecretKey`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface RotateMachineSecretKeyParams {
  readonly machineId: string
  /** Seconds the previous key stays valid (0 to 28800). */
  readonly previousTokenTtl: number
}

const MachineList = Paginated(Machine)
const LIST_PAGE = pageSize(ListMachines)

/**
 * `machines`: machine identities, their secret keys and scopes.
 *
 * @since 0.1.0
 * @category Resources
 */
export class Machines extends Effect.Service<Machines>()("effect-clerk/Machines", {
  accessors: true,
  effect: Effect.gen(function* () {
    const api = bind(yield* BackendApi)
    const list = (params: GetMachineListParams = {}) => api.execute(ListMachines, MachineList, { query: { ...params } })
    return {
      /** `GET /machines/{machine_id}` */
      get: (machineId: string) => api.decode(GetMachine, { pathParams: { machine_id: machineId } }),
      /** `GET /machines` */
      list,
      /** Every machine, page by page (`GET /machines`). */
      listStream: (params: StreamParams<GetMachineListParams> = {}) =>
        streamPages(LIST_PAGE, (page) => list({ ...params, ...page })),
      /** `POST /machines` */
      create: (params: CreateMachineParams) => api.decode(CreateMachine, { body: params }),
      /** `PATCH /machines/{machine_id}` */
      update: ({ machineId, ...body }: UpdateMachineParams) =>
        api.decode(UpdateMachine, { pathParams: { machine_id: machineId }, body }),
      /** `DELETE /machines/{machine_id}` */
      delete: (machineId: string) =>
        api.execute(DeleteMachine, DeletedObject, { pathParams: { machine_id: machineId } }),
      /** `GET /machines/{machine_id}/secret_key` */
      getSecretKey: (machineId: string) => api.decode(GetMachineSecretKey, { pathParams: { machine_id: machineId } }),
      /** `POST /machines/{machine_id}/secret_key/rotate` */
      rotateSecretKey: ({ machineId, previousTokenTtl }: RotateMachineSecretKeyParams) =>
        api.decode(RotateMachineSecretKey, {
          pathParams: { machine_id: machineId },
          body: { previousTokenTtl }
        }),
      /** `POST /machines/{machine_id}/scopes` */
      createScope: (machineId: string, toMachineId: string) =>
        api.decode(CreateMachineScope, {
          pathParams: { machine_id: machineId },
          body: { toMachineId }
        }),
      /** `DELETE /machines/{machine_id}/scopes/{other_machine_id}` */
      deleteScope: (machineId: string, otherMachineId: string) =>
        api.decode(DeleteMachineScope, {
          pathParams: { machine_id: machineId, other_machine_id: otherMachineId }
        })
    }
  })
}) {}
