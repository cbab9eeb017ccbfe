package com.finlens.platform.http;

import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The one parser for query parameters: each bad value becomes a 400 problem that names the parameter and its
 * allowed range, so no extreme value can reach date or number arithmetic further in.
 */
public final class Params {

    /** The dates any API accepts: far enough back for every listed company, far enough ahead for any filing. */
    public static final LocalDate MIN_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate MAX_DATE = LocalDate.of(2100, 12, 31);

    private Params() {
    }

    /** An optional ISO date (YYYY-MM-DD) within [{@link #MIN_DATE}, {@link #MAX_DATE}]; null when absent. */
    public static LocalDate date(RoutingContext ctx, String name) {
        String raw = ctx.request().getParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            date = null;
        }
        if (date == null || date.isBefore(MIN_DATE) || date.isAfter(MAX_DATE)) {
            throw ApiException.badRequest(name, "\"" + name + "\" must be a date as YYYY-MM-DD between " + MIN_DATE
                    + " and " + MAX_DATE + ".");
        }
        return date;
    }

    /** An optional whole number within [min, max]; null when absent. */
    public static Integer integer(RoutingContext ctx, String name, int min, int max) {
        String raw = ctx.request().getParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String clean = raw.strip();
        if (clean.matches("-?\\d{1,10}")) {
            long value = Long.parseLong(clean);
            if (value >= min && value <= max) {
                return (int) value;
            }
        }
        throw ApiException.badRequest(name, "\"" + name + "\" must be a whole number between " + min + " and "
                + max + ".");
    }
}
