package com.finlens.knowledge.ingest;

/** Plain text extracted from a source, with a title when the source has one (may be empty). */
public record ParsedDocument(String title, String text) {
}
