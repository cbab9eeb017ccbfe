package com.finlens.platform.http;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one place that decides what "this machine" means: the name {@code localhost}, an IPv4 literal in
 * 127.0.0.0/8 and the IPv6 literal ::1. Nothing is resolved (a name such as {@code 127.example.com} could point
 * anywhere), so the answer depends on the text alone.
 */
public final class Loopback {

    private static final Pattern OCTET = Pattern.compile("25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9]");
    private static final Pattern IPV6_LOOPBACK = Pattern.compile(
            "(0{1,4}:){7}0{0,3}1|(0{1,4}:){1,6}:0{0,3}1|::0{0,3}1");

    private Loopback() {
    }

    /** A host as in a URL: {@code localhost}, {@code 127.0.0.1}, {@code [::1]} or {@code ::1}. */
    public static boolean isLoopbackHost(String host) {
        if (host == null) {
            return false;
        }
        // The names every local request uses, without a regex or an allocation (this runs on every request).
        if (host.equals("127.0.0.1") || host.equals("localhost")) {
            return true;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || IPV6_LOOPBACK.matcher(h).matches() || isIpv4Loopback(h);
    }

    /**
     * A Host header's value, {@code host[:port]}: {@code localhost:8080}, {@code 127.0.0.1}, {@code [::1]:8080}.
     * False for null or a value whose host part is not loopback.
     */
    public static boolean isLoopbackAuthority(String authority) {
        if (authority == null) {
            return false;
        }
        // Every local request's Host, without cutting out a substring (this runs on every request).
        if (authority.startsWith("127.0.0.1:") || authority.startsWith("localhost:")) {
            return true;
        }
        int end = authority.startsWith("[") ? authority.indexOf(']') + 1 : authority.indexOf(':');
        return isLoopbackHost(end < 0 ? authority : authority.substring(0, end));
    }

    private static boolean isIpv4Loopback(String h) {
        String[] octets = h.split("\\.", -1);
        if (octets.length != 4 || !octets[0].equals("127")) {
            return false;
        }
        for (String octet : octets) {
            if (!OCTET.matcher(octet).matches()) {
                return false;
            }
        }
        return true;
    }
}
