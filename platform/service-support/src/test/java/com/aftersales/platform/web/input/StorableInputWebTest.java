package com.aftersales.platform.web.input;

import com.aftersales.platform.web.PlatformWebAutoConfiguration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What PostgreSQL cannot store is a 400 field error decided by the platform, whatever the endpoint: strings with NUL
 * or unpaired surrogates anywhere in a body or in a parameter, dates out of range, impossible dates. The controller
 * here does nothing with its input: any 2xx below would be a value the database then refuses with a 500.
 */
@WebMvcTest(controllers = StorableInputWebTest.Things.class)
@ContextConfiguration(classes = StorableInputWebTest.Things.class)
@ImportAutoConfiguration(PlatformWebAutoConfiguration.class)
@AutoConfigureMockMvc(addFilters = false)
class StorableInputWebTest {

    record Line(String note, List<String> tags) {
    }

    record NewThing(@NotNull String name, LocalDate purchaseDate, Instant at, List<Line> lines,
                    Map<String, String> attributes, Object extra) {
    }

    @RestController
    static class Things {
        @PostMapping(path = "/things", consumes = MediaType.APPLICATION_JSON_VALUE)
        Map<String, Object> create(@Valid @RequestBody NewThing thing) {
            return Map.of("ok", true);
        }

        @GetMapping("/things")
        Map<String, Object> search(@RequestParam(required = false) String q, @RequestParam(required = false) Instant createdFrom,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                   @RequestParam(required = false) List<String> tag) {
            return Map.of("ok", true);
        }

        @GetMapping("/things/{code}")
        Map<String, Object> one(@PathVariable String code) {
            return Map.of("ok", true);
        }

        @GetMapping(path = "/either", params = {"status", "!ticketId"})
        Map<String, Object> byStatus(@RequestParam String status) {
            return Map.of("ok", true);
        }

        @GetMapping(path = "/either", params = {"ticketId", "!status"})
        Map<String, Object> byTicket(@RequestParam String ticketId) {
            return Map.of("ok", true);
        }
    }

    @Autowired
    MockMvc mvc;

    private ResultActions postThing(String json) throws Exception {
        return mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static void fieldError(ResultActions result, String field, String message) throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:aftersales:problem:validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").value(message));
    }

    private static final String UNSTORABLE = "contains a character that cannot be stored (NUL or an unpaired surrogate)";
    private static final String OUT_OF_RANGE = "must be between 0001-01-01 and 9999-12-31";

    @Test
    void aStorableBodyPasses() throws Exception {
        postThing("""
                {"name":"空调 😀","purchaseDate":"2026-02-28","at":"2026-03-01T08:00:00Z",
                 "lines":[{"note":"ok","tags":["a"]}],"attributes":{"k":"v"},"extra":{"deep":["x"]}}""")
                .andExpect(status().isOk());
    }

    @Test
    void nulAndUnpairedSurrogatesAnywhereInABodyAreFieldErrors() throws Exception {
        fieldError(postThing("{\"name\":\"a\\u0000b\"}"), "name", UNSTORABLE);
        fieldError(postThing("{\"name\":\"lone \\ud83d\"}"), "name", UNSTORABLE);
        fieldError(postThing("{\"name\":\"x\",\"lines\":[{\"note\":\"ok\"},{\"note\":\"\\u0000\"}]}"), "lines[1].note", UNSTORABLE);
        fieldError(postThing("{\"name\":\"x\",\"lines\":[{\"tags\":[\"ok\",\"\\u0000\"]}]}"), "lines[0].tags[1]", UNSTORABLE);
        fieldError(postThing("{\"name\":\"x\",\"attributes\":{\"k\":\"\\u0000\"}}"), "attributes.k", UNSTORABLE);
        fieldError(postThing("{\"name\":\"x\",\"attributes\":{\"\\u0000\":\"v\"}}"), "attributes", UNSTORABLE);
        // An untyped value is named by its property: Jackson reads inside it without a path.
        fieldError(postThing("{\"name\":\"x\",\"extra\":{\"deep\":[\"\\u0000\"]}}"), "extra", UNSTORABLE);
    }

    @Test
    void datesOutOfRangeAndImpossibleDatesAreFieldErrors() throws Exception {
        fieldError(postThing("{\"name\":\"x\",\"at\":\"+999999-12-31T00:00:00Z\"}"), "at", OUT_OF_RANGE);
        fieldError(postThing("{\"name\":\"x\",\"purchaseDate\":\"+10000-01-01\"}"), "purchaseDate", OUT_OF_RANGE);
        fieldError(postThing("{\"name\":\"x\",\"purchaseDate\":\"2026-02-30\"}"), "purchaseDate", "has the wrong type or format");
    }

    @Test
    void queryAndPathParametersAreCheckedToo() throws Exception {
        fieldError(mvc.perform(get("/things").param("q", "a\u0000b")), "q", UNSTORABLE);
        fieldError(mvc.perform(get("/things").param("tag", "ok", "\u0000")), "tag[1]", UNSTORABLE);
        fieldError(mvc.perform(get("/things").param("createdFrom", "+999999-12-31T00:00:00Z")), "createdFrom", OUT_OF_RANGE);
        fieldError(mvc.perform(get("/things").param("from", "+10000-01-01")), "from", OUT_OF_RANGE);
        fieldError(mvc.perform(get("/things/{code}", "a\u0000")), "code", UNSTORABLE);
        mvc.perform(get("/things").param("q", "空调").param("createdFrom", "2026-01-01T00:00:00Z").param("from", "2026-01-01"))
                .andExpect(status().isOk());
    }

    @Test
    void parametersThatMatchNoHandlerConditionAreAClear400() throws Exception {
        mvc.perform(get("/either").param("status", "NEW").param("ticketId", "t"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:aftersales:problem:bad-request"))
                .andExpect(jsonPath("$.detail").value("The query parameters must match one of [status, !ticketId] | [ticketId, !status]"));
    }
}
