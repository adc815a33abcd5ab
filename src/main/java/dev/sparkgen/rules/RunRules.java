package dev.sparkgen.rules;

import dev.sparkgen.model.App;
import dev.sparkgen.model.CronSchedule;
import dev.sparkgen.model.Run;
import dev.sparkgen.model.SparkJob;
import dev.sparkgen.model.SparkVersion;
import dev.sparkgen.problem.Origin;
import dev.sparkgen.problem.Problems;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks of the {@code run} block: each field fits the driver's kind, a schedule and a time zone Kubernetes
 * takes, no policy that puts two drivers behind one Service, executor names Spark takes, and the warnings for what
 * works only partly run after run (Volcano after a failed attempt, a Job that deletes itself under GitOps).
 */
final class RunRules {

    /** Spark 3.3.0 refuses an executor pod name prefix longer than this (SPARK-39614: 3.3.1 takes 237). */
    static final int SPARK_3_3_0_PREFIX = 47;
    /** The API server cuts a generated name's base to this length before it adds 5 random characters. */
    static final int GENERATED_BASE = 58;
    private static final Set<String> SCHEDULE_FIELDS = Set.of("schedule", "timeZone", "concurrencyPolicy", "suspend",
            "startingDeadlineSeconds", "successfulRunHistoryLimit", "failedRunHistoryLimit");

    private final App app;
    private final SparkJob job;
    private final Run run;
    private final MapNode document;
    private final Problems problems;

    private RunRules(App app, Run run, MapNode document, Problems problems) {
        this.app = app;
        this.job = app.job();
        this.run = run;
        this.document = document;
        this.problems = problems;
    }

    /** Checks the run of an app derived from {@code document}, at the places its values were written. */
    static void check(App app, Run run, MapNode document, Problems problems) {
        RunRules rules = new RunRules(app, run, document, problems);
        rules.fieldsFitTheKind();
        rules.scheduleIsKubernetes();
        rules.noTwoDriversBehindOneService();
        rules.executorPrefixFitsSpark330();
        rules.volcanoGroupsWorkRunAfterRun();
        rules.finishedJobsStayUnderGitOps();
    }

    /** A field of a kind the driver is not: a Pod is never retried nor cleaned up, a Job has no schedule. */
    void fieldsFitTheKind() {
        if (!(document.get("run") instanceof MapNode block)) {
            return;
        }
        for (Map.Entry<String, Node> entry : block.entries().entrySet()) {
            String key = entry.getKey();
            if (key.equals("kind")) {
                continue;
            }
            if (run.kind() == Run.Kind.Pod) {
                problems.error(entry.getValue().origin(), "run." + key + " applies to a Job or CronJob driver, and "
                        + "this one is a Pod, which runs once", "set run.kind: Job (or CronJob)");
            } else if (run.kind() == Run.Kind.Job && SCHEDULE_FIELDS.contains(key)) {
                problems.error(entry.getValue().origin(), "run." + key + " applies to a CronJob, and this driver is "
                        + "a Job", "set run.kind: CronJob to run it on a schedule");
            }
        }
        if (run.kind() == Run.Kind.CronJob && run.schedule() == null) {
            problems.error(at("run", "kind"), "a CronJob driver needs run.schedule", "e.g. schedule: \"30 2 * * *\" "
                    + "(at 02:30 every day)");
        }
    }

    void scheduleIsKubernetes() {
        if (run.kind() != Run.Kind.CronJob) {
            return;
        }
        String problem = run.schedule() == null ? null : CronSchedule.problem(run.schedule());
        if (problem != null) {
            problems.error(at("run", "schedule"), "run.schedule '" + run.schedule() + "': " + problem,
                    "five fields, e.g. \"30 2 * * *\" (at 02:30 every day), or @daily, @hourly...");
        }
        if (!CronSchedule.knownTimeZone(run.timeZone())) {
            problems.error(at("run", "timeZone"), "run.timeZone '" + run.timeZone() + "' is not a time zone of the "
                    + "IANA database, which Kubernetes requires", "e.g. Europe/Berlin, America/New_York, Etc/UTC");
        }
    }

    /**
     * Allow starts a run while the last one runs: both drivers would match the driver and UI Services' selector,
     * so executors could register with the other run's driver, and the UI and its Ingress would switch between runs.
     */
    void noTwoDriversBehindOneService() {
        if (run.kind() == Run.Kind.CronJob && "Allow".equals(run.concurrencyPolicy())) {
            problems.error(at("run", "concurrencyPolicy"), "run.concurrencyPolicy Allow lets two runs of "
                    + app.name() + " run at once, and both drivers would be behind the same Services: executors "
                    + "resolving " + app.names().driverService() + " could reach the other run's driver, and the "
                    + "UI Service and Ingress would switch between the two runs' UIs", "use Forbid (skip a run while "
                    + "one runs) or Replace (stop the running one); for runs side by side, render each under its own "
                    + "name (--set nameSuffix=-<stream>)");
        }
    }

    /**
     * A Job's or CronJob's driver names its executors after its pod (unique per attempt), whose name the API
     * server generates: up to 58 characters of the Job's name and a '-' plus 5 random characters.
     */
    void executorPrefixFitsSpark330() {
        if (!run.byController() || !job.restartPolicy().equals("Never")
                || !job.sparkVersion().equals(new SparkVersion(3, 3, 0))) {
            return;
        }
        int longest = longestPodName();
        if (longest > SPARK_3_3_0_PREFIX) {
            problems.error(at("name"), "the driver's pod names its executors (spark.kubernetes.executor."
                    + "podNamePrefix), and its name may be " + longest + " characters long, more than the "
                    + SPARK_3_3_0_PREFIX + " Spark 3.3.0 takes", "shorten the app name '" + app.name() + "' by "
                    + (longest - SPARK_3_3_0_PREFIX) + ", or use Spark 3.3.1 or later, which takes 237");
        }
    }

    /** The longest name the driver's pod may get: the Job's (a CronJob's has the scheduled minute) + '-' + 5. */
    int longestPodName() {
        String jobName = run.kind() == Run.Kind.Job ? app.names().driverPod() : app.name() + "-" + "12345678";
        return Math.min(jobName.length() + 1, GENERATED_BASE) + 5;
    }

    /**
     * Volcano marks a PodGroup Completed once its pods have finished and admits only Pending groups through its
     * queue: a Job's retry (whose failed pod stays) is placed without the queue's admission. A CronJob names no
     * group, so spark-gen's PodGroup options have none to go to.
     */
    void volcanoGroupsWorkRunAfterRun() {
        if (!"volcano".equals(job.schedulerName())) {
            return;
        }
        if (run.kind() == Run.Kind.Job && run.onFailureRetries() > 0) {
            problems.warning(at("run", "onFailureRetries"), "after a failed attempt, Volcano marks the PodGroup "
                    + app.names().podGroup() + " Completed (its pods have finished), so a retry is placed without "
                    + "the queue's admission or the room minResources holds", "run.kind CronJob gets a PodGroup per "
                    + "run from Volcano's controller; or accept it: the retry still runs");
        }
        if (run.kind() == Run.Kind.CronJob) {
            for (String key : List.of("resources", "priorityClassName")) {
                if (!(key.equals("resources") ? job.batchScheduler().resources().isEmpty()
                        : job.batchScheduler().priorityClassName() == null)) {
                    problems.error(at("batchSchedulerOptions", key), "batchSchedulerOptions." + key + " has no "
                            + "PodGroup to go to: a CronJob's runs get theirs from Volcano's controller, made from "
                            + "the pods (their priority class, requests and queue)", "remove it; the queue still "
                            + "applies, through the pods' scheduling.volcano.sh/queue-name annotation");
                }
            }
        }
    }

    /** A Job that deletes itself is created again by a GitOps controller that self-heals, and runs again. */
    void finishedJobsStayUnderGitOps() {
        if (run.kind() == Run.Kind.Job && run.timeToLiveSeconds() != null) {
            problems.warning(at("run", "timeToLiveSeconds"), "Kubernetes deletes the finished Job "
                    + app.names().driverPod() + " after " + run.timeToLiveSeconds() + " s; a GitOps controller "
                    + "that self-heals (Argo CD with selfHeal, Flux) then creates it again from Git, and the "
                    + "application runs again", "under GitOps leave it unset (a finished Job holds no resources), "
                    + "or run it as a CronJob, whose Jobs are not in Git");
        }
    }

    private Origin at(Object... path) {
        return Rules.origin(document, path);
    }
}
