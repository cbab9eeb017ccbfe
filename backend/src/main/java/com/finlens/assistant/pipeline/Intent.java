package com.finlens.assistant.pipeline;

/**
 * What a question asks for; a question can have several (e.g. a price and an opinion). CHANGE asks how a figure
 * moved between periods ("전년 대비", "grew").
 */
public enum Intent {
    PRICE, FINANCIALS, DISCLOSURES, COMPARISON, CHANGE, GENERAL_KNOWLEDGE, CLAIM_CHECK, ADVICE
}
