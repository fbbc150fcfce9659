package com.aftersales.testsupport;

import com.aftersales.devidentity.DevIdentity;
import com.aftersales.devidentity.DevUser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One development issuer per test JVM: {@link WithRealInfrastructure} contexts are configured to trust it
 * ({@code aftersales.security.*}), and tests call the API with {@link #bearer(DevUser)} of a ready user per role.
 * Scoped users ({@link #store(String)}, {@link #technician(UUID)}, {@link #depot(String)}) pin a role to test data.
 */
public final class TestIdentity {

    /** Store code of {@link #STORE}; the test data of the services sells through it. */
    public static final String STORE_CODE = "SH-XH-001";
    /** Depot code of {@link #DEPOT_PARTNER}. */
    public static final String DEPOT_CODE = "test-depot";
    private static final Duration VALIDITY = Duration.ofHours(2);

    public static final DevUser AGENT = DevUser.of("test.agent", "Test agent", "AGENT");
    public static final DevUser STORE = store(STORE_CODE);
    public static final DevUser SUPERVISOR = DevUser.of("test.supervisor", "Test supervisor", "SUPERVISOR");
    /** A technician with an id no test technician has: use {@link #technician(UUID)} to act as a real one. */
    public static final DevUser TECHNICIAN = technician(UUID.fromString("00000000-0000-4000-8000-00000000e0e0"));
    public static final DevUser QC = DevUser.of("test.qc", "Test QC", "QC");
    public static final DevUser DEPOT_PARTNER = depot(DEPOT_CODE);
    public static final DevUser OPS = DevUser.of("test.ops", "Test ops", "OPS");
    public static final DevUser ADMIN = DevUser.of("test.admin", "Test admin", "ADMIN");

    private static final DevIdentity IDENTITY = DevIdentity.generate();
    private static volatile Path publicKey;

    private TestIdentity() {
    }

    public static DevIdentity identity() {
        return IDENTITY;
    }

    /** {@code Bearer <token>} for an {@code Authorization} header. */
    public static String bearer(DevUser user) {
        return "Bearer " + token(user);
    }

    public static String token(DevUser user) {
        return IDENTITY.mint(user, VALIDITY);
    }

    /** The ready user of a role name ({@code AGENT} ... {@code ADMIN}). */
    public static DevUser user(String role) {
        return switch (role) {
            case "AGENT" -> AGENT;
            case "STORE" -> STORE;
            case "SUPERVISOR" -> SUPERVISOR;
            case "TECHNICIAN" -> TECHNICIAN;
            case "QC" -> QC;
            case "DEPOT_PARTNER" -> DEPOT_PARTNER;
            case "OPS" -> OPS;
            case "ADMIN" -> ADMIN;
            default -> throw new IllegalArgumentException("no such role: " + role);
        };
    }

    public static DevUser store(String storeCode) {
        return DevUser.of("test.store." + storeCode, "Store clerk " + storeCode, "STORE").withScope("store", storeCode);
    }

    public static DevUser technician(UUID technicianId) {
        return DevUser.of("test.technician." + technicianId, "Technician", "TECHNICIAN")
                .withScope("technician_id", technicianId);
    }

    public static DevUser depot(String depotCode) {
        return DevUser.of("test.depot." + depotCode, "Depot " + depotCode, "DEPOT_PARTNER").withScope("depot", depotCode);
    }

    /** The {@code aftersales.security.*} properties that make a service trust this JVM's issuer. */
    public static Map<String, String> properties() {
        return Map.of("aftersales.security.issuer", DevIdentity.ISSUER,
                "aftersales.security.public-key-location", publicKeyLocation().toString());
    }

    /** {@link #properties()} as {@code --name=value} arguments, for a service started by hand in a test. */
    public static List<String> commandLineArguments() {
        return properties().entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
    }

    private static Path publicKeyLocation() {
        Path key = publicKey;
        if (key == null) {
            synchronized (TestIdentity.class) {
                if (publicKey == null) {
                    try {
                        Path dir = Files.createTempDirectory("aftersales-test-identity");
                        dir.toFile().deleteOnExit();
                        publicKey = IDENTITY.writePublicKey(dir);
                        publicKey.toFile().deleteOnExit();
                        dir.resolve("dev-issuer-jwks.json").toFile().deleteOnExit();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                key = publicKey;
            }
        }
        return key;
    }
}
