package com.aftersales.ticket.customer;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Normalises phone numbers to E.164 where the form is recognisable: Chinese mobiles (1[3-9] + 9
 * digits), Chinese landlines with a trunk 0 and area code (021-6213 4567), numbers with a
 * {@code +} or {@code 00} international prefix. Separators (spaces, dashes, dots, brackets) are
 * ignored. Anything else is not a phone number.
 */
public final class PhoneNumbers {

    private static final String CHINA = "86";
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.()\\u00a0]");
    private static final Pattern CN_MOBILE = Pattern.compile("1[3-9]\\d{9}");
    /** Area codes are 2–3 digits after the trunk 0, subscriber numbers 7–8 digits. */
    private static final Pattern CN_LANDLINE = Pattern.compile("0([1-9]\\d{1,2})(\\d{7,8})");
    /** E.164: at most 15 digits, no leading zero in the country code. */
    private static final Pattern E164_DIGITS = Pattern.compile("[1-9]\\d{6,14}");

    private PhoneNumbers() {
    }

    /** The E.164 form, or empty when the text is not a recognisable phone number. */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(raw.strip()).replaceAll("");
        if (compact.startsWith("+")) {
            return international(compact.substring(1));
        }
        if (compact.startsWith("00")) {
            return international(compact.substring(2));
        }
        if (CN_MOBILE.matcher(compact).matches()) {
            return Optional.of("+" + CHINA + compact);
        }
        var landline = CN_LANDLINE.matcher(compact);
        if (landline.matches()) {
            return Optional.of("+" + CHINA + landline.group(1) + landline.group(2));
        }
        return Optional.empty();
    }

    private static Optional<String> international(String digits) {
        if (digits.startsWith(CHINA + "0")) {
            // +86 021 ... : the trunk zero does not belong in the international form
            digits = CHINA + digits.substring(CHINA.length() + 1);
        }
        return E164_DIGITS.matcher(digits).matches() ? Optional.of("+" + digits) : Optional.empty();
    }
}
