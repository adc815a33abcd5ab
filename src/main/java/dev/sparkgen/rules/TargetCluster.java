package dev.sparkgen.rules;

import dev.sparkgen.model.App;
import dev.sparkgen.model.KubeVersion;
import dev.sparkgen.model.Run;
import dev.sparkgen.model.SparkJob;
import dev.sparkgen.problem.Problems;
import dev.sparkgen.source.KeyPath;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;

/**
 * What the cluster a job is rendered for ({@code --kube-version}) cannot honour. A field the job asks for and that
 * cluster would drop is an error at the value, naming the release that takes it; what spark-gen adds on its own is
 * left out by the render instead (a Job's pod failure policy, the default time zone), and a CronJob is written in
 * the API version the cluster serves.
 */
final class TargetCluster {

    private TargetCluster() {
    }

    static void check(App app, MapNode document, Problems problems, KubeVersion kube) {
        SparkJob job = app.job();
        Run run = job.run();
        if (run.kind() == Run.Kind.CronJob && !kube.serves(KubeVersion.CRONJOB_TIME_ZONE)) {
            Node zone = KeyPath.of("run", "timeZone").find(document);
            if (zone != null) { // the default zone is left out, and the README says the schedule's zone is the cluster's
                problems.error(zone.origin(), "run.timeZone needs Kubernetes " + KubeVersion.CRONJOB_TIME_ZONE
                        + " or later (a CronJob's spec.timeZone), and --kube-version is " + kube, "remove it to read "
                        + "the schedule in the time zone of the cluster's controller manager, or render for "
                        + KubeVersion.CRONJOB_TIME_ZONE + " or later");
            }
        }
        if (run.byController() && run.timeToLiveSeconds() != null && !kube.serves(KubeVersion.JOB_TIME_TO_LIVE)) {
            problems.error(Rules.origin(document, "run", "timeToLiveSeconds"), "run.timeToLiveSeconds needs "
                    + "Kubernetes " + KubeVersion.JOB_TIME_TO_LIVE + " or later (a Job's spec.ttlSecondsAfterFinished), "
                    + "and --kube-version is " + kube, run.kind() == Run.Kind.CronJob ? "remove it: the CronJob "
                    + "still keeps only the runs its history limits say" : "remove it, and delete the finished Job "
                    + "yourself (kubectl delete -k)");
        }
        if (job.networkPolicy().create() && app.route().enabled() && !job.ui().serviceType().equals("NodePort")
                && !kube.serves(KubeVersion.NAMESPACE_NAME_LABEL)) {
            String namespace = job.networkPolicy().ingressControllerNamespace();
            Node written = KeyPath.of("networkPolicy", "ingressControllerNamespace").find(document);
            problems.warning(written != null ? written.origin() : Rules.origin(document, "networkPolicy", "create"), "the "
                    + "NetworkPolicy admits the ingress controller by its namespace's kubernetes.io/metadata.name "
                    + "label, which Kubernetes puts on every namespace from " + KubeVersion.NAMESPACE_NAME_LABEL
                    + ", and --kube-version is " + kube, "label it: kubectl label namespace " + namespace
                    + " kubernetes.io/metadata.name=" + namespace);
        }
    }
}
