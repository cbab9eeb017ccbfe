package com.finlens.integration.dart;

import com.finlens.integration.upstream.UpstreamException;
import com.finlens.integration.upstream.UpstreamException.Kind;

/**
 * Open DART answers errors with HTTP 200 and a status/message envelope. "000" is success and "013"
 * ("조회된 데이타가 없습니다") means "no data", which is an answer, not a failure.
 */
public final class DartStatus {

    public static final String OK = "000";
    public static final String NO_DATA = "013";

    private DartStatus() {
    }

    public static boolean isAnswer(String status) {
        return OK.equals(status) || NO_DATA.equals(status);
    }

    /** The failure for any status other than 000/013. */
    public static UpstreamException failure(String status) {
        String s = status == null ? "?" : status;
        return switch (s) {
            case "010" -> fail(Kind.UNAUTHORIZED, s, "the DART API key is not registered");
            case "011" -> fail(Kind.UNAUTHORIZED, s, "the DART API key is suspended");
            case "012" -> fail(Kind.UNAUTHORIZED, s, "this server's IP address is not allowed for the DART key");
            case "901" -> fail(Kind.UNAUTHORIZED, s, "the DART key's account has expired");
            case "014" -> fail(Kind.NOT_FOUND, s, "DART has no such file");
            case "020" -> fail(Kind.RATE_LIMITED, s, "the DART daily request limit is exceeded");
            case "021" -> fail(Kind.INVALID_REQUEST, s, "too many companies in one DART request (max 100)");
            case "100" -> fail(Kind.INVALID_REQUEST, s, "DART rejected a field value");
            case "101" -> fail(Kind.UNAUTHORIZED, s, "DART refused the access");
            case "800" -> fail(Kind.UNAVAILABLE, s, "DART is down for maintenance");
            case "900" -> fail(Kind.UNAVAILABLE, s, "DART reported an undefined error");
            default -> fail(Kind.BAD_RESPONSE, s, "DART answered an unknown status");
        };
    }

    private static UpstreamException fail(Kind kind, String status, String message) {
        return new UpstreamException(DartClient.SYSTEM, kind, message + " (status " + status + ")");
    }
}
