package com.finlens.knowledge.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into sentences for Korean and English. A sentence ends at {@code . ! ?} (and their full-width
 * forms, {@code 。}, the ellipsis) followed by whitespace, closing quotes or brackets allowed in between, or at a
 * paragraph break. Korean declaratives ("...했다.", "...입니다.") end with a period like English ones; a period
 * inside a number ("1,452.4") or an abbreviation without a following space does not end a sentence. A line break
 * inside a paragraph is only layout (PDF text, wrapped HTML) and becomes a space.
 */
public final class SentenceSplitter {

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");
    private static final Pattern SENTENCE_END = Pattern.compile(
            "(?:[.!?！？…]+|。)[\"'”’)\\]」』]*(?=\\s|$)|。(?=\\S)");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private SentenceSplitter() {
    }

    public static List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        for (String paragraph : PARAGRAPH_BREAK.split(text.replace("\r\n", "\n").replace('\r', '\n'))) {
            String flat = WHITESPACE.matcher(paragraph).replaceAll(" ").strip();
            if (flat.isEmpty()) {
                continue;
            }
            Matcher end = SENTENCE_END.matcher(flat);
            int start = 0;
            while (end.find()) {
                addIfPresent(sentences, flat.substring(start, end.end()));
                start = end.end();
            }
            addIfPresent(sentences, flat.substring(start));
        }
        return sentences;
    }

    private static void addIfPresent(List<String> sentences, String sentence) {
        String trimmed = sentence.strip();
        if (!trimmed.isEmpty()) {
            sentences.add(trimmed);
        }
    }
}
