package com.aftersales.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.aftersales.launcher.PlatformService;
import com.sun.net.httpserver.HttpServer;

/** docker/service.Dockerfile, its health probe and the build context (.dockerignore). */
class ServiceImageTest {

    static final List<PlatformService> SERVICES = PlatformService.ALL;

    private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)(?:\\s+AS\\s+(\\S+))?\\s*$");
    private static final Pattern TEMURIN_TAG = Pattern.compile("eclipse-temurin:(\\d+)\\.\\d+\\.\\d+_\\d+-(jdk|jre)-([a-z0-9]+)");

    private final String dockerfile = ProjectFiles.read("docker/service.Dockerfile");

    @Test
    void buildsOnAPinnedTemurinJdkAndRunsOnTheMatchingJre() {
        List<String> images = new ArrayList<>();
        Matcher from = FROM.matcher(dockerfile);
        while (from.find()) {
            images.add(from.group(1));
        }
        assertThat(images).hasSize(2);
        Matcher jdk = TEMURIN_TAG.matcher(images.get(0));
        Matcher jre = TEMURIN_TAG.matcher(images.get(1));
        assertThat(jdk.matches()).as("build stage image %s is an exact eclipse-temurin tag", images.get(0)).isTrue();
        assertThat(jre.matches()).as("runtime stage image %s is an exact eclipse-temurin tag", images.get(1)).isTrue();
        assertThat(jdk.group(2)).isEqualTo("jdk");
        assertThat(jre.group(2)).isEqualTo("jre");
        assertThat(images.get(1)).as("JRE matches the JDK version and OS").isEqualTo(images.get(0).replace("-jdk-", "-jre-"));
        assertThat(jdk.group(1)).as("Java major version of the images is the build's release level")
                .isEqualTo(rootPomProperty("java.version"));
    }

    @Test
    void buildsTheModuleWithTheWrapperAndRunsItsExecutableJarAsNonRoot() {
        assertThat(dockerfile).contains("./mvnw -B -q -pl \"${MODULE}\" -am -DskipTests package");
        String version = ProjectFiles.rootProjectVersion();
        assertThat(dockerfile).contains("${MODULE}/target/${MODULE}-" + version + "-exec.jar");
        assertThat(ProjectFiles.read("pom.xml")).as("root pom repackages the runnable jar with classifier exec")
                .contains("<classifier>exec</classifier>");

        String[] stages = dockerfile.split("(?m)^FROM\\s");
        assertThat(stages).hasSize(3);
        for (int stage = 1; stage < stages.length; stage++) {
            assertThat(stages[stage]).as("stage %d declares ARG MODULE (build args are per stage)", stage).contains("\nARG MODULE\n");
        }
        String runtime = stages[2];
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)\\s*$").matcher(runtime);
        assertThat(user.find()).as("runtime stage switches user").isTrue();
        assertThat(user.group(1).split(":")[0]).isNotIn("root", "0");
        assertThat(runtime).contains("HEALTHCHECK ").contains("/readyz")
                .contains("COPY --chmod=0755 docker/healthcheck.sh /usr/local/bin/healthcheck");
        assertThat(runtime).containsPattern("(?m)^ENTRYPOINT \\[\"java\", .*\"/app/app.jar\"]$");
    }

    @Test
    void buildContextLeavesOutBuildOutputAndLocalState() {
        List<String> ignored = ProjectFiles.read(".dockerignore").lines().map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        assertThat(ignored).contains(".git/", ".data/").containsAnyOf("target/", "**/target/");
        assertThat(ignored).as("the build needs the wrapper and the sources").doesNotContain("mvnw", ".mvn/", "docker/");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SERVICES")
    void moduleProducesTheJarTheImageRuns(PlatformService service) {
        Path pom = ProjectFiles.resolve(service.module() + "/pom.xml");
        assumeTrue(Files.isRegularFile(pom), () -> "module " + service.module() + " has no pom.xml yet");
        String text = ProjectFiles.read(pom);
        int afterParent = text.indexOf("</parent>");
        Matcher artifactId = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(text);
        assertThat(artifactId.find(afterParent)).isTrue();
        assertThat(artifactId.group(1)).as("artifactId of %s names the jar the image copies", pom).isEqualTo(service.module());
        if (Files.isDirectory(ProjectFiles.resolve(service.module() + "/src/main/java"))) {
            assertThat(text).as("%s repackages an executable jar", pom).contains("<artifactId>spring-boot-maven-plugin</artifactId>");
        }
    }

    @Test
    void healthProbeSucceedsOnlyOnHttp200() throws Exception {
        Path script = ProjectFiles.resolve("docker/healthcheck.sh");
        assertThat(script).isRegularFile();
        if (Files.getFileStore(script).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(script)).contains(PosixFilePermission.OWNER_EXECUTE);
        }
        Path bash = Path.of("/bin/bash");
        assumeTrue(Files.isExecutable(bash), "bash is not installed at /bin/bash: the probe script is not run");

        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            boolean ready = exchange.getRequestURI().getPath().equals("/readyz");
            byte[] body = (ready ? "{\"status\":\"UP\"}" : "{\"status\":\"OUT_OF_SERVICE\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(ready ? 200 : 503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            assertThat(probe(bash, script, port, "/readyz")).isZero();
            assertThat(probe(bash, script, port, "/livez")).isNotZero();
        } finally {
            server.stop(0);
        }
    }

    private static int probe(Path bash, Path script, int port, String path) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(bash.toString(), script.toString(), path)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("health probe did not finish within 10 s");
        }
        return process.exitValue();
    }

    private static String rootPomProperty(String name) {
        Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">")
                .matcher(ProjectFiles.read("pom.xml"));
        assertThat(matcher.find()).as("root pom property %s", name).isTrue();
        return matcher.group(1).trim();
    }
}
