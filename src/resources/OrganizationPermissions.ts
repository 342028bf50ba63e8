/**
 * Custom organization permissions (the `org:feature:action` keys roles are made of).
 *
 * @module
 */
import * as Effect from "effect/Effect"
import {
  CreateOrganizationPermission,
  DeleteOrganizationPermission,
  GetOrganizationPermission,
  ListOrganizationPermissions,
  UpdateOrganizationPermission
} from "../models/generated/descriptors.js"
import { bind } from "./internal/bind.js"
import { Permission } from "../models/generated/schemas.js"
import { Paginated } from "../models/internal/paginated.js"
import { BackendApi } from "../services/BackendApi.js"
import { type PaginationParams, pageSize, type StreamParams, type WithSign } from "./internal/lists.js"
import { streamPages } from "./internal/paginate.js"

export { Permission }

/**
 * Params of `organizationPermissions.getOrganizationPermissionList`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface GetOrganizationPermissionListParams extends PaginationParams {
  /** Matches permission names and keys. */
  readonly query?: string | undefined
  readonly orderBy?: WithSign<"created_at" | "name" | "key"> | undefined
}

/**
 * Params of `organizationPermissions.createOrganizationPermission`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface CreateOrganizationPermissionParams {
  readonly name: string
  /** `org:<feature>:<action>`. */
  readonly key: string
  readonly description?: string | undefined
}

/**
 * Params of `organizationPermissions.updateOrganizationPermission`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface UpdateOrganizationPermissionParams {
  readonly permissionId: string
  readonly name?: string | undefined
  readonly key?: string | undefined
  readonly description?: string | undefined
}

const PermissionList = Paginated(Permission)
const LIST_PAGE = pageSize(ListOrganizationPermissions)

/**
 * `organizationPermissions`: create, read, update and delete custom organization permissions.
 *
 * @since 0.1.0
 * @category Resources
 */
export class OrganizationPermissions extends Effect.Service<OrganizationPermissions>()(
  "effect-clerk/OrganizationPermissions",
  {
    accessors: true,
    effect: Effect.gen(function* () {
      const api = bind(yield* BackendApi)
      const getOrganizationPermissionList = (params: GetOrganizationPermissionListParams = {}) =>
        api.execute(ListOrganizationPermissions, PermissionList, { query: { ...params } })
      return {
        /** `GET /organization_permissions` */
        getOrganizationPermissionList,
        /** Every permission, page by page (`GET /organization_permissions`). */
        getOrganizationPermissionListStream: (params: StreamParams<GetOrganizationPermissionListParams> = {}) =>
          streamPages(LIST_PAGE, (page) => getOrganizationPermissionList({ ...params, ...page })),
        /** `GET /organization_permissions/{permission_id}` */
        getOrganizationPermission: (permissionId: string) =>
          api.decode(GetOrganizationPermission, {
            pathParams: { permission_id: permissionId }
          }),
        /** `POST /organization_permissions` */
        createOrganizationPermission: (params: CreateOrganizationPermissionParams) =>
          api.decode(CreateOrganizationPermission, {
            body: params
          }),
        /** `PATCH /organization_permissions/{permission_id}` */
        updateOrganizationPermission: ({ permissionId, ...body }: UpdateOrganizationPermissionParams) =>
          api.decode(UpdateOrganizationPermission, {
            pathParams: { permission_id: permissionId },
            body
          }),
        /** `DELETE /organization_permissions/{permission_id}` */
        deleteOrganizationPermission: (permissionId: string) =>
          api.decode(DeleteOrganizationPermission, {
            pathParams: { permission_id: permissionId }
          })
      }
    })
  }
) {}
