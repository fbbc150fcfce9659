package com.aftersales.testsupport;

/** Where a test database is and how to log in to it. */
public record DatabaseEndpoint(String jdbcUrl, String username, String password) {
}
