/**
 * Return handling (RMA): a request decided by the policy (or overridden by a supervisor), receipt of the
 * unit with its logged condition, QC inspection (检验报告单), then the remedy: refund, exchange (or
 * out-of-stock registration), repair and pick-up, or shipment back; fee negotiation when the inspection
 * contradicts the claim. {@link com.aftersales.returns.rma.ReturnOrder} holds the lifecycle rules in plain
 * Java; every step is one transaction with its event (outbox). Pick-up reminders and ageing alerts run on
 * a schedule ({@link com.aftersales.returns.rma.ReturnFollowUps}).
 */
package com.aftersales.returns.rma;
