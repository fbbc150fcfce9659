/** The read-only snapshot behind the gateway's ops console ({@code GET /api/ops/returns-service}). */
package com.aftersales.returns.operations;
