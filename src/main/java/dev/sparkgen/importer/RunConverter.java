package dev.sparkgen.importer;

import static dev.sparkgen.importer.Conversion.absent;
import static dev.sparkgen.importer.Conversion.entries;
import static dev.sparkgen.importer.Conversion.string;
import static dev.sparkgen.importer.Conversion.textOf;

import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;
import dev.sparkgen.source.Scalar;
import java.util.List;

/**
 * Carries over how the operator runs an application into the job's {@code run} block: a SparkApplication's
 * {@code restartPolicy} retries and {@code timeToLiveSeconds} make the driver a Job, a ScheduledSparkApplication's
 * schedule and policies a CronJob. Only what Kubernetes' Job and CronJob cannot express is a warning.
 */
final class RunConverter {

    private static final List<String> RESTART_POLICY = List.of("type", "onFailureRetries", "onFailureRetryInterval",
            "onSubmissionFailureRetries", "onSubmissionFailureRetryInterval");
    private static final List<String> SCHEDULED = List.of("schedule", "timeZone", "concurrencyPolicy", "suspend",
            "successfulRunHistoryLimit", "failedRunHistoryLimit", "template");

    private final Conversion c;

    RunConverter(Conversion c) {
        this.c = c;
    }

    /** A ScheduledSparkApplication's spec, but its template: the schedule and its policies become a CronJob. */
    void scheduled(MapNode spec) {
        entries(spec).forEach((key, value) -> {
            if (absent(value) || key.equals("template")) {
                return;
            }
            switch (key) {
                case "schedule" -> {
                    kind(value, "CronJob");
                    run(value).put("schedule", Conversion.text(value));
                }
                case "timeZone" -> {
                    if ("Local".equalsIgnoreCase(textOf(value))) {
                        c.warn(value, "spec.timeZone Local is not carried over: Kubernetes refuses it, and the "
                                + "operator's local time is the time zone of its own pod", "the job's schedule is "
                                + "read in UTC (run.timeZone's default); set run.timeZone to another IANA zone");
                    } else {
                        run(value).put("timeZone", Conversion.text(value));
                    }
                }
                case "concurrencyPolicy" -> {
                    if ("Allow".equals(textOf(value))) {
                        run(value).put("concurrencyPolicy", string(value.origin(), "Forbid"));
                        c.note("run.concurrencyPolicy", "Forbid, not spec.concurrencyPolicy Allow");
                        c.warn(value, "spec.concurrencyPolicy Allow is carried over as Forbid: two runs at once would "
                                + "share the driver's Services, so executors could reach the other run's driver",
                                "Forbid skips a run while one runs; Replace stops the running one");
                    } else {
                        run(value).put("concurrencyPolicy", Conversion.text(value));
                    }
                }
                case "suspend", "successfulRunHistoryLimit", "failedRunHistoryLimit" -> run(value).put(key, value);
                default -> c.unknown("spec." + key, value, key, SCHEDULED);
            }
        });
    }

    /**
     * spec.restartPolicy: OnFailure (and Always) resubmit a failed application, which a Job does by running the
     * driver again in a new pod; the count carries over, the intervals have no equivalent.
     */
    void restartPolicy(Node value) {
        if (value instanceof Scalar) {
            type(value);
            return;
        }
        if (!c.isMapping("spec.restartPolicy", value)) {
            return;
        }
        MapNode policy = (MapNode) value;
        boolean retries = policy.get("type") != null && !"Never".equals(textOf(policy.get("type")));
        entries(value).forEach((key, item) -> {
            if (absent(item)) {
                return;
            }
            switch (key) {
                case "type" -> type(item);
                case "onFailureRetries" -> {
                    if (retries) {
                        run(item).put("onFailureRetries", item);
                        c.note("run.onFailureRetries", "from spec.restartPolicy.onFailureRetries");
                    } else {
                        c.warn(item, "restartPolicy.onFailureRetries is not carried over: the operator retries only "
                                + "with restartPolicy.type OnFailure or Always", null);
                    }
                }
                case "onFailureRetryInterval", "onSubmissionFailureRetryInterval" -> c.warn(item, "restartPolicy."
                        + key + " is not carried over: Kubernetes runs a failed Job's driver again after its own "
                        + "back-off (10 s, 20 s, 40 s... at most 6 minutes), which cannot be set", null);
                case "onSubmissionFailureRetries" -> c.warn(item, "restartPolicy.onSubmissionFailureRetries is not "
                        + "carried over: spark-submit runs in the driver pod, so a submission that fails is a driver "
                        + "that fails", "run.onFailureRetries counts those runs too");
                default -> c.unknown("spec.restartPolicy." + key, item, key, RESTART_POLICY);
            }
        });
    }

    /** spec.timeToLiveSeconds: a Job's ttlSecondsAfterFinished, so the driver runs as a Job. */
    void timeToLive(Node value) {
        run(value).put("timeToLiveSeconds", value);
        c.note("run.timeToLiveSeconds", "from spec.timeToLiveSeconds");
        if (!run(value).has("kind")) {
            kind(value, "Job");
            c.note("run.kind", "from spec.timeToLiveSeconds: a Pod cannot expire, a Job can");
        }
    }

    private void type(Node item) {
        String type = textOf(item);
        if ("Never".equals(type)) {
            c.job.put("restartPolicy", string(item.origin(), "Never"));
            return;
        }
        if (!"OnFailure".equals(type) && !"Always".equals(type)) {
            c.job.put("restartPolicy", Conversion.text(item));
            return;
        }
        if (!run(item).has("kind")) {
            kind(item, "Job");
            c.note("run.kind", "from spec.restartPolicy.type " + type);
        }
        if ("Always".equals(type)) {
            c.warn(item, "restartPolicy Always is carried over as a Job that runs the driver again when it fails: "
                    + "the operator runs even a succeeded application again, which a Job does not",
                    "to run it again and again, set run.kind: CronJob and a run.schedule");
        }
    }

    private void kind(Node at, String kind) {
        run(at).put("kind", string(at.origin(), kind));
    }

    private Draft run(Node at) {
        return c.job.object("run", at.origin());
    }
}
