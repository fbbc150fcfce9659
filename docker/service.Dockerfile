# One image recipe for every Spring Boot module of the platform.
#   docker build -f docker/service.Dockerfile --build-arg MODULE=ticket-service .
# Needs BuildKit (the default builder of Docker 23+ and of docker compose) for the cache mount.

# Build stage: the whole reactor source (see .dockerignore), the Maven wrapper and a JDK.
FROM eclipse-temurin:17.0.18_8-jdk-noble AS build
ARG MODULE
RUN test -n "${MODULE}" || { echo "build arg MODULE is required, e.g. --build-arg MODULE=ticket-service" >&2; exit 1; }
WORKDIR /workspace
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -pl "${MODULE}" -am -DskipTests package \
    && cp "${MODULE}/target/${MODULE}-0.1.0-SNAPSHOT-exec.jar" /workspace/app.jar

# Runtime stage: the matching JRE, the executable jar, a non-root user.
FROM eclipse-temurin:17.0.18_8-jre-noble
ARG MODULE
LABEL org.opencontainers.image.title="aftersales ${MODULE}" \
      org.opencontainers.image.version="0.1.0-SNAPSHOT"
RUN groupadd --system app \
    && useradd --system --gid app --home-dir /app --shell /usr/sbin/nologin app \
    && mkdir -p /app \
    && chown app:app /app
WORKDIR /app
COPY --chmod=0755 docker/healthcheck.sh /usr/local/bin/healthcheck
COPY --from=build --chown=app:app /workspace/app.jar /app/app.jar
# SERVER_PORT is read by the application and by the health probe alike; compose sets it per service.
ENV SERVER_PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
USER app:app
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=6 \
    CMD ["/usr/local/bin/healthcheck", "/readyz"]
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
