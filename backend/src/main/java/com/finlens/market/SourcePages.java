package com.finlens.market;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The page a person opens to check a figure at its source: the filing in the DART viewer, the quote on Yahoo
 * Finance, the KRX data portal's daily prices. Pages and cited answers link with these, so each source links to
 * its own site.
 */
public final class SourcePages {

    /** KRX 정보데이터시스템, 개별종목 시세 추이 (daily prices of one listed share; the portal has no per-code link). */
    public static final String KRX_DAILY_PRICES =
            "https://data.krx.co.kr/contents/MDC/MDI/mdiLoader/index.cmd?menuId=MDC0201020103";

    private SourcePages() {
    }

    /** The DART viewer page of a filing, by its receipt number (rcept_no). */
    public static String dartViewer(String receiptNo) {
        return "https://dart.fss.or.kr/dsaf001/main.do?rcpNo=" + receiptNo;
    }

    /** DART's company search, for a company's filings when no receipt number is known. */
    public static String dartCompany(String name) {
        return "https://dart.fss.or.kr/dsab007/main.do?option=corp&textCrpNm=" + URLEncoder.encode(name,
                StandardCharsets.UTF_8);
    }

    /** Yahoo Finance's quote page for a symbol, e.g. AAPL or 005930.KS. */
    public static String yahooQuote(String symbol) {
        return "https://finance.yahoo.com/quote/" + URLEncoder.encode(symbol, StandardCharsets.UTF_8);
    }
}
