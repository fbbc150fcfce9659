/**
 * The one paging convention of every list endpoint (docs/paging.md): {@code pageSize} and an opaque keyset
 * {@code pageToken} in, the rows and an RFC 8288 {@code Link: <...>; rel="next"} header out. A token holds the sort
 * key values of the last row of the page before, so the next page is {@code WHERE (key, id) < (?, ?)} in SQL and does
 * not shift when rows are added meanwhile, unlike an offset.
 */
package com.aftersales.platform.web.paging;
