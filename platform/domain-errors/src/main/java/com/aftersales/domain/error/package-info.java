/**
 * The domain failures every service shares, as plain exceptions: {@link com.aftersales.domain.error.NotFoundException}
 * (404), {@link com.aftersales.domain.error.InvalidFieldException} (400 naming the field) and
 * {@link com.aftersales.domain.error.IllegalTransitionException} (409 with where the record stands and where it may go).
 * No framework here: domain models throw them in unit tests and benchmarks; service-support's {@code DomainProblems}
 * renders them as RFC 9457 problems for every service, the same way.
 */
package com.aftersales.domain.error;
