package io.dashplane.schema.alerting;

import io.dashplane.schema.validation.ValidationReport;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks a mute timing with Alertmanager's rules for each time interval field. */
public final class MuteTimingValidator {
    public static final int MAX_NAME_LENGTH = 190;
    public static final List<String> WEEKDAYS =
            List.of("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday");
    public static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december");
    private static final Pattern TIME = Pattern.compile("^(\\d{2}):(\\d{2})$");

    public ValidationReport validate(MuteTiming timing, String pointerPrefix) {
        FindingCollector findings = new FindingCollector(pointerPrefix);
        validate(timing, findings);
        return findings.report();
    }

    public void validate(MuteTiming timing, FindingCollector findings) {
        if (timing == null) {
            findings.error("", "mute timing must be a JSON object");
            return;
        }
        if (CommonChecks.blank(timing.name())) {
            findings.error("/name", "name is required");
        } else if (timing.name().length() > MAX_NAME_LENGTH) {
            findings.error("/name", "name must be at most " + MAX_NAME_LENGTH + " characters");
        }
        List<TimeInterval> intervals = timing.timeIntervals();
        if (intervals == null) {
            return;
        }
        for (int i = 0; i < intervals.size(); i++) {
            FindingCollector at = findings.at("/time_intervals/" + i);
            TimeInterval interval = intervals.get(i);
            if (interval == null) {
                at.error("", "time interval must be a JSON object");
            } else {
                interval(interval, at);
            }
        }
    }

    void interval(TimeInterval interval, FindingCollector findings) {
        List<TimeRange> times = interval.times();
        if (times != null) {
            for (int i = 0; i < times.size(); i++) {
                times(times.get(i), "/times/" + i, findings);
            }
        }
        ranges(interval.weekdays(), "/weekdays", "weekday", findings, text -> named(text, WEEKDAYS, 0, "weekday"),
                (start, end) -> start <= end ? null : "a weekday range runs forward within sunday..saturday");
        ranges(interval.daysOfMonth(), "/days_of_month", "day of month", findings, MuteTimingValidator::dayOfMonth,
                MuteTimingValidator::dayOfMonthRangeProblem);
        ranges(interval.months(), "/months", "month", findings, text -> named(text, MONTHS, 1, "month"),
                (start, end) -> start <= end ? null : "a month range must not run backwards");
        ranges(interval.years(), "/years", "year", findings, MuteTimingValidator::year,
                (start, end) -> start <= end ? null : "a year range must not run backwards");
        String location = interval.location();
        if (location != null && !location.equals("Local")) {
            try {
                ZoneId.of(location);
            } catch (DateTimeException e) {
                findings.error("/location", "location '" + location + "' is not an IANA time zone such as Europe/Berlin");
            }
        }
    }

    private static void times(TimeRange range, String pointer, FindingCollector findings) {
        if (range == null) {
            findings.error(pointer, "a time range needs start_time and end_time");
            return;
        }
        Integer start = minutes(range.startTime(), pointer + "/start_time", "start_time", findings);
        Integer end = minutes(range.endTime(), pointer + "/end_time", "end_time", findings);
        if (start != null && end != null && start >= end) {
            findings.error(pointer + "/end_time", "end_time " + range.endTime() + " must be after start_time "
                    + range.startTime());
        }
    }

    private static Integer minutes(String text, String pointer, String field, FindingCollector findings) {
        if (text == null) {
            findings.error(pointer, field + " is required (HH:MM)");
            return null;
        }
        Matcher m = TIME.matcher(text);
        if (!m.matches()) {
            findings.error(pointer, field + " '" + text + "' must be HH:MM");
            return null;
        }
        int hours = Integer.parseInt(m.group(1));
        int mins = Integer.parseInt(m.group(2));
        if (mins > 59 || hours > 24 || (hours == 24 && mins > 0)) {
            findings.error(pointer, field + " '" + text + "' is not a time between 00:00 and 24:00");
            return null;
        }
        return hours * 60 + mins;
    }

    private interface Parse {
        int parse(String text);
    }

    private interface RangeRule {
        String problem(int start, int end);
    }

    private static void ranges(List<String> values, String pointer, String what, FindingCollector findings,
                               Parse parse, RangeRule rule) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            String at = pointer + "/" + i;
            String value = values.get(i);
            if (value == null || value.isBlank()) {
                findings.error(at, what + " must not be empty");
                continue;
            }
            String[] parts = value.strip().split(":", -1);
            if (parts.length > 2) {
                findings.error(at, "'" + value + "' is neither a " + what + " nor a start:end range");
                continue;
            }
            try {
                int start = parse.parse(parts[0].strip());
                int end = parts.length == 2 ? parse.parse(parts[1].strip()) : start;
                String problem = parts.length == 2 ? rule.problem(start, end) : null;
                if (problem != null) {
                    findings.error(at, "'" + value + "': " + problem);
                }
            } catch (IllegalArgumentException e) {
                findings.error(at, e.getMessage());
            }
        }
    }

    private static int named(String text, List<String> names, int firstNumber, String what) {
        int index = names.indexOf(text.toLowerCase(Locale.ROOT));
        if (index >= 0) {
            return index + firstNumber;
        }
        if (firstNumber > 0 && text.matches("\\d{1,2}")) {
            int number = Integer.parseInt(text);
            if (number >= firstNumber && number < firstNumber + names.size()) {
                return number;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a " + what + " (" + names.get(0) + " ... "
                + names.get(names.size() - 1) + (firstNumber > 0 ? " or 1-" + names.size() : "") + ")");
    }

    private static int dayOfMonth(String text) {
        if (!text.matches("-?\\d{1,2}")) {
            throw new IllegalArgumentException("'" + text + "' is not a day of month (1 to 31, or -31 to -1 from the end)");
        }
        int day = Integer.parseInt(text);
        if (day == 0 || day < -31 || day > 31) {
            throw new IllegalArgumentException("day of month " + day + " is out of range (1 to 31, or -31 to -1 from the end)");
        }
        return day;
    }

    private static String dayOfMonthRangeProblem(int start, int end) {
        if (start < 0 && end > 0) {
            return "the end day must be negative when the start day is negative";
        }
        // Negative days count from the month's end; compare as in the shortest month, like Alertmanager.
        int checkStart = start < 0 ? 28 + start : start;
        int checkEnd = end < 0 ? 28 + end : end;
        return checkStart <= checkEnd ? null : "the start day is after the end day";
    }

    private static int year(String text) {
        if (!text.matches("\\d{1,4}") || Integer.parseInt(text) == 0) {
            throw new IllegalArgumentException("'" + text + "' is not a year such as 2026");
        }
        return Integer.parseInt(text);
    }
}
