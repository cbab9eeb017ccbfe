package com.finlens.account.signin;

import com.finlens.platform.http.ApiException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where extension tokens may be sent: exactly https://<allow-listed id>.chromiumapp.org/<path>, nothing else. */
public final class ExtensionRedirects {

    /** No port, user info, query or fragment. */
    private static final Pattern REDIRECT =
            Pattern.compile("https://([a-p]{32})\\.chromiumapp\\.org/[A-Za-z0-9._~/-]{0,200}");

    private final List<String> allowedIds;

    public ExtensionRedirects(List<String> allowedIds) {
        this.allowedIds = List.copyOf(allowedIds);
    }

    /** The redirect URI when it is allowed; otherwise a 400 (shown as a page, never followed as a redirect). */
    public String require(String redirectUri) {
        Matcher m = redirectUri == null ? null : REDIRECT.matcher(redirectUri);
        if (m == null || !m.matches() || !allowedIds.contains(m.group(1))) {
            throw new ApiException(400, "invalid-redirect-uri", "Unknown extension",
                    "This sign-in request did not come from an allowed Finlens extension.");
        }
        return redirectUri;
    }

    /** The origin of an allowed redirect URI ({@code https://<id>.chromiumapp.org}), for the form page's CSP. */
    public static String origin(String allowedRedirectUri) {
        return allowedRedirectUri.substring(0, allowedRedirectUri.indexOf(".chromiumapp.org/") + ".chromiumapp.org".length());
    }
}
