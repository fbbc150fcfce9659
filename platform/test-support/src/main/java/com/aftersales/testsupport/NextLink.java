package com.aftersales.testsupport;

import java.net.http.HttpHeaders;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the RFC 8288 {@code Link: <...>; rel="next"} of a list's page (docs/paging.md), as a client would. */
public final class NextLink {

    private static final Pattern NEXT = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?next\"?");

    private NextLink() {
    }

    /** The target of the next page (relative to the request, as the services send it), empty on the last page. */
    public static Optional<String> of(HttpHeaders headers) {
        return headers.allValues("Link").stream().map(NEXT::matcher).filter(Matcher::find).map(m -> m.group(1))
                .findFirst();
    }
}
