package com.aftersales.launcher;

import com.aftersales.devidentity.DevIdentity;
import com.aftersales.devidentity.DevUser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who may log in to the embedded platform, kept by the launcher for its authorization server
 * (platform/authorization-server): the demo people of {@code demo/users.tsv} with passwords generated once per data
 * directory, a client-credentials client per partner depot ({@value #DEPOT_CLIENT_PREFIX}{@code <code>}) and one per role
 * for scripts ({@value #SCRIPT_CLIENT_PREFIX}{@code <role>}), written to the server's {@code directory.json}. The server
 * reads that file again when it changes, so the demo technicians get their logins once the demo data has created them.
 * {@code tokens.env} holds one token per role, issued by the server to the script clients (client credentials).
 *
 * <p>Files, all owner-only, in {@link #securityDir(PlatformOptions)}: {@value #CREDENTIALS_FILE} (passwords and client
 * secrets, kept across restarts and {@code --reset}), {@value #TOKENS_FILE}, and {@code authorization-server/} with
 * {@code directory.json} and the server's signing keys (kept too, so tokens survive a restart).
 */
public final class DemoIdentities {

    public static final String TOKENS_FILE = "tokens.env";
    public static final String CREDENTIALS_FILE = "demo-credentials.properties";
    /** Sub-directory of the project's {@code .data/} (or of a test's data directory) holding the files above. */
    public static final String SECURITY_DIR = "security";
    public static final String AUTHORIZATION_SERVER_DIR = "authorization-server";
    public static final String DIRECTORY_FILE = "directory.json";
    public static final String SIGNING_KEYS_FILE = "signing-keys.json";
    /** The public PKCE client of the desk, the ops console and Swagger UI (same id in the Keycloak realm). */
    public static final String BROWSER_CLIENT_ID = "aftersales-desk";
    public static final String SCRIPT_CLIENT_PREFIX = "aftersales-script-";
    public static final String DEPOT_CLIENT_PREFIX = "aftersales-depot-";
    /** Lifetime of the script clients' tokens (tokens.env): a working day with the platform. */
    public static final Duration TOKEN_VALIDITY = Duration.ofHours(12);
    /** Lifetime of a partner depot client's tokens. */
    public static final Duration DEPOT_TOKEN_VALIDITY = Duration.ofHours(1);
    public static final String DEMO_STORE = "SH-XH-003";
    /** The partner depot of the demo data (desk.tsv). */
    public static final String DEMO_DEPOT = "sh-shunda-01";
    public static final UUID FALLBACK_TECHNICIAN = UUID.fromString("00000000-0000-4000-8000-00000000d001");
    /** The roles of the security contract, in the order they are printed. */
    public static final List<String> ROLES = List.of("AGENT", "STORE", "SUPERVISOR", "TECHNICIAN", "QC", "DEPOT_PARTNER",
            "OPS", "ADMIN");

    private static final String USERS_RESOURCE = "/demo/users.tsv";
    private static final Pattern TECHNICIAN_REFERENCE = Pattern.compile("\\{technician:([^}]+)}");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int OK = 200;
    private static final Pattern PARTNER_DEPOT = Pattern.compile(
            "\"code\"\\s*:\\s*\"([a-z0-9][a-z0-9-]*)\"\\s*,\\s*\"name\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*\"\\s*,\\s*\"kind\"\\s*:\\s*\"PARTNER\"");
    private static final Pattern TECHNICIAN = Pattern.compile(
            "\\{\\s*\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"\\s*,\\s*\"name\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    /** The RFC 8288 next page of a list answer. */
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?next\"?");
    private static final String PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final int PASSWORD_LENGTH = 10;
    private static final int SECRET_BYTES = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path securityDir;
    private final Path serverDir;
    private final String issuer;
    private final String serverUrl;
    private final Properties credentials = new Properties();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    private volatile List<DemoUser> users;
    private volatile List<Client> clients;
    private volatile Map<String, String> tokens = Map.of();
    private volatile Instant tokensExpire;
    private volatile DevIdentity minting;
    /** Keycloak instead of the platform's authorization server; {@code null} when the latter runs. */
    private final KeycloakIdentity keycloak;
    /** Set once Keycloak is up: from then on every change of the people or clients is written into its realm. */
    private volatile KeycloakDirectory keycloakDirectory;

    /** A machine client of the directory (client credentials). */
    record Client(String clientId, String secret, String name, String role, Map<String, String> claims, Duration timeToLive) {
    }

    private DemoIdentities(Path securityDir, int serverPort, KeycloakIdentity keycloak) {
        this.securityDir = securityDir;
        this.serverDir = securityDir.resolve(AUTHORIZATION_SERVER_DIR);
        this.keycloak = keycloak;
        this.issuer = keycloak == null ? "http://localhost:" + serverPort : keycloak.issuer();
        this.serverUrl = keycloak == null ? "http://" + ServiceProcess.HOST + ":" + serverPort : keycloak.realmUrl();
        loadCredentials();
        this.users = users(Map.of());
        this.clients = clients(List.of(), Optional.empty());
        writeDirectory();
    }

    /**
     * The directory of this data directory: passwords and secrets from an earlier run, new ones for new names; written
     * at once, before the authorization server starts.
     */
    public static DemoIdentities create(PlatformOptions options) {
        return new DemoIdentities(securityDir(options), options.servicePort(PlatformService.AUTHORIZATION_SERVER),
                options.keycloak());
    }

    /**
     * {@code <projectRoot>/.data/security} for the developer platform (beside {@code .data/embedded}, so
     * {@code --reset} keeps it), {@code <dataDir>/security} for any other data directory (tests, benchmarks),
     * so a test never overwrites the passwords or tokens of a platform a developer is running.
     */
    public static Path securityDir(PlatformOptions options) {
        Path defaultData = options.projectRoot().resolve(PlatformOptions.DEFAULT_DATA_DIR).toAbsolutePath().normalize();
        return options.dataDir().equals(defaultData) ? defaultData.resolveSibling(SECURITY_DIR)
                : options.dataDir().resolve(SECURITY_DIR);
    }

    /** {@code iss} of every token: {@code http://localhost:<port>}, the address browsers use. */
    public String issuer() {
        return issuer;
    }

    /** Where the services fetch the signing keys (the loopback address, as every other service URL). */
    public String jwkSetUri() {
        return keycloak == null ? serverUrl + "/oauth2/jwks" : keycloak.jwkSetUri();
    }

    public String tokenUri() {
        return keycloak == null ? serverUrl + "/oauth2/token" : keycloak.tokenUri();
    }

    /** The token endpoint as a person on this machine would type it (tokens.env's hint). */
    private String publicTokenUri() {
        return keycloak == null ? issuer + "/oauth2/token" : issuer + "/protocol/openid-connect/token";
    }

    /** Whether Keycloak, not the platform's authorization server, issues the tokens. */
    public boolean keycloak() {
        return keycloak != null;
    }

    /** The password of Keycloak's bootstrap administrator, generated once per data directory and kept with the others. */
    public String keycloakAdminPassword() {
        return secret("keycloak-admin", false);
    }

    /**
     * Once Keycloak serves the realm: writes the people and clients into it (passwords, secrets, roles, scope claims),
     * and from then on every change of them.
     */
    void useKeycloak() {
        if (keycloak == null) {
            throw new IllegalStateException("This platform runs its own authorization server, not Keycloak");
        }
        keycloakDirectory = new KeycloakDirectory(keycloak, keycloakAdminPassword());
        keycloakDirectory.apply(users, clients);
    }

    /** The security variables of every service and the gateway (names of the security contract). */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("AFTERSALES_SECURITY_ISSUER", issuer);
        environment.put("AFTERSALES_SECURITY_JWK_SET_URI", jwkSetUri());
        return environment;
    }

    /** The gateway's: the security contract, and the issuer and client the desk and Swagger UI log in with. */
    public Map<String, String> gatewayEnvironment() {
        Map<String, String> environment = environment();
        environment.put("AFTERSALES_DESK_ISSUER", issuer);
        environment.put("AFTERSALES_DESK_CLIENT_ID", BROWSER_CLIENT_ID);
        return environment;
    }

    /** The authorization server's: its issuer, data directory and the gateway origins its browser client serves. */
    public Map<String, String> serverEnvironment(String gatewayUrl) {
        URI gateway = URI.create(gatewayUrl);
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("AFTERSALES_AUTHORIZATION_SERVER_ISSUER", issuer);
        environment.put("AFTERSALES_AUTHORIZATION_SERVER_DATA_DIR", serverDir.toString());
        environment.put("AFTERSALES_AUTHORIZATION_SERVER_BROWSER_ORIGINS",
                "http://localhost:" + gateway.getPort() + ",http://127.0.0.1:" + gateway.getPort());
        return environment;
    }

    public Path tokensFile() {
        return securityDir.resolve(TOKENS_FILE);
    }

    public Path credentialsFile() {
        return securityDir.resolve(CREDENTIALS_FILE);
    }

    public Path directoryFile() {
        return serverDir.resolve(DIRECTORY_FILE);
    }

    /**
     * A token for any identity, signed with the authorization server's key and issuer (read from its data directory):
     * for tests that need users the directory does not hold (another store, a technician created by the test).
     */
    public String mint(DevUser user, Duration validity) {
        return signingKey().mint(user, validity);
    }

    /** The authorization server's signing key and issuer, read from its data directory once it has started. */
    public DevIdentity signingKey() {
        if (keycloak != null) {
            throw new IllegalStateException("Keycloak keeps its signing keys: ask it for a token instead");
        }
        DevIdentity identity = minting;
        if (identity == null) {
            identity = DevIdentity.fromJwkSet(serverDir.resolve(SIGNING_KEYS_FILE), issuer);
            minting = identity;
        }
        return identity;
    }

    /** A fresh token of the ADMIN script client (demo data loading, look-ups). */
    public String adminToken() {
        return clientCredentials(scriptClientId("ADMIN"));
    }

    /** A client-credentials token of a directory client, from the running authorization server. */
    public String clientCredentials(String clientId) {
        String secret = credentials.getProperty(clientId);
        if (secret == null) {
            throw new IllegalArgumentException("No such client: " + clientId);
        }
        String basic = Base64.getEncoder().encodeToString((form(clientId) + ":" + form(secret)).getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(tokenUri())).timeout(REQUEST_TIMEOUT)
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Matcher token = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != OK || !token.find()) {
                throw new IllegalStateException("The authorization server refused " + clientId + ": "
                        + response.statusCode() + " " + response.body());
            }
            return token.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach the authorization server at " + tokenUri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking for a token", e);
        }
    }

    /**
     * Gives the demo technicians and the partner depots of the running platform their logins and clients (when the
     * demo data has them), then asks the authorization server for one token per role (the script clients) and writes
     * {@code tokens.env}. Returns role to token.
     */
    public Map<String, String> issueDemoTokens(String gatewayUrl) {
        String admin = adminToken();
        Map<String, UUID> technicians = new LinkedHashMap<>();
        for (MatchResult technician : all(gatewayUrl + "/api/technicians", admin, TECHNICIAN)) {
            technicians.putIfAbsent(technician.group(2), UUID.fromString(technician.group(1)));
        }
        List<String> depots = all(gatewayUrl + "/api/depots", admin, PARTNER_DEPOT).stream().map(m -> m.group(1)).toList();
        users = users(technicians);
        clients = clients(depots, technicians.values().stream().findFirst());
        writeDirectory();
        Instant issued = Instant.now();
        Map<String, String> issuedTokens = new LinkedHashMap<>();
        for (String role : ROLES) {
            issuedTokens.put(role, clientCredentials(scriptClientId(role)));
        }
        tokens = Collections.unmodifiableMap(issuedTokens);
        tokensExpire = issued.plus(TOKEN_VALIDITY);
        writeTokens();
        return tokens;
    }

    /** Role to the last token {@link #issueDemoTokens(String)} got for it. */
    public Map<String, String> tokens() {
        return tokens;
    }

    /** The people who can log in, in the order of {@code demo/users.tsv}. */
    public List<DemoUser> users() {
        return users;
    }

    /** The first person of a role (the one the launcher prints first). */
    public DemoUser user(String role) {
        return users.stream().filter(user -> user.role().equals(role)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No demo user with role " + role));
    }

    /** Partner depot clients: client id to secret. */
    public Map<String, String> depotClients() {
        Map<String, String> depots = new LinkedHashMap<>();
        clients.stream().filter(client -> client.clientId().startsWith(DEPOT_CLIENT_PREFIX))
                .forEach(client -> depots.put(client.clientId(), client.secret()));
        return depots;
    }

    /** The partner depots that have a client: their codes. */
    public List<String> partnerDepots() {
        return depotClients().keySet().stream().map(client -> client.substring(DEPOT_CLIENT_PREFIX.length())).toList();
    }

    /** A partner depot's password on the broker's PARTNER listener (SCRAM user partner-<depot>), kept with the others. */
    public String kafkaPartnerPassword(String depot) {
        return secret("kafka-partner-" + depot, false);
    }

    public Instant tokensExpire() {
        return tokensExpire;
    }

    /** Variable name in {@code tokens.env}, e.g. {@code DEPOT_PARTNER_TOKEN}. */
    public static String variable(String role) {
        return role + "_TOKEN";
    }

    /** The script client of a role: {@code aftersales-script-agent}, {@code aftersales-script-depot-partner}, ... */
    public static String scriptClientId(String role) {
        return SCRIPT_CLIENT_PREFIX + role.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** People of {@code demo/users.tsv}; a technician whose id is not in {@code technicians} (by name) is left out. */
    List<DemoUser> users(Map<String, UUID> technicians) {
        List<DemoUser> people = new ArrayList<>();
        for (String[] line : userLines()) {
            Map<String, String> claims = new LinkedHashMap<>();
            boolean resolved = true;
            if (line.length > 3 && !line[3].isBlank()) {
                String[] claim = line[3].split("=", 2);
                Matcher reference = TECHNICIAN_REFERENCE.matcher(claim[1]);
                if (reference.matches()) {
                    UUID id = technicians.get(reference.group(1));
                    resolved = id != null;
                    claims.put(claim[0], resolved ? id.toString() : "");
                } else {
                    claims.put(claim[0], claim[1]);
                }
            }
            if (resolved) {
                people.add(new DemoUser(line[0], secret(line[0], true), line[1], line[2], claims));
            }
        }
        return List.copyOf(people);
    }

    /** Script clients per role (scoped to the demo store, the first technician, the first partner depot) and depots. */
    List<Client> clients(List<String> partnerDepots, Optional<UUID> firstTechnician) {
        String depot = partnerDepots.isEmpty() ? DEMO_DEPOT : partnerDepots.get(0);
        List<Client> all = new ArrayList<>();
        for (String role : ROLES) {
            Map<String, String> claims = switch (role) {
                case "STORE" -> Map.of("store", DEMO_STORE);
                case "TECHNICIAN" -> Map.of("technician_id", firstTechnician.orElse(FALLBACK_TECHNICIAN).toString());
                case "DEPOT_PARTNER" -> Map.of("depot", depot);
                default -> Map.of();
            };
            String clientId = scriptClientId(role);
            all.add(new Client(clientId, secret(clientId, false), "脚本 " + role, role, claims, TOKEN_VALIDITY));
        }
        List<String> depots = new ArrayList<>(partnerDepots);
        if (!depots.contains(DEMO_DEPOT)) {
            depots.add(DEMO_DEPOT);
        }
        for (String code : depots) {
            String clientId = DEPOT_CLIENT_PREFIX + code;
            all.add(new Client(clientId, secret(clientId, false), "合作网点 " + code, "DEPOT_PARTNER", Map.of("depot", code),
                    DEPOT_TOKEN_VALIDITY));
        }
        return List.copyOf(all);
    }

    private static List<String[]> userLines() {
        List<String[]> lines = new ArrayList<>();
        try (InputStream in = DemoIdentities.class.getResourceAsStream(USERS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(USERS_RESOURCE + " is missing from the launcher's class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line.split("\t"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** The stored secret of a name, or a new one stored at once (passwords short and readable, secrets long). */
    private synchronized String secret(String name, boolean password) {
        String existing = credentials.getProperty(name);
        if (existing != null) {
            return existing;
        }
        String created;
        if (password) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < PASSWORD_LENGTH; i++) {
                text.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
            }
            created = text.toString();
        } else {
            byte[] bytes = new byte[SECRET_BYTES];
            RANDOM.nextBytes(bytes);
            created = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        credentials.setProperty(name, created);
        storeCredentials();
        return created;
    }

    private void loadCredentials() {
        Path file = credentialsFile();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                credentials.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void storeCredentials() {
        writePrivately(credentialsFile(), writer -> credentials.store(writer,
                "Passwords of the demo users and secrets of the clients of this data directory (aftersales launcher)"));
    }

    /**
     * The authorization server's directory.json (it re-reads the file when it changes), or, with Keycloak, its realm
     * (once it is up).
     */
    private void writeDirectory() {
        if (keycloak != null) {
            KeycloakDirectory directory = keycloakDirectory;
            if (directory != null) {
                directory.apply(users, clients);
            }
            return;
        }
        StringBuilder json = new StringBuilder("{\n  \"users\": [");
        String separator = "\n    ";
        for (DemoUser user : users) {
            json.append(separator).append("{\"username\": ").append(quote(user.username()))
                    .append(", \"password\": ").append(quote(user.password()))
                    .append(", \"name\": ").append(quote(user.name()))
                    .append(", \"roles\": [").append(quote(user.role())).append("], \"claims\": ").append(object(user.claims()))
                    .append('}');
            separator = ",\n    ";
        }
        json.append("\n  ],\n  \"clients\": [");
        separator = "\n    ";
        for (Client client : clients) {
            json.append(separator).append("{\"clientId\": ").append(quote(client.clientId()))
                    .append(", \"secret\": ").append(quote(client.secret()))
                    .append(", \"name\": ").append(quote(client.name()))
                    .append(", \"roles\": [").append(quote(client.role())).append("], \"claims\": ").append(object(client.claims()))
                    .append(", \"timeToLive\": ").append(quote(client.timeToLive().toString()))
                    .append('}');
            separator = ",\n    ";
        }
        json.append("\n  ]\n}\n");
        writePrivately(directoryFile(), writer -> writer.write(json.toString()));
    }

    private void writeTokens() {
        StringBuilder text = new StringBuilder("# Bearer tokens from the authorization server ").append(issuer)
                .append(" (client credentials of the script clients), valid until ").append(tokensExpire)
                .append(".\n# Use: source ").append(tokensFile()).append("\n# Secrets: ").append(credentialsFile())
                .append("; a new token: curl -s -u <client>:<secret> -d grant_type=client_credentials ")
                .append(publicTokenUri()).append('\n');
        text.append("export AFTERSALES_ISSUER=").append(issuer).append('\n');
        tokens.forEach((role, token) -> text.append("# ").append(role).append(": ").append(scriptClientId(role)).append('\n')
                .append("export ").append(variable(role)).append('=').append(token).append('\n'));
        writePrivately(tokensFile(), writer -> writer.write(text.toString()));
    }

    private interface Content {
        void write(Writer writer) throws IOException;
    }

    /** Written to a temporary file (owner-only) and moved into place, so a reader never sees half a file. */
    private static void writePrivately(Path file, Content content) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file keeps the directory's permissions.
            }
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                content.write(writer);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String object(Map<String, String> values) {
        StringBuilder json = new StringBuilder("{");
        values.forEach((name, value) -> json.append(json.length() > 1 ? ", " : "").append(quote(name)).append(": ").append(quote(value)));
        return json.append('}').toString();
    }

    static String quote(String value) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Every page of a list, following its Link rel="next" headers (docs/paging.md). */
    private List<MatchResult> all(String url, String token, Pattern pattern) {
        List<MatchResult> found = new ArrayList<>();
        try {
            URI page = URI.create(url);
            while (page != null) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(page).timeout(REQUEST_TIMEOUT)
                                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (response.statusCode() != OK) {
                    return found;
                }
                found.addAll(pattern.matcher(response.body()).results().toList());
                URI current = page;
                page = response.headers().allValues("Link").stream().map(NEXT_LINK::matcher).filter(Matcher::find)
                        .findFirst().map(next -> current.resolve(next.group(1))).orElse(null);
            }
            return found;
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
