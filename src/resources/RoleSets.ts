/**
 * Role sets: the groups of roles an organization can use, with their default and creator roles.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import {
  AddRolesToRoleSet,
  CreateRoleSet,
  GetRoleSet,
  ListRoleSets,
  ReplaceRoleInRoleSet,
  ReplaceRoleSet,
  UpdateRoleSet
} from "../models/generated/descriptors.js"
import { bind } from "./internal/bind.js"
import { RoleSet } from "../models/generated/schemas.js"
import { Paginated } from "../models/internal/paginated.js"
import { BackendApi } from "../services/BackendApi.js"
import { type PaginationParams, pageSize, type StreamParams, type WithSign } from "./internal/lists.js"
import { streamPages } from "./internal/paginate.js"

export { RoleSet }

/**
 * Params of `roleSets.getRoleSetList`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface GetRoleSetListParams extends PaginationParams {
  /** Matches role set names and keys. */
  readonly query?: string | undefined
  readonly orderBy?: WithSign<"created_at" | "name" | "key"> | undefined
}

/**
 * Params of `roleSets.createRoleSet`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface CreateRoleSetParams {
  readonly name: string
  readonly key?: string | undefined
  readonly description?: string | null | undefined
  /** Key of the role new members get. */
  readonly defaultRoleKey: string
  /** Key of the role an organization's creator gets. */
  readonly creatorRoleKey: string
  readonly type?: "initial" | "custom" | undefined
  /** Role keys in the set. */
  readonly roles: ReadonlyArray<string>
}

/**
 * Params of `roleSets.updateRoleSet`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface UpdateRoleSetParams {
  readonly roleSetKeyOrId: string
  readonly name?: string | null | undefined
  readonly key?: string | null | undefined
  readonly description?: string | null | undefined
  readonly type?: "initial" | null | undefined
  readonly defaultRoleKey?: string | null | undefined
  readonly creatorRoleKey?: string | null | undefined
}

/**
 * Params of `roleSets.addRolesToRoleSet`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface AddRolesToRoleSetParams {
  readonly roleSetKeyOrId: string
  readonly roleKeys: ReadonlyArray<string>
  readonly defaultRoleKey?: string | undefined
  readonly creatorRoleKey?: string | undefined
}

/**
 * Params of `roleSets.replaceRoleInRoleSet`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface ReplaceRoleInRoleSetParams {
  readonly roleSetKeyOrId: string
  /** The role to take out. */
  readonly roleKey: string
  /** The role its members move to. */
  readonly toRoleKey: string
}

/**
 * Params of `roleSets.replaceRoleSet`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface ReplaceRoleSetParams {
  readonly roleSetKeyOrId: string
  /** The role set that replaces this one. */
  readonly destRoleSetKey: string
  /** Old role key → new role key; keys are sent as given. */
  readonly reassignmentMappings?: Readonly<Record<string, string>> | undefined
}

const RoleSetList = Paginated(RoleSet)
const LIST_PAGE = pageSize(ListRoleSets)

/**
 * `roleSets`: create, read, update and replace role sets.
 *
 * @since 0.1.0
 * @category Resources
 */
export class RoleSets extends Effect.Service<RoleSets>()("effect-clerk/RoleSets", {
  accessors: true,
  effect: Effect.gen(function* () {
    const api = bind(yield* BackendApi)
    const getRoleSetList = (params: GetRoleSetListParams = {}) =>
      api.execute(ListRoleSets, RoleSetList, { query: { ...params } })
    return {
      /** `GET /role_sets` */
      getRoleSetList,
      /** Every role set, page by page (`GET /role_sets`). */
      getRoleSetListStream: (params: StreamParams<GetRoleSetListParams> = {}) =>
        streamPages(LIST_PAGE, (page) => getRoleSetList({ ...params, ...page })),
      /** `GET /role_sets/{role_set_key_or_id}` */
      getRoleSet: (roleSetKeyOrId: string) =>
        api.decode(GetRoleSet, { pathParams: { role_set_key_or_id: roleSetKeyOrId } }),
      /** `POST /role_sets` */
      createRoleSet: (params: CreateRoleSetParams) => api.decode(CreateRoleSet, { body: params }),
      /** `PATCH /role_sets/{role_set_key_or_id}` */
      updateRoleSet: ({ roleSetKeyOrId, ...body }: UpdateRoleSetParams) =>
        api.decode(UpdateRoleSet, {
          pathParams: { role_set_key_or_id: roleSetKeyOrId },
          body
        }),
      /** `POST /role_sets/{role_set_key_or_id}/roles` */
      addRolesToRoleSet: ({ roleSetKeyOrId, ...body }: AddRolesToRoleSetParams) =>
        api.decode(AddRolesToRoleSet, {
          pathParams: { role_set_key_or_id: roleSetKeyOrId },
          body
        }),
      /** `POST /role_sets/{role_set_key_or_id}/roles/replace` */
      replaceRoleInRoleSet: ({ roleSetKeyOrId, ...body }: ReplaceRoleInRoleSetParams) =>
        api.decode(ReplaceRoleInRoleSet, {
          pathParams: { role_set_key_or_id: roleSetKeyOrId },
          body
        }),
      /** `POST /role_sets/{role_set_key_or_id}/replace` */
      replaceRoleSet: ({ roleSetKeyOrId, ...body }: ReplaceRoleSetParams) =>
        api.decode(ReplaceRoleSet, {
          pathParams: { role_set_key_or_id: roleSetKeyOrId },
          body
        })
    }
  })
}) {}
