package com.aftersales.launcher;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Free ports for a platform: distinct, each with its management port free, never handed out twice in a JVM. */
class PortsTest {

    @Test
    void portsAndTheirManagementPortsAreDistinctAcrossCalls() {
        List<Integer> first = Ports.free(8);
        List<Integer> second = Ports.free(4);
        Set<Integer> taken = new HashSet<>();
        for (int port : first) {
            assertThat(taken.add(port)).as("port %d twice", port).isTrue();
            assertThat(taken.add(PlatformService.managementPort(port))).as("management port of %d taken", port).isTrue();
        }
        for (int port : second) {
            assertThat(taken.add(port)).as("port %d of a later call handed out before", port).isTrue();
            assertThat(taken.add(PlatformService.managementPort(port))).as("management port of %d taken", port).isTrue();
        }
        assertThat(taken).allSatisfy(port -> assertThat(Ports.inUse(port)).as("port %d in use", port).isFalse());
    }
}
