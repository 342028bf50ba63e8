/**
 * The methods shared by `scimDirectories` and `directories`: the two APIs have the same operations on different paths
 * (`/scim_directories/{scim_directory_id}` and `/directories/{directory_id}`) with different models.
 *
 * @internal
 */
import type * as Effect from "effect/Effect"
import type * as Schema from "effect/Schema"
import type * as Stream from "effect/Stream"
import { DeletedObject } from "../../models/generated/schemas.js"
import type { OperationDescriptor } from "../../models/internal/descriptor.js"
import { Paginated } from "../../models/internal/paginated.js"
import type { ClerkError } from "../../services/ClerkErrors.js"
import type { Bound } from "./bind.js"
import { type PaginationParams, pageSize } from "./lists.js"
import { streamPages } from "./paginate.js"

/** Params of `update` of both directory APIs. */
export interface DirectoryUpdateParams {
  readonly name?: string | undefined
  readonly enabled?: boolean | undefined
  readonly provider?: string | undefined
  /** Directory attribute → user field; keys are sent as given. */
  readonly attributeMapping?: Readonly<Record<string, string>> | undefined
  readonly groupRoleMappingEnabled?: boolean | undefined
}

/** The descriptors of one directory API's operations. */
export interface DirectoryDescriptors {
  readonly list: OperationDescriptor
  readonly create: OperationDescriptor
  readonly get: OperationDescriptor
  readonly update: OperationDescriptor
  readonly delete: OperationDescriptor
  readonly rotateApiKey: OperationDescriptor
  readonly listGroupRoleMappings: OperationDescriptor
  readonly createGroupRoleMapping: OperationDescriptor
  readonly replaceGroupRoleMappings: OperationDescriptor
  readonly deleteGroupRoleMapping: OperationDescriptor
}

/** Where one of the two directory APIs lives and what it returns. */
export interface DirectoryApiSpec<D, DI, M, MI> {
  /** Its operations; the first placeholder of each path is the directory id. */
  readonly descriptors: DirectoryDescriptors
  readonly directory: Schema.Schema<D, DI>
  readonly mapping: Schema.Schema<M, MI>
}

/** The methods of a directory API; `C`, `U`, `CM`, `RM` are its create, update, create-mapping and replace params. */
export interface DirectoryMethods<D, M, C, U, CM, RM> {
  /** `GET <base>` */
  readonly list: (params?: PaginationParams) => Effect.Effect<Paginated<D>, ClerkError>
  /** Every directory, page by page (`GET <base>`). */
  readonly listStream: () => Stream.Stream<D, ClerkError>
  /** `POST <base>` (body keys deep snake-cased) */
  readonly create: (params: C) => Effect.Effect<D, ClerkError>
  /** `GET <base>/{id}` */
  readonly get: (directoryId: string) => Effect.Effect<D, ClerkError>
  /** `PATCH <base>/{id}` (`attributeMapping` keys are sent as given) */
  readonly update: (directoryId: string, params: U) => Effect.Effect<D, ClerkError>
  /** `DELETE <base>/{id}` */
  readonly delete: (directoryId: string) => Effect.Effect<DeletedObject, ClerkError>
  /** `POST <base>/{id}/rotate_api_key`: the directory with its new API key. */
  readonly rotateApiKey: (directoryId: string) => Effect.Effect<D, ClerkError>
  /** `GET <base>/{id}/group_role_mappings` */
  readonly listGroupRoleMappings: (directoryId: string) => Effect.Effect<Paginated<M>, ClerkError>
  /** `POST <base>/{id}/group_role_mappings` */
  readonly createGroupRoleMapping: (directoryId: string, params: CM) => Effect.Effect<M, ClerkError>
  /** `PUT <base>/{id}/group_role_mappings`: replaces every mapping (body keys deep snake-cased). */
  readonly replaceGroupRoleMappings: (directoryId: string, params: RM) => Effect.Effect<Paginated<M>, ClerkError>
  /** `DELETE <base>/{id}/group_role_mappings/{mapping_id}` */
  readonly deleteGroupRoleMapping: (directoryId: string, mappingId: string) => Effect.Effect<DeletedObject, ClerkError>
}

/** Builds the methods of one directory API over the request pipeline. */
export const directoryMethods = <D, DI, M, MI, C, U, CM, RM>(
  api: Bound,
  spec: DirectoryApiSpec<D, DI, M, MI>
): DirectoryMethods<D, M, C, U, CM, RM> => {
  const { descriptors: op } = spec
  const idParam = op.get.pathParams[0]!
  const onDirectory = (directoryId: string) => ({ [idParam]: directoryId })
  const DirectoryList = Paginated(spec.directory)
  const MappingList = Paginated(spec.mapping)
  const list = (params: PaginationParams = {}) =>
    api.execute(op.list, DirectoryList, { pathParams: {}, query: { ...params } })
  const listPage = pageSize(op.list)
  return {
    list,
    listStream: () => streamPages(listPage, list),
    create: (params) => api.execute(op.create, spec.directory, { pathParams: {}, body: params, casing: "deep" }),
    get: (directoryId) => api.execute(op.get, spec.directory, { pathParams: onDirectory(directoryId) }),
    update: (directoryId, params) =>
      api.execute(op.update, spec.directory, {
        pathParams: onDirectory(directoryId),
        body: params
      }),
    delete: (directoryId) => api.execute(op.delete, DeletedObject, { pathParams: onDirectory(directoryId) }),
    rotateApiKey: (directoryId) =>
      api.execute(op.rotateApiKey, spec.directory, {
        pathParams: onDirectory(directoryId)
      }),
    listGroupRoleMappings: (directoryId) =>
      api.execute(op.listGroupRoleMappings, MappingList, {
        pathParams: onDirectory(directoryId)
      }),
    createGroupRoleMapping: (directoryId, params) =>
      api.execute(op.createGroupRoleMapping, spec.mapping, {
        pathParams: onDirectory(directoryId),
        body: params
      }),
    replaceGroupRoleMappings: (directoryId, params) =>
      api.execute(op.replaceGroupRoleMappings, MappingList, {
        pathParams: onDirectory(directoryId),
        body: params,
        casing: "deep"
      }),
    deleteGroupRoleMapping: (directoryId, mappingId) =>
      api.execute(op.deleteGroupRoleMapping, DeletedObject, {
        pathParams: { ...onDirectory(directoryId), mapping_id: mappingId }
      })
  }
}
