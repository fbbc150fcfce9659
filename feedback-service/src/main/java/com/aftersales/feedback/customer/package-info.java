/**
 * Customer profiles projected from ticket-service's CustomerRegistered (tier, contact consent, language):
 * what surveys and the tier-based care cadence need, without calling ticket-service.
 */
package com.aftersales.feedback.customer;
