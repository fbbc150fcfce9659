/**
 * The returns, exchanges and repairs policy (三包) as plain Java: {@link com.aftersales.returns.policy.ReturnPolicyEngine}
 * decides a remedy from the facts of a unit and of a case, citing every named {@link com.aftersales.returns.policy.PolicyRule}
 * that fired or blocked, the dates it compared and the window boundaries. Windows and exclusions come from
 * {@link com.aftersales.returns.policy.PolicySettings}, versioned and set per product category. Days are counted by
 * calendar date in the store's time zone ({@link com.aftersales.returns.policy.StoreTimeZones}); every boundary is
 * inclusive. The web adapter ({@code POST /api/returns/policy/evaluate}) is side-effect free.
 */
package com.aftersales.returns.policy;
