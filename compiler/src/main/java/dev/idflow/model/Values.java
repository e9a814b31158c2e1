package dev.idflow.model;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/** Reading and writing the literal values of the language: durations, dates and timestamps. */
public final class Values {

    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})");
    private static final DateTimeFormatter STRICT_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private Values() {
    }

    /** {@code 90s 15m 4h 30d 2w}; null when malformed or zero. */
    public static Duration duration(String text) {
        // [0-9]{1,12}[smhdw], read without a regex: every ttl, rotate and max of a policy comes here
        int digits = text.length() - 1;
        if (digits < 1 || digits > 12) {
            return null;
        }
        long n = 0;
        for (int i = 0; i < digits; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            n = n * 10 + (c - '0');
        }
        if (n == 0) {
            return null;
        }
        return switch (text.charAt(digits)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            case 'w' -> Duration.ofDays(n * 7);
            default -> null;
        };
    }

    public static boolean looksLikeDate(String text) {
        return DATE.matcher(text).matches();
    }

    public static boolean looksLikeTimestamp(String text) {
        return TIMESTAMP.matcher(text).matches();
    }

    /** A calendar date, strictly ({@code 2027-02-30} is null). */
    public static LocalDate date(String text) {
        if (!looksLikeDate(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text, STRICT_DATE);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** An RFC 3339 timestamp with seconds and a zone, as an instant; null when invalid. */
    public static Instant timestamp(String text) {
        if (!looksLikeTimestamp(text)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** An end written as a date (the whole day included) or a timestamp; null when invalid. */
    public static End end(String text) {
        LocalDate d = date(text);
        if (d != null) {
            return new End(endOfDay(d), text, true);
        }
        Instant t = timestamp(text);
        return t == null ? null : new End(t, text, false);
    }

    /** The first instant after the day {@code d} (UTC). */
    public static Instant endOfDay(LocalDate d) {
        return d.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** RFC 3339 in UTC with seconds, as every target writes times. */
    public static String rfc3339(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    /** A duration in the language's own notation, in the largest unit up to days that divides it. */
    public static String format(Duration d) {
        long s = d.getSeconds();
        if (s % 86400 == 0) {
            return s / 86400 + "d";
        }
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }
}
