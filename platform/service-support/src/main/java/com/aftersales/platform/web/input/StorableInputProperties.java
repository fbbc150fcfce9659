package com.aftersales.platform.web.input;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.LocalDate;

/**
 * {@code aftersales.input.*}: the dates a client may send (inclusive, in bodies and parameters). Defaults: years
 * 0001 to 9999, inside PostgreSQL's range and what ISO 8601 clients and JavaScript read without surprise.
 */
@ConfigurationProperties("aftersales.input")
public record StorableInputProperties(@DefaultValue("0001-01-01") LocalDate earliestDate,
                                      @DefaultValue("9999-12-31") LocalDate latestDate) {

    public StorableInput rule() {
        return new StorableInput(earliestDate, latestDate);
    }
}
