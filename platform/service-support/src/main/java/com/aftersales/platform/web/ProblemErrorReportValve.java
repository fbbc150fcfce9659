package com.aftersales.platform.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Tomcat's answer to a request it refuses before any application sees it (an invalid URI encoding such as
 * {@code %C0%AE}, an encoded NUL or slash in the path, a malformed request line): a problem instead of Tomcat's HTML
 * page, with a fresh correlation id and the platform's security headers. Errors of mapped requests never get here:
 * the application's {@code /error} ({@link ProblemErrorController}) has already written them.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    static final String CONTENT_SECURITY_POLICY = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'";

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ProblemType type = ProblemType.forStatus(status);
        if (status == 400) {
            type = ProblemType.BAD_REQUEST;
        }
        String correlationId = UUID.randomUUID().toString();
        String body = "{\"type\":\"" + type.uri() + "\",\"title\":\"" + type.title() + "\",\"status\":" + status
                + ",\"detail\":\"The request could not be read as HTTP (its request line, path or headers)\""
                + ",\"correlationId\":\"" + correlationId + "\"}";
        try {
            response.resetBuffer();
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader(CorrelationId.HEADER, correlationId);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            response.setHeader("Cache-Control", "no-store");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away or the response was committed meanwhile: nothing left to tell it.
        }
    }
}
