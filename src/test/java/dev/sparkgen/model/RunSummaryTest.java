package dev.sparkgen.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the driver runs, in the words explain and the rendered README use. */
class RunSummaryTest {

    private static Run run(Run.Kind kind, int retries, Integer deadline, Integer ttl, String schedule) {
        return new Run(kind, retries, deadline == null ? null : (long) deadline, ttl, schedule, "Europe/Berlin",
                "Forbid", false, null, 3, 1);
    }

    @Test
    void aPod_runsOnce_andStays() {
        assertEquals(Map.of("runs as", "Pod etl-driver, run once", "retries", "none: a failed driver stays failed",
                "clean-up", "none: the finished pod stays until it is deleted (kubectl delete -k)"),
                RunSummary.of(run(Run.Kind.Pod, 0, null, null, null), "etl", "Never", KubeVersion.DEFAULT));
    }

    @Test
    void aJob_saysItsRetriesDeadlineAndTimeToLive() {
        Map<String, String> summary = RunSummary.of(run(Run.Kind.Job, 2, 14400, 90, null), "etl", "Never", KubeVersion.DEFAULT);

        assertEquals("Job etl-driver, whose controller makes the driver pod etl-driver-<5 random characters>",
                summary.get("runs as"));
        assertEquals("a failed driver runs again in a new pod, 2 times at most; an evicted or preempted driver "
                + "runs again without counting", summary.get("retries"));
        assertEquals("a run is stopped after 4 h, retries included", summary.get("deadline"));
        assertEquals("the finished Job and its pods are deleted 1 min 30 s after it finished", summary.get("clean-up"));
    }

    @Test
    void aCronJob_saysItsScheduleInWords_andWhatItKeeps() {
        Map<String, String> summary = RunSummary.of(run(Run.Kind.CronJob, 0, null, null, "30 2 * * *"), "report",
                "Never", KubeVersion.DEFAULT);

        assertEquals("at 02:30 every day (Europe/Berlin time)", summary.get("schedule"));
        assertEquals("Forbid: a run due while one runs is skipped", summary.get("concurrency"));
        assertEquals("none; an evicted or preempted driver runs again without counting", summary.get("retries"));
        assertEquals("none", summary.get("deadline"));
        assertEquals("the last 3 succeeded and 1 failed run are kept", summary.get("clean-up"));
    }
}
