package com.aftersales.ticket.shared;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Optimistic locking at the API: resources carry a {@code version} and an ETag {@code W/"<version>"};
 * a write with {@code If-Match} naming another version is refused as a concurrent modification (409).
 */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "W/\"" + version + "\"";
    }

    /** Fails when the client's {@code If-Match} names another version than the stored one; no header, no check. */
    public static void checkIfMatch(String ifMatch, long current, String what) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        if (!tag.equals(Long.toString(current))) {
            throw new OptimisticLockingFailureException(what + " is at version " + current + ", not " + tag);
        }
    }
}
