/**
 * Custom organization roles and the permissions they grant.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import {
  AssignPermissionToOrganizationRole,
  CreateOrganizationRole,
  DeleteOrganizationRole,
  GetOrganizationRole,
  ListOrganizationRoles,
  RemovePermissionFromOrganizationRole,
  UpdateOrganizationRole
} from "../models/generated/descriptors.js"
import { bind } from "./internal/bind.js"
import { Role } from "../models/generated/schemas.js"
import { Paginated } from "../models/internal/paginated.js"
import { BackendApi } from "../services/BackendApi.js"
import { type PaginationParams, pageSize, type StreamParams, type WithSign } from "./internal/lists.js"
import { streamPages } from "./internal/paginate.js"

export { Role }

/**
 * Params of `organizationRoles.getOrganizationRoleList`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface GetOrganizationRoleListParams extends PaginationParams {
  /** Matches role names and keys. */
  readonly query?: string | undefined
  readonly orderBy?: WithSign<"created_at" | "name" | "key"> | undefined
}

/**
 * Params of `organizationRoles.createOrganizationRole`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface CreateOrganizationRoleParams {
  readonly name: string
  /** `org:<role>`. */
  readonly key: string
  readonly description?: string | null | undefined
  /** Permission ids granted by the role. */
  readonly permissions?: ReadonlyArray<string> | null | undefined
  /** Also add the role to the instance's initial role set. */
  readonly includeInInitialRoleSet?: boolean | null | undefined
}

/**
 * Params of `organizationRoles.updateOrganizationRole`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface UpdateOrganizationRoleParams {
  readonly organizationRoleId: string
  readonly name?: string | null | undefined
  readonly key?: string | null | undefined
  readonly description?: string | null | undefined
  readonly permissions?: ReadonlyArray<string> | null | undefined
}

/**
 * Params of `organizationRoles.assignPermissionToOrganizationRole` and `removePermissionFromOrganizationRole`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface OrganizationRolePermissionParams {
  readonly organizationRoleId: string
  readonly permissionId: string
}

const RoleList = Paginated(Role)
const LIST_PAGE = pageSize(ListOrganizationRoles)

/**
 * `organizationRoles`: create, read, update and delete custom organization roles.
 *
 * @since 0.1.0
 * @category Resources
 */
export class OrganizationRoles extends Effect.Service<OrganizationRoles>()("effect-clerk/OrganizationRoles", {
  accessors: true,
  effect: Effect.gen(function* () {
    const api = bind(yield* BackendApi)
    const getOrganizationRoleList = (params: GetOrganizationRoleListParams = {}) =>
      api.execute(ListOrganizationRoles, RoleList, {
        query: { ...params }
      })
    const rolePermission = (
      descriptor: typeof AssignPermissionToOrganizationRole | typeof RemovePermissionFromOrganizationRole,
      { organizationRoleId, permissionId }: OrganizationRolePermissionParams
    ) =>
      api.decode(descriptor, {
        pathParams: { organization_role_id: organizationRoleId, permission_id: permissionId }
      })
    return {
      /** `GET /organization_roles` */
      getOrganizationRoleList,
      /** Every role, page by page (`GET /organization_roles`). */
      getOrganizationRoleListStream: (params: StreamParams<GetOrganizationRoleListParams> = {}) =>
        streamPages(LIST_PAGE, (page) => getOrganizationRoleList({ ...params, ...page })),
      /** `GET /organization_roles/{organization_role_id}` */
      getOrganizationRole: (organizationRoleId: string) =>
        api.decode(GetOrganizationRole, {
          pathParams: { organization_role_id: organizationRoleId }
        }),
      /** `POST /organization_roles` */
      createOrganizationRole: (params: CreateOrganizationRoleParams) =>
        api.decode(CreateOrganizationRole, { body: params }),
      /** `PATCH /organization_roles/{organization_role_id}` */
      updateOrganizationRole: ({ organizationRoleId, ...body }: UpdateOrganizationRoleParams) =>
        api.decode(UpdateOrganizationRole, {
          pathParams: { organization_role_id: organizationRoleId },
          body
        }),
      /** `DELETE /organization_roles/{organization_role_id}` */
      deleteOrganizationRole: (organizationRoleId: string) =>
        api.decode(DeleteOrganizationRole, {
          pathParams: { organization_role_id: organizationRoleId }
        }),
      /** `POST /organization_roles/{organization_role_id}/permissions/{permission_id}` */
      assignPermissionToOrganizationRole: (params: OrganizationRolePermissionParams) =>
        rolePermission(AssignPermissionToOrganizationRole, params),
      /** `DELETE /organization_roles/{organization_role_id}/permissions/{permission_id}` */
      removePermissionFromOrganizationRole: (params: OrganizationRolePermissionParams) =>
        rolePermission(RemovePermissionFromOrganizationRole, params)
    }
  })
}) {}
