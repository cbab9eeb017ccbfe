package com.finlens.integration.dart;

import java.time.LocalDate;

/** One filing from {@code list.json}; {@code remarks} carries DART's flags (유 = KOSPI, 코 = KOSDAQ, 정 = corrected ...). */
public record DartDisclosure(String corpCode, String corpName, String stockCode, String corpClass, String reportName,
                             String receiptNo, String filer, LocalDate receivedOn, String remarks) {

    public String viewerUrl() {
        return "https://dart.fss.or.kr/dsaf001/main.do?rcpNo=" + receiptNo;
    }
}
