/**
 * Business-hours arithmetic for SLA clocks: working days, working periods (08:00–12:00 and
 * 13:30–18:30 by default), holidays and a time zone. Plain Java so that every service's clocks agree.
 */
package com.aftersales.calendar;
