package com.finlens.knowledge;

import com.finlens.knowledge.ingest.SourceFormat;

/** Where a job gets the document's text from. */
sealed interface DocumentSource {

    record Text(String title, String text) implements DocumentSource {
    }

    record Bytes(String fileName, SourceFormat format, byte[] bytes) implements DocumentSource {
    }

    record Url(String url) implements DocumentSource {
    }
}
