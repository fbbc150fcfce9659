package com.aftersales.platform.web.paging;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;

/**
 * The RFC 8288 {@code Link: <...>; rel="next"} header of a page: the request's own path and query with
 * {@code pageToken} replaced, so every filter and the page size carry over. The target is relative to the request
 * (RFC 3986 section 4.2), so it stays right behind the gateway whatever host name the client used.
 */
public final class PageLinks {

    /** The deprecated offset parameter: the token already says where the next page starts. */
    static final String OFFSET_PAGE = "page";

    private PageLinks() {
    }

    /** The header value for the page after this request's, or null on the last page. */
    public static String next(String path, String rawQuery, String nextPageToken) {
        if (nextPageToken == null) {
            return null;
        }
        String target = UriComponentsBuilder.fromUriString(rawQuery == null || rawQuery.isEmpty() ? path : path + "?" + rawQuery)
                .replaceQueryParam(OFFSET_PAGE)
                .replaceQueryParam(PageToken.PARAMETER, nextPageToken)
                .build().toUriString();
        return "<" + target + ">; rel=\"next\"";
    }

    /** The Link header of the current request's next page; no header on the last page. */
    public static HttpHeaders headers(String nextPageToken) {
        HttpHeaders headers = new HttpHeaders();
        if (nextPageToken != null) {
            HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                    .getRequest();
            headers.add(HttpHeaders.LINK, next(request.getRequestURI(), request.getQueryString(), nextPageToken));
        }
        return headers;
    }

    /** 200 with the page's rows as a JSON array and the Link header: lists that answered an array keep doing so. */
    public static <T> ResponseEntity<List<T>> ok(KeysetPage<T> page) {
        return ResponseEntity.ok().headers(headers(page.nextPageToken())).body(page.items());
    }

    /** 200 with a body of its own (one that also names the next page) and the Link header. */
    public static <B> ResponseEntity<B> ok(B body, String nextPageToken) {
        return ResponseEntity.ok().headers(headers(nextPageToken)).body(body);
    }
}
