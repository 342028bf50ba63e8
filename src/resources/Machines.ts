/**
 * Machines: the identities that mint M2M tokens, their secret keys and the scopes between them.
 *
 * @module
 */
import * as Effect from "effect/Effect"
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

/** Params of `machines.list`. */
export interface GetMachineListParams extends PaginationParams {
  /** Sort order, e.g. `-created_at` (the default) or `+name`. */
  readonly orderBy?: WithSign<"name" | "created_at"> | undefined
  /** Matches machine ids and names. */
  readonly query?: string | undefined
}

/** Params of `machines.create`. */
export interface CreateMachineParams {
  readonly name: string
  /** Machines the new machine may reach (at most 150). */
  readonly scopedMachines?: ReadonlyArray<string> | undefined
  /** Default lifetime of the tokens it creates, in seconds. */
  readonly defaultTokenTtl?: number | undefined
}

/** Params of `machines.update`. */
export interface UpdateMachineParams {
  readonly machineId: string
  readonly name?: string | undefined
  readonly defaultTokenTtl?: number | undefined
}

/** Params of `machines.rotateSecretKey`. */
export interface RotateMachineSecretKeyParams {
  readonly machineId: string
  /** Seconds the previous key stays valid (0 to 28800). */
  readonly previousTokenTtl: number
}

const MachineList = Paginated(Machine)
const LIST_PAGE = pageSize("ListMachines")

/** `machines`: machine identities, their secret keys and scopes. */
export class Machines extends Effect.Service<Machines>()("effect-clerk/Machines", {
  accessors: true,
  effect: Effect.gen(function*() {
    const api = yield* BackendApi
    const list = (params: GetMachineListParams = {}) =>
      api.execute({ operation: "machines.list", method: "GET", path: "/machines", query: { ...params } }, MachineList)
    return {
      /** `GET /machines/{machine_id}` */
      get: (machineId: string) =>
        api.execute({
          operation: "machines.get",
          method: "GET",
          path: "/machines/{machine_id}",
          pathParams: { machine_id: machineId }
        }, Machine),
      /** `GET /machines` */
      list,
      /** Every machine, page by page (`GET /machines`). */
      listStream: (params: StreamParams<GetMachineListParams> = {}) =>
        streamPages(LIST_PAGE, (page) => list({ ...params, ...page })),
      /** `POST /machines` */
      create: (params: CreateMachineParams) =>
        api.execute({ operation: "machines.create", method: "POST", path: "/machines", body: params }, MachineCreated),
      /** `PATCH /machines/{machine_id}` */
      update: ({ machineId, ...body }: UpdateMachineParams) =>
        api.execute({
          operation: "machines.update",
          method: "PATCH",
          path: "/machines/{machine_id}",
          pathParams: { machine_id: machineId },
          body
        }, Machine),
      /** `DELETE /machines/{machine_id}` */
      delete: (machineId: string) =>
        api.execute({
          operation: "machines.delete",
          method: "DELETE",
          path: "/machines/{machine_id}",
          pathParams: { machine_id: machineId }
        }, DeletedObject),
      /** `GET /machines/{machine_id}/secret_key` */
      getSecretKey: (machineId: string) =>
        api.execute({
          operation: "machines.getSecretKey",
          method: "GET",
          path: "/machines/{machine_id}/secret_key",
          pathParams: { machine_id: machineId }
        }, MachineSecretKey),
      /** `POST /machines/{machine_id}/secret_key/rotate` */
      rotateSecretKey: ({ machineId, previousTokenTtl }: RotateMachineSecretKeyParams) =>
        api.execute({
          operation: "machines.rotateSecretKey",
          method: "POST",
          path: "/machines/{machine_id}/secret_key/rotate",
          pathParams: { machine_id: machineId },
          body: { previousTokenTtl }
        }, MachineSecretKey),
      /** `POST /machines/{machine_id}/scopes` */
      createScope: (machineId: string, toMachineId: string) =>
        api.execute({
          operation: "machines.createScope",
          method: "POST",
          path: "/machines/{machine_id}/scopes",
          pathParams: { machine_id: machineId },
          body: { toMachineId }
        }, MachineScope),
      /** `DELETE /machines/{machine_id}/scopes/{other_machine_id}` */
      deleteScope: (machineId: string, otherMachineId: string) =>
        api.execute({
          operation: "machines.deleteScope",
          method: "DELETE",
          path: "/machines/{machine_id}/scopes/{other_machine_id}",
          pathParams: { machine_id: machineId, other_machine_id: otherMachineId }
        }, MachineScopeDeleted)
    }
  })
}) {}
