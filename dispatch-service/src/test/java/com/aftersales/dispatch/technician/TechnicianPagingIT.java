package com.aftersales.dispatch.technician;

import com.aftersales.dispatch.Api;
import com.aftersales.platform.web.paging.PagingProperties;
import com.aftersales.testsupport.WithRealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/technicians is paged like every list (docs/paging.md): by name, then id, on real PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class TechnicianPagingIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PagingProperties paging;

    private String register(String name) {
        Api.Response created = new Api(port).post("/api/technicians", Api.technician(name, 31.23, 121.47, "AC", "COOLING", 5));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().path("id").asString();
    }

    @Test
    void theLinkHeaderWalksEveryTechnicianOnceInNameOrderAndTheDeskStillGetsThemAllAtOnce() {
        String name = "分页师傅-" + UUID.randomUUID();
        List<String> namesakes = new ArrayList<>(List.of(register(name), register(name), register(name)));
        namesakes.sort(null);
        register("分页师傅-" + UUID.randomUUID());

        Api api = new Api(port);
        List<String> walked = new ArrayList<>();
        int pages = 0;
        String next = "/api/technicians?pageSize=2";
        while (next != null) {
            Api.Response page = api.get(next);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body().size()).isBetween(1, 2);
            page.body().valueStream().forEach(technician -> walked.add(technician.path("id").asString()));
            next = page.next().orElse(null);
            pages++;
        }
        List<String> expected = jdbc.sql("select id::text from technician order by name, id").query(String.class).list();
        assertThat(walked).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo((expected.size() + 1) / 2);
        // Technicians of the same name keep a stable order across pages: by id.
        assertThat(walked.stream().filter(namesakes::contains).toList()).containsExactlyElementsOf(namesakes);

        // Without parameters (the supervisor's desk, the launcher): one page holds a branch's roster, as before.
        Api.Response desk = api.get("/api/technicians");
        int deskPage = paging.pageSize(TechnicianController.LIST, null, null);
        assertThat(desk.body().size()).isEqualTo(Math.min(expected.size(), deskPage));
        assertThat(desk.next().isPresent()).isEqualTo(expected.size() > deskPage);

        Api.Response malformed = api.get("/api/technicians?pageToken=" + "x".repeat(30));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().path("errors").get(0).path("field").asString()).isEqualTo("pageToken");
        assertThat(api.get("/api/technicians?pageSize=0").status()).isEqualTo(400);
    }
}
