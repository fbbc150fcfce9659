package com.aftersales.ticket.customer;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.Optional;

/**
 * Normalises phone numbers to E.164 with libphonenumber's metadata: a number written without a country code is read
 * as Chinese (mainland mobiles, landlines with their trunk 0 and area code); numbers with a {@code +} or {@code 00}
 * prefix are read in their own country (Hong Kong, Macau, Taiwan, anywhere). A number the metadata does not know as
 * valid for its country (too short, an unassigned prefix) is not a phone number.
 */
public final class PhoneNumbers {

    /** Callers of the platform are in mainland China unless they dial a country code. */
    private static final String DEFAULT_REGION = "CN";
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** The E.164 form, or empty when the text is not a valid phone number. */
    public static Optional<String> normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String text = raw.strip();
        if (text.startsWith("00")) {
            // the international call prefix from China; libphonenumber reads 00 only for the region it parses in
            text = "+" + text.substring(2);
        }
        try {
            PhoneNumber number = UTIL.parse(text, DEFAULT_REGION);
            return UTIL.isValidNumber(number) ? Optional.of(UTIL.format(number, PhoneNumberFormat.E164)) : Optional.empty();
        } catch (NumberParseException notAPhoneNumber) {
            return Optional.empty();
        }
    }
}
