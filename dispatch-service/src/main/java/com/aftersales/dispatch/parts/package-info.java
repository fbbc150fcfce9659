/**
 * Parts and tools (领取、登记): a catalogue of prices and costs, stock per warehouse or van,
 * checkouts before a visit, consumption recorded from the service report, returns of unused parts.
 * Stock never goes negative: a checkout is one guarded UPDATE, so of two concurrent checkouts of
 * the last unit exactly one wins.
 */
package com.aftersales.dispatch.parts;
