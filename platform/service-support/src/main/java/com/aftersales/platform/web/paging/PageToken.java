package com.aftersales.platform.web.paging;

import com.aftersales.domain.error.InvalidFieldException;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a page ends: the sort key values of its last row, as an opaque base64url token. Clients only hand a token
 * back; a token that was not made here is a 400 field error on {@value #PARAMETER}.
 */
public final class PageToken {

    public static final String PARAMETER = "pageToken";

    /** Longer than any token of a few sort keys: a request parameter of this size is refused unread. */
    public static final int MAX_LENGTH = 512;

    /** PostgreSQL text cannot hold NUL, so no stored sort key can contain the separator. */
    private static final char SEPARATOR = '\0';

    private final List<String> keys;

    private PageToken(List<String> keys) {
        this.keys = keys;
    }

    /** The token of a row sorted by these keys (instants, ids, text, numbers: their {@code toString}). */
    public static String of(Object... sortKeys) {
        StringBuilder text = new StringBuilder();
        for (Object key : sortKeys) {
            String value = Objects.requireNonNull(key, "a sort key cannot be null").toString();
            if (value.indexOf(SEPARATOR) >= 0) {
                throw new IllegalArgumentException("a sort key cannot contain NUL");
            }
            if (!text.isEmpty()) {
                text.append(SEPARATOR);
            }
            text.append(value);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The keys of a token a client sent back, or null when it sent none.
     *
     * @throws InvalidFieldException on {@value #PARAMETER} when the token was not made by {@link #of} with
     *                               {@code keyCount} keys
     */
    public static PageToken parse(String token, int keyCount) {
        if (token == null) {
            return null;
        }
        try {
            if (token.length() > MAX_LENGTH) {
                throw malformed();
            }
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(token))).toString();
            List<String> keys = Arrays.asList(text.split(String.valueOf(SEPARATOR), -1));
            if (keys.size() != keyCount) {
                throw malformed();
            }
            return new PageToken(keys);
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw malformed();
        }
    }

    public Instant instant(int index) {
        try {
            return Instant.parse(keys.get(index));
        } catch (RuntimeException e) {
            throw malformed();
        }
    }

    public UUID uuid(int index) {
        try {
            String text = keys.get(index);
            UUID id = UUID.fromString(text);
            // UUID.fromString accepts short groups ("1-1-1-1-1"); only the canonical form was ever issued.
            if (!id.toString().equals(text)) {
                throw malformed();
            }
            return id;
        } catch (RuntimeException e) {
            throw malformed();
        }
    }

    public long number(int index) {
        try {
            return Long.parseLong(keys.get(index));
        } catch (RuntimeException e) {
            throw malformed();
        }
    }

    public String text(int index) {
        return keys.get(index);
    }

    private static InvalidFieldException malformed() {
        return InvalidFieldException.withKey(PARAMETER, "field.page-token");
    }
}
