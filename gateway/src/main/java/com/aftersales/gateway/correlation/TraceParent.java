package com.aftersales.gateway.correlation;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * W3C Trace Context {@code traceparent}: a caller's valid header is passed on untouched (the gateway takes no
 * part in tracing, so it adds no span of its own); a missing or malformed one is replaced by a new trace, so
 * every request the services see belongs to a trace and the client can quote it.
 */
public final class TraceParent {

    /** Header that carries the trace context in both directions. */
    public static final String HEADER = "traceparent";

    /** Version 00: trace id (32 hex, not all zero), parent id (16 hex, not all zero), flags. */
    private static final Pattern VALID = Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");

    private static final int TRACE_ID_BYTES = 16;

    private static final int PARENT_ID_BYTES = 8;

    /** Sampled: a tracing backend behind the services should keep traces the edge started. */
    private static final String FLAGS = "01";

    private static final SecureRandom RANDOM = new SecureRandom();

    private TraceParent() {
    }

    /** Returns {@code candidate} when it is a valid version-00 header, otherwise a new one. */
    static String acceptOrCreate(String candidate) {
        if (candidate != null && VALID.matcher(candidate).matches()) {
            return candidate;
        }
        return "00-" + randomHex(TRACE_ID_BYTES) + "-" + randomHex(PARENT_ID_BYTES) + "-" + FLAGS;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        do {
            RANDOM.nextBytes(random);
        }
        while (allZero(random));
        return HexFormat.of().formatHex(random);
    }

    private static boolean allZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

}
