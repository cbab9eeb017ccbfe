package com.finlens.assistant.sources;

import com.finlens.knowledge.KnowledgeService;
import com.finlens.market.MarketCompany;
import com.finlens.market.Disclosure;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds the DART disclosures of companies people ask about to the shared knowledge corpus, so later searches and
 * answers find them by content. Ingestion is idempotent (same text, same document) and runs in the background:
 * an answer never waits for it.
 */
public final class SharedDisclosures {

    private static final Logger LOG = LoggerFactory.getLogger(SharedDisclosures.class);

    private final Vertx vertx;
    private final KnowledgeService knowledge;

    public SharedDisclosures(Vertx vertx, KnowledgeService knowledge) {
        this.vertx = vertx;
        this.knowledge = knowledge;
    }

    /**
     * Market results may complete on a worker thread. Hibernate Reactive keeps its session in the Vert.x context,
     * so this background work gets a context of its own (a duplicate of an event-loop context) and never shares a
     * session with the request that triggered it; the disclosures are ingested one after another.
     */
    public void remember(MarketCompany company, List<Disclosure> disclosures) {
        ContextInternal own = ((ContextInternal) vertx.getOrCreateContext()).duplicate();
        own.runOnContext(v -> ingest(company, disclosures, 0));
    }

    private void ingest(MarketCompany company, List<Disclosure> disclosures, int index) {
        if (index >= disclosures.size()) {
            return;
        }
        {
            Disclosure d = disclosures.get(index);
            String title = company.name() + " · " + d.title() + " (" + d.receivedOn() + ")";
            String text = company.name() + " (" + (company.krxCode() == null ? "" : company.krxCode() + ", ")
                    + company.market() + ") 공시 / disclosure: " + d.title() + ". 접수일 / received: " + d.receivedOn()
                    + ". 제출인 / filer: " + d.filer() + ". 접수번호 / receipt no.: " + d.receiptNo() + ".";
            knowledge.ingestShared(title, text, d.url(), Map.of("source", "Open DART", "receiptNo", d.receiptNo(),
                            "krxCode", company.krxCode() == null ? "" : company.krxCode()))
                    .onFailure(e -> LOG.warn("Could not add disclosure {} to the shared corpus: {}", d.receiptNo(),
                            e.getMessage()))
                    .onComplete(done -> ingest(company, disclosures, index + 1));
        }
    }
}
