/**
 * The public calendar (public holidays and make-up working days, 调休) as data in each service's
 * {@code calendar_day} table: loaded into the business calendar every clock runs on, refreshed while the service
 * runs, and kept in step with ticket-service (the owner, whose administrators change it) through
 * {@code aftersales.calendar.day-changed.v1}.
 */
package com.aftersales.platform.calendar;
