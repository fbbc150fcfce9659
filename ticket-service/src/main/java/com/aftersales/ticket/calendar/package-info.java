/**
 * The public calendar's owner: administrators set public holidays and make-up working days (调休) here, without a
 * release; the change applies to this service's clocks at once and reaches the other services through
 * {@code aftersales.calendar.day-changed.v1}.
 */
package com.aftersales.ticket.calendar;
