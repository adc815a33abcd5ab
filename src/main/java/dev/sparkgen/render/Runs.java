package dev.sparkgen.render;

import dev.sparkgen.model.KubeVersion;
import dev.sparkgen.model.Run;
import dev.sparkgen.model.RunSummary;
import dev.sparkgen.model.SparkJob;

/**
 * The Job and the CronJob that run the driver when the job asks for one: Kubernetes' fields from the job's
 * {@code run} block. The driver pod inside them is {@link Pods#driver}'s, the same as a bare Pod's.
 */
final class Runs {

    private Runs() {
    }

    /**
     * The driver's Job (a CronJob's job template), or null for a Pod driver. The pod failure policy is spark-gen's
     * own: a cluster that does not serve it (before 1.26) gets none, and {@link RunSummary} says what that changes.
     */
    static View.DriverJob job(SparkJob job, KubeVersion kube) {
        Run run = job.run();
        if (!run.byController()) {
            return null;
        }
        // A pod failure policy (Kubernetes allows one with restartPolicy Never only) also makes the Job controller
        // wait for a failed driver pod to stop before it starts the next: one driver behind the Services.
        return new View.DriverJob(run.onFailureRetries(),
                run.activeDeadlineSeconds() == null ? 0 : run.activeDeadlineSeconds(),
                job.restartPolicy().equals("Never") && kube.serves(KubeVersion.POD_FAILURE_POLICY),
                run.timeToLiveSeconds() != null,
                run.timeToLiveSeconds() == null ? 0 : run.timeToLiveSeconds());
    }

    /**
     * The driver's CronJob, or null unless the job runs on a schedule: batch/v1beta1 before 1.21, and no time zone
     * before 1.25 (the rules refuse one the job asks for; the default one is left out, and the schedule is read in
     * the controller manager's time zone).
     */
    static View.DriverCronJob cronJob(SparkJob job, KubeVersion kube) {
        Run run = job.run();
        if (run.kind() != Run.Kind.CronJob) {
            return null;
        }
        return new View.DriverCronJob(kube.cronJobApiVersion(), run.schedule(),
                kube.serves(KubeVersion.CRONJOB_TIME_ZONE) ? run.timeZone() : "", run.concurrencyPolicy(), run.suspend(),
                run.startingDeadlineSeconds() != null,
                run.startingDeadlineSeconds() == null ? 0 : run.startingDeadlineSeconds(),
                run.successfulRunHistoryLimit(), run.failedRunHistoryLimit());
    }
}
