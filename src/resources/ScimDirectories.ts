/**
 * SCIM directories: user provisioning from an identity provider into an enterprise connection, with group → role
 * mappings. The methods are those of `directories` on `/scim_directories`.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import { SCIMDirectory, SCIMGroupRoleMapping } from "../models/generated/schemas.js"
import { BackendApi } from "../services/BackendApi.js"
import {
  CreateSCIMDirectory,
  CreateSCIMGroupRoleMapping,
  DeleteSCIMDirectory,
  DeleteSCIMGroupRoleMapping,
  GetSCIMDirectory,
  ListSCIMDirectories,
  ListSCIMGroupRoleMappings,
  ReplaceSCIMGroupRoleMappings,
  RotateSCIMDirectoryAPIKey,
  UpdateSCIMDirectory
} from "../models/generated/descriptors.js"
import { bind } from "./internal/bind.js"
import { directoryMethods, type DirectoryUpdateParams } from "./internal/directories.js"

export { SCIMDirectory, SCIMGroupRoleMapping }

/**
 * One group → role mapping of `scimDirectories.create`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface ScimGroupRoleMappingInput {
  readonly scimGroupId: string
  readonly scimGroupDisplayName?: string | undefined
  readonly roleId: string
  /** Lower wins when a user is in several mapped groups. */
  readonly precedence?: number | undefined
}

/**
 * Params of `scimDirectories.create`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface CreateScimDirectoryParams {
  readonly enterpriseConnectionId: string
  readonly name?: string | undefined
  readonly provider: string
  readonly groupRoleMappings?: ReadonlyArray<ScimGroupRoleMappingInput> | undefined
}

/**
 * Params of `scimDirectories.update`.
 *
 * @since 0.1.0
 * @category Resources
 */
export type UpdateScimDirectoryParams = DirectoryUpdateParams

/**
 * Params of `scimDirectories.createGroupRoleMapping`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface CreateScimGroupRoleMappingParams {
  readonly scimGroupId: string
  readonly roleId: string
  readonly precedence?: number | undefined
}

/**
 * Params of `scimDirectories.replaceGroupRoleMappings`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface ReplaceScimGroupRoleMappingsParams {
  readonly mappings: ReadonlyArray<{ readonly scimGroupId: string; readonly roleId: string }>
}

/**
 * `scimDirectories`: SCIM directories and their group → role mappings.
 *
 * @since 0.1.0
 * @category Resources
 */
export class ScimDirectories extends Effect.Service<ScimDirectories>()("effect-clerk/ScimDirectories", {
  accessors: true,
  effect: Effect.map(BackendApi, (api) =>
    directoryMethods<
      SCIMDirectory,
      typeof SCIMDirectory.Encoded,
      SCIMGroupRoleMapping,
      typeof SCIMGroupRoleMapping.Encoded,
      CreateScimDirectoryParams,
      UpdateScimDirectoryParams,
      CreateScimGroupRoleMappingParams,
      ReplaceScimGroupRoleMappingsParams
    >(bind(api), {
      descriptors: {
        list: ListSCIMDirectories,
        create: CreateSCIMDirectory,
        get: GetSCIMDirectory,
        update: UpdateSCIMDirectory,
        delete: DeleteSCIMDirectory,
        rotateApiKey: RotateSCIMDirectoryAPIKey,
        listGroupRoleMappings: ListSCIMGroupRoleMappings,
        createGroupRoleMapping: CreateSCIMGroupRoleMapping,
        replaceGroupRoleMappings: ReplaceSCIMGroupRoleMappings,
        deleteGroupRoleMapping: DeleteSCIMGroupRoleMapping
      },
      directory: SCIMDirectory,
      mapping: SCIMGroupRoleMapping
    })
  )
}) {}
