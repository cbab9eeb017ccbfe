package com.finlens.market;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds company mentions in free text (a news page, a question): Korean and English names, curated
 * abbreviations and aliases, and 6-digit codes of known companies. Longest match wins; names must stand at word
 * boundaries (a Korean name may be followed by a particle such as 은/는/이/가); everyday words that are also
 * company names are left out, and short names get lower confidence.
 */
public final class MentionFinder {

    public static final int MAX_TEXT = 20_000;
    static final Set<String> PARTICLES = Set.of("은", "는", "이", "가", "을", "를", "의", "에", "와", "과",
            "도", "로", "으로", "에서", "보다", "까지", "만", "측", "이나", "나", "랑", "이랑", "하고", "처럼", "께서", "에게",
            "주", "주가", "株");

    private record Form(MarketCompany company, boolean alias, boolean latinStart, boolean upperStart, int length) {
    }

    private final Map<String, Form> forms = new HashMap<>();
    private final Set<String> starts = new HashSet<>();
    private final CompanyDirectory directory;
    private final int longest;

    public MentionFinder(CompanyDirectory directory, Set<String> stopwords) {
        this.directory = directory;
        int max = 0;
        for (CompanyDirectory.Entry entry : directory.entries()) {
            for (CompanyDirectory.Name name : entry.names()) {
                String text = name.text().trim();
                if (text.length() < 2 || stopwords.contains(text) || isDartLegalEnglish(entry, text)) {
                    continue;
                }
                char first = text.charAt(0);
                boolean latin = first < 128;
                Form form = new Form(entry.company(), name.alias(), latin, Character.isUpperCase(first), text.length());
                String key = lower(text);
                starts.add(key.substring(0, 2));
                Form existing = forms.get(key);
                if (existing == null || rank(form) > rank(existing)) {
                    forms.put(key, form);
                }
                max = Math.max(max, text.length());
            }
        }
        this.longest = max;
    }

    /** DART's registry English names ("SAMSUNG ELECTRONICS CO,.LTD") are not how texts name companies. */
    private static boolean isDartLegalEnglish(CompanyDirectory.Entry entry, String text) {
        return entry.company().korean() && text.equals(entry.company().nameEn());
    }

    private static int rank(Form form) {
        return (form.company().listed() ? 4 : 0) + (form.company().preferred() ? 0 : 2) + (form.alias() ? 0 : 1);
    }

    public List<Mention> find(String text) {
        String lower = lower(text);
        List<Mention> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (!wordStart(text, i)) {
                i++;
                continue;
            }
            int matched = matchName(text, lower, i, out);
            if (matched == 0) {
                matched = matchCode(text, i, out);
            }
            i += Math.max(1, matched);
        }
        return out;
    }

    private int matchName(String text, String lower, int start, List<Mention> out) {
        if (start + 2 > text.length() || !starts.contains(lower.substring(start, start + 2))) {
            return 0;
        }
        int max = Math.min(longest, text.length() - start);
        for (int len = max; len >= 2; len--) {
            Form form = forms.get(lower.substring(start, start + len));
            if (form == null) {
                continue;
            }
            if (form.latinStart() && form.upperStart() && !Character.isUpperCase(text.charAt(start))) {
                continue;
            }
            String after = text.substring(start + len, Math.min(text.length(), start + len + 2));
            if (!rightBoundaryOk(after, len)) {
                continue;
            }
            out.add(new Mention(text.substring(start, start + len), start, start + len, confidence(form, len),
                    form.company()));
            return len;
        }
        return 0;
    }

    private int matchCode(String text, int start, List<Mention> out) {
        if (start + 6 > text.length()) {
            return 0;
        }
        String code = text.substring(start, start + 6);
        for (int k = 0; k < 6; k++) {
            if (!Character.isDigit(code.charAt(k))) {
                return 0;
            }
        }
        if (start + 6 < text.length() && (Character.isLetterOrDigit(text.charAt(start + 6))
                || ",.".indexOf(text.charAt(start + 6)) >= 0 && start + 7 < text.length()
                && Character.isDigit(text.charAt(start + 7)))) {
            return 0;
        }
        if (start > 0 && ",.".indexOf(text.charAt(start - 1)) >= 0) {
            return 0;
        }
        return directory.byKrxCode(code).map(company -> {
            boolean bracketed = start > 0 && text.charAt(start - 1) == '('
                    && start + 6 < text.length() && text.charAt(start + 6) == ')';
            out.add(new Mention(code, start, start + 6, bracketed ? 0.95 : 0.75, company));
            return 6;
        }).orElse(0);
    }

    private static double confidence(Form form, int length) {
        if (form.alias()) {
            return form.latinStart() ? 0.9 : 0.8;
        }
        if (length >= 4) {
            return 0.95;
        }
        return length == 3 ? 0.85 : 0.6;
    }

    private static boolean wordStart(String text, int i) {
        return i == 0 || !isWordChar(text.charAt(i - 1));
    }

    private static boolean rightBoundaryOk(String after, int length) {
        if (after.isEmpty()) {
            return true;
        }
        char next = after.charAt(0);
        if (Hangul.isSyllable(next)) {
            return length >= 4 || PARTICLES.contains(after.substring(0, 1)) || PARTICLES.contains(after);
        }
        return !Character.isLetterOrDigit(next);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    /** Lower case that keeps every index in place (one char in, one char out). */
    private static String lower(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }
}
