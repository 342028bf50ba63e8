/**
 * Billing: plans, prices, subscriptions and their items, discounts and statements.
 *
 * @module
 */
import * as Effect from "effect/Effect"
import type * as Schema from "effect/Schema"
import {
  ApplyBillingSubscriptionItemDiscount,
  CancelCommerceSubscriptionItem,
  CreateBillingPrice,
  CreateBillingPriceTransition,
  ExtendBillingSubscriptionItemFreeTrial,
  GetBillingPriceList,
  GetBillingStatement,
  GetBillingStatementList,
  GetBillingStatementPaymentAttempts,
  GetCommercePlanList,
  GetCommerceSubscriptionItemList,
  GetOrganizationBillingSubscription,
  GetUserBillingSubscription,
  RemoveBillingSubscriptionItemDiscount
} from "../models/generated/descriptors.js"
import {
  BillingPaymentAttempt,
  BillingPriceResponse,
  BillingStatement,
  CommerceDiscountRedemptionResponse,
  CommercePlan,
  CommercePriceTransitionResponse,
  CommerceSubscription,
  CommerceSubscriptionItem,
  CommerceSubscriptionItem2
} from "../models/generated/schemas.js"
import type { OperationDescriptor } from "../models/internal/descriptor.js"
import { Paginated } from "../models/internal/paginated.js"
import { BackendApi, type QueryValue } from "../services/BackendApi.js"
import { bind } from "./internal/bind.js"
import { type PaginationParams, pageSize, type StreamParams } from "./internal/lists.js"
import { streamPages } from "./internal/paginate.js"

export {
  BillingPaymentAttempt,
  BillingPriceResponse,
  BillingStatement,
  CommerceDiscountRedemptionResponse,
  CommercePlan,
  CommercePriceTransitionResponse,
  CommerceSubscription,
  CommerceSubscriptionItem,
  CommerceSubscriptionItem2
}

/**
 * A billing plan, under `@clerk/backend`'s name.
 *
 * @since 0.1.0
 * @category Resources
 */
export type BillingPlan = CommercePlan
/**
 * A billing subscription, under `@clerk/backend`'s name.
 *
 * @since 0.1.0
 * @category Resources
 */
export type BillingSubscription = CommerceSubscription
/**
 * A billing subscription item, under `@clerk/backend`'s name.
 *
 * @since 0.1.0
 * @category Resources
 */
export type BillingSubscriptionItem = CommerceSubscriptionItem

/**
 * Who pays: a user or an organization.
 *
 * @since 0.1.0
 * @category Resources
 */
export type BillingPayerType = "org" | "user"

/**
 * Params of `billing.getPlanList`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface GetPlanListParams extends PaginationParams {
  readonly payerType?: BillingPayerType | undefined
}

/**
 * Params of `billing.cancelSubscriptionItem`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface CancelSubscriptionItemParams {
  /** End now instead of at the end of the period (sent as the `end_now` query parameter). */
  readonly endNow?: boolean | undefined
}

/**
 * Params of `billing.extendSubscriptionItemFreeTrial`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface ExtendSubscriptionItemFreeTrialParams {
  /** The new end of the trial (sent as an ISO string). */
  readonly extendTo: Date
}

/**
 * Params of `billing.getPriceList`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface GetPriceListParams extends PaginationParams {
  /** Only prices of this plan. */
  readonly planId?: string | undefined
}

/**
 * Params of `billing.createPrice`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface CreatePriceParams {
  readonly planId: string
  /** Defaults to USD. */
  readonly currency?: string | undefined
  /** Monthly amount in cents. */
  readonly amount: number | null
  /** Monthly amount in cents when billed annually. */
  readonly annualMonthlyAmount?: number | null | undefined
  readonly description?: string | undefined
  readonly supportedBillingPeriods?: "month" | "annual" | "both" | undefined
}

/**
 * Params of `billing.getSubscriptionItemList`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface GetSubscriptionItemListParams extends PaginationParams {
  readonly status?: "active" | "ended" | "past_due" | "upcoming" | "free_trial" | undefined
  readonly payerType?: "user" | "org" | undefined
  readonly planId?: string | undefined
  /** Include free-plan items (default false). */
  readonly includeFree?: boolean | undefined
  readonly query?: string | undefined
}

/**
 * Params of `billing.createPriceTransition`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface CreatePriceTransitionParams {
  readonly fromPriceId: string
  readonly toPriceId: string
}

/**
 * Params of `billing.applySubscriptionItemDiscount`.
 *
 * @since 0.1.0
 * @category Resources
 */
export interface ApplySubscriptionItemDiscountParams {
  readonly discountId: string
}

/**
 * Params of `billing.getStatementList` and `billing.getStatementPaymentAttemptList`.
 *
 * @since 0.1.0
 * @category Resources
 */
export type GetStatementListParams = PaginationParams

const PlanList = Paginated(CommercePlan)

const PLAN_PAGE = pageSize(GetCommercePlanList)
const PRICE_PAGE = pageSize(GetBillingPriceList)
const ITEM_PAGE = pageSize(GetCommerceSubscriptionItemList)
const STATEMENT_PAGE = pageSize(GetBillingStatementList)
const ATTEMPT_PAGE = pageSize(GetBillingStatementPaymentAttempts)

/**
 * `billing`: plans, prices, subscriptions, subscription items and statements.
 *
 * @since 0.1.0
 * @category Resources
 */
export class Billing extends Effect.Service<Billing>()("effect-clerk/Billing", {
  accessors: true,
  effect: Effect.gen(function* () {
    const api = bind(yield* BackendApi)
    /** A `GET` list that asks for the `{ data, total_count }` envelope (`paginated=true`). */
    const paginatedList = <A, I>(descriptor: OperationDescriptor, item: Schema.Schema<A, I>) => {
      const schema = Paginated(item)
      return (query: Readonly<Record<string, QueryValue>>, pathParams: Readonly<Record<string, string>> = {}) =>
        api.execute(descriptor, schema, { pathParams, query: { paginated: true, ...query } })
    }
    const prices = paginatedList(GetBillingPriceList, BillingPriceResponse)
    const items = paginatedList(GetCommerceSubscriptionItemList, CommerceSubscriptionItem)
    const statements = paginatedList(GetBillingStatementList, BillingStatement)
    const attempts = paginatedList(GetBillingStatementPaymentAttempts, BillingPaymentAttempt)
    const getPlanList = (params: GetPlanListParams = {}) =>
      api.execute(GetCommercePlanList, PlanList, { query: { ...params } })
    const getPriceList = (params: GetPriceListParams = {}) => prices({ ...params })
    const getSubscriptionItemList = (params: GetSubscriptionItemListParams = {}) => items({ ...params })
    const getStatementList = (params: GetStatementListParams = {}) => statements({ ...params })
    const getStatementPaymentAttemptList = (statementId: string, params: GetStatementListParams = {}) =>
      attempts({ ...params }, { statementID: statementId })
    return {
      /** `GET /billing/plans` */
      getPlanList,
      /** Every plan, page by page (`GET /billing/plans`). */
      getPlanListStream: (params: StreamParams<GetPlanListParams> = {}) =>
        streamPages(PLAN_PAGE, (page) => getPlanList({ ...params, ...page })),
      /** `DELETE /billing/subscription_items/{subscription_item_id}` (`endNow` goes in the query) */
      cancelSubscriptionItem: (subscriptionItemId: string, params: CancelSubscriptionItemParams = {}) =>
        api.decode(CancelCommerceSubscriptionItem, {
          pathParams: { subscription_item_id: subscriptionItemId },
          query: { ...params }
        }),
      /** `POST /billing/subscription_items/{subscription_item_id}/extend_free_trial` */
      extendSubscriptionItemFreeTrial: (subscriptionItemId: string, params: ExtendSubscriptionItemFreeTrialParams) =>
        api.decode(ExtendBillingSubscriptionItemFreeTrial, {
          pathParams: { subscription_item_id: subscriptionItemId },
          body: params
        }),
      /** `GET /organizations/{organization_id}/billing/subscription` */
      getOrganizationBillingSubscription: (organizationId: string) =>
        api.decode(GetOrganizationBillingSubscription, {
          pathParams: { organization_id: organizationId }
        }),
      /** `GET /users/{user_id}/billing/subscription` */
      getUserBillingSubscription: (userId: string) =>
        api.decode(GetUserBillingSubscription, {
          pathParams: { user_id: userId }
        }),
      /** `GET /billing/prices` */
      getPriceList,
      /** Every price, page by page (`GET /billing/prices`). */
      getPriceListStream: (params: StreamParams<GetPriceListParams> = {}) =>
        streamPages(PRICE_PAGE, (page) => getPriceList({ ...params, ...page })),
      /** `POST /billing/prices` */
      createPrice: (params: CreatePriceParams) => api.decode(CreateBillingPrice, { body: params }),
      /** `GET /billing/subscription_items` */
      getSubscriptionItemList,
      /** Every subscription item, page by page (`GET /billing/subscription_items`). */
      getSubscriptionItemListStream: (params: StreamParams<GetSubscriptionItemListParams> = {}) =>
        streamPages(ITEM_PAGE, (page) => getSubscriptionItemList({ ...params, ...page })),
      /** `POST /billing/subscription_items/{subscription_item_id}/price_transition` */
      createPriceTransition: (subscriptionItemId: string, params: CreatePriceTransitionParams) =>
        api.decode(CreateBillingPriceTransition, {
          pathParams: { subscription_item_id: subscriptionItemId },
          body: params
        }),
      /** `POST /billing/subscription_items/{subscription_item_id}/discounts` */
      applySubscriptionItemDiscount: (subscriptionItemId: string, params: ApplySubscriptionItemDiscountParams) =>
        api.decode(ApplyBillingSubscriptionItemDiscount, {
          pathParams: { subscription_item_id: subscriptionItemId },
          body: params
        }),
      /** `DELETE /billing/subscription_items/{subscription_item_id}/discounts/{discount_id}` */
      removeSubscriptionItemDiscount: (subscriptionItemId: string, discountId: string) =>
        api.decode(RemoveBillingSubscriptionItemDiscount, {
          pathParams: { subscription_item_id: subscriptionItemId, discount_id: discountId }
        }),
      /** `GET /billing/statements` */
      getStatementList,
      /** Every statement, page by page (`GET /billing/statements`). */
      getStatementListStream: (params: StreamParams<GetStatementListParams> = {}) =>
        streamPages(STATEMENT_PAGE, (page) => getStatementList({ ...params, ...page })),
      /** `GET /billing/statements/{statementID}` */
      getStatement: (statementId: string) =>
        api.decode(GetBillingStatement, { pathParams: { statementID: statementId } }),
      /** `GET /billing/statements/{statementID}/payment_attempts` */
      getStatementPaymentAttemptList,
      /** Every payment attempt of a statement, page by page (`GET /billing/statements/{statementID}/payment_attempts`). */
      getStatementPaymentAttemptListStream: (statementId: string, params: StreamParams<GetStatementListParams> = {}) =>
        streamPages(ATTEMPT_PAGE, (page) => getStatementPaymentAttemptList(statementId, { ...params, ...page }))
    }
  })
}) {}
