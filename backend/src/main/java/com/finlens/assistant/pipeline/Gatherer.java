package com.finlens.assistant.pipeline;

import com.finlens.assistant.answer.AnswerSink;
import com.finlens.assistant.answer.Question;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers market facts, passages and page context in parallel, each step under its own deadline. A failed step
 * is reported as a {@code step} event with status "failed" and listed in {@link Evidence#missingSteps()}; the
 * answer goes on with the rest.
 */
final class Gatherer {

    private static final Logger LOG = LoggerFactory.getLogger(Gatherer.class);
    private static final Map<FactKind, String> STEP_NAMES = Map.of(
            FactKind.PRICE, "price", FactKind.FINANCIALS, "financials", FactKind.DISCLOSURES, "disclosures");

    private final Vertx vertx;
    private final MarketFacts market;
    private final PassageRetriever retriever;
    private final PipelineConfig config;

    Gatherer(Vertx vertx, MarketFacts market, PassageRetriever retriever, PipelineConfig config) {
        this.vertx = vertx;
        this.market = market;
        this.retriever = retriever;
        this.config = config;
    }

    Future<Evidence> gather(Question question, QuestionAnalysis analysis, List<CompanyRef> companies, AnswerSink sink) {
        Texts texts = new Texts(analysis.language());
        List<FactKind> kinds = kindsFor(analysis, companies);
        List<Future<List<Evidence.CompanyFacts>>> factSteps = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (FactKind kind : kinds) {
            String step = STEP_NAMES.get(kind);
            factSteps.add(step(step, texts, sink, missing, () -> factsOfAll(companies, kind, analysis.period())));
        }
        Future<List<EvidencePassage>> passages = config.passageCount() == 0 ? Future.succeededFuture(List.of())
                : step("passages", texts, sink, missing,
                        () -> retriever.search(question.userId(), question.text(), config.passageCount()));
        Question.PageContext page = question.pageContext();
        if (page != null && !page.isEmpty()) {
            sink.step("page", texts.step("page"), "started");
            sink.step("page", texts.step("page"), "done");
        }
        List<Future<?>> all = new ArrayList<>(factSteps);
        all.add(passages);
        return Future.join(all).otherwiseEmpty().map(v -> {
            List<Evidence.CompanyFacts> facts = new ArrayList<>();
            for (FactKind kind : FactKind.values()) {
                int index = kinds.indexOf(kind);
                if (index >= 0 && factSteps.get(index).succeeded()) {
                    facts.addAll(factSteps.get(index).result());
                }
            }
            facts.sort((a, b) -> Integer.compare(companies.indexOf(a.company()), companies.indexOf(b.company())));
            List<EvidencePassage> found = passages.succeeded() ? passages.result() : List.of();
            synchronized (missing) {
                return Evidence.assemble(facts, found, page, missing);
            }
        });
    }

    private static List<FactKind> kindsFor(QuestionAnalysis analysis, List<CompanyRef> companies) {
        List<FactKind> kinds = new ArrayList<>();
        if (companies.isEmpty()) {
            return kinds;
        }
        if (analysis.specific() && !analysis.has(Intent.CLAIM_CHECK)) {
            // only what was asked: a price question does not fetch statements, and the reverse
            for (Metric m : analysis.metrics()) {
                if (!kinds.contains(m.kind())) {
                    kinds.add(m.kind());
                }
            }
            return kinds;
        }
        boolean broad = analysis.has(Intent.GENERAL_KNOWLEDGE) || analysis.has(Intent.COMPARISON)
                || analysis.has(Intent.ADVICE);
        if (analysis.has(Intent.PRICE) || broad) {
            kinds.add(FactKind.PRICE);
        }
        if (analysis.has(Intent.FINANCIALS) || analysis.has(Intent.CLAIM_CHECK) || broad) {
            kinds.add(FactKind.FINANCIALS);
        }
        if (analysis.has(Intent.DISCLOSURES)) {
            kinds.add(FactKind.DISCLOSURES);
        }
        return kinds;
    }

    /** One step: facts of every company; fails only when every company failed. */
    private Future<List<Evidence.CompanyFacts>> factsOfAll(List<CompanyRef> companies, FactKind kind,
                                                          PeriodAsk period) {
        List<Future<Evidence.CompanyFacts>> calls = companies.stream()
                .map(c -> call(() -> market.lookup(c, kind, period))
                        .map(found -> new Evidence.CompanyFacts(c, kind, found)))
                .toList();
        return Future.join(calls).otherwiseEmpty().compose(v -> {
            List<Evidence.CompanyFacts> ok = calls.stream().filter(Future::succeeded).map(Future::result).toList();
            if (ok.isEmpty() && !calls.isEmpty()) {
                return Future.failedFuture(calls.get(0).cause());
            }
            return Future.succeededFuture(ok);
        });
    }

    private <T> Future<T> step(String name, Texts texts, AnswerSink sink, List<String> missing,
                               Supplier<Future<T>> work) {
        sink.step(name, texts.step(name), "started");
        return within(vertx, call(work), config.stepTimeout())
                .onSuccess(r -> sink.step(name, texts.step(name), "done"))
                .onFailure(e -> {
                    LOG.warn("assistant step {} failed: {}", name, e.toString());
                    synchronized (missing) {
                        missing.add(name);
                    }
                    sink.step(name, texts.step(name), "failed");
                });
    }

    static <T> Future<T> call(Supplier<Future<T>> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    /** Fails with a TimeoutException when {@code future} takes longer than {@code limit}. */
    static <T> Future<T> within(Vertx vertx, Future<T> future, Duration limit) {
        Promise<T> promise = Promise.promise();
        long timer = vertx.setTimer(Math.max(1, limit.toMillis()),
                t -> promise.tryFail(new TimeoutException("step took longer than " + limit)));
        future.onComplete(ar -> {
            vertx.cancelTimer(timer);
            if (ar.succeeded()) {
                promise.tryComplete(ar.result());
            } else {
                promise.tryFail(ar.cause());
            }
        });
        return promise.future();
    }
}
