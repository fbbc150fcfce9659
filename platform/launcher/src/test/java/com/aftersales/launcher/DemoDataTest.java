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

    @Test
    void deskLinesAreJsonAndOnlyReferToWhatIsCreatedBeforeThem() {
        Set<String> known = new java.util.HashSet<>();
        DemoData.customers().forEach(customer -> known.add(customer[0]));
        List<String[]> desk = DemoData.desk();
        assertThat(desk).extracting(line -> line[2]).contains("/api/technicians", "/api/depots", "/api/knowledge-articles",
                "/api/returns");
        for (String phase : List.of("before", "after")) {
            for (String[] line : desk) {
                assertThat(line).hasSize(4);
                assertThat(line[0]).isIn("before", "after");
                if (!line[0].equals(phase)) {
                    continue;
                }
                JsonNode body = JSON.readTree(line[3]);
                assertThat(body.isObject()).as(line[3]).isTrue();
                java.util.regex.Matcher refs = java.util.regex.Pattern.compile("\\{([A-Za-z0-9-]+)}").matcher(line[2] + line[3]);
                while (refs.find()) {
                    assertThat(known).as("%s refers to %s", line[1], refs.group(1)).contains(refs.group(1));
                }
                if (!line[1].equals("-")) {
                    known.add(line[1]);
                }
            }
        }
        assertThat(desk).filteredOn(line -> line[2].equals("/api/technicians"))
                .allSatisfy(line -> assertThat(JSON.readTree(line[3]).path("calendar").path("timeZone").asString())
                        .isEqualTo("Asia/Shanghai"))
                .allSatisfy(line -> assertThat(JSON.readTree(line[3]).path("homeLatitude").asDouble()).isBetween(30.7, 31.9));
        assertThat(desk).filteredOn(line -> line[2].equals("/api/depots"))
                .anySatisfy(line -> assertThat(JSON.readTree(line[3]).path("kind").asString()).isEqualTo("PARTNER"));
    }

    @Test
    void datesAreRelativeToTodayInShanghai() {
        java.time.LocalDate today = java.time.LocalDate.of(2026, 3, 10);
        assertThat(DemoData.withDates("{\"a\":\"{today}\",\"b\":\"{today-5}\"}", today))
                .isEqualTo("{\"a\":\"2026-03-10\",\"b\":\"2026-03-05\"}");
        assertThat(DemoData.resolve("/api/technicians/{tech-wang}/status", java.util.Map.of("tech-wang", "42")))
                .hasValue("/api/technicians/42/status");
        assertThat(DemoData.resolve("/api/x/{missing}", java.util.Map.of())).isEmpty();
    }

    @Test
    void thePlantedBatchPassesTheDetectorsRulesAndOnlyThere() {
        List<String[]> customers = PlantedBatch.customers();
        assertThat(customers).hasSize(2 * PlantedBatch.UNITS_PER_BATCH);
        // QL-1/QL-2 of feedback-service: at least 5 failed units out of at least 30 in the bad cell; the good batch is
        // the model's baseline, far below half the bad batch's rate (QL-4 asks for twice the baseline).
        assertThat(PlantedBatch.UNITS_PER_BATCH).isGreaterThanOrEqualTo(30);
        assertThat(PlantedBatch.BAD_BATCH_FAILURES).isGreaterThanOrEqualTo(5);
        assertThat(PlantedBatch.GOOD_BATCH_FAILURES * 2).isLessThan(PlantedBatch.BAD_BATCH_FAILURES);
        List<String> tickets = PlantedBatch.tickets();
        assertThat(tickets).hasSize(PlantedBatch.BAD_BATCH_FAILURES + PlantedBatch.GOOD_BATCH_FAILURES);
        Set<String> refs = new java.util.HashSet<>();
        customers.forEach(customer -> refs.add(customer[0]));
        for (String ticket : tickets) {
            JsonNode node = JSON.readTree(ticket);
            assertThat(refs).contains(node.get("customerId").asString());
            assertThat(node.get("faultCode").asString()).isEqualTo(PlantedBatch.FAULT_CODE);
        }
        assertThat(tickets).filteredOn(ticket -> ticket.contains(PlantedBatch.BAD_BATCH)).hasSize(PlantedBatch.BAD_BATCH_FAILURES);
        List<String> phones = new java.util.ArrayList<>();
        List<String> serials = new java.util.ArrayList<>();
        List<String[]> all = new java.util.ArrayList<>(DemoData.customers());
        all.addAll(customers);
        for (String[] customer : all) {
            JsonNode body = JSON.readTree(customer[1]);
            body.get("phones").forEach(phone -> phones.add(phone.asString()));
            for (int i = 2; i < customer.length; i++) {
                JsonNode unit = JSON.readTree(DemoData.withDates(customer[i], java.time.LocalDate.now()));
                serials.add(unit.get("serialNumber").asString());
                assertThat(unit.get("model").asString().length()).isLessThanOrEqualTo(64);
            }
        }
        assertThat(phones).doesNotHaveDuplicates();
        assertThat(serials).doesNotHaveDuplicates();
        assertThat(customers).allSatisfy(customer -> assertThat(JSON.readTree(customer[2]).path("installAddress")
                .path("regionCode").asString()).isEqualTo(PlantedBatch.REGION));
    }
}
