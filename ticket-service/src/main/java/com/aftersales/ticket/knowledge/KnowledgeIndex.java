package com.aftersales.ticket.knowledge;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.TypeTokenFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleBiFunction;

/**
 * The in-memory Lucene index of the published articles (PostgreSQL stays the source of truth; see
 * {@link KnowledgeIndexSync}). Each article is indexed five ways and searched with BM25 over all of them:
 * <ul>
 *   <li>{@code concept}: the groups of the domain {@link Vocabulary} its text speaks of, and its category;</li>
 *   <li>{@code code}: error codes in its text and its fault code, as exact tokens ({@link ErrorCodes});</li>
 *   <li>{@code zh}: Chinese words (smartcn's HMM segmentation; Latin words lower-cased and Porter-stemmed);</li>
 *   <li>{@code bi}: overlapping CJK character bigrams, which match where the segmentation of a colloquial phrase and
 *       of the article differ;</li>
 *   <li>{@code en}: English words, possessives and stop words removed, Porter-stemmed.</li>
 * </ul>
 * The query is analysed the same way; each field has its weight. A hit must cover at least {@code minCoverage} of
 * the query's weighted terms, so unrelated text finds nothing. Thread-safe: searches run on a snapshot that a
 * rebuild replaces atomically.
 */
@Component
final class KnowledgeIndex implements AutoCloseable {

    static final String ID = "id";
    static final String CONCEPT = "concept";
    static final String CODE = "code";
    static final String ZH = "zh";
    static final String BI = "bi";
    static final String EN = "en";
    static final String CATEGORY = "category";
    static final String LANGUAGE = "language";


    /** Field weights of the query. */
    record Weights(double concept, double code, double zh, double bi, double en) {
        double of(String field) {
            return switch (field) {
                case CONCEPT -> concept;
                case CODE -> code;
                case ZH -> zh;
                case BI -> bi;
                case EN -> en;
                default -> 0;
            };
        }
    }

    /**
     * A ranked hit: BM25 score, relative to the best hit, the ranking score, and what of the query it matched.
     */
    record TextHit(KnowledgeArticle article, double bm25, double relevance, double score, double coverage,
                   List<String> concepts, List<String> codes, List<String> words) {
    }

    private record Snapshot(ByteBuffersDirectory directory, IndexWriter writer, SearcherManager searchers,
                            Map<UUID, KnowledgeArticle> articles, Vocabulary vocabulary) {
    }

    private final Analyzer analyzer = new PerFieldAnalyzerWrapper(new SmartChineseAnalyzer(),
            Map.of(BI, bigrams(), EN, english()));
    private volatile Snapshot current;

    KnowledgeIndex() {
        current = open(Vocabulary.EMPTY, List.of());
    }

    /** Replaces the whole index: a new vocabulary, or the first load. */
    synchronized void rebuild(Vocabulary vocabulary, Collection<KnowledgeArticle> published) {
        Snapshot old = current;
        current = open(vocabulary, published);
        closeQuietly(old);
    }

    /** Applies changed articles: published ones are (re)indexed, any other status leaves the index. */
    synchronized void apply(Collection<KnowledgeArticle> changed) {
        Snapshot s = current;
        try {
            for (KnowledgeArticle a : changed) {
                if (a.status() == ArticleStatus.PUBLISHED) {
                    s.writer().updateDocument(new Term(ID, a.id().toString()), document(a, s.vocabulary()));
                    s.articles().put(a.id(), a);
                } else {
                    s.writer().deleteDocuments(new Term(ID, a.id().toString()));
                    s.articles().remove(a.id());
                }
            }
            s.searchers().maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int size() {
        return current.articles().size();
    }

    Vocabulary vocabulary() {
        return current.vocabulary();
    }

    /**
     * Published articles matching the text: the best {@code candidates} by BM25 are ordered by {@code rank} (given the
     * article and its BM25 relative to the best hit), then taken in that order while each covers at least
     * {@code minCoverage} of the query, up to {@code limit}. What a hit matched is only worked out for the hits
     * returned.
     */
    List<TextHit> search(String text, String category, String language, Weights weights, double minCoverage,
                         int candidates, int limit, ToDoubleBiFunction<KnowledgeArticle, Double> rank) {
        Snapshot s = current;
        Map<String, Double> clauses = new LinkedHashMap<>();
        BooleanQuery.Builder should = new BooleanQuery.Builder();
        for (String concept : s.vocabulary().concepts(text)) {
            add(should, clauses, CONCEPT, concept, weights);
        }
        for (String code : ErrorCodes.in(text)) {
            add(should, clauses, CODE, code, weights);
        }
        String normalised = Vocabulary.normalise(text);
        for (String field : List.of(ZH, BI, EN)) {
            for (String term : terms(field, normalised)) {
                // Latin words are the English field's (stemmed, without stop words); the Chinese fields would count
                // "the" and "is" again and let any English article outrank the Chinese one a caller means.
                if (field.equals(EN) || !latin(term)) {
                    add(should, clauses, field, term, weights);
                }
            }
        }
        if (clauses.isEmpty()) {
            return List.of();
        }
        should.setMinimumNumberShouldMatch(1);
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(should.build(), BooleanClause.Occur.MUST);
        if (category != null) {
            query.add(new TermQuery(new Term(CATEGORY, category)), BooleanClause.Occur.FILTER);
        }
        if (language != null) {
            query.add(new TermQuery(new Term(LANGUAGE, language)), BooleanClause.Occur.FILTER);
        }
        Query q = query.build();
        try {
            IndexSearcher searcher = s.searchers().acquire();
            try {
                // Coverage counts only the query's words some article has: a word no article uses ("kick", "lunchtime")
                // says nothing about which article fits, and must not push the right one below the floor.
                double total = 0;
                for (Map.Entry<String, Double> clause : clauses.entrySet()) {
                    int colon = clause.getKey().indexOf(':');
                    if (searcher.getIndexReader().docFreq(new Term(clause.getKey().substring(0, colon),
                            clause.getKey().substring(colon + 1))) > 0) {
                        total += clause.getValue();
                    }
                }
                TopDocs top = searcher.search(q, candidates);
                if (top.scoreDocs.length == 0) {
                    return List.of();
                }
                double best = top.scoreDocs[0].score;
                List<Candidate> ranked = new ArrayList<>();
                for (ScoreDoc sd : top.scoreDocs) {
                    KnowledgeArticle article = s.articles().get(UUID.fromString(searcher.storedFields().document(sd.doc).get(ID)));
                    if (article != null) {
                        ranked.add(new Candidate(article, sd.doc, sd.score, rank.applyAsDouble(article, sd.score / best)));
                    }
                }
                ranked.sort(Comparator.comparingDouble(Candidate::score).reversed()
                        .thenComparing(c -> c.article().id()));
                List<TextHit> hits = new ArrayList<>();
                for (Candidate c : ranked) {
                    if (hits.size() >= limit) {
                        break;
                    }
                    Set<String> matched = matched(searcher.getIndexReader(), c.doc(), clauses.keySet());
                    double coverage = matched.stream().mapToDouble(t -> clauses.getOrDefault(t, 0.0)).sum() / total;
                    if (coverage >= minCoverage) {
                        hits.add(new TextHit(c.article(), c.bm25(), c.bm25() / best, c.score(), coverage,
                                termsOf(matched, CONCEPT), termsOf(matched, CODE), termsOf(matched, ZH)));
                    }
                }
                return hits;
            } finally {
                s.searchers().release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean latin(String term) {
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    private record Candidate(KnowledgeArticle article, int doc, double bm25, double score) {
    }

    private static void add(BooleanQuery.Builder query, Map<String, Double> clauses, String field, String term,
                            Weights weights) {
        double weight = weights.of(field);
        if (weight <= 0 || clauses.putIfAbsent(field + ":" + term, weight) != null
                || clauses.size() > IndexSearcher.getMaxClauseCount() / 2) {
            return;
        }
        query.add(new BoostQuery(new TermQuery(new Term(field, term)), (float) weight), BooleanClause.Occur.SHOULD);
    }

    /**
     * The query's clauses ({@code field:term}) the document contains, looked up in the postings: a few microseconds per
     * clause, where explaining the score of each hit cost milliseconds.
     */
    private static Set<String> matched(IndexReader reader, int doc, Collection<String> clauses) {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        int target = doc - leaf.docBase;
        Set<String> matched = new LinkedHashSet<>();
        try {
            for (String clause : clauses) {
                int colon = clause.indexOf(':');
                PostingsEnum postings = leaf.reader().postings(new Term(clause.substring(0, colon), clause.substring(colon + 1)),
                        PostingsEnum.NONE);
                if (postings != null && postings.advance(target) == target) {
                    matched.add(clause);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return matched;
    }

    private static List<String> termsOf(Set<String> matched, String field) {
        return matched.stream().filter(t -> t.startsWith(field + ":")).map(t -> t.substring(field.length() + 1)).toList();
    }

    /** The terms an analyzer makes of the text for a field. */
    List<String> terms(String field, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    private Snapshot open(Vocabulary vocabulary, Collection<KnowledgeArticle> published) {
        try {
            ByteBuffersDirectory directory = new ByteBuffersDirectory();
            IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
            Map<UUID, KnowledgeArticle> articles = new ConcurrentHashMap<>();
            for (KnowledgeArticle a : published) {
                if (a.status() == ArticleStatus.PUBLISHED) {
                    writer.addDocument(document(a, vocabulary));
                    articles.put(a.id(), a);
                }
            }
            writer.commit();
            return new Snapshot(directory, writer, new SearcherManager(writer, null), articles, vocabulary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document document(KnowledgeArticle a, Vocabulary vocabulary) {
        String text = Vocabulary.normalise(String.join(" ", a.title(), a.symptoms(), a.cause() == null ? "" : a.cause()));
        Document doc = new Document();
        doc.add(new StringField(ID, a.id().toString(), Field.Store.YES));
        doc.add(new StringField(CATEGORY, a.category(), Field.Store.NO));
        doc.add(new StringField(LANGUAGE, a.language(), Field.Store.NO));
        Set<String> concepts = new LinkedHashSet<>(vocabulary.concepts(text));
        concepts.add(a.category());
        concepts.forEach(c -> doc.add(new StringField(CONCEPT, c, Field.Store.NO)));
        Set<String> codes = new LinkedHashSet<>(ErrorCodes.in(text));
        if (a.faultCode() != null && !a.faultCode().isBlank()) {
            codes.add(ErrorCodes.normalise(a.faultCode()));
        }
        codes.forEach(c -> doc.add(new StringField(CODE, c, Field.Store.NO)));
        doc.add(new TextField(ZH, text, Field.Store.NO));
        doc.add(new TextField(BI, text, Field.Store.NO));
        doc.add(new TextField(EN, text, Field.Store.NO));
        return doc;
    }

    /** CJK bigrams only (single characters where a Han character stands alone); other tokens are left to zh/en. */
    private static Analyzer bigrams() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = new LowerCaseFilter(source);
                ts = new CJKBigramFilter(ts);
                ts = new TypeTokenFilter(ts, Set.of(CJKBigramFilter.DOUBLE_TYPE, CJKBigramFilter.SINGLE_TYPE), true);
                return new TokenStreamComponents(source, ts);
            }
        };
    }

    /** English words only (Han characters are left to zh/bi), stemmed. */
    private static Analyzer english() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = new EnglishPossessiveFilter(source);
                ts = new TypeTokenFilter(ts, Set.of("<ALPHANUM>", "<NUM>"), true);
                ts = new LowerCaseFilter(ts);
                ts = new StopFilter(ts, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                ts = new PorterStemFilter(ts);
                return new TokenStreamComponents(source, ts);
            }
        };
    }

    private static void closeQuietly(Snapshot s) {
        try {
            // The directory stays for searches still running on this snapshot; the collector takes it.
            s.searchers().close();
            s.writer().close();
        } catch (IOException ignored) {
            // An in-memory index being replaced: nothing to lose.
        }
    }

    @Override
    public void close() {
        closeQuietly(current);
    }
}
