package com.aftersales.returns;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** returns-service: returns/exchanges policy (三包), RMA, inspection and depot repair. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ReturnsServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReturnsServiceApplication.class, args);
    }
}
