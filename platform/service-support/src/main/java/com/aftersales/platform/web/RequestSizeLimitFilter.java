package com.aftersales.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import org.springframework.http.server.PathContainer;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The gateway's body limit on the service's own port too ({@code aftersales.max-request-size}, one value for both):
 * a declared {@code Content-Length} above it is refused before the body is read, a chunked body when it grows past
 * it. Either way a 413 {@code payload-too-large} problem. {@code aftersales.body-limits} raise it for some paths.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long defaultMaxBytes;
    private final List<Map.Entry<PathPattern, Long>> pathLimits;
    private final HandlerExceptionResolver problems;

    public RequestSizeLimitFilter(long maxBytes, HandlerExceptionResolver problems) {
        this(new RequestSizeProperties(DataSize.ofBytes(maxBytes), List.of()), problems);
    }

    public RequestSizeLimitFilter(RequestSizeProperties properties, HandlerExceptionResolver problems) {
        this.defaultMaxBytes = properties.maxRequestSize().toBytes();
        this.pathLimits = properties.bodyLimits().stream()
                .flatMap(limit -> limit.paths().stream().map(path -> Map.entry(
                        PathPatternParser.defaultInstance.parse(path), limit.maxSize().toBytes())))
                .toList();
        this.problems = problems;
    }

    private long maxBytes(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(request.getRequestURI());
        return pathLimits.stream().filter(limit -> limit.getKey().matches(path)).map(Map.Entry::getValue).findFirst()
                .orElse(defaultMaxBytes);
    }

    /** Raised when a body turns out larger than the limit; the advice answers 413. */
    public static class TooLargeException extends IOException {
        public TooLargeException(long maxBytes) {
            super("request body larger than " + maxBytes + " bytes");
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = maxBytes(request);
        if (request.getContentLengthLong() > maxBytes) {
            problems.resolveException(request, response, null, new TooLargeException(maxBytes));
            return;
        }
        chain.doFilter(request.getContentLengthLong() >= 0 ? request : new Limited(request, maxBytes), response);
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws TooLargeException {
                        read += n;
                        if (read > maxBytes) {
                            throw new TooLargeException(maxBytes);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
