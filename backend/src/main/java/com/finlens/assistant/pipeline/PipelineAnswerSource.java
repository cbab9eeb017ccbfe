package com.finlens.assistant.pipeline;

import com.finlens.assistant.answer.AnswerEvent;
import com.finlens.assistant.answer.AnswerOutcome;
import com.finlens.assistant.answer.AnswerSink;
import com.finlens.assistant.answer.AnswerSource;
import com.finlens.assistant.answer.Cancellation;
import com.finlens.assistant.answer.Question;
import com.finlens.assistant.answer.SourceRef;
import com.finlens.assistant.llm.Generation;
import com.finlens.assistant.llm.LlmErrors;
import com.finlens.assistant.llm.LlmRouter;
import com.finlens.assistant.usage.AnswerQuota;
import com.finlens.assistant.usage.QuotaTicket;
import com.finlens.assistant.usage.UsageRecord;
import com.finlens.integration.llm.LlmException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The assistant's answer pipeline: understand the question (language, intents, companies), gather facts and
 * passages in parallel, then answer with a language model through the {@link LlmRouter} (or, with no provider
 * configured, the offline composer), check every number against the evidence and end with the sources.
 * Claims are checked against primary-source figures without a model; ambiguous company names are put to the user.
 */
public final class PipelineAnswerSource implements AnswerSource {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineAnswerSource.class);
    private static final Pattern CITATION = Pattern.compile("\\[(S\\d+(?:\\s*,\\s*S\\d+)*)]");

    private final Vertx vertx;
    private final CompanyLookup companies;
    private final LlmRouter router;
    private final AnswerQuota quota;
    private final PipelineConfig config;
    private final QuestionAnalyzer analyzer = new QuestionAnalyzer();
    private final Gatherer gatherer;
    private final PromptBuilder prompts;
    private final OfflineComposer offline = new OfflineComposer();
    private final ClaimChecker claims = new ClaimChecker();

    public PipelineAnswerSource(Vertx vertx, CompanyLookup companies, MarketFacts market, PassageRetriever passages,
                                LlmRouter router, AnswerQuota quota, PipelineConfig config) {
        this.vertx = vertx;
        this.companies = companies;
        this.router = router;
        this.quota = quota;
        this.config = config;
        this.gatherer = new Gatherer(vertx, market, passages, config);
        this.prompts = new PromptBuilder(config);
    }

    @Override
    public Future<AnswerOutcome> answer(Question question, AnswerSink sink, Cancellation cancellation) {
        QuestionAnalysis analysis = analyzer.analyze(question);
        Texts texts = new Texts(analysis.language());
        sink.step("understand", texts.step("understand"), "started");
        sink.step("understand", texts.step("understand"), "done");
        return resolve(question.text(), sink, texts).compose(found -> {
            Question.PageContext page = question.pageContext();
            // "이 회사 영업이익은?": the company is in the text the user selected on the page
            boolean fromSelection = found.companies().isEmpty() && found.ambiguities().isEmpty() && page != null
                    && page.selection() != null && !page.selection().isBlank();
            return fromSelection ? resolve(page.selection(), sink, texts) : Future.succeededFuture(found);
        }).map(found -> found.choosing(question.companyKey())).compose(matches -> {
            if (!matches.ambiguities().isEmpty()) {
                return chooseCompany(matches.ambiguities().get(0), analysis, sink);
            }
            return gatherer.gather(question, analysis, matches.companies(), sink).compose(evidence -> {
                offerChart(analysis, matches.companies(), evidence, sink);
                if (analysis.has(Intent.CLAIM_CHECK)) {
                    return checkClaim(question, analysis, evidence, sink, cancellation);
                }
                if (router.hasProviders()) {
                    return viaModel(question, analysis, evidence, sink, cancellation);
                }
                return composeOffline(analysis, matches.companies(), evidence, sink, cancellation);
            });
        });
    }

    /**
     * A question about one company's price gets its chart, up to the last day of the prices found, when the
     * evidence holds closes of at least two days (one day is no series to draw).
     */
    private static void offerChart(QuestionAnalysis analysis, List<CompanyRef> companies, Evidence evidence,
                                   AnswerSink sink) {
        if (!analysis.has(Intent.PRICE) || companies.size() != 1) {
            return;
        }
        CompanyRef company = companies.get(0);
        List<String> days = evidence.facts().stream()
                .filter(f -> f.company().equals(company) && "close".equals(f.fact().metric()) && f.fact().period() != null)
                .map(f -> f.fact().period()).distinct().sorted().toList();
        if (days.size() >= 2) {
            sink.emit(new AnswerEvent.PriceChart(company.key(), company.name(), days.get(days.size() - 1)));
        }
    }

    private Future<CompanyMatches> resolve(String text, AnswerSink sink, Texts texts) {
        sink.step("resolve", texts.step("resolve"), "started");
        return Gatherer.within(vertx, Gatherer.call(() -> companies.resolve(text)), config.stepTimeout())
                .onSuccess(m -> sink.step("resolve", texts.step("resolve"), "done"))
                .recover(e -> {
                    LOG.warn("company lookup failed: {}", e.toString());
                    sink.step("resolve", texts.step("resolve"), "failed");
                    return Future.succeededFuture(CompanyMatches.NONE);
                });
    }

    private Future<AnswerOutcome> chooseCompany(CompanyMatches.Ambiguity ambiguity, QuestionAnalysis analysis,
                                                AnswerSink sink) {
        String ask = new Texts(analysis.language()).chooseCompany(ambiguity.mention());
        sink.emit(new AnswerEvent.ChooseCompany(ambiguity.mention(), ask, ambiguity.candidates().stream()
                .map(c -> new AnswerEvent.ChooseCompany.Candidate(c.key(), c.name(), c.ticker(), c.market()))
                .toList()));
        sink.token(ask);
        sink.sources(List.of());
        return Future.succeededFuture(new AnswerOutcome(ask, List.of(), List.of(),
                metadata("choose-company", analysis, "completed")));
    }

    private Future<AnswerOutcome> viaModel(Question question, QuestionAnalysis analysis, Evidence evidence,
                                           AnswerSink sink, Cancellation cancellation) {
        Texts texts = new Texts(analysis.language());
        return quota.reserve(question.userId(), question.conversationId()).compose(ticket -> {
            sink.step("generate", texts.step("generate"), "started");
            return router.generate(prompts.build(question, analysis, evidence), sink::token, cancellation)
                    .recover(e -> refund(ticket, "provider-failed").compose(v -> Future.failedFuture(
                            e instanceof LlmException llm ? LlmErrors.toApiException(llm) : e)))
                    .compose(generation -> afterGeneration(generation, ticket, analysis, evidence, sink, texts));
        });
    }

    private Future<AnswerOutcome> afterGeneration(Generation generation, QuotaTicket ticket, QuestionAnalysis analysis,
                                                  Evidence evidence, AnswerSink sink, Texts texts) {
        String status = switch (generation.ending()) {
            case COMPLETED -> "completed";
            case CUT_OFF -> "cut_off";
            case CANCELLED -> "cancelled";
        };
        Future<Void> accounted = quota.settle(ticket, usage(status, generation))
                .recover(e -> {
                    LOG.warn("could not record LLM usage: {}", e.toString());
                    return Future.succeededFuture();
                });
        JsonObject metadata = metadata("model", analysis, status).put("llm", generation.toJson());
        if (generation.ending() == Generation.Ending.CUT_OFF) {
            // Never start a second answer silently: say it broke, mark it failed, give the quota back.
            sink.token("\n\n" + texts.cutOff());
            sink.step("generate", texts.step("generate"), "failed");
            return accounted.compose(v -> refund(ticket, "cut-off"))
                    .compose(v -> Future.failedFuture(LlmErrors.toApiException(new LlmException(
                            LlmException.Kind.INTERRUPTED, generation.provider(), "stream broke mid-answer"))));
        }
        if (generation.ending() == Generation.Ending.CANCELLED) {
            return accounted.map(v -> new AnswerOutcome(generation.text(), evidence.sources(citations(generation.text())),
                    List.of(), metadata));
        }
        sink.step("generate", texts.step("generate"), "done");
        String notes = OfflineComposer.gaps(analysis, evidence, texts) + notes(analysis, evidence, texts);
        if (!notes.isEmpty()) {
            sink.token(notes);
        }
        String text = generation.text() + notes;
        return accounted.map(v -> finish(text, evidence, List.of(), analysis, sink, metadata));
    }

    private Future<AnswerOutcome> composeOffline(QuestionAnalysis analysis, List<CompanyRef> found, Evidence evidence,
                                                 AnswerSink sink, Cancellation cancellation) {
        Texts texts = new Texts(analysis.language());
        sink.step("generate", texts.step("generate"), "started");
        String text = offline.compose(analysis, found, evidence) + adviceNote(analysis, texts);
        return TokenStreamer.stream(vertx, text, sink, cancellation).map(sent -> {
            if (cancellation.isCancelled()) {
                return new AnswerOutcome(sent, evidence.sources(citations(sent)), List.of(),
                        metadata("offline", analysis, "cancelled"));
            }
            sink.step("generate", texts.step("generate"), "done");
            return finish(sent, evidence, List.of(), analysis, sink, metadata("offline", analysis, "completed"));
        });
    }

    /** The claim is the question's text: the client asked for a check explicitly ({@code "mode": "claim-check"}). */
    private Future<AnswerOutcome> checkClaim(Question question, QuestionAnalysis analysis, Evidence evidence,
                                             AnswerSink sink, Cancellation cancellation) {
        Texts texts = new Texts(analysis.language());
        String claim = question.text();
        sink.step("claim", texts.step("claim"), "started");
        ClaimChecker.Result result = claims.check(claim, evidence);
        sink.emit(result.toEvent());
        sink.step("claim", texts.step("claim"), "done");
        String text = claims.explain(result, claim, texts) + notes(analysis, evidence, texts);
        return TokenStreamer.stream(vertx, text, sink, cancellation).map(sent -> cancellation.isCancelled()
                ? new AnswerOutcome(sent, List.of(), List.of(), metadata("claim-check", analysis, "cancelled"))
                : finish(sent, evidence, List.of(claim), analysis, sink, metadata("claim-check", analysis, "completed")
                        .put("claim", result.toJson())));
    }

    /** Number check, then the sources; shared by every path that finished its text. */
    private AnswerOutcome finish(String text, Evidence evidence, List<String> quoted, QuestionAnalysis analysis,
                                 AnswerSink sink, JsonObject metadata) {
        Texts texts = new Texts(analysis.language());
        sink.step("check", texts.step("check"), "started");
        NumberCheck.Result checked = new NumberCheck(evidence, quoted).check(text);
        sink.emit(checked.toEvent());
        sink.step("check", texts.step("check"), "done");
        List<SourceRef> sources = evidence.sources(citations(text)).stream()
                .map(s -> new SourceRef(s.id(), texts.source(s.title()), texts.source(s.system()), s.url(), s.asOf()))
                .toList();
        sink.sources(sources);
        // The companies the answer is about, so a client can offer to watch them.
        JsonArray companies = new JsonArray();
        evidence.companies().forEach(c -> companies.add(new JsonObject().put("key", c.key()).put("name", c.name())
                .put("ticker", c.ticker())));
        metadata.put("companies", companies);
        if (!evidence.missingSteps().isEmpty()) {
            // A source was down (Weaviate, a market API): the answer stands, marked as made without it.
            metadata.put("degraded", new io.vertx.core.json.JsonArray(List.copyOf(evidence.missingSteps())));
        }
        return new AnswerOutcome(text, sources, checked.unmatched(), metadata.put("numberCheck", checked.toJson()));
    }

    private static String notes(QuestionAnalysis analysis, Evidence evidence, Texts texts) {
        String missing = evidence.missingSteps().isEmpty() ? "" : "\n\n" + texts.missing(evidence.missingSteps());
        return missing + adviceNote(analysis, texts);
    }

    private static String adviceNote(QuestionAnalysis analysis, Texts texts) {
        return analysis.has(Intent.ADVICE) ? "\n\n" + texts.adviceNotice() : "";
    }

    private Future<Void> refund(QuotaTicket ticket, String reason) {
        return quota.refund(ticket, reason).recover(e -> {
            LOG.warn("could not refund answer quota: {}", e.toString());
            return Future.succeededFuture();
        });
    }

    private static Set<String> citations(String text) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = CITATION.matcher(text);
        while (m.find()) {
            for (String id : m.group(1).split(",")) {
                ids.add(id.trim());
            }
        }
        return ids;
    }

    private static UsageRecord usage(String status, Generation g) {
        return new UsageRecord(status, g.provider(), g.model(), g.usage().promptTokens(), g.usage().completionTokens(),
                g.usage().reported(), g.firstTokenMillis(), g.totalMillis(), g.costUsd());
    }

    private static JsonObject metadata(String mode, QuestionAnalysis analysis, String status) {
        JsonArray intents = new JsonArray();
        analysis.intents().forEach(i -> intents.add(i.name().toLowerCase()));
        return new JsonObject().put("mode", mode).put("outcome", status)
                .put("language", analysis.language().name().toLowerCase()).put("intents", intents);
    }
}
