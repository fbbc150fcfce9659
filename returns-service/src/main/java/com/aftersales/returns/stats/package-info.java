/**
 * Return-rate figures per store, salesperson or product per month: units returned (excluding shipping
 * errors and factory batch faults) over units sold, against the target (2.5 %) and the flag level (10 %).
 * Sold units are the registrations in the product replica purchased that month; the replica carries no
 * salesperson, so per salesperson only the returned quantities are known.
 */
package com.aftersales.returns.stats;
