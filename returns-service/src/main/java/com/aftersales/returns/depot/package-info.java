/**
 * Own and partner repair depots and depot repair orders (返厂维修). An order comes from an RMA in repair or
 * from dispatch's {@code aftersales.dispatch.depot-repair-requested.v1}; it is routed to a depot that repairs
 * the category (the requested one if it does), promised within the depot's turnaround (7 days by default),
 * and the depot reports progress with its own credentials. A repair that will probably miss its promise raises
 * an event before the date. Every status change is published on {@code aftersales.returns.v1} and, for a
 * partner depot, on its partner topic.
 */
package com.aftersales.returns.depot;
