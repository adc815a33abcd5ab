package dev.sparkgen.render;

import dev.sparkgen.model.Run;
import dev.sparkgen.model.SparkJob;

/**
 * The Job and the CronJob that run the driver when the job asks for one: Kubernetes' fields from the job's
 * {@code run} block. The driver pod inside them is {@link Pods#driver}'s, the same as a bare Pod's.
 */
final class Runs {

    private Runs() {
    }

    /** The driver's Job (a CronJob's job template), or null for a Pod driver. */
    static View.DriverJob job(SparkJob job) {
        Run run = job.run();
        if (!run.byController()) {
            return null;
        }
        // A pod failure policy (Kubernetes allows one with restartPolicy Never only) also makes the Job controller
        // wait for a failed driver pod to stop before it starts the next: one driver behind the Services.
        return new View.DriverJob(run.onFailureRetries(),
                run.activeDeadlineSeconds() == null ? 0 : run.activeDeadlineSeconds(),
                job.restartPolicy().equals("Never"), run.timeToLiveSeconds() != null,
                run.timeToLiveSeconds() == null ? 0 : run.timeToLiveSeconds());
    }

    /** The driver's CronJob, or null unless the job runs on a schedule. */
    static View.DriverCronJob cronJob(SparkJob job) {
        Run run = job.run();
        if (run.kind() != Run.Kind.CronJob) {
            return null;
        }
        return new View.DriverCronJob(run.schedule(), run.timeZone(), run.concurrencyPolicy(), run.suspend(),
                run.startingDeadlineSeconds() != null,
                run.startingDeadlineSeconds() == null ? 0 : run.startingDeadlineSeconds(),
                run.successfulRunHistoryLimit(), run.failedRunHistoryLimit());
    }
}
