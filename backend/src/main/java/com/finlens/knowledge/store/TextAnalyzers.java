package com.finlens.knowledge.store;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/**
 * Text is indexed twice: Nori splits Korean into morphemes (so "마이그레이션을" matches "마이그레이션"), the English
 * analyzer stems English words. A query is analysed both ways and matched against both fields.
 */
final class TextAnalyzers {

    static final String KOREAN_FIELD = "text_ko";
    static final String ENGLISH_FIELD = "text_en";

    private TextAnalyzers() {
    }

    static Analyzer perField() {
        return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(), Map.of(KOREAN_FIELD, new KoreanAnalyzer()));
    }
}
