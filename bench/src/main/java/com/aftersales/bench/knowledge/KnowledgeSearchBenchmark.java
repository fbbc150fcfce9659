package com.aftersales.bench.knowledge;

import com.aftersales.bench.BenchContext;
import com.aftersales.bench.BenchResult;
import com.aftersales.bench.Benchmark;
import com.aftersales.bench.platform.SharedPlatform;
import com.aftersales.launcher.EmbeddedPlatform;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Knowledge search quality and latency at {@value #ARTICLES} articles, through the gateway: the evaluation set of
 * ticket-service ({@code ticket-service/src/test/resources/knowledge-eval}: articles and caller phrasings, each with
 * its expected article) is published through the API, then generated variants of its articles (the same faults
 * written for other models of the category, clauses reordered, one clause of a sibling article added) fill the
 * knowledge base up to {@value #ARTICLES}; they are written straight to the ticket database with a new index revision,
 * so ticket-service's index picks them up by polling, as it follows changes made by another instance. Every phrasing
 * is searched as intake searches (with the unit's model and category when it comes with a unit): recall@1, recall@3
 * and MRR of the expected article (a variant for another model does not count), p50/p99 of the search requests. The
 * baseline, in the same run on the same rows: the previous engine's SQL (pg_trgm word similarity of the query to
 * title, symptoms and cause, at least 0.3, articles for another model filtered out, +0.2 for the same model), run
 * over JDBC — its latency has no HTTP or gateway hop.
 */
public final class KnowledgeSearchBenchmark implements Benchmark {

    static final String NAME = "knowledge-search";
    static final int ARTICLES = 10_000;
    private static final String[] PREFIX = {"V", "N", "S", "T", "H", "Q"};

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** Generated variant id -> the key of the evaluation article it was written from. */
    private final Map<String, String> variantOf = new HashMap<>();

    record Phrasing(String expected, String model, String text) {
    }

    /**
     * @param faultRecall1 and {@code faultRecall3}, {@code faultMrr}: a caller who gave no model also counts a variant of
     *                     the expected article (the same fault written for another model) as the right answer
     */
    record Ranked(double recall1, double recall3, double mrr, long[] nanos, double faultRecall1, double faultRecall3,
                  double faultMrr) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws Exception {
        int total = context.quick() ? 2_000 : ARTICLES;
        EmbeddedPlatform platform = SharedPlatform.get(context);
        String gateway = platform.gatewayUrl();
        Path eval = context.projectRoot().resolve("ticket-service/src/test/resources/knowledge-eval");
        JsonNode articles = json.readTree(Files.readString(eval.resolve("articles.json")));
        List<Phrasing> phrasings = phrasings(eval.resolve("phrasings.tsv"));

        Map<String, String> idByKey = new HashMap<>();
        Map<String, String> categoryByKey = new HashMap<>();
        for (JsonNode a : articles) {
            ObjectNode body = (ObjectNode) a.deepCopy();
            String key = body.remove("key").asString();
            body.put("status", "PUBLISHED");
            HttpResponse<String> created = send("POST", gateway + "/api/knowledge-articles", body.toString(), "SUPERVISOR");
            if (created.statusCode() != 201) {
                throw new IllegalStateException("article not created: HTTP " + created.statusCode() + " " + created.body());
            }
            idByKey.put(key, json.readTree(created.body()).path("id").asString());
            categoryByKey.put(key, a.path("category").asString());
        }
        String marker = variants(platform.jdbcUrl("ticket"), articles, total - articles.size(), new Random(context.seed()), variantOf);
        awaitIndexed(gateway, marker);
        System.out.printf("knowledge-search: %d eval articles + %d variants, %d phrasings%n", articles.size(),
                total - articles.size(), phrasings.size());

        rank(phrasings, idByKey, p -> search(gateway, p, categoryByKey)); // warm-up
        List<Ranked> rounds = new ArrayList<>();
        for (int r = 0; r < (context.quick() ? 1 : 3); r++) {
            rounds.add(rank(phrasings, idByKey, p -> search(gateway, p, categoryByKey)));
        }
        Ranked lucene = merge(rounds);
        Ranked trigram;
        try (Connection db = DriverManager.getConnection(platform.jdbcUrl("ticket"), "ticket", "ticket")) {
            rank(phrasings, idByKey, p -> trigram(db, p, categoryByKey));
            trigram = rank(phrasings, idByKey, p -> trigram(db, p, categoryByKey));
        }
        System.out.printf(Locale.ROOT, "search through the gateway: recall@1 %.3f, recall@3 %.3f, MRR %.3f, p50 %.1f ms, "
                        + "p99 %.1f ms (%d requests)%n", lucene.recall1(), lucene.recall3(), lucene.mrr(), ms(lucene, 50),
                ms(lucene, 99), lucene.nanos().length);
        System.out.printf(Locale.ROOT, "  by fault (a caller without a model also accepts the fault's article for another "
                        + "model): recall@1 %.3f, recall@3 %.3f, MRR %.3f%n", lucene.faultRecall1(), lucene.faultRecall3(),
                lucene.faultMrr());
        System.out.printf(Locale.ROOT, "previous engine's SQL (pg_trgm, JDBC): recall@1 %.3f, recall@3 %.3f, MRR %.3f, "
                        + "p50 %.1f ms, p99 %.1f ms%n", trigram.recall1(), trigram.recall3(), trigram.mrr(), ms(trigram, 50),
                ms(trigram, 99));
        String articlesLabel = String.format(Locale.ROOT, "%,d articles", total);
        return List.of(
                new BenchResult(NAME, "recall@1, " + articlesLabel, lucene.recall1(), "", "pg_trgm SQL", trigram.recall1(), false),
                new BenchResult(NAME, "recall@3, " + articlesLabel, lucene.recall3(), "", "pg_trgm SQL", trigram.recall3(), false),
                new BenchResult(NAME, "MRR, " + articlesLabel, lucene.mrr(), "", "pg_trgm SQL", trigram.mrr(), false),
                new BenchResult(NAME, "recall@3 by fault, " + articlesLabel, lucene.faultRecall3(), "", "pg_trgm SQL by fault",
                        trigram.faultRecall3(), false),
                new BenchResult(NAME, "search p50, gateway", ms(lucene, 50), "ms", "pg_trgm SQL p50 (JDBC)", ms(trigram, 50), true),
                new BenchResult(NAME, "search p99, gateway", ms(lucene, 99), "ms", "pg_trgm SQL p99 (JDBC)", ms(trigram, 99), true));
    }

    interface Search {
        List<String> ids(Phrasing p) throws Exception;
    }

    private Ranked rank(List<Phrasing> phrasings, Map<String, String> idByKey, Search search) throws Exception {
        int one = 0;
        int three = 0;
        double reciprocal = 0;
        int faultOne = 0;
        int faultThree = 0;
        double faultReciprocal = 0;
        long[] nanos = new long[phrasings.size()];
        for (int i = 0; i < phrasings.size(); i++) {
            Phrasing p = phrasings.get(i);
            long t0 = System.nanoTime();
            List<String> ids = search.ids(p);
            nanos[i] = System.nanoTime() - t0;
            int rank = ids.indexOf(idByKey.get(p.expected())) + 1;
            one += rank == 1 ? 1 : 0;
            three += rank >= 1 && rank <= 3 ? 1 : 0;
            reciprocal += rank == 0 ? 0 : 1.0 / rank;
            int faultRank = 0;
            for (int j = 0; j < ids.size() && faultRank == 0; j++) {
                if (ids.get(j).equals(idByKey.get(p.expected()))
                        || p.model() == null && p.expected().equals(variantOf.get(ids.get(j)))) {
                    faultRank = j + 1;
                }
            }
            faultOne += faultRank == 1 ? 1 : 0;
            faultThree += faultRank >= 1 && faultRank <= 3 ? 1 : 0;
            faultReciprocal += faultRank == 0 ? 0 : 1.0 / faultRank;
        }
        int n = phrasings.size();
        return new Ranked((double) one / n, (double) three / n, reciprocal / n, nanos, (double) faultOne / n,
                (double) faultThree / n, faultReciprocal / n);
    }

    private static Ranked merge(List<Ranked> rounds) {
        Ranked last = rounds.get(rounds.size() - 1);
        long[] all = rounds.stream().flatMapToLong(r -> Arrays.stream(r.nanos())).toArray();
        return new Ranked(last.recall1(), last.recall3(), last.mrr(), all, last.faultRecall1(), last.faultRecall3(),
                last.faultMrr());
    }

    private static double ms(Ranked r, int percentile) {
        long[] sorted = r.nanos().clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1_000_000.0;
    }

    private List<String> search(String gateway, Phrasing p, Map<String, String> categoryByKey) throws Exception {
        String url = gateway + "/api/knowledge-articles/search?limit=10&q=" + URLEncoder.encode(p.text(), StandardCharsets.UTF_8)
                + (p.model() == null ? "" : "&model=" + URLEncoder.encode(p.model(), StandardCharsets.UTF_8)
                + "&category=" + categoryByKey.get(p.expected()));
        HttpResponse<String> response = send("GET", url, null, "AGENT");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("search failed: HTTP " + response.statusCode() + " " + response.body());
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode hit : json.readTree(response.body())) {
            ids.add(hit.path("article").path("id").asString());
        }
        return ids;
    }

    /** The search of the previous engine (pg_trgm), as its repository ran it. */
    private static List<String> trigram(Connection db, Phrasing p, Map<String, String> categoryByKey) throws Exception {
        try (PreparedStatement threshold = db.prepareStatement("select set_config('pg_trgm.word_similarity_threshold', '0.3', false)")) {
            threshold.execute();
        }
        String category = p.model() == null ? null : categoryByKey.get(p.expected());
        try (PreparedStatement q = db.prepareStatement("""
                select id from (
                    select a.id, word_similarity(?, a.search_text) as similarity, (a.model is not null and a.model = ?) as model_match,
                           solved_count, not_solved_count
                    from knowledge_article a
                    where a.status = 'PUBLISHED' and (cast(? as text) is null or a.category = ?)
                      and (cast(? as text) is null or a.model is null or a.model = ?)
                      and ? <% a.search_text
                ) hits
                where similarity >= 0.3
                order by similarity + case when model_match then 0.2 else 0 end
                         + 0.1 * coalesce(solved_count::float8 / nullif(solved_count + not_solved_count, 0), 0) desc, id
                limit 10""")) {
            String text = p.text().toLowerCase(Locale.ROOT);
            q.setString(1, text);
            q.setString(2, p.model());
            q.setString(3, category);
            q.setString(4, category);
            q.setString(5, p.model());
            q.setString(6, p.model());
            q.setString(7, text);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    /**
     * Writes {@code count} variants of the articles in one transaction with the next index revision; returns a word
     * only the last variant carries (to see when the index has them).
     */
    private static String variants(String jdbcUrl, JsonNode articles, int count, Random random, Map<String, String> variantOf)
            throws Exception {
        List<JsonNode> base = new ArrayList<>();
        articles.forEach(base::add);
        String marker = "bench" + Long.toString(Math.abs(random.nextLong()), 36);
        try (Connection db = DriverManager.getConnection(jdbcUrl, "ticket", "ticket")) {
            db.setAutoCommit(false);
            long revision;
            try (PreparedStatement next = db.prepareStatement(
                    "update knowledge_index_state set revision = revision + 1 where id = 1 returning revision");
                 ResultSet rs = next.executeQuery()) {
                rs.next();
                revision = rs.getLong(1);
            }
            Instant now = Instant.now();
            try (PreparedStatement insert = db.prepareStatement("""
                    insert into knowledge_article (id, model, category, fault_code, title, symptoms, cause, fix_steps, language,
                                                   status, source, created_at, updated_at, revision)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PUBLISHED', 'AGENT', ?, ?, ?)""")) {
                for (int i = 0; i < count; i++) {
                    JsonNode a = base.get(i % base.size());
                    JsonNode sibling = base.get(random.nextInt(base.size()));
                    for (int tries = 0; tries < 20 && !sibling.path("category").asString().equals(a.path("category").asString()); tries++) {
                        sibling = base.get(random.nextInt(base.size()));
                    }
                    String model = PREFIX[random.nextInt(PREFIX.length)] + (100 + random.nextInt(900)) + "-"
                            + (char) ('A' + random.nextInt(26)) + (10 + random.nextInt(90));
                    List<String> clauses = new ArrayList<>(List.of(a.path("symptoms").asString().split("[，,；;]")));
                    Collections.shuffle(clauses, random);
                    clauses.add(sibling.path("symptoms").asString().split("[，,；;]")[0]);
                    String title = a.path("title").asString() + " (" + model + (i == count - 1 ? " " + marker : "") + ")";
                    UUID id = UUID.randomUUID();
                    variantOf.put(id.toString(), a.path("key").asString());
                    insert.setObject(1, id);
                    insert.setString(2, model);
                    insert.setString(3, a.path("category").asString());
                    insert.setString(4, a.path("faultCode").isNull() ? null : a.path("faultCode").asString());
                    insert.setString(5, title);
                    insert.setString(6, String.join("，", clauses));
                    insert.setString(7, a.path("cause").asString());
                    insert.setString(8, a.path("fixSteps").asString());
                    insert.setString(9, a.path("language").asString());
                    insert.setTimestamp(10, Timestamp.from(now));
                    insert.setTimestamp(11, Timestamp.from(now));
                    insert.setLong(12, revision);
                    insert.addBatch();
                    if (i % 500 == 499) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            db.commit();
        }
        return marker;
    }

    private void awaitIndexed(String gateway, String marker) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        long start = System.nanoTime();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = send("GET", gateway + "/api/knowledge-articles/search?limit=1&q=" + marker, null, "AGENT");
            if (r.statusCode() == 200 && r.body().contains(marker)) {
                System.out.printf(Locale.ROOT, "variants indexed %.1f s after their commit%n", (System.nanoTime() - start) / 1e9);
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("ticket-service did not index the variants within 3 minutes");
    }

    private HttpResponse<String> send(String method, String url, String body, String role) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        SharedPlatform.bearer(role).ifPresent(token -> request.header("Authorization", "Bearer " + token));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static List<Phrasing> phrasings(Path tsv) throws Exception {
        List<Phrasing> phrasings = new ArrayList<>();
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            phrasings.add(new Phrasing(cells[0].strip(), cells[1].strip().equals("-") ? null : cells[1].strip(), cells[2].strip()));
        }
        return phrasings;
    }
}
