package com.finlens.assistant.pipeline;

import java.math.BigDecimal;

/**
 * One figure or filing with its provenance, as the market feature returns it.
 * <ul>
 *   <li>{@code metric}: a stable key such as "price", "revenue", "operating_income", "net_income", "disclosure";
 *       facts of the same metric and company in different periods let the pipeline compute changes</li>
 *   <li>{@code label}: the source's own name for it (e.g. DART "영업이익", Yahoo "totalRevenue")</li>
 *   <li>{@code value}: display text; {@code number}/{@code unit}: the exact value (null for a filing) and
 *       its unit or currency ("KRW", "USD", "%", "shares")</li>
 *   <li>{@code period}: what it covers, sortable within one metric (e.g. "2019 Q1" before "2020 Q1")</li>
 *   <li>{@code sourceSystem}, {@code endpoint}, {@code url}, {@code asOf}: where it came from and when</li>
 * </ul>
 */
public record Fact(String metric, String label, String value, BigDecimal number, String unit, String period,
                   String sourceSystem, String endpoint, String url, String asOf) {
}
