/**
 * The one truth about warranty cover, shared by every service: the product category code list (with the
 * aliases older clients send), the warranty terms per category and per part as data
 * ({@code warranty-terms.json}, replaceable per deployment), and the arithmetic that turns terms and a
 * unit's dates into covered periods with an inclusive last day. Plain Java: ticket entitlement, dispatch
 * charges and the returns policy evaluate the same terms with the same code, each in its own service.
 */
package com.aftersales.contracts.warranty;
