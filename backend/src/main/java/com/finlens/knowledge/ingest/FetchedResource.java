package com.finlens.knowledge.ingest;

/** A fetched body with the URL it finally came from (after redirects) and its format. */
public record FetchedResource(String url, SourceFormat format, byte[] body) {
}
