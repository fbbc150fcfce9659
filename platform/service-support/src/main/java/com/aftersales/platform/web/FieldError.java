package com.aftersales.platform.web;

/** One invalid field in a {@code validation-failed} problem: a JSON path-like name and what is wrong. */
public record FieldError(String field, String message) {
}
