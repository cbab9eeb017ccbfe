package com.finlens.market;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds business-group names that stand alone ("삼성 주가", "Hyundai's revenue", "LG는"): followed by nothing, a
 * space, punctuation or a particle, never by more of a name ("삼성전자", "LG화학"). Each could mean several listed
 * companies, so the assistant asks instead of guessing.
 */
public final class GroupFinder {

    private final Map<String, List<MarketCompany>> groups;

    public GroupFinder(Map<String, List<String>> groupCodes, CompanyDirectory directory) {
        this.groups = groupCodes.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().stream().map(directory::byKrxCode).flatMap(Optional::stream).toList()));
    }

    public List<GroupMention> find(String text) {
        List<GroupMention> found = new ArrayList<>();
        for (Map.Entry<String, List<MarketCompany>> g : groups.entrySet()) {
            String name = g.getKey();
            int at = text.indexOf(name);
            while (at >= 0) {
                int end = at + name.length();
                boolean before = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
                if (before && standsAlone(text.substring(end)) && g.getValue().size() > 1) {
                    found.add(new GroupMention(name, at, end, g.getValue()));
                }
                at = text.indexOf(name, end);
            }
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return found;
    }

    private static boolean standsAlone(String after) {
        if (after.isEmpty() || !Character.isLetterOrDigit(after.charAt(0))) {
            return true;
        }
        for (String particle : MentionFinder.PARTICLES) {
            if (after.startsWith(particle) && (after.length() == particle.length()
                    || !Character.isLetterOrDigit(after.charAt(particle.length())))) {
                return true;
            }
        }
        return false;
    }
}
