/**
 * Directories: user provisioning from an identity provider into an enterprise connection, with group → role
 * mappings (the successor of `scimDirectories`, same methods on `/directories`).
 *
 * @module
 */
import * as Effect from "effect/Effect"
import { Directory, DirectoryGroupRoleMapping } from "../models/generated/schemas.js"
import { BackendApi } from "../services/BackendApi.js"
import {
  CreateDirectory,
  CreateDirectoryGroupRoleMapping,
  DeleteDirectory,
  DeleteDirectoryGroupRoleMapping,
  GetDirectory,
  ListDirectories,
  ListDirectoryGroupRoleMappings,
  ReplaceDirectoryGroupRoleMappings,
  RotateDirectoryAPIKey,
  UpdateDirectory
} from "../models/generated/descriptors.js"
import { bind } from "./internal/bind.js"
import { directoryMethods, type DirectoryUpdateParams } from "./internal/directories.js"

export { Directory, DirectoryGroupRoleMapping }

/**
 * One group → role mapping of `directories.create`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface DirectoryGroupRoleMappingInput {
  readonly directoryGroupId?: string | undefined
  readonly scimGroupId?: string | undefined
  readonly directoryGroupDisplayName?: string | undefined
  readonly scimGroupDisplayName?: string | undefined
  readonly roleId: string
  /** Lower wins when a user is in several mapped groups. */
  readonly precedence?: number | undefined
}

/**
 * Params of `directories.create`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface CreateDirectoryParams {
  readonly enterpriseConnectionId: string
  readonly name?: string | undefined
  readonly provider: string
  readonly groupRoleMappings?: ReadonlyArray<DirectoryGroupRoleMappingInput> | undefined
}

/**
 * Params of `directories.update`.
 *
 * @since 0.1.0
 * @category Resources
 */
export type UpdateDirectoryParams = DirectoryUpdateParams

/**
 * Params of `directories.createGroupRoleMapping`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface CreateDirectoryGroupRoleMappingParams {
  readonly directoryGroupId?: string | undefined
  readonly scimGroupId?: string | undefined
  readonly roleId: string
  readonly precedence?: number | undefined
}

/**
 * Params of `directories.replaceGroupRoleMappings`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface ReplaceDirectoryGroupRoleMappingsParams {
  readonly mappings: ReadonlyArray<{
    readonly directoryGroupId?: string | undefined
    readonly scimGroupId?: string | undefined
    readonly roleId: string
  }>
}

/**
 * `directories`: directories and their group → role mappings.
 *
 * @since 0.1.0
 * @category Resources
 */
export class Directories extends Effect.Service<Directories>()("effect-clerk/Directories", {
  accessors: true,
  effect: Effect.map(BackendApi, (api) =>
    directoryMethods<
      Directory,
      typeof Directory.Encoded,
      DirectoryGroupRoleMapping,
      typeof DirectoryGroupRoleMapping.Encoded,
      CreateDirectoryParams,
      UpdateDirectoryParams,
      CreateDirectoryGroupRoleMappingParams,
      ReplaceDirectoryGroupRoleMappingsParams
    >(bind(api), {
      descriptors: {
        list: ListDirectories,
        create: CreateDirectory,
        get: GetDirectory,
        update: UpdateDirectory,
        delete: DeleteDirectory,
        rotateApiKey: RotateDirectoryAPIKey,
        listGroupRoleMappings: ListDirectoryGroupRoleMappings,
        createGroupRoleMapping: CreateDirectoryGroupRoleMapping,
        replaceGroupRoleMappings: ReplaceDirectoryGroupRoleMappings,
        deleteGroupRoleMapping: DeleteDirectoryGroupRoleMapping
      },
      directory: Directory,
      mapping: DirectoryGroupRoleMapping
    })
  )
}) {}
