package com.aftersales.platform.warranty;

import com.aftersales.contracts.warranty.WarrantyTerms;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The warranty terms every service evaluates: those shipped with the event contracts, or the file named by
 * {@code aftersales.warranty.terms} (e.g. {@code file:/etc/aftersales/warranty-terms.json}, one file mounted
 * into every service). Malformed terms stop the service at start-up.
 */
@AutoConfiguration
@EnableConfigurationProperties(WarrantyTermsAutoConfiguration.WarrantyTermsProperties.class)
public class WarrantyTermsAutoConfiguration {

    /** @param terms where the terms live; absent: the bundled ones */
    @ConfigurationProperties("aftersales.warranty")
    public record WarrantyTermsProperties(Resource terms) {
    }

    @Bean
    @ConditionalOnMissingBean
    WarrantyTerms warrantyTerms(WarrantyTermsProperties properties) {
        if (properties.terms() == null) {
            return WarrantyTerms.bundled();
        }
        try (InputStream in = properties.terms().getInputStream()) {
            return WarrantyTerms.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read aftersales.warranty.terms " + properties.terms(), e);
        }
    }
}
