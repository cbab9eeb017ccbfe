package com.finlens.assistant.sources;

import com.finlens.knowledge.KnowledgeService;
import com.finlens.market.Disclosure;
import com.finlens.market.MarketCompany;
import com.finlens.platform.db.OwnContext;
import io.vertx.core.Promise;
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

    private final OwnContext ownContext;
    private final KnowledgeService knowledge;

    public SharedDisclosures(OwnContext ownContext, KnowledgeService knowledge) {
        this.ownContext = ownContext;
        this.knowledge = knowledge;
    }

    /**
     * Market results may complete on a worker thread, and this background work must never share a database session
     * with the request that triggered it, so it runs on a context of its own; the disclosures are ingested one after
     * another.
     */
    public void remember(MarketCompany company, List<Disclosure> disclosures) {
        ownContext.run(() -> {
            Promise<Void> all = Promise.promise();
            ingest(company, disclosures, 0, all);
            return all.future();
        });
    }

    private void ingest(MarketCompany company, List<Disclosure> disclosures, int index, Promise<Void> all) {
        if (index >= disclosures.size()) {
            all.complete();
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
                    .onComplete(done -> ingest(company, disclosures, index + 1, all));
        }
    }
}
