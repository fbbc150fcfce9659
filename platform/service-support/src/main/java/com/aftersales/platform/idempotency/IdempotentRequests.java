package com.aftersales.platform.idempotency;

import com.aftersales.platform.web.ProblemException;
import com.aftersales.platform.web.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} for requests that create things. The key row is inserted in the same
 * transaction as the creation: a retry with the same key and body gets the first response again
 * (marked {@code Idempotent-Replayed: true}); the same key with a different body is a 422 problem;
 * a concurrent duplicate waits on the key's primary key until the first commits. If the creation
 * fails, the key is rolled back with it and can be used again. Keys belong to their caller (the token's subject and
 * client, {@link #callerOf}): the same key from another caller is another request and never sees the first
 * caller's stored response.
 */
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper responseMapper;
    private final JsonMapper canonicalMapper;
    private final Duration retention;
    private final Clock clock;
    private final Supplier<String> caller;
    private volatile Instant lastCleanup = Instant.EPOCH;

    /** Keys scoped to the authenticated caller of the current request. */
    public IdempotentRequests(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper mapper,
                              Duration retention, Clock clock) {
        this(jdbc, transactions, mapper, retention, clock,
                () -> callerOf(SecurityContextHolder.getContext().getAuthentication()));
    }

    public IdempotentRequests(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper mapper,
                              Duration retention, Clock clock, Supplier<String> caller) {
        this.caller = caller;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.responseMapper = mapper;
        this.canonicalMapper = mapper.rebuild()
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
        this.retention = retention;
        this.clock = clock;
    }

    /** What a creating request produced: where the new resource is and its representation. */
    public record Created(URI location, Object body) {
    }

    /**
     * Runs {@code create} once per (scope, key) and answers 201 Created, or replays the stored answer.
     *
     * @param scope   what is being created, e.g. {@code POST /api/tickets}
     * @param key     the client's Idempotency-Key, or null when the client sent none
     * @param request the parsed request body; its canonical JSON is the fingerprint
     */
    public ResponseEntity<Object> create(String scope, String key, Object request, Supplier<Created> create) {
        if (key == null) {
            Created created = transactions.execute(status -> create.get());
            return ResponseEntity.created(created.location()).body(created.body());
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw new ProblemException(ProblemType.BAD_REQUEST.uri(), HttpStatus.BAD_REQUEST, "Invalid Idempotency-Key",
                    "Idempotency-Key must be 1 to 255 visible ASCII characters", Map.of("header", HEADER));
        }
        String fingerprint = fingerprint(request);
        String owner = caller.get();
        ResponseEntity<Object> response = transactions.execute(status -> {
            int claimed = jdbc.sql("""
                            insert into idempotency_key (scope, caller, idempotency_key, request_hash)
                            values (:scope, :caller, :key, :hash) on conflict do nothing""")
                    .param("scope", scope).param("caller", owner).param("key", key).param("hash", fingerprint)
                    .update();
            if (claimed == 1) {
                Created created = create.get();
                jdbc.sql("""
                                update idempotency_key set response_status = :status, response_location = :location,
                                       response_body = :body
                                where scope = :scope and caller = :caller and idempotency_key = :key""")
                        .param("status", HttpStatus.CREATED.value())
                        .param("location", created.location().toString())
                        .param("body", responseMapper.writeValueAsString(created.body()))
                        .param("scope", scope).param("caller", owner).param("key", key)
                        .update();
                return ResponseEntity.created(created.location()).body(created.body());
            }
            return replay(scope, owner, key, fingerprint);
        });
        cleanupIfDue();
        return response;
    }

    /**
     * Who owns a key: the token's subject and the client it was issued to ({@code azp}, else {@code client_id}), so
     * that neither another user of the same client nor the same user through another client shares it. Without a
     * bearer token (never the case behind the security chain), the authentication's name or "anonymous".
     */
    public static String callerOf(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            String client = jwt.getClaimAsString("azp") != null ? jwt.getClaimAsString("azp") : jwt.getClaimAsString("client_id");
            return jwt.getSubject() + " " + (client == null ? "-" : client);
        }
        return authentication == null || authentication.getName() == null ? "anonymous" : authentication.getName();
    }

    private ResponseEntity<Object> replay(String scope, String owner, String key, String fingerprint) {
        StoredResponse stored = jdbc.sql("""
                        select request_hash, response_status, response_location, response_body from idempotency_key
                        where scope = :scope and caller = :caller and idempotency_key = :key""")
                .param("scope", scope).param("caller", owner).param("key", key)
                .query((rs, n) -> new StoredResponse(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                .single();
        if (!stored.requestHash().equals(fingerprint)) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different request body; use a new key for a new request");
        }
        return ResponseEntity.status(stored.status())
                .location(URI.create(stored.location()))
                .header(REPLAYED_HEADER, "true")
                .contentType(MediaType.APPLICATION_JSON)
                .body(stored.body());
    }

    private String fingerprint(Object request) {
        try {
            byte[] canonical = canonicalMapper.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private void cleanupIfDue() {
        Instant now = clock.instant();
        if (Duration.between(lastCleanup, now).compareTo(retention.dividedBy(24)) < 0) {
            return;
        }
        lastCleanup = now;
        jdbc.sql("delete from idempotency_key where created_at < :cutoff")
                .param("cutoff", Timestamp.from(now.minus(retention))).update();
    }

    private record StoredResponse(String requestHash, int status, String location, String body) {
    }
}
