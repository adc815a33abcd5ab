package dev.sparkgen.model;

import dev.sparkgen.problem.Quote;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the driver runs, said for people, in one place for {@code explain} and the rendered README: what runs it
 * (and when, for a schedule), its retries, its deadline and its clean-up.
 */
public final class RunSummary {

    private RunSummary() {
    }

    /**
     * Each aspect of an app's run on a cluster of version {@code kube}, in reading order: "runs as", then
     * "schedule" for a CronJob, "retries"...
     */
    public static Map<String, String> of(Run run, String app, String restartPolicy, KubeVersion kube) {
        Map<String, String> summary = new LinkedHashMap<>();
        String driver = app + "-driver";
        switch (run.kind()) {
            case Pod -> summary.put("runs as", "Pod " + driver + ", run once");
            case Job -> summary.put("runs as", "Job " + driver + ", whose controller makes the driver pod "
                    + driver + "-<5 random characters>");
            case CronJob -> {
                summary.put("runs as", "CronJob " + app + ", which starts a Job " + app + "-<scheduled minute> on its "
                        + "schedule; the Job's controller makes the driver pod");
                summary.put("schedule", CronSchedule.inWords(run.schedule()) + (kube.serves(KubeVersion.CRONJOB_TIME_ZONE)
                        ? " (" + run.timeZone() + " time)" : " (in the time zone of the cluster's controller manager: "
                        + "Kubernetes before " + KubeVersion.CRONJOB_TIME_ZONE + " takes no time zone for a CronJob)")
                        + (run.suspend() ? ", suspended: no new runs start" : ""));
                summary.put("concurrency", run.concurrencyPolicy().equals("Replace")
                        ? "Replace: a run due while one runs stops it and starts"
                        : "Forbid: a run due while one runs is skipped");
            }
        }
        summary.put("retries", retries(run, restartPolicy, kube));
        if (run.byController()) {
            summary.put("deadline", run.activeDeadlineSeconds() == null ? "none"
                    : "a run is stopped after " + duration(run.activeDeadlineSeconds()) + ", retries included");
        }
        summary.put("clean-up", cleanUp(run));
        return summary;
    }

    private static String retries(Run run, String restartPolicy, KubeVersion kube) {
        String inPlace = "the kubelet restarts spark-submit in the same pod when it fails";
        if (!run.byController()) {
            return restartPolicy.equals("OnFailure") ? inPlace : "none: a failed driver stays failed";
        }
        if (restartPolicy.equals("OnFailure")) {
            return inPlace + ", " + Quote.count(run.onFailureRetries(), "time") + " at most";
        }
        String retries = run.onFailureRetries() == 0 ? "none" : "a failed driver runs again in a new pod, "
                + Quote.count(run.onFailureRetries(), "time") + " at most";
        if (!kube.serves(KubeVersion.POD_FAILURE_POLICY)) { // the Job controller counts a pod being deleted as failed
            return retries + "; an evicted or preempted driver counts as failed" + (run.onFailureRetries() == 0 ? ""
                    : ", and its new pod may start while it is still shutting down") + " (Kubernetes before "
                    + KubeVersion.POD_FAILURE_POLICY + " has no pod failure policy)";
        }
        return retries + "; an evicted or preempted driver runs again without counting";
    }

    private static String cleanUp(Run run) {
        String ttl = run.timeToLiveSeconds() == null ? null : duration(run.timeToLiveSeconds());
        return switch (run.kind()) {
            case Pod -> "none: the finished pod stays until it is deleted (kubectl delete -k)";
            case Job -> ttl == null ? "none: the finished Job and its pods stay until they are deleted"
                    : "the finished Job and its pods are deleted " + ttl + " after it finished";
            case CronJob -> "the last " + run.successfulRunHistoryLimit() + " succeeded and "
                    + Quote.count(run.failedRunHistoryLimit(), "failed run") + " are kept"
                    + (ttl == null ? "" : ", each deleted " + ttl + " after it finished");
        };
    }

    /** Seconds as hours, minutes and seconds: 14400 is "4 h", 90 is "1 min 30 s". */
    static String duration(long seconds) {
        StringBuilder text = new StringBuilder();
        long[] parts = {seconds / 3600, seconds % 3600 / 60, seconds % 60};
        String[] units = {"h", "min", "s"};
        for (int i = 0; i < 3; i++) {
            if (parts[i] > 0) {
                text.append(text.length() == 0 ? "" : " ").append(parts[i]).append(' ').append(units[i]);
            }
        }
        return text.length() == 0 ? "0 s" : text.toString();
    }
}
