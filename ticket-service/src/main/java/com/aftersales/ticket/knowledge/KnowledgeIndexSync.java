package com.aftersales.ticket.knowledge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * Keeps this instance's {@link KnowledgeIndex} equal to PostgreSQL. At start it builds the index from the database;
 * then it polls {@code knowledge_index_state} (one row, one primary-key read) every {@code index-poll-interval}:
 * a higher {@code vocabulary_revision} rebuilds the whole index with the new vocabulary, a higher {@code revision}
 * re-reads only the articles stamped above the revision it has applied (a change on any instance). A change made
 * through this instance is applied right after its transaction commits, so its writer reads it back at once.
 * Polling was chosen over LISTEN/NOTIFY: it needs no dedicated connection, survives a database restart without
 * re-subscribing, and misses nothing while an instance is down.
 */
@Component
class KnowledgeIndexSync {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeIndexSync.class);

    private final KnowledgeIndex index;
    private final KnowledgeRepository articles;
    private final VocabularyRepository vocabulary;
    private final TransactionTemplate readOnly;
    private long appliedRevision = -1;
    private long appliedVocabularyRevision = -1;

    KnowledgeIndexSync(KnowledgeIndex index, KnowledgeRepository articles, VocabularyRepository vocabulary,
                       PlatformTransactionManager transactions) {
        this.index = index;
        this.articles = articles;
        this.vocabulary = vocabulary;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        refresh();
    }

    @Scheduled(fixedDelayString = "${aftersales.ticket.knowledge.index-poll-interval}",
            initialDelayString = "${aftersales.ticket.knowledge.index-poll-interval}")
    void poll() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("Knowledge index not refreshed, next poll retries: {}", e.toString());
        }
    }

    /** Applies what changed since the last refresh; safe to call from any thread. */
    synchronized void refresh() {
        readOnly.executeWithoutResult(tx -> {
            KnowledgeRepository.IndexState state = articles.indexState();
            if (state.vocabularyRevision() != appliedVocabularyRevision || appliedRevision < 0) {
                Vocabulary words = new Vocabulary(vocabulary.all().stream().map(VocabularyRepository.Row::group).toList());
                List<KnowledgeArticle> published = articles.published();
                index.rebuild(words, published);
                appliedVocabularyRevision = state.vocabularyRevision();
                appliedRevision = state.revision();
                log.info("Knowledge index built: {} published articles, {} vocabulary groups, revision {}",
                        published.size(), words.groups().size(), state.revision());
            } else if (state.revision() > appliedRevision) {
                index.apply(articles.changedSince(appliedRevision));
                appliedRevision = state.revision();
            }
        });
    }

    /** Refreshes this instance's index once the current transaction has committed (its writer reads its change). */
    void afterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    refresh();
                }
            });
        } else {
            refresh();
        }
    }
}
