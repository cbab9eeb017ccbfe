package com.finlens.watchlist;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;

/** One DART filing in a user's feed, with whether that user has read it. */
public record Filing(long id, String rceptNo, String companyKey, String companyName, String reportName, String filer,
                     LocalDate receivedOn, boolean unread) {

    static final String VIEWER = "https://dart.fss.or.kr/dsaf001/main.do?rcpNo=";

    public String url() {
        return VIEWER + rceptNo;
    }

    public JsonObject toJson() {
        return new JsonObject().put("rceptNo", rceptNo).put("companyKey", companyKey).put("companyName", companyName)
                .put("reportName", reportName).put("filer", filer).put("receivedOn", receivedOn.toString())
                .put("url", url()).put("unread", unread);
    }
}
