package com.aftersales.launcher;

import com.aftersales.devidentity.DevIdentity;
import com.aftersales.devidentity.DevUser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The development issuer of one launcher run: a fresh signing key whose public half the services and the gateway
 * are started with ({@code AFTERSALES_SECURITY_PUBLIC_KEY_LOCATION=file:<securityDir>/dev-issuer.pem}), one demo
 * user per role, and their ready-made tokens ({@code <securityDir>/tokens.env}: {@code export AGENT_TOKEN=...}).
 * A restart makes a new key, so the tokens of an earlier run stop working: they are valid for the session only.
 *
 * <p>The scope claims point at data the demo data has: store {@value #DEMO_STORE} sold demo units; the depot and
 * the technician are looked up after the demo data is in (the first partner depot, the first technician), and fall
 * back to {@value #FALLBACK_DEPOT} and {@link #FALLBACK_TECHNICIAN} when there is none (then those users see nothing).
 */
public final class DemoIdentities {

    public static final String PEM_FILE = "dev-issuer.pem";
    public static final String TOKENS_FILE = "tokens.env";
    /** Sub-directory of the project's {@code .data/} (or of a test's data directory) holding the files above. */
    public static final String SECURITY_DIR = "security";
    /** Long enough for a working day with the platform; a new run makes a new key anyway. */
    public static final Duration TOKEN_VALIDITY = Duration.ofHours(12);
    public static final String DEMO_STORE = "SH-XH-003";
    public static final String FALLBACK_DEPOT = "sh-partner-01";
    public static final UUID FALLBACK_TECHNICIAN = UUID.fromString("00000000-0000-4000-8000-00000000d001");
    /** The roles of the security contract, in the order they are printed. */
    public static final List<String> ROLES = List.of("AGENT", "STORE", "SUPERVISOR", "TECHNICIAN", "QC", "DEPOT_PARTNER",
            "OPS", "ADMIN");

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int OK = 200;
    private static final Pattern PARTNER_DEPOT = Pattern.compile(
            "\"code\"\\s*:\\s*\"([a-z0-9][a-z0-9-]*)\"\\s*,\\s*\"name\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*\"\\s*,\\s*\"kind\"\\s*:\\s*\"PARTNER\"");
    private static final Pattern TECHNICIAN = Pattern.compile(
            "\\{\\s*\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"\\s*,\\s*\"name\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final DevIdentity identity;
    private final Path securityDir;
    private final Path publicKey;
    private volatile Map<String, DevUser> users;
    private volatile Map<String, String> tokens = Map.of();
    private volatile Instant tokensExpire;

    private DemoIdentities(DevIdentity identity, Path securityDir) {
        this.identity = identity;
        this.securityDir = securityDir;
        this.publicKey = identity.writePublicKey(securityDir);
        this.users = users(FALLBACK_DEPOT, FALLBACK_TECHNICIAN, "刘海波");
    }

    /** A new key for this run; its public key is written at once, before any service starts. */
    public static DemoIdentities create(PlatformOptions options) {
        return new DemoIdentities(DevIdentity.generate(), securityDir(options));
    }

    /**
     * {@code <projectRoot>/.data/security} for the developer platform (beside {@code .data/embedded}, so
     * {@code --reset} keeps it), {@code <dataDir>/security} for any other data directory (tests, benchmarks),
     * so a test never overwrites the key or tokens of a platform a developer is running.
     */
    public static Path securityDir(PlatformOptions options) {
        Path defaultData = options.projectRoot().resolve(PlatformOptions.DEFAULT_DATA_DIR).toAbsolutePath().normalize();
        return options.dataDir().equals(defaultData) ? defaultData.resolveSibling(SECURITY_DIR)
                : options.dataDir().resolve(SECURITY_DIR);
    }

    /** The security variables of every service and the gateway (names of the security contract). */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("AFTERSALES_SECURITY_ISSUER", DevIdentity.ISSUER);
        environment.put("AFTERSALES_SECURITY_PUBLIC_KEY_LOCATION", publicKey.toUri().toString());
        return environment;
    }

    public Path publicKeyFile() {
        return publicKey;
    }

    public Path tokensFile() {
        return securityDir.resolve(TOKENS_FILE);
    }

    /** A token for {@code user}, signed with this run's key. */
    public String mint(DevUser user, Duration validity) {
        return identity.mint(user, validity);
    }

    /** The ADMIN demo user's token, minted on the spot (demo data loading, look-ups). */
    public String adminToken() {
        return mint(users.get("ADMIN"), TOKEN_VALIDITY);
    }

    /**
     * Picks the depot and the technician of the scoped demo users from the running platform (when the demo data
     * has them), mints one token per role and writes {@code tokens.env}. Returns role to token.
     */
    public Map<String, String> issueDemoTokens(String gatewayUrl) {
        String admin = adminToken();
        HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
        String depot = first(http, gatewayUrl + "/api/depots", admin, PARTNER_DEPOT).map(m -> m.group(1)).orElse(FALLBACK_DEPOT);
        Matcher technician = first(http, gatewayUrl + "/api/technicians", admin, TECHNICIAN).orElse(null);
        users = technician == null ? users(depot, FALLBACK_TECHNICIAN, "刘海波")
                : users(depot, UUID.fromString(technician.group(1)), technician.group(2));
        Instant issued = Instant.now();
        Map<String, String> minted = new LinkedHashMap<>();
        users.forEach((role, user) -> minted.put(role, identity.mint(user, issued, TOKEN_VALIDITY)));
        tokens = Collections.unmodifiableMap(minted);
        tokensExpire = issued.plus(TOKEN_VALIDITY);
        writeTokens();
        return tokens;
    }

    public Map<String, String> tokens() {
        return tokens;
    }

    public Map<String, DevUser> users() {
        return users;
    }

    public Instant tokensExpire() {
        return tokensExpire;
    }

    /** Variable name in {@code tokens.env}, e.g. {@code DEPOT_PARTNER_TOKEN}. */
    public static String variable(String role) {
        return role + "_TOKEN";
    }

    /** Demo users: Chinese names, subjects that say the role, scope claims on the data the demo has. */
    static Map<String, DevUser> users(String depot, UUID technician, String technicianName) {
        Map<String, DevUser> users = new LinkedHashMap<>();
        users.put("AGENT", DevUser.of("agent-wangli", "王丽", "AGENT"));
        users.put("STORE", DevUser.of("store-chenjing", "陈静", "STORE").withScope("store", DEMO_STORE));
        users.put("SUPERVISOR", DevUser.of("supervisor-zhaoqiang", "赵强", "SUPERVISOR"));
        users.put("TECHNICIAN", DevUser.of("technician-" + technician, technicianName, "TECHNICIAN")
                .withScope("technician_id", technician));
        users.put("QC", DevUser.of("qc-sunmin", "孙敏", "QC"));
        users.put("DEPOT_PARTNER", DevUser.of("depot-" + depot, "周海", "DEPOT_PARTNER")
                .withScope("depot", depot));
        users.put("OPS", DevUser.of("ops-wutao", "吴涛", "OPS"));
        users.put("ADMIN", DevUser.of("admin-zhengping", "郑平", "ADMIN"));
        return users;
    }

    private void writeTokens() {
        StringBuilder text = new StringBuilder("# Demo bearer tokens of this run (valid until ").append(tokensExpire)
                .append(" or the next start). Use: source ").append(tokensFile()).append('\n');
        tokens.forEach((role, token) -> text.append("# ").append(role).append(": ").append(users.get(role).name())
                .append(" (").append(users.get(role).subject()).append(")\n")
                .append("export ").append(variable(role)).append('=').append(token).append('\n'));
        Path file = tokensFile();
        try {
            Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
            try {
                // Tokens are credentials, even short-lived development ones.
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file stays with the directory's permissions.
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.util.Optional<Matcher> first(HttpClient http, String url, String token, Pattern pattern) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != OK) {
                return java.util.Optional.empty();
            }
            Matcher matcher = pattern.matcher(response.body());
            return matcher.find() ? java.util.Optional.of(matcher) : java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }
}
