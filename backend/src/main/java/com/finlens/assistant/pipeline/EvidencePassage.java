package com.finlens.assistant.pipeline;

/**
 * A retrieved piece of a document the user uploaded, or of the shared corpus of disclosures ({@code shared}).
 * {@code position} says where it is in the document ("p. 3", "chunk 12"); {@code url} opens the document there
 * when the knowledge feature has one.
 */
public record EvidencePassage(String documentId, String documentTitle, String position, String url, String text,
                      double score, boolean shared) {

    public EvidencePassage(String documentId, String documentTitle, String position, String url, String text, double score) {
        this(documentId, documentTitle, position, url, text, score, false);
    }
}
