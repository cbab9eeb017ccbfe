package com.finlens.account;

import com.finlens.platform.view.Messages;
import java.time.Duration;
import java.time.Instant;

/** "방금 전", "2시간 전", "3 days ago": how long ago an instant was, in the page's language, for sign-in tables. */
final class RelativeTime {

    private RelativeTime() {
    }

    static String ago(Messages messages, String lang, Instant then, Instant now) {
        Duration d = Duration.between(then, now);
        if (d.toMinutes() < 1) {
            return messages.get(lang, "time.justNow");
        }
        if (d.toHours() < 1) {
            return messages.get(lang, "time.minutes", d.toMinutes());
        }
        if (d.toDays() < 1) {
            return messages.get(lang, "time.hours", d.toHours());
        }
        return messages.get(lang, "time.days", d.toDays());
    }
}
