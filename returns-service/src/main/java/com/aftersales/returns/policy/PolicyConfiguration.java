package com.aftersales.returns.policy;

import com.aftersales.contracts.warranty.WarrantyTerms;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the engine once from the configured policy; the engine itself is plain Java. */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

    @Bean
    ReturnPolicyEngine returnPolicyEngine(PolicyProperties properties, WarrantyTerms terms) {
        return new ReturnPolicyEngine(properties.toSettings(terms));
    }

    @Bean
    StoreTimeZones storeTimeZones(PolicyProperties properties) {
        return properties.toTimeZones();
    }
}
