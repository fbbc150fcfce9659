package com.aftersales.calendar;

/**
 * What a clock counts. Every SLA clock names its basis, because the brief promises some things in clock hours
 * ("on site within 24 hours"), some in working time ("first response within the working day", "returned within
 * 3 working days") and some in calendar days ("repaired within 7 days").
 */
public enum TimeBasis {
    /** Elapsed time: nights, weekends and public holidays count. */
    CLOCK_HOURS,
    /** Working periods of working days only (holidays and 调休 make-up days as the calendar says). */
    BUSINESS_HOURS,
    /** Whole calendar days in the calendar's time zone (a remainder below a day is elapsed time). */
    CALENDAR_DAYS
}
