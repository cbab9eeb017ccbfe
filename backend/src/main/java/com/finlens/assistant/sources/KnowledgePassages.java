package com.finlens.assistant.sources;

import com.finlens.assistant.pipeline.EvidencePassage;
import com.finlens.assistant.pipeline.PassageRetriever;
import com.finlens.knowledge.KnowledgeService;
import io.vertx.core.Future;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The assistant's view of retrieval: the knowledge feature's scoped hybrid search. */
public final class KnowledgePassages implements PassageRetriever {

    private final KnowledgeService knowledge;

    public KnowledgePassages(KnowledgeService knowledge) {
        this.knowledge = knowledge;
    }

    @Override
    public Future<List<EvidencePassage>> search(long userId, String query, int k) {
        String bounded = query.length() > KnowledgeService.MAX_QUERY_CHARS
                ? query.substring(0, KnowledgeService.MAX_QUERY_CHARS) : query;
        Set<String> terms = terms(bounded);
        return knowledge.search(userId, bounded, k).map(hits -> hits.stream()
                .filter(h -> sharesTerm(terms, h.title() + " " + h.text()))
                .map(h -> new EvidencePassage(Long.toString(h.documentId()), h.title(), "chunk " + (h.position() + 1),
                        h.sourceUrl(), h.text(), h.score()))
                .toList());
    }

    /**
     * Hybrid search always returns its k nearest chunks, related or not (the in-jar vector model knows no Korean).
     * An answer only quotes passages that share at least one real word with the question.
     */
    static boolean sharesTerm(Set<String> terms, String passage) {
        String text = passage.toLowerCase(Locale.ROOT);
        return terms.stream().anyMatch(text::contains);
    }

    static Set<String> terms(String query) {
        Set<String> terms = new HashSet<>();
        for (String word : query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && Character.isDigit(word.charAt(0))) {
                String digits = word.replaceAll("\\D.*", "");
                if (digits.length() >= 3) {
                    terms.add(digits);
                }
                continue;
            }
            boolean hangul = word.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL);
            // Korean words carry particles (삼성전자의, 공시와): compare their first two syllables.
            String stem = hangul && word.length() > 2 ? word.substring(0, 2) : word;
            if (hangul ? stem.length() >= 2 : word.length() >= 3 && !STOP.contains(word)) {
                terms.add(stem);
            }
        }
        return terms;
    }

    private static final Set<String> STOP = Set.of("the", "and", "for", "how", "what", "did", "does", "was", "were",
            "are", "last", "year", "with", "from", "about", "tell", "show", "this", "that", "which", "when", "why");
}
