package com.aftersales.returns;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** returns-service: returns/exchanges policy (三包), RMA, inspection and depot repair. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ReturnsServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReturnsServiceApplication.class, args);
    }
}
