package com.finlens.integration.dart;

import com.finlens.integration.upstream.UpstreamException;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads the {@code corpCode.xml} ZIP (one CORPCODE.xml of ~29 MB, ~113k flat {@code <list>} records) and keeps the
 * ~3.9k companies with a stock code: the directory joins only those, and holding all of them cost ~45 MB of heap
 * (plus ~90 MB while the whole file sat in memory as one string). The file is read line by line, one record at a
 * time. Its layout is fixed and flat, without CDATA or attributes, so a direct scan is used: it is several times
 * faster than a general XML parser on this size, which matters for the daily refresh on a small machine.
 */
final class CorpCodeParser {

    private static final Pattern STATUS = Pattern.compile("<status>\\s*(\\d+)\\s*</status>");
    private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt|quot|apos|#\\d+|#x[0-9a-fA-F]+);");

    private CorpCodeParser() {
    }

    static boolean isZip(byte[] head) {
        return head.length >= 2 && head[0] == 'P' && head[1] == 'K';
    }

    static String xmlStatus(String xml) {
        Matcher m = STATUS.matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    static List<DartCorp> parse(byte[] zip) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.getName().toLowerCase().endsWith(".xml")) {
                    return listed(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new UpstreamException(DartClient.SYSTEM, UpstreamException.Kind.BAD_RESPONSE,
                    "the DART corp code list could not be read");
        }
        throw new UpstreamException(DartClient.SYSTEM, UpstreamException.Kind.BAD_RESPONSE,
                "the DART corp code archive holds no XML");
    }

    /** The listed companies, in file order; only the record being read is held as text. */
    private static List<DartCorp> listed(BufferedReader reader) throws IOException {
        List<DartCorp> out = new ArrayList<>(4_096);
        StringBuilder pending = new StringBuilder();
        String line;
        while ((line = reader.readLine()) != null) {
            pending.append(line).append('\n');
            int from = 0;
            int end;
            while ((end = pending.indexOf("</list>", from)) >= 0) {
                int start = pending.indexOf("<list>", from);
                if (start < 0 || start > end) {
                    from = end + 7;
                    continue;
                }
                String record = pending.substring(start, end);
                String stockCode = field(record, 0, record.length(), "stock_code");
                if (stockCode != null && !stockCode.isEmpty()) {
                    String nameEn = field(record, 0, record.length(), "corp_eng_name");
                    out.add(new DartCorp(field(record, 0, record.length(), "corp_code"),
                            field(record, 0, record.length(), "corp_name"),
                            nameEn == null || nameEn.isEmpty() ? null : nameEn, stockCode,
                            field(record, 0, record.length(), "modify_date")));
                }
                from = end + 7;
            }
            pending.delete(0, from);
        }
        if (pending.indexOf("<list>") >= 0) {
            throw new IllegalStateException("unterminated <list>");
        }
        return out;
    }

    private static String field(String xml, int from, int to, String tag) {
        int open = xml.indexOf("<" + tag + ">", from);
        if (open < 0 || open > to) {
            return null;
        }
        int valueStart = open + tag.length() + 2;
        int close = xml.indexOf("</" + tag + ">", valueStart);
        if (close < 0 || close > to) {
            return null;
        }
        return unescape(xml.substring(valueStart, close).trim());
    }

    private static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String replacement = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> new String(Character.toChars(e.startsWith("#x")
                        ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1))));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
