package com.aftersales.ticket.customer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "13812345678 | +8613812345678",
            "138-1234-5678 | +8613812345678",
            "138 1234 5678 | +8613812345678",
            "+86 138 1234 5678 | +8613812345678",
            "008613812345678 | +8613812345678",
            "021-62134567 | +862162134567",
            "(021) 6213 4567 | +862162134567",
            "0755-8888 8888 | +8675588888888",
            "+86 021 6213 4567 | +862162134567",
            "+44 20 7946 0958 | +442079460958",
            "+1 (415) 555-0100 | +14155550100",
            "+852 9123 4567 | +85291234567",
            "+853 6612 3456 | +85366123456",
            "+886 912 345 678 | +886912345678",
            "+886 2 2345 6789 | +886223456789",
            "010-8765 4321 | +861087654321",
            "１３８１２３４５６７８ | +8613812345678",
    })
    void normalisesToE164(String raw, String expected) {
        assertThat(PhoneNumbers.normalise(raw)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "abc", "1381234567", "23812345678", "+0123456789", "+1234567890123456", "phone: 138", "12012345678", "+852 1234", "021-123"})
    void refusesWhatIsNotAPhoneNumber(String raw) {
        assertThat(PhoneNumbers.normalise(raw)).isEmpty();
    }
}
