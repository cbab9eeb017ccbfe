package com.finlens.assistant.pipeline;

import com.finlens.platform.format.AmountFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Every sentence the pipeline writes itself, in Korean and English, so an answer never mixes languages. */
final class Texts {

    // Compiled once: source labels are translated for every source of every answer.
    private static final Pattern KOREAN_BEFORE_ENGLISH = Pattern.compile("[가-힣]+ / ([a-z][a-z .]*[a-z.])");
    private static final Pattern RECORDED = Pattern.compile(
            "\\((?:offline data recorded|bundled snapshot recorded(?: on)?) (\\S+)\\)");
    private static final Pattern CHUNK = Pattern.compile("\\bchunk (\\d+)");
    private static final Pattern KOREAN_THEN_ENGLISH = Pattern.compile("([가-힣]+) / [a-z][a-z .]*[a-z.]");
    private static final Pattern AS_OF = Pattern.compile("offline data as of (\\S+)");

    private static final Map<String, String[]> STEPS = Map.of(
            "understand", new String[] {"질문 이해", "Understanding the question"},
            "resolve", new String[] {"회사 찾기", "Finding companies"},
            "price", new String[] {"주가 조회", "Fetching prices"},
            "financials", new String[] {"재무제표 조회", "Fetching financial statements"},
            "disclosures", new String[] {"공시 조회", "Fetching disclosures"},
            "passages", new String[] {"문서 검색", "Searching your documents"},
            "page", new String[] {"페이지 선택 내용 확인", "Reading the page selection"},
            "generate", new String[] {"답변 작성", "Writing the answer"},
            "check", new String[] {"숫자 검증", "Checking the numbers"},
            "claim", new String[] {"주장 검증", "Checking the claim"});

    private static final Map<String, String[]> MISSING = Map.of(
            "price", new String[] {"주가", "prices"},
            "financials", new String[] {"재무제표", "financial statements"},
            "disclosures", new String[] {"공시", "disclosures"},
            "passages", new String[] {"문서 검색 결과", "document search results"});

    private static final Map<String, String[]> METRICS = Map.ofEntries(
            Map.entry("price", new String[] {"주가", "Share price"}),
            Map.entry("close", new String[] {"종가", "Closing price"}),
            Map.entry("volume", new String[] {"거래량", "Trading volume"}),
            Map.entry("market_cap", new String[] {"시가총액", "Market cap"}),
            Map.entry("total_equity", new String[] {"자본총계", "Total equity"}),
            Map.entry("revenue", new String[] {"매출액", "Revenue"}),
            Map.entry("operating_income", new String[] {"영업이익", "Operating income"}),
            Map.entry("net_income", new String[] {"당기순이익", "Net income"}),
            Map.entry("total_assets", new String[] {"자산총계", "Total assets"}),
            Map.entry("total_liabilities", new String[] {"부채총계", "Total liabilities"}),
            Map.entry("disclosure", new String[] {"공시", "Filing"}));

    private final Language language;

    Texts(Language language) {
        this.language = language;
    }

    private String pick(String ko, String en) {
        return language == Language.KO ? ko : en;
    }

    private String pick(String[] pair) {
        return pair[language == Language.KO ? 0 : 1];
    }

    String step(String name) {
        return pick(STEPS.get(name));
    }

    /** The source's own label when we have no translation (it is data, shown as such). */
    String metric(Fact fact) {
        String[] pair = METRICS.get(fact.metric());
        return pair == null ? fact.label() : pick(pair);
    }

    String offlineHeader() {
        return pick("[오프라인 요약 · 언어 모델 없이 자료에서 바로 작성했습니다]",
                "[Offline summary · no language model; composed directly from the data]");
    }

    String factsIntro(String companies) {
        return companies.isEmpty() ? pick("찾은 자료입니다.", "Here is what the data says.")
                : pick(companies + " 관련 자료입니다.", "Here is what the data says about " + companies + ".");
    }

    String passagesIntro() {
        return pick("내 문서에서:", "From your documents:");
    }

    String sharedPassagesIntro() {
        return pick("공시 자료에서:", "From filings (shared corpus):");
    }

    String nothingFoundFor(String companies) {
        return pick(companies + "에 대해 이 질문에 답할 자료를 찾지 못했습니다.",
                "I found no data on " + companies + " to answer this.");
    }

    /** A figure the data does not have: for whom, which period, every source searched and which failed. */
    String notInData(String company, Metric metric, String period, List<FactLookup.Searched> searched,
                     List<String> have, boolean looked) {
        StringBuilder s = new StringBuilder(pick(
                "자료에 " + company + "의 " + period + " " + metric.label(Language.KO) + " 항목이 없습니다",
                "The data has no " + metric.label(Language.EN).toLowerCase(java.util.Locale.ROOT) + " for " + company
                        + " for " + period));
        if (!searched.isEmpty()) {
            s.append(pick(" (찾아본 곳: ", " (searched: "));
            s.append(String.join("; ", searched.stream().map(x -> source(x.source() + " " + x.what())
                    + (x.failure() == null ? "" : " — " + failure(x.failure()))).distinct().toList()));
            s.append(')');
        } else if (!looked) {
            s.append(pick(" (해당 자료를 가져오지 못했습니다)", " (that data could not be retrieved)"));
        }
        s.append('.');
        if (!have.isEmpty()) {
            s.append(pick(" 자료에 있는 항목: ", " The data does have: ")).append(String.join(", ", have)).append('.');
        }
        return s.toString();
    }

    /**
     * A source label as the market adapter writes it (language-neutral English), in the answer's language: "(offline
     * data recorded 2026-02-17)" becomes "(오프라인 자료, 2026-02-17 기록)" in Korean, report names lose the other language.
     */
    String source(String label) {
        if (label == null) {
            return null;
        }
        if (language == Language.EN) {
            return KOREAN_BEFORE_ENGLISH.matcher(label).replaceAll("$1")
                    .replace("사업보고서 (annual)", "annual report").replace("반기보고서 (half-year)", "half-year report")
                    .replace("1분기보고서 (Q1)", "Q1 report").replace("3분기보고서 (Q3)", "Q3 report");
        }
        String korean = RECORDED.matcher(label).replaceAll("(오프라인 자료, $1 기록)")
                .replace("Shared disclosures", "공유 공시 자료").replace("My documents", "내 자료");
        korean = CHUNK.matcher(korean).replaceAll("문단 $1");
        korean = KOREAN_THEN_ENGLISH.matcher(korean).replaceAll("$1");
        return AS_OF.matcher(korean).replaceAll("오프라인 자료 $1 기준")
                .replace("pykrx export, adjusted prices", "pykrx 내보내기 자료·수정주가")
                .replace("yfinance export, dividend-adjusted prices", "yfinance 내보내기 자료·배당 반영 수정주가")
                .replace("사업보고서 (annual)", "사업보고서").replace("반기보고서 (half-year)", "반기보고서")
                .replace("1분기보고서 (Q1)", "1분기보고서").replace("3분기보고서 (Q3)", "3분기보고서")
                .replace("latest ", "최근 ").replace(" filings", " 공시");
    }

    /** A figure's exact text; in English, won and shares are written as units rather than Korean counters. */
    String value(Fact fact) {
        String v = fact.value();
        if (language == Language.EN && v != null) {
            if (v.endsWith("원")) {
                return v.substring(0, v.length() - 1) + " KRW";
            }
            if (v.endsWith("주")) {
                return v.substring(0, v.length() - 1) + " shares";
            }
        }
        return v;
    }

    /** Why a source gave nothing; only a real failure is called one. */
    private String failure(String kind) {
        return switch (kind) {
            case "NOT_IN_SNAPSHOT" -> pick("오프라인 자료에 없음", "not in the offline data");
            case "NOT_FOUND" -> pick("해당 자료 없음", "has no such data");
            case "NOT_COVERED" -> pick("다루지 않는 자료", "not covered by this source");
            default -> pick("실패 (", "failed (") + kind + ")";
        };
    }

    /** The period a question named, as the answer repeats it. */
    String period(PeriodAsk p) {
        if (p.date() != null) {
            return p.date().toString();
        }
        String years = String.join(", ", p.years().stream().map(String::valueOf).toList());
        String part = p.quarter() != null ? pick(" " + p.quarter() + "분기", " Q" + p.quarter())
                : p.half() != null ? pick(p.half() == 1 ? " 상반기" : " 하반기", p.half() == 1 ? " H1" : " H2") : "";
        if (!years.isEmpty()) {
            return pick(years + "년" + part, "FY" + years + part);
        }
        if (p.yearsBack() != null) {
            String rel = switch (p.yearsBack()) {
                case 0 -> pick("올해", "this year");
                case 1 -> pick("작년", "last year");
                default -> pick("재작년", "two years ago");
            };
            return rel + part;
        }
        return part.isEmpty() ? pick("최근", "the latest period") : pick("최근" + part, "the latest" + part);
    }

    String latestInOfflineData(String day) {
        return pick("오프라인 자료의 마지막 거래일은 " + day + "입니다 (오늘 시세가 아닙니다).",
                "The offline data ends on " + day + ": this is not today's price.");
    }

    String pageIntro() {
        return pick("보고 계신 페이지에서 선택한 내용(검증되지 않은 자료):", "The text you selected on the page (unverified):");
    }

    String nothingFound() {
        return pick("이 질문에 답할 자료를 찾지 못했습니다. 회사 이름이나 기간을 더 구체적으로 알려 주세요.",
                "I found no data to answer this. Please name the company or the period more precisely.");
    }

    /** Numbers as the pages write them, in the answer's language. */
    AmountFormat numbers() {
        return AmountFormat.of(language == Language.KO ? "ko" : "en");
    }

    String about() {
        return pick("약 ", "about ");
    }

    String missing(List<String> stepNames) {
        List<String> names = stepNames.stream().map(n -> pick(MISSING.getOrDefault(n, new String[] {n, n}))).toList();
        return pick("참고: 다음 정보는 가져오지 못해 답변에 반영하지 못했습니다: " + String.join(", ", names) + ".",
                "Note: these could not be retrieved, so the answer does not include them: "
                        + String.join(", ", names) + ".");
    }

    String adviceNotice() {
        return pick("※ 이 답변은 정보 제공용이며 투자 권유나 매매 추천이 아닙니다. 투자 판단은 본인의 책임입니다.",
                "Note: this is information, not investment advice. Investment decisions are your own.");
    }

    String cutOff() {
        return pick("[답변이 중간에 끊겼습니다. 언어 모델 연결이 끊어졌으니 다시 질문해 주세요.]",
                "[The answer was cut off: the language model connection broke. Please ask again.]");
    }

    String chooseCompany(String mention) {
        return pick("'" + mention + "'에 해당하는 회사가 여러 곳입니다. 어느 회사를 말씀하시는지 골라 주세요.",
                "'" + mention + "' matches several companies. Which one do you mean?");
    }

    String claimSupported(String metric, String claimed, String actual, String period) {
        return pick("주장이 원천 자료와 일치합니다. " + metric + " 변화율은 " + actual + "입니다 (" + period + ", 주장: " + claimed + ").",
                "The claim is supported by the primary source. " + metric + " changed by " + actual + " (" + period
                        + "; claimed: " + claimed + ").");
    }

    String claimContradicted(String metric, String claimed, String actual, String period) {
        return pick("주장이 원천 자료와 다릅니다. 주장은 " + claimed + "이지만, " + metric + " 실제 변화율은 " + actual + "입니다 ("
                        + period + ").",
                "The claim is contradicted by the primary source. It says " + claimed + ", but " + metric
                        + " actually changed by " + actual + " (" + period + ").");
    }

    String claimFigureSupported(String metric, String period, String value, String claimed) {
        return pick("주장이 원천 자료와 일치합니다. 원천 자료의 수치: " + metric + "(" + period + ") " + value + " (주장: " + claimed + ").",
                "The claim is supported by the primary source. " + metric + " for " + period + " is " + value
                        + " (claimed: " + claimed + ").");
    }

    String claimFigureContradicted(String metric, String period, String value, String claimed) {
        return pick("주장이 원천 자료와 다릅니다. 주장은 " + claimed + "이지만, 원천 자료의 수치는 " + metric + "(" + period + ") "
                        + value + "입니다.",
                "The claim is contradicted by the primary source. It says " + claimed + ", but " + metric + " for "
                        + period + " is " + value + ".");
    }

    String claimUnverifiable() {
        return pick("원천 자료로 이 주장을 확인할 수 없습니다. 주장이 말하는 회사와 지표의 수치(금액, 또는 비교할 두 기간)를 찾지 못했습니다.",
                "This claim cannot be verified from primary sources: I found no figure for the company and metric it"
                        + " names (an amount, or two periods to compare).");
    }

    String figures(String metric, String previousPeriod, String previous, String currentPeriod, String current) {
        return metric + ": " + previousPeriod + " " + previous + " → " + currentPeriod + " " + current;
    }
}
