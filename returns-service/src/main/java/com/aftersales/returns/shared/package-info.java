/** What every feature of returns-service shares: the names of its metrics. */
package com.aftersales.returns.shared;
