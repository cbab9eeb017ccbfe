package com.finlens.knowledge.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs whole sentences into chunks of at most {@code maxChars}, each chunk starting with the last sentence of
 * the previous one (one sentence of overlap) when that still fits, so an answer spanning a boundary is found in one
 * piece. A sentence longer than the limit is cut at spaces, never inside a word; only a single "word" longer
 * than the limit (a long URL, a run of CJK text without spaces) is cut at the limit.
 */
public final class Chunker {

    public static final int DEFAULT_MAX_CHARS = 800;

    private final int maxChars;

    public Chunker(int maxChars) {
        if (maxChars < 50) {
            throw new IllegalArgumentException("chunks under 50 characters carry too little context");
        }
        this.maxChars = maxChars;
    }

    public Chunker() {
        this(DEFAULT_MAX_CHARS);
    }

    public int maxChars() {
        return maxChars;
    }

    public List<String> chunk(String text) {
        List<String> pieces = new ArrayList<>();
        for (String sentence : SentenceSplitter.split(text)) {
            pieces.addAll(fit(sentence));
        }
        List<String> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int length = 0;
        for (String piece : pieces) {
            int added = length == 0 ? piece.length() : length + 1 + piece.length();
            if (added > maxChars && !current.isEmpty()) {
                chunks.add(String.join(" ", current));
                String overlap = current.get(current.size() - 1);
                current = new ArrayList<>();
                length = 0;
                if (overlap.length() + 1 + piece.length() <= maxChars) {
                    current.add(overlap);
                    length = overlap.length();
                }
                added = length == 0 ? piece.length() : length + 1 + piece.length();
            }
            current.add(piece);
            length = added;
        }
        if (!current.isEmpty()) {
            chunks.add(String.join(" ", current));
        }
        return chunks;
    }

    /** A sentence as pieces of at most maxChars, cut at spaces. */
    private List<String> fit(String sentence) {
        if (sentence.length() <= maxChars) {
            return List.of(sentence);
        }
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (String word : sentence.split(" ")) {
            while (word.length() > maxChars) {
                flush(pieces, piece);
                pieces.add(word.substring(0, maxChars));
                word = word.substring(maxChars);
            }
            if (piece.length() > 0 && piece.length() + 1 + word.length() > maxChars) {
                flush(pieces, piece);
            }
            if (piece.length() > 0) {
                piece.append(' ');
            }
            piece.append(word);
        }
        flush(pieces, piece);
        return pieces;
    }

    private static void flush(List<String> pieces, StringBuilder piece) {
        if (piece.length() > 0) {
            pieces.add(piece.toString());
            piece.setLength(0);
        }
    }
}
