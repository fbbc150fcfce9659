package com.aftersales.launcher;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDataTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> REQUIRED = Set.of("customerId", "serialNumber", "model", "ticketType", "channel",
            "priority", "faultCategory", "faultDescription");

    @Test
    void everyDemoTicketIsACompleteRepairRequest() {
        List<String> tickets = DemoData.tickets();

        assertThat(tickets).hasSizeBetween(5, 12);
        List<JsonNode> nodes = tickets.stream().map(JSON::readTree).toList();
        for (JsonNode ticket : nodes) {
            for (String field : REQUIRED) {
                assertThat(ticket.path(field).asString()).as(field + " in " + ticket).isNotBlank();
            }
            assertThat(UUID.fromString(ticket.get("customerId").asString())).isNotNull();
            assertThat(ticket.get("ticketType").asString()).isEqualTo("REPAIR");
            assertThat(ticket.get("priority").asString()).isIn("LOW", "NORMAL", "HIGH", "URGENT");
            assertThat(ticket.get("model").asString().length()).isLessThanOrEqualTo(64);
            assertThat(ticket.get("faultDescription").asString()).contains("上海");
        }
        assertThat(nodes).extracting(node -> node.get("serialNumber").asString()).doesNotHaveDuplicates();
    }
}
