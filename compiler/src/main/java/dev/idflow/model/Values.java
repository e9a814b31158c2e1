package dev.idflow.model;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/** Reading and writing the literal values of the language: durations, dates and timestamps. */
public final class Values {

    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})");

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

    /**
     * A calendar date, strictly ({@code 2027-02-30} is null): what the strict pattern
     * {@code uuuu-MM-dd} reads, read from the digits directly (the formatter took several
     * microseconds a date under C1, and a large policy has tens of thousands).
     */
    public static LocalDate date(String text) {
        if (!looksLikeDate(text)) {
            return null;
        }
        try {
            return LocalDate.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The ASCII digits {@code text[from, to)} as a number. */
    private static int number(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (text.charAt(i) - '0');
        }
        return n;
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

    /**
     * RFC 3339 in UTC with seconds ({@code 2027-07-01T00:00:00Z}), as every target writes
     * times: what {@link DateTimeFormatter#ISO_INSTANT} writes for the instant truncated to
     * seconds. Years 0 to 9999 are written here directly: the formatter took 2.4 microseconds a
     * time under C1, and a compile of 10,000 identities writes some 200,000 times.
     */
    public static String rfc3339(Instant t) {
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = d.getYear();
        if (year < 0 || year > 9999) {
            return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        }
        char[] c = {'0', '0', '0', '0', '-', '0', '0', '-', '0', '0', 'T', '0', '0', ':', '0', '0', ':', '0', '0', 'Z'};
        digits(c, 0, 4, year);
        digits(c, 5, 2, d.getMonthValue());
        digits(c, 8, 2, d.getDayOfMonth());
        digits(c, 11, 2, d.getHour());
        digits(c, 14, 2, d.getMinute());
        digits(c, 17, 2, d.getSecond());
        return new String(c);
    }

    /** Writes {@code value} as {@code width} decimal digits ending before {@code at + width}. */
    private static void digits(char[] c, int at, int width, int value) {
        for (int i = at + width - 1, v = value; i >= at; i--, v /= 10) {
            c[i] = (char) ('0' + v % 10);
        }
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
