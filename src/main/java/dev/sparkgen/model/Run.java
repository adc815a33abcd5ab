package dev.sparkgen.model;

/**
 * How the driver runs: a Pod, run once (the default); a batch/v1 Job, whose controller runs a failed driver again
 * in a new pod; or a batch/v1 CronJob that starts such a Job on a schedule. A null field is unset, and Kubernetes'
 * own behaviour applies (no deadline, never deleted, no starting deadline).
 */
public record Run(Kind kind, int onFailureRetries, Long activeDeadlineSeconds, Integer timeToLiveSeconds,
                  String schedule, String timeZone, String concurrencyPolicy, boolean suspend,
                  Long startingDeadlineSeconds, int successfulRunHistoryLimit, int failedRunHistoryLimit) {

    /** What the driver is, as the job file spells it. */
    public enum Kind {
        Pod, Job, CronJob
    }

    /** The {@code run} block of a schema-valid job; an absent field takes the schema's default. */
    static Run bind(Values run) {
        return new Run(Kind.valueOf(run.text("kind")), run.integer("onFailureRetries"),
                run.longOrNull("activeDeadlineSeconds"), run.integerOrNull("timeToLiveSeconds"),
                run.textOrNull("schedule"), run.text("timeZone"), run.text("concurrencyPolicy"),
                run.bool("suspend"), run.longOrNull("startingDeadlineSeconds"),
                run.integer("successfulRunHistoryLimit"), run.integer("failedRunHistoryLimit"));
    }

    /** A Job or a CronJob: Kubernetes' controllers make the driver pod, and name it. */
    public boolean byController() {
        return kind != Kind.Pod;
    }

    /**
     * With Replace, the CronJob controller starts the next run while the previous driver may still be shutting
     * down behind the Services, so each run's executors reach their own driver at its pod IP.
     */
    public boolean driverReachedAtPodIp() {
        return kind == Kind.CronJob && "Replace".equals(concurrencyPolicy);
    }
}
