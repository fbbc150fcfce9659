package com.aftersales.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/** Accepts or creates the request's correlation id, logs under it and returns it on the response. */
public class CorrelationIdFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try (CorrelationId.Scope ignored = CorrelationId.open(request.getHeader(CorrelationId.HEADER))) {
            response.setHeader(CorrelationId.HEADER, CorrelationId.current().orElseThrow());
            chain.doFilter(request, response);
        }
    }
}
