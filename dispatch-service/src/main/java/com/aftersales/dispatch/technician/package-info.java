/**
 * Technicians (技术员): skills with levels, home base and service area, working calendar, daily
 * capacity, live status and position from the technician app, and the first-time-fix history per
 * fault category that completed service reports feed ("who has fixed this before").
 */
package com.aftersales.dispatch.technician;
