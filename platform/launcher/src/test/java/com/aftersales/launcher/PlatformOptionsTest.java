package com.aftersales.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformOptionsTest {

    private static final Path ROOT = Path.of("/work/project");

    @Test
    void defaultsAreTheDocumentedPorts() {
        PlatformOptions options = PlatformOptions.defaults(ROOT);

        assertThat(options.postgresPort()).isEqualTo(15432);
        assertThat(options.kafkaPort()).isEqualTo(19092);
        assertThat(options.kafkaControllerPort()).isEqualTo(19093);
        assertThat(options.servicePort(PlatformService.GATEWAY)).isEqualTo(8080);
        assertThat(options.servicePort(PlatformService.TICKET)).isEqualTo(8081);
        assertThat(options.servicePort(PlatformService.FEEDBACK)).isEqualTo(8084);
        assertThat(options.servicePort(PlatformService.AUTHORIZATION_SERVER)).isEqualTo(9000);
        assertThat(options.dataDir()).isEqualTo(ROOT.resolve(".data/embedded"));
        assertThat(options.postgresDir()).isEqualTo(ROOT.resolve(".data/embedded/postgres"));
        assertThat(options.logDir()).isEqualTo(ROOT.resolve(".data/embedded/logs"));
        assertThat(options.loadDemoData()).isTrue();
    }

    @Test
    void freePortsAreDistinctAndAvoidTheDefaults() {
        PlatformOptions options = PlatformOptions.withFreePorts(ROOT, Path.of("/tmp/data"));

        List<Integer> ports = new ArrayList<>(options.servicePorts().values());
        ports.addAll(List.of(options.postgresPort(), options.kafkaPort(), options.kafkaControllerPort()));
        // the authorization server, four backends, the gateway, PostgreSQL, Kafka and its controller
        assertThat(ports).doesNotHaveDuplicates().hasSize(9);
        assertThat(options.loadDemoData()).isFalse();
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/data"));
    }

    @Test
    void secondInstancesListenOneHundredAboveTheFirstAndTheGatewayBalancesAcrossThem() {
        PlatformOptions options = PlatformOptions.builder(ROOT).instances(2).build();

        assertThat(options.instancesOf(PlatformService.TICKET)).containsExactly(
                new ServiceInstance(PlatformService.TICKET, 1, 8081), new ServiceInstance(PlatformService.TICKET, 2, 8181));
        assertThat(options.instancesOf(PlatformService.GATEWAY)).containsExactly(
                new ServiceInstance(PlatformService.GATEWAY, 1, 8080));
        assertThat(options.instancesOf(PlatformService.TICKET).get(1).name()).isEqualTo("ticket-service-2");
        assertThat(EmbeddedPlatform.environment(options, PlatformService.GATEWAY))
                .containsEntry("TICKET_SERVICE_URL", "http://127.0.0.1:8081,http://127.0.0.1:8181")
                .containsEntry("FEEDBACK_SERVICE_URL", "http://127.0.0.1:8084,http://127.0.0.1:8184");
        assertThat(options.toBuilder().build()).isEqualTo(options);
    }

    @Test
    void gatewaysBehindABalancerListenOnPortsOfTheirOwnAndTheGatewayPortIsTheBalancers() {
        PlatformOptions options = PlatformOptions.withFreePorts(ROOT, Path.of("/tmp/data")).toBuilder().gateways(2).build();

        List<ServiceInstance> gateways = options.instancesOf(PlatformService.GATEWAY);
        assertThat(gateways).hasSize(2).extracting(ServiceInstance::index).containsExactly(1, 2);
        assertThat(gateways).extracting(ServiceInstance::port)
                .containsExactlyElementsOf(options.gatewayPorts())
                .doesNotContain(options.servicePort(PlatformService.GATEWAY));
        assertThat(gateways.get(1).name()).isEqualTo("gateway-2");
        assertThat(options.toBuilder().build()).isEqualTo(options);
        assertThat(PlatformOptions.defaults(ROOT).gatewayPorts()).isEmpty();
        assertThatThrownBy(() -> PlatformOptions.builder(ROOT).gatewayPorts(List.of(18080)).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void freePortsCoverEveryInstance() {
        PlatformOptions options = PlatformOptions.withFreePorts(ROOT, Path.of("/tmp/data"), 2);

        List<Integer> ports = new ArrayList<>(options.servicePorts().values());
        options.additionalPorts().values().forEach(ports::addAll);
        assertThat(ports).doesNotHaveDuplicates().hasSize(10);
        assertThat(ports).doesNotContain(8181, 8182, 8183, 8184);
    }

    @Test
    void rejectsClashingPorts() {
        assertThatThrownBy(() -> PlatformOptions.builder(ROOT).kafkaPort(15432).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Ports must differ");
        assertThatThrownBy(() -> PlatformOptions.builder(ROOT).servicePort(PlatformService.TICKET, 0).build())
                .hasMessageContaining("Not a TCP port");
    }

    @Test
    void toBuilderKeepsEverything() {
        PlatformOptions options = PlatformOptions.withFreePorts(ROOT, Path.of("/tmp/data"));

        assertThat(options.toBuilder().build()).isEqualTo(options);
    }

    @Test
    void servicesGetTheirDatabaseAndKafkaTheGatewayTheBackends() {
        PlatformOptions options = PlatformOptions.defaults(ROOT);

        assertThat(EmbeddedPlatform.environment(options, PlatformService.RETURNS))
                .containsEntry("SERVER_PORT", "8083")
                .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:15432/returns")
                .containsEntry("SPRING_DATASOURCE_USERNAME", "returns")
                .containsEntry("SPRING_DATASOURCE_PASSWORD", "returns")
                .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092")
                // API and actuator on loopback only, the actuator on a port of its own
                .containsEntry("AFTERSALES_BIND_ADDRESS", "127.0.0.1")
                .containsEntry("MANAGEMENT_SERVER_PORT", "9083")
                .containsEntry("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1")
                .containsOnlyKeys(PlatformService.BACKEND_ENVIRONMENT);
        assertThat(EmbeddedPlatform.environment(options, PlatformService.GATEWAY))
                .containsEntry("SERVER_PORT", "8080")
                .containsEntry("TICKET_SERVICE_URL", "http://127.0.0.1:8081")
                .containsEntry("FEEDBACK_SERVICE_URL", "http://127.0.0.1:8084")
                .containsOnlyKeys(PlatformService.gatewayEnvironment());
    }

    @Test
    void aServiceWithItsOwnPostgresServerGetsThatServersUrlAndTheOthersKeepTheShared() {
        PlatformOptions options = PlatformOptions.builder(ROOT).dedicatedPostgres(PlatformService.RETURNS, 25432).build();

        assertThat(EmbeddedPlatform.environment(options, PlatformService.RETURNS))
                .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:25432/returns");
        assertThat(EmbeddedPlatform.environment(options, PlatformService.TICKET))
                .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:15432/ticket");
        assertThat(options.postgresDir(PlatformService.RETURNS)).isEqualTo(ROOT.resolve(".data/embedded/postgres-returns"));
        assertThat(options.toBuilder().build()).isEqualTo(options);
        assertThatThrownBy(() -> PlatformOptions.builder(ROOT).dedicatedPostgres(PlatformService.RETURNS, 15432).build())
                .hasMessageContaining("Ports must differ");
        assertThatThrownBy(() -> PlatformOptions.builder(ROOT).dedicatedPostgres(PlatformService.GATEWAY, 25432).build())
                .hasMessageContaining("has no database");
    }

    @Test
    void execJarsCarryTheProjectVersion() {
        assertThat(LauncherVersion.version()).isNotBlank().doesNotContain("@");
        assertThat(LauncherVersion.execJar(ROOT, PlatformService.TICKET)).isEqualTo(
                ROOT.resolve("ticket-service/target/ticket-service-" + LauncherVersion.version() + "-exec.jar"));
    }

    @Test
    void jvmOptionsComeFromTheVariableOrTheDefaults() {
        assertThat(ChildProcesses.splitOptions(null, ServiceProcess.DEFAULT_JVM_OPTS))
                .containsExactly("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");
        assertThat(ChildProcesses.splitOptions("  ", "-Xmx1g")).containsExactly("-Xmx1g");
        assertThat(ChildProcesses.splitOptions(" -Xmx512m  -XX:+UseG1GC ", "-Xmx1g")).containsExactly("-Xmx512m", "-XX:+UseG1GC");
    }
}
