package com.finlens.assistant.pipeline;

import com.finlens.assistant.answer.Question;
import com.finlens.assistant.answer.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Everything gathered for one answer, with citation ids assigned in a fixed order (facts, then passages):
 * S1, S2 ... The page context is kept apart: it is untrusted and never cited as a source.
 */
public final class Evidence {

    public record CitedFact(String id, CompanyRef company, Fact fact) {
    }

    public record CitedPassage(String id, EvidencePassage passage) {
    }

    /** What one step found for one company, before ids are assigned. */
    record CompanyFacts(CompanyRef company, FactKind kind, FactLookup lookup) {

        CompanyFacts(CompanyRef company, List<Fact> facts) {
            this(company, FactKind.FINANCIALS, FactLookup.of(facts));
        }

        List<Fact> facts() {
            return lookup.facts();
        }
    }

    private final List<CitedFact> facts;
    private final List<CitedPassage> passages;
    private final Question.PageContext page;
    private final List<String> missingSteps;
    private final List<CompanyFacts> lookups;

    private Evidence(List<CitedFact> facts, List<CitedPassage> passages, Question.PageContext page,
                     List<String> missingSteps, List<CompanyFacts> lookups) {
        this.lookups = List.copyOf(lookups);
        this.facts = List.copyOf(facts);
        this.passages = List.copyOf(passages);
        this.page = page;
        this.missingSteps = List.copyOf(missingSteps);
    }

    static Evidence assemble(List<CompanyFacts> companyFacts, List<EvidencePassage> found, Question.PageContext page,
                             List<String> missingSteps) {
        List<CitedFact> cited = new ArrayList<>();
        for (CompanyFacts group : companyFacts) {
            for (Fact fact : group.facts()) {
                cited.add(new CitedFact("S" + (cited.size() + 1), group.company(), fact));
            }
        }
        List<CitedPassage> citedPassages = new ArrayList<>();
        for (EvidencePassage passage : found) {
            citedPassages.add(new CitedPassage("S" + (cited.size() + citedPassages.size() + 1), passage));
        }
        return new Evidence(cited, citedPassages, page == null || page.isEmpty() ? null : page, missingSteps,
                companyFacts);
    }

    /** The sources one step searched for one company (empty when the step did not run for it). */
    public List<FactLookup.Searched> searched(CompanyRef company, FactKind kind) {
        return lookups.stream().filter(l -> l.company().equals(company) && l.kind() == kind)
                .flatMap(l -> l.lookup().searched().stream()).toList();
    }

    /** The companies the gathering steps looked up, in question order. */
    public List<CompanyRef> companies() {
        return lookups.stream().map(CompanyFacts::company).distinct().toList();
    }

    /** True when the step for this kind ran for this company (it may have found nothing). */
    public boolean looked(CompanyRef company, FactKind kind) {
        return lookups.stream().anyMatch(l -> l.company().equals(company) && l.kind() == kind);
    }

    public List<CitedFact> facts() {
        return facts;
    }

    public List<CitedPassage> passages() {
        return passages;
    }

    /** The page context the user sent, or null. */
    public Question.PageContext page() {
        return page;
    }

    /** Names of the gathering steps that failed or timed out ("price", "passages" ...). */
    public List<String> missingSteps() {
        return missingSteps;
    }

    public boolean isEmpty() {
        return facts.isEmpty() && passages.isEmpty();
    }

    /** The sources with the given citation ids, in citation order; all of them when {@code ids} is empty. */
    public List<SourceRef> sources(Set<String> ids) {
        List<SourceRef> refs = new ArrayList<>();
        for (CitedFact f : facts) {
            if (ids.isEmpty() || ids.contains(f.id())) {
                Fact fact = f.fact();
                String title = f.company().name() + " · " + fact.label() + (fact.period() == null ? "" : " · " + fact.period());
                refs.add(new SourceRef(f.id(), title, fact.sourceSystem(), fact.url(), fact.asOf()));
            }
        }
        for (CitedPassage p : passages) {
            if (ids.isEmpty() || ids.contains(p.id())) {
                EvidencePassage passage = p.passage();
                String title = passage.documentTitle() + (passage.position() == null ? "" : " · " + passage.position());
                refs.add(new SourceRef(p.id(), title, passage.shared() ? "Shared disclosures" : "My documents",
                        passage.url(), null));
            }
        }
        return refs;
    }
}
