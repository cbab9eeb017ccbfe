package com.finlens.market.api;

import com.finlens.market.MarketCompany;
import com.finlens.market.MarketResult;
import com.finlens.market.Provenance;
import com.finlens.market.SourceFailure;
import com.finlens.market.SourcePages;
import com.finlens.market.SourcesTried;
import com.finlens.platform.http.ApiException;
import com.finlens.platform.view.Messages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each section of a company page got its figures and how fresh they are, in the reader's language
 * ("KRX · 2024-01-05 종가 · 오프라인 자료 (2025-06-19 기록)"), with a link to the source's own page; and, when a source
 * failed, one friendly line with the technical details behind a disclosure. Problem types and failure kinds map
 * to message keys (health.problem.*, health.kind.*), so no backend sentence reaches the page.
 */
final class DataHealth {

    /** A section of the company page; its name picks the section noun (health.section.*). */
    enum Section { PRICES, LATEST, FILINGS, FINANCIALS }

    /** How the DART adapter records a report's as-of: "FY2024 11011 (사업보고서 (annual))". */
    private static final Pattern DART_REPORT = Pattern.compile("FY(\\d{4}) (1101[1-4])");

    private final Messages messages;
    private final String lang;
    private final MarketCompany company;

    DataHealth(Messages messages, String lang, MarketCompany company) {
        this.messages = messages;
        this.lang = lang;
        this.company = company;
    }

    /** One line per source that answered, plus the sources that really failed while others answered. */
    Map<String, Object> of(MarketResult<?> result, Section section, String receiptNo) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Provenance p : result.provenance()) {
            if (section == Section.LATEST && p.endpoint() != null && p.endpoint().contains("company.json")) {
                continue; // the registry entry names the company, not the price
            }
            Kind kind = Kind.of(p);
            Map<String, Object> line = new HashMap<>();
            List<String> parts = new ArrayList<>(List.of(text("health.source." + kind.key), asOf(p, section)));
            if (p.snapshotRecordedOn() != null) {
                parts.add(text("health.offline", p.snapshotRecordedOn().toString()));
            }
            line.put("text", String.join(" · ", parts));
            line.put("href", link(kind, section, receiptNo));
            line.put("linkText", text(linkKey(kind, section, receiptNo)));
            lines.add(line);
        }
        List<SourceFailure> failed = result.sourcesFailed().stream().filter(f -> !SourcesTried.absent(f)).toList();
        Map<String, Object> health = new HashMap<>();
        health.put("lines", lines);
        if (!failed.isEmpty()) {
            health.put("problem", Map.of("summary", text("health.partial", reasons(failed)),
                    "details", details(failed)));
        }
        return health;
    }

    /** The friendly line for a section none of whose sources answered, with the details on demand. */
    Map<String, Object> failure(Throwable failure, Section section) {
        String noun = text("health.section." + section.name().toLowerCase());
        List<SourceFailure> failures = failure instanceof SourcesTried tried ? tried.failures() : List.of();
        String type = failure instanceof ApiException api ? api.type() : "";
        String summary = switch (type) {
            case "market-data-unavailable", "market-data-not-found" -> failures.isEmpty()
                    ? text("health.problem.default", noun) : text("health.problem." + type, noun, reasons(failures));
            case "not-found" -> text("health.problem.not-found", noun);
            default -> text("health.problem.default", noun);
        };
        Map<String, Object> health = new HashMap<>();
        health.put("lines", List.of());
        health.put("problem", Map.of("summary", summary, "details", details(failures)));
        return health;
    }

    private String reasons(List<SourceFailure> failures) {
        return String.join(", ", failures.stream().map(f -> text("health.short." + shortKey(f.source()))
                + " " + text(kindKey(f.kind()))).distinct().toList());
    }

    private List<Map<String, String>> details(List<SourceFailure> failures) {
        return failures.stream().map(f -> Map.of("source", text("health.short." + shortKey(f.source())),
                "kind", text(kindKey(f.kind())), "endpoint", f.endpoint() == null ? "" : f.endpoint())).toList();
    }

    private String asOf(Provenance p, Section section) {
        String asOf = p.asOf() == null ? "" : p.asOf();
        if (section == Section.FILINGS) {
            return text("health.asOf", p.snapshotRecordedOn() != null ? p.snapshotRecordedOn().toString()
                    : lastDay(asOf));
        }
        if (section == Section.FINANCIALS) {
            if (asOf.startsWith("FY ending ")) {
                return text("health.fiscalYear", asOf.substring("FY ending ".length()));
            }
            Matcher report = DART_REPORT.matcher(asOf);
            return report.lookingAt() ? text("health.report", report.group(1), text("fin.report." + report.group(2)))
                    : text("health.filedReport");
        }
        if (asOf.contains("..")) {
            String[] days = asOf.split("\\.\\.");
            return text("health.closes", days[0], days[1]);
        }
        return text("health.close", lastDay(asOf));
    }

    /** "2025-02-25..2025-05-26" -> 2025-05-26; "2025-10-29T20:00:01Z" -> 2025-10-29. */
    private static String lastDay(String asOf) {
        String last = asOf.contains("..") ? asOf.substring(asOf.indexOf("..") + 2) : asOf;
        return last.length() > 10 && last.charAt(10) == 'T' ? last.substring(0, 10) : last;
    }

    private String link(Kind kind, Section section, String receiptNo) {
        return switch (kind) {
            case KRX, PYKRX -> SourcePages.KRX_DAILY_PRICES;
            case YAHOO, YFINANCE -> company.yahooSymbol() == null ? null
                    : SourcePages.yahooQuote(company.yahooSymbol())
                    + (section == Section.FINANCIALS ? "/financials" : section == Section.PRICES ? "/history" : "");
            case DART -> receiptNo != null ? SourcePages.dartViewer(receiptNo) : SourcePages.dartCompany(company.name());
            case OTHER -> null;
        };
    }

    private static String linkKey(Kind kind, Section section, String receiptNo) {
        return switch (kind) {
            case KRX, PYKRX -> "health.link.krx";
            case YAHOO, YFINANCE -> "health.link.yahoo";
            case DART -> receiptNo != null ? "health.link.dartReport" : "health.link.dart";
            case OTHER -> "health.link.none";
        };
    }

    private static String shortKey(String source) {
        return switch (source == null ? "" : source) {
            case "krx", "dart", "yahoo" -> source;
            default -> "other";
        };
    }

    private static String kindKey(String kind) {
        return switch (kind == null ? "" : kind) {
            case "UNAUTHORIZED", "RATE_LIMITED", "LOGIN_WALL", "NOT_FOUND", "INVALID_REQUEST", "UNAVAILABLE",
                 "BAD_RESPONSE", "NOT_IN_SNAPSHOT", "CIRCUIT_OPEN" -> "health.kind." + kind;
            default -> "health.kind.other";
        };
    }

    private String text(String key, Object... args) {
        return messages.get(lang, key, args);
    }

    /** Which source a provenance entry names: a system, or one of the bundled dataset exports. */
    private enum Kind {
        KRX("krx"), DART("dart"), YAHOO("yahoo"), PYKRX("pykrx"), YFINANCE("yfinance"), OTHER("other");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        static Kind of(Provenance p) {
            String endpoint = p.endpoint() == null ? "" : p.endpoint();
            if (endpoint.startsWith("datasets/pykrx")) {
                return PYKRX;
            }
            if (endpoint.startsWith("datasets/yfinance")) {
                return YFINANCE;
            }
            return switch (p.source()) {
                case "krx" -> KRX;
                case "dart" -> DART;
                case "yahoo" -> YAHOO;
                default -> OTHER;
            };
        }
    }
}
