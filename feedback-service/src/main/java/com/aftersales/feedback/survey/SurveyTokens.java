package com.aftersales.feedback.survey;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Unguessable survey link tokens: random bytes from a CSPRNG, base64url; compared in constant time. */
final class SurveyTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SurveyTokens() {
    }

    static String newToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    static boolean matches(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }
}
