package com.finlens.assistant.pipeline;

/** What a question asks for; a question can have several (e.g. a price and an opinion). */
public enum Intent {
    PRICE, FINANCIALS, DISCLOSURES, COMPARISON, GENERAL_KNOWLEDGE, CLAIM_CHECK, ADVICE
}
