/**
 * The monthly service report for management: KPIs and their six-month trend, top faults, costs,
 * complaints, quality alerts and improvement actions, each action naming the rule that proposed it.
 * JSON for systems, HTML with inline SVG charts for people.
 */
package com.aftersales.feedback.report;
