/**
 * Charges (先服务后收费): the quote for out-of-warranty work from the labour rate table and part
 * prices, the final charge computed from the signed report, and the cost of every visit — in
 * warranty too, where the customer pays nothing — for service cost KPIs.
 */
package com.aftersales.dispatch.charge;
