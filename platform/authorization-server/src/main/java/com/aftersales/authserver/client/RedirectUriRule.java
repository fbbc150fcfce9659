package com.aftersales.authserver.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which URIs a browser login (or logout) may return to: on one of the gateway's origins, at one of the allowed
 * paths. A path ending in {@code /} accepts any path below it ({@code /desk/} accepts {@code /desk/callback.html}
 * and {@code /desk/}), any other path only itself ({@code /swagger-ui/oauth2-redirect.html}). Origins compare
 * exactly (scheme, host, port); no fragment, user info or dot segments; a query is allowed.
 */
public final class RedirectUriRule {

    private final List<URI> origins;
    private final List<String> paths;

    public RedirectUriRule(List<String> origins, List<String> paths) {
        this.origins = origins.stream().map(RedirectUriRule::origin).toList();
        this.paths = List.copyOf(paths);
    }

    /** The allowed redirect URIs written out (each origin with each path), for client registrations and documentation. */
    public List<String> registered() {
        List<String> uris = new ArrayList<>();
        for (URI origin : origins) {
            for (String path : paths) {
                uris.add(origin + path);
            }
        }
        return uris;
    }

    public boolean allows(String candidate) {
        if (candidate == null || candidate.isBlank()) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(candidate);
        } catch (URISyntaxException e) {
            return false;
        }
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getRawFragment() != null || uri.getRawUserInfo() != null
                || uri.getHost() == null) {
            return false;
        }
        String path = uri.getRawPath();
        if (path == null || path.contains("/../") || path.endsWith("/..") || path.contains("/./") || path.contains("%2e")
                || path.contains("%2E") || path.contains("\\") || path.contains("//")) {
            return false;
        }
        URI origin = origin(uri);
        if (!origins.contains(origin)) {
            return false;
        }
        return paths.stream().anyMatch(allowed -> allowed.endsWith("/") ? path.startsWith(allowed) : path.equals(allowed));
    }

    private static URI origin(String origin) {
        try {
            return origin(new URI(origin));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not an origin: " + origin, e);
        }
    }

    private static URI origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        try {
            return new URI(scheme, null, uri.getHost().toLowerCase(Locale.ROOT), port, null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not an origin: " + uri, e);
        }
    }
}
