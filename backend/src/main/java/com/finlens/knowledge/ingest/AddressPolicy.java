package com.finlens.knowledge.ingest;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which resolved addresses a server-side fetch may connect to: public unicast only. Refuses loopback, private
 * (10/8, 172.16/12, 192.168/16), carrier-grade NAT, link-local (incl. the 169.254.169.254 metadata endpoint),
 * multicast, unspecified, documentation and reserved ranges, IPv6 unique-local (fc00::/7) and site-local, and IPv4
 * addresses smuggled inside IPv6 (mapped, compatible, NAT64, 6to4).
 */
final class AddressPolicy {

    private AddressPolicy() {
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicIpv4(b);
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return false;
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return false;
            }
            if (allZero(b, 0, 10) && ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff || allZero(b, 10, 12))) {
                return isPublicIpv4(slice(b, 12));
            }
            if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
                return isPublicIpv4(slice(b, 12));
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
                return isPublicIpv4(slice(b, 2));
            }
            return true;
        }
        return false;
    }

    private static boolean isPublicIpv4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        try {
            InetAddress v4 = InetAddress.getByAddress(new byte[] {b[0], b[1], b[2], b[3]});
            if (v4.isLoopbackAddress() || v4.isLinkLocalAddress() || v4.isSiteLocalAddress() || v4.isMulticastAddress()
                    || v4.isAnyLocalAddress()) {
                return false;
            }
        } catch (UnknownHostException e) {
            return false;
        }
        return !(a0 == 0
                || a0 == 100 && a1 >= 64 && a1 <= 127
                || a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)
                || a0 == 198 && (a1 == 18 || a1 == 19)
                || a0 == 198 && a1 == 51 && a2 == 100
                || a0 == 203 && a1 == 0 && a2 == 113
                || a0 >= 240);
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] b, int from) {
        return new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]};
    }
}
