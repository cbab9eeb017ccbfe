package com.finlens.knowledge.ingest;

import java.util.Locale;
import java.util.Optional;

/** The document formats ingestion understands, recognised by media type or file name. */
public enum SourceFormat {
    TEXT, MARKDOWN, HTML, PDF;

    public static Optional<SourceFormat> ofMediaType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "text/plain" -> Optional.of(TEXT);
            case "text/markdown", "text/x-markdown" -> Optional.of(MARKDOWN);
            case "text/html", "application/xhtml+xml" -> Optional.of(HTML);
            case "application/pdf" -> Optional.of(PDF);
            default -> Optional.empty();
        };
    }

    public static Optional<SourceFormat> ofFileName(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".txt")) {
            return Optional.of(TEXT);
        }
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return Optional.of(MARKDOWN);
        }
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return Optional.of(HTML);
        }
        if (name.endsWith(".pdf")) {
            return Optional.of(PDF);
        }
        return Optional.empty();
    }
}
