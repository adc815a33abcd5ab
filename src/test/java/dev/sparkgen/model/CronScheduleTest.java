package dev.sparkgen.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Schedules as Kubernetes' CronJob controller reads them, and in words. */
class CronScheduleTest {

    @ParameterizedTest
    @ValueSource(strings = {"30 2 * * *", "*/15 * * * *", "0 0 1 1 *", "0 9-17/2 * * MON-FRI", "0 0 * JAN,jul ?",
        "5,10,15 * * * 0", "@daily", "@midnight", "@every 1h30m", "59 23 31 12 6"})
    void kubernetesReads(String schedule) {
        assertNull(CronSchedule.problem(schedule), schedule);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "30 2 * *|a schedule has 5 fields (minute hour day-of-month month day-of-week), this one 4",
        "60 2 * * *|the minute field '60' holds a value outside 0-59",
        "0 24 * * *|the hour field '24' holds a value outside 0-23",
        "0 0 0 * *|the day of the month field '0' holds a value outside 1-31",
        "0 0 * 13 *|the month field '13' holds a value outside 1-12 or JAN-DEC",
        "0 0 * * 7|the day of the week field '7' holds a value outside 0-6 or SUN-SAT",
        "0 0 * * MON-FOO|the day of the week field 'MON-FOO' holds a value outside 0-6 or SUN-SAT",
        "*/0 * * * *|the minute field '*/0' has a step of 0",
        "0 5-2 * * *|the hour field '5-2' has a range that ends before it starts",
        "0 0 * * L|the day of the week field 'L' holds a value outside 0-6 or SUN-SAT",
        "@nightly|'@nightly' is none of @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly, @every <duration>",
        "TZ=Europe/Berlin 0 2 * * *|Kubernetes refuses a time zone inside the schedule: set run.timeZone instead"})
    void kubernetesRefuses(String schedule, String problem) {
        assertEquals(problem, CronSchedule.problem(schedule));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "30 2 * * *|at 02:30 every day",
        "@daily|at 00:00 every day",
        "@hourly|every hour at minute 0",
        "@weekly|at 00:00 on Sunday",
        "@monthly|at 00:00 on day 1 of every month",
        "@yearly|at 00:00 on 1 January every year",
        "*/15 * * * *|every 15 minutes",
        "0 */6 * * *|every 6 hours at minute 0",
        "0 7 * * 1-5|at 07:00 on Monday to Friday",
        "0 7 * * SAT,SUN|at 07:00 on Saturday, Sunday",
        "@every 90m|every 90m",
        "0 9-17/2 * * *|on the schedule '0 9-17/2 * * *'"})
    void inWords(String schedule, String words) {
        assertEquals(words, CronSchedule.inWords(schedule));
    }

    @Test
    void timeZones_areTheIanaDatabasesNames() {
        assertTrue(CronSchedule.knownTimeZone("Europe/Berlin"));
        assertTrue(CronSchedule.knownTimeZone("Etc/UTC"));
        assertFalse(CronSchedule.knownTimeZone("Local"));
        assertFalse(CronSchedule.knownTimeZone("Europe/Berlinn"));
        assertFalse(CronSchedule.knownTimeZone("+02:00"));
    }

    @Test
    void fields_areThoseOfASplitAtRunsOfBlanks() {
        for (String schedule : java.util.List.of("", "*", "30 2 * * 1-5", "30  2\t*\n*\u000B1\f\r2", "a \u001C b",
                "0 0 1 1 *", "x\u00A0y z", "1 2 3 4 5 6")) {
            String text = schedule.strip();
            assertEquals(java.util.List.of(text.split("\\s+")), java.util.List.of(CronSchedule.fields(text)), schedule);
        }
    }
}
