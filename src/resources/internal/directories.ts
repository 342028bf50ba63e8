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
import type { SpecOperationId } from "../../models/generated/operations.js"
import { Paginated } from "../../models/internal/paginated.js"
import type { BackendApiShape } from "../../services/BackendApi.js"
import type { ClerkError } from "../../services/ClerkErrors.js"
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

/** Where one of the two directory APIs lives and what it returns. */
export interface DirectoryApiSpec<D, DI, M, MI> {
  /** The Promise property, used in span names. */
  readonly property: string
  /** `/scim_directories` or `/directories`. */
  readonly basePath: string
  /** The path placeholder of the directory id. */
  readonly idParam: string
  readonly listOperation: SpecOperationId
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
  api: BackendApiShape,
  spec: DirectoryApiSpec<D, DI, M, MI>
): DirectoryMethods<D, M, C, U, CM, RM> => {
  const { basePath, idParam, property } = spec
  const one = `${basePath}/{${idParam}}`
  const mappings = `${one}/group_role_mappings`
  const DirectoryList = Paginated(spec.directory)
  const MappingList = Paginated(spec.mapping)
  const list = (params: PaginationParams = {}) =>
    api.execute({ operation: `${property}.list`, method: "GET", path: basePath, query: { ...params } }, DirectoryList)
  const listPage = pageSize(spec.listOperation)
  return {
    list,
    listStream: () => streamPages(listPage, list),
    create: (params) =>
      api.execute({
        operation: `${property}.create`,
        method: "POST",
        path: basePath,
        body: params,
        casing: "deep"
      }, spec.directory),
    get: (directoryId) =>
      api.execute({
        operation: `${property}.get`,
        method: "GET",
        path: one,
        pathParams: { [idParam]: directoryId }
      }, spec.directory),
    update: (directoryId, params) =>
      api.execute({
        operation: `${property}.update`,
        method: "PATCH",
        path: one,
        pathParams: { [idParam]: directoryId },
        body: params
      }, spec.directory),
    delete: (directoryId) =>
      api.execute({
        operation: `${property}.delete`,
        method: "DELETE",
        path: one,
        pathParams: { [idParam]: directoryId }
      }, DeletedObject),
    rotateApiKey: (directoryId) =>
      api.execute({
        operation: `${property}.rotateApiKey`,
        method: "POST",
        path: `${one}/rotate_api_key`,
        pathParams: { [idParam]: directoryId }
      }, spec.directory),
    listGroupRoleMappings: (directoryId) =>
      api.execute({
        operation: `${property}.listGroupRoleMappings`,
        method: "GET",
        path: mappings,
        pathParams: { [idParam]: directoryId }
      }, MappingList),
    createGroupRoleMapping: (directoryId, params) =>
      api.execute({
        operation: `${property}.createGroupRoleMapping`,
        method: "POST",
        path: mappings,
        pathParams: { [idParam]: directoryId },
        body: params
      }, spec.mapping),
    replaceGroupRoleMappings: (directoryId, params) =>
      api.execute({
        operation: `${property}.replaceGroupRoleMappings`,
        method: "PUT",
        path: mappings,
        pathParams: { [idParam]: directoryId },
        body: params,
        casing: "deep"
      }, MappingList),
    deleteGroupRoleMapping: (directoryId, mappingId) =>
      api.execute({
        operation: `${property}.deleteGroupRoleMapping`,
        method: "DELETE",
        path: `${mappings}/{mapping_id}`,
        pathParams: { [idParam]: directoryId, mapping_id: mappingId }
      }, DeletedObject)
  }
}
