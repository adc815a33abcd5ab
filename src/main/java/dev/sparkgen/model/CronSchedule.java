package dev.sparkgen.model;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CronJob's schedule as Kubernetes reads it (robfig/cron's standard parser: five fields, names of months and
 * days, ranges, lists and steps, the @ descriptors and {@code @every}), checked and said in words for people.
 */
public final class CronSchedule {

    private static final List<String> FIELDS = List.of("minute", "hour", "day of the month", "month",
            "day of the week");
    private static final int[][] BOUNDS = {{0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 6}};
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG",
            "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final Map<String, String> DESCRIPTORS = Map.of("@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0", "@daily", "0 0 * * *", "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");
    private static final Pattern EVERY = Pattern.compile("@every ((?:[0-9]+(?:\\.[0-9]+)?(?:ns|us|µs|ms|s|m|h))+)");
    private static final Pattern ITEM = Pattern.compile("(\\*|\\?|[0-9A-Za-z]+(?:-[0-9A-Za-z]+)?)(?:/([0-9]+))?");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+");

    private CronSchedule() {
    }

    /** Why Kubernetes would refuse the schedule, or null when it reads it. */
    public static String problem(String schedule) {
        String text = schedule.strip();
        if (text.startsWith("TZ=") || text.startsWith("CRON_TZ=")) {
            return "Kubernetes refuses a time zone inside the schedule: set run.timeZone instead";
        }
        if (text.startsWith("@")) {
            return DESCRIPTORS.containsKey(text) || EVERY.matcher(text).matches() ? null
                    : "'" + text + "' is none of @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly, "
                            + "@every <duration>";
        }
        String[] fields = fields(text);
        if (fields.length != 5) {
            return "a schedule has 5 fields (minute hour day-of-month month day-of-week), this one "
                    + fields.length;
        }
        for (int i = 0; i < 5; i++) {
            String problem = fieldProblem(fields[i], i);
            if (problem != null) {
                return "the " + FIELDS.get(i) + " field '" + fields[i] + "' " + problem;
            }
        }
        return null;
    }

    private static String fieldProblem(String field, int index) {
        for (String item : field.split(",", -1)) {
            Matcher m = ITEM.matcher(item);
            if (!m.matches()) {
                return "is not a value, a range a-b, '*' or a list of them, each with an optional /step";
            }
            if (m.group(2) != null && Integer.parseInt(m.group(2)) == 0) {
                return "has a step of 0";
            }
            if (m.group(1).equals("*") || m.group(1).equals("?")) {
                continue;
            }
            String[] ends = m.group(1).split("-");
            int low = value(ends[0], index);
            int high = ends.length > 1 ? value(ends[1], index) : low;
            if (low < 0 || high < 0) {
                return "holds a value outside " + BOUNDS[index][0] + "-" + BOUNDS[index][1]
                        + (index == 3 ? " or JAN-DEC" : index == 4 ? " or SUN-SAT" : "");
            }
            if (low > high) {
                return "has a range that ends before it starts";
            }
        }
        return null;
    }

    /** A field's value (a number, or a month's or a day's name), or -1 when it is out of bounds. */
    private static int value(String text, int index) {
        int value;
        if (NUMBER.matcher(text).matches()) {
            value = text.length() > 3 ? -1 : Integer.parseInt(text);
        } else {
            List<String> names = index == 3 ? MONTHS : index == 4 ? DAYS : List.of();
            int at = names.indexOf(text.toUpperCase(Locale.ROOT));
            value = at < 0 ? -1 : at + (index == 3 ? 1 : 0);
        }
        return value >= BOUNDS[index][0] && value <= BOUNDS[index][1] ? value : -1;
    }

    /**
     * The fields of a stripped schedule, split at runs of blanks as {@code split("\\s+")} splits it (an empty
     * schedule is one empty field), without a regex.
     */
    static String[] fields(String text) {
        if (text.isEmpty()) {
            return new String[] {""};
        }
        List<String> fields = new ArrayList<>(5);
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean blank = i == text.length() || " \t\n\u000B\f\r".indexOf(text.charAt(i)) >= 0;
            if (blank && start >= 0) {
                fields.add(text.substring(start, i));
                start = -1;
            } else if (!blank && start < 0) {
                start = i;
            }
        }
        return fields.toArray(new String[0]);
    }

    /** True when Kubernetes takes the zone: a name in the IANA database, not {@code Local}. */
    public static boolean knownTimeZone(String zone) {
        return Zones.IDS.contains(zone) && !zone.equals("Local");
    }

    /** The zone ids, read once: {@link ZoneId#getAvailableZoneIds} copies its set of some 600 on every call. */
    private static final class Zones {
        static final Set<String> IDS = ZoneId.getAvailableZoneIds();
    }

    /**
     * The schedule in words for a reader ({@code 30 2 * * 1-5}: "at 02:30 on Monday to Friday"), or the schedule
     * itself in quotes where it is not one of the common shapes.
     */
    public static String inWords(String schedule) {
        String text = schedule.strip();
        Matcher every = EVERY.matcher(text);
        if (every.matches()) {
            return "every " + every.group(1);
        }
        String[] f = fields(DESCRIPTORS.getOrDefault(text, text));
        if (f.length != 5 || problem(text) != null) {
            return "on the schedule '" + text + "'";
        }
        String time;
        if (isNumber(f[0]) && isNumber(f[1])) {
            time = String.format(Locale.ROOT, "at %02d:%02d", Integer.parseInt(f[1]), Integer.parseInt(f[0]));
        } else if (isNumber(f[0]) && f[1].equals("*")) {
            time = "every hour at minute " + Integer.parseInt(f[0]);
        } else if (f[0].startsWith("*/") && f[1].equals("*")) {
            time = "every " + f[0].substring(2) + " minutes";
        } else if (isNumber(f[0]) && f[1].startsWith("*/")) {
            time = "every " + f[1].substring(2) + " hours at minute " + Integer.parseInt(f[0]);
        } else {
            return "on the schedule '" + text + "'";
        }
        boolean anyDay = f[2].equals("*") || f[2].equals("?");
        boolean anyWeekday = f[4].equals("*") || f[4].equals("?");
        if (anyDay && f[3].equals("*") && anyWeekday) {
            return time + (time.startsWith("at") ? " every day" : "");
        }
        if (anyDay && f[3].equals("*")) {
            String days = days(f[4]);
            return days == null ? "on the schedule '" + text + "'" : time + " on " + days;
        }
        if (isNumber(f[2]) && anyWeekday && f[3].equals("*")) {
            return time + " on day " + Integer.parseInt(f[2]) + " of every month";
        }
        if (isNumber(f[2]) && anyWeekday && (isNumber(f[3]) || MONTHS.contains(f[3].toUpperCase(Locale.ROOT)))) {
            return time + " on " + Integer.parseInt(f[2]) + " " + monthName(value(f[3], 3)) + " every year";
        }
        return "on the schedule '" + text + "'";
    }

    /** A day-of-week field in words ("Monday to Friday", "Sunday", "Monday, Wednesday"), or null. */
    private static String days(String field) {
        StringBuilder words = new StringBuilder();
        for (String item : field.split(",")) {
            if (item.contains("/") || item.contains("*")) {
                return null;
            }
            String[] ends = item.split("-");
            words.append(words.length() == 0 ? "" : ", ").append(dayName(value(ends[0], 4)));
            if (ends.length > 1) {
                words.append(" to ").append(dayName(value(ends[1], 4)));
            }
        }
        return words.toString();
    }

    private static String dayName(int day) {
        return DayOfWeek.of(day == 0 ? 7 : day).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static String monthName(int month) {
        return Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static boolean isNumber(String field) {
        return NUMBER.matcher(field).matches();
    }
}
