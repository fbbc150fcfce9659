/**
 * What every feature of the service shares: the plain exception for input that only the domain can
 * judge (a purchase date in the store's time zone, a phone number) and its mapping to a 400 problem.
 */
package com.aftersales.ticket.shared;
