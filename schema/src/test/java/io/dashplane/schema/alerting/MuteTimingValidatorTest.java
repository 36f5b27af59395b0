package io.dashplane.schema.alerting;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.schema.json.Json;
import io.dashplane.schema.validation.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.function.Consumer;

import static io.dashplane.schema.alerting.Findings.assertSingleError;
import static io.dashplane.schema.alerting.Findings.assertValid;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MuteTimingValidatorTest {
    static final String TIMING = """
            {"name": "weekly-maintenance", "version": "abc", "provenance": "file",
             "time_intervals": [
               {"times": [{"start_time": "02:00", "end_time": "04:00"}], "weekdays": ["sunday"], "location": "Europe/Berlin"},
               {"times": [{"start_time": "00:00", "end_time": "24:00"}], "weekdays": ["monday:friday", "Saturday"],
                "days_of_month": ["1:7", "-3:-1", "15"], "months": ["january:march", "12"], "years": ["2026:2030"]}
             ]}
            """;

    private final MuteTimingValidator validator = new MuteTimingValidator();

    ValidationReport validate(Consumer<ObjectNode> interval) throws Exception {
        ObjectNode node = (ObjectNode) Json.mapper().readTree(TIMING);
        interval.accept((ObjectNode) node.get("time_intervals").get(1));
        return validator.validate(Json.mapper().treeToValue(node, MuteTiming.class), "/mt");
    }

    ValidationReport withField(String field, String value) throws Exception {
        return validate(i -> i.putArray(field).add(value));
    }

    @Test
    void realisticTimingIsValid() throws Exception {
        assertValid(validate(i -> { }));
    }

    @Test
    void jsonRoundTrip() throws Exception {
        MuteTiming timing = Json.mapper().readValue(TIMING, MuteTiming.class);
        ObjectNode expected = (ObjectNode) Json.mapper().readTree(TIMING);
        expected.remove("version");
        expected.remove("provenance");
        assertEquals(expected, Json.mapper().readTree(Json.mapper().writeValueAsString(timing)));
    }

    @ParameterizedTest
    @CsvSource({
            "09:00, 08:00, /end_time, must be after",
            "09:00, 09:00, /end_time, must be after",
            "9:00, 10:00, /start_time, must be HH:MM",
            "09:60, 10:00, /start_time, between 00:00 and 24:00",
            "23:00, 24:01, /end_time, between 00:00 and 24:00"
    })
    void times(String start, String end, String pointer, String message) throws Exception {
        ValidationReport report = validate(i -> ((ObjectNode) i.get("times").get(0)).put("start_time", start).put("end_time", end));
        assertSingleError(report, "/mt/time_intervals/1/times/0" + pointer, message);
    }

    @Test
    void timesNeedBothEnds() throws Exception {
        assertSingleError(validate(i -> ((ObjectNode) i.get("times").get(0)).remove("end_time")),
                "/mt/time_intervals/1/times/0/end_time", "required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"funday", "friday:monday", "monday:tuesday:wednesday", ""})
    void badWeekdays(String value) throws Exception {
        ValidationReport report = withField("weekdays", value);
        assertEquals(1, report.errors().size(), report.errors()::toString);
        assertEquals("/mt/time_intervals/1/weekdays/0", report.errors().get(0).pointer());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "31", "-1", "-31", "1:31", "-7:-1", "1:-1", "10:-10"})
    void goodDaysOfMonth(String value) throws Exception {
        assertValid(withField("days_of_month", value));
    }

    @ParameterizedTest
    @CsvSource({"0, out of range", "32, out of range", "-32, out of range", "10:5, start day is after",
            "-1:5, must be negative", "first, not a day of month", "-3:-5, start day is after"})
    void badDaysOfMonth(String value, String message) throws Exception {
        assertSingleError(withField("days_of_month", value), "/mt/time_intervals/1/days_of_month/0", message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"january", "DECEMBER", "1", "12", "1:6", "june:august", "march:12"})
    void goodMonths(String value) throws Exception {
        assertValid(withField("months", value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "13", "smarch", "december:january", "6:1"})
    void badMonths(String value) throws Exception {
        assertEquals(1, withField("months", value).errors().size());
    }

    @Test
    void years() throws Exception {
        assertValid(withField("years", "2026"));
        assertSingleError(withField("years", "2030:2026"), "/mt/time_intervals/1/years/0", "backwards");
        assertSingleError(withField("years", "next"), "/mt/time_intervals/1/years/0", "not a year");
    }

    @Test
    void location() throws Exception {
        assertValid(validate(i -> i.put("location", "America/New_York")));
        assertValid(validate(i -> i.put("location", "UTC")));
        assertValid(validate(i -> i.put("location", "Local")));
        assertSingleError(validate(i -> i.put("location", "Mars/Olympus_Mons")), "/mt/time_intervals/1/location",
                "IANA time zone");
    }

    @Test
    void name() {
        assertSingleError(validator.validate(new MuteTiming("", null), ""), "/name", "required");
        assertValid(validator.validate(new MuteTiming("always", null), ""));
    }

    @Test
    void emptyValuesAreRejected() throws Exception {
        ValidationReport report = validate(i -> ((ArrayNode) i.get("weekdays")).add(" "));
        assertSingleError(report, "/mt/time_intervals/1/weekdays/2", "must not be empty");
    }
}
