package com.finlens.knowledge.store;

/** Which signal ranks the results: BM25 keywords, vector similarity, or both fused. */
public enum SearchMode { KEYWORD, VECTOR, HYBRID }
