package dev.sparkgen.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkgen.testing.Jobs;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The app name, object names, labels and pod sizes {@link Derive} computes from a job. */
class DeriveTest {

    // ---------------------------------------------------------------- names

    @Test
    void appName_withoutPriorityClassOrSuffix_isTheName() {
        assertEquals("pi", Jobs.app("").name());
    }

    @Test
    void appName_withPriorityClass_appendsItAfterADash() {
        assertEquals("pi-routine", Jobs.app("priorityClassName: routine\n").name());
    }

    @Test
    void appName_withSuffix_appendsItAsWritten() {
        assertEquals("pi-nightly", Jobs.app("nameSuffix: -nightly\n").name());
        assertEquals("pix1", Jobs.app("nameSuffix: x1\n").name());
    }

    @Test
    void appName_withPriorityClassAndSuffix_putsThePriorityClassFirst() {
        assertEquals("pi-routine-nightly", Jobs.app("priorityClassName: routine\nnameSuffix: -nightly\n").name());
    }

    @Test
    void names_ofEveryObject_areTheAppNamePlusTheirSuffix() {
        App.Names names = Jobs.app("priorityClassName: urgent\n").names();

        assertEquals(new App.Names("pi-urgent-driver", "pi-urgent-cm", "pi-urgent-driver-svc", "pi-urgent-ui-svc",
                "pi-urgent-ui-ingress", "pi-urgent-driver", "pi-urgent-pg", "pi-urgent-driver", "pi-urgent-executors"), names);
    }

    @Test
    void driverHost_isTheHeadlessServiceFullyQualifiedInTheNamespace() {
        assertEquals("pi-driver-svc.spark-jobs.svc", Jobs.app("namespace: spark-jobs\n").sparkDefaults().get("spark.driver.host"));
        assertEquals("pi-driver-svc.default.svc", Jobs.app("").sparkDefaults().get("spark.driver.host"));
    }

    // ---------------------------------------------------------------- labels

    @Test
    void labels_ofEveryObject_nameTheAppAndSparkGen() {
        assertEquals(Map.of("app-name", "pi-routine", "app.kubernetes.io/instance", "pi-routine",
                "app.kubernetes.io/managed-by", "spark-gen", "app.kubernetes.io/name", "pi"),
                Jobs.app("priorityClassName: routine\n").labels());
    }

    @Test
    void podLabels_addTheRoleAndTheUsersLabels() {
        App app = Jobs.app("driver: {labels: {team: data}}\nexecutor: {labels: {tier: batch}}\n");

        assertEquals("driver", app.driverLabels().get("spark-role"));
        assertEquals("driver", app.driverLabels().get("app.kubernetes.io/component"));
        assertEquals("data", app.driverLabels().get("team"));
        assertFalse(app.driverLabels().containsKey("tier"));
        assertEquals("executor", app.executorLabels().get("spark-role"));
        assertEquals("batch", app.executorLabels().get("tier"));
        assertTrue(app.executorLabels().entrySet().containsAll(app.labels().entrySet()));
    }

    @Test
    void selector_isTheAppNameAndTheDriverRole_whichTheDriverPodCarries() {
        App app = Jobs.app("");

        assertEquals(Map.of("app-name", "pi", "spark-role", "driver"), app.selector());
        assertTrue(app.driverLabels().entrySet().containsAll(app.selector().entrySet()));
        assertFalse(app.executorLabels().entrySet().containsAll(app.selector().entrySet()));
    }

    // ---------------------------------------------------------------- sizing

    @Test
    void sizing_jvmJob_usesTheFactor01() {
        App app = Jobs.appOf(Jobs.SCALA + "executor: {memory: 8g}\n");

        assertEquals(new App.Sizing(8192, 819, false, 0.1), app.executorSizing());
        assertEquals(8192 + 819, app.executorSizing().podMiB());
    }

    @Test
    void sizing_pythonJob_usesTheFactor04() {
        App app = Jobs.app("executor: {memory: 2g}\n");

        assertEquals(new App.Sizing(2048, 819, false, 0.4), app.executorSizing());
    }

    @Test
    void sizing_rJob_usesTheFactor04() {
        App app = Jobs.app("type: R\nexecutor: {memory: 2g}\n");

        assertEquals(819, app.executorSizing().overheadMiB());
    }

    @Test
    void sizing_smallHeap_getsTheOverheadFloorOf384() {
        assertEquals(384, Jobs.appOf(Jobs.SCALA + "executor: {memory: 1g}\n").executorSizing().overheadMiB());
        assertEquals(384, Jobs.app("executor: {memory: 512m}\n").executorSizing().overheadMiB());
        assertEquals(384 + 512, Jobs.app("executor: {memory: 512m}\n").executorSizing().podMiB());
    }

    @Test
    void sizing_factorTimesHeap_isTruncatedNotRounded_asSparksToInt() {
        // 0.4 x 1024 = 409.6 and 0.1 x 4105 = 410.5: Spark's (factor * MiB).toInt drops the fraction
        assertEquals(409, Jobs.app("driver: {memory: 1g}\n").driverSizing().overheadMiB());
        assertEquals(410, Jobs.appOf(Jobs.SCALA + "driver: {memory: 4105m}\n").driverSizing().overheadMiB());
    }

    @Test
    void sizing_explicitOverhead_isTakenAsGiven() {
        App app = Jobs.app("executor: {memory: 4g, memoryOverhead: 100m}\n");

        assertEquals(new App.Sizing(4096, 100, true, 0.4), app.executorSizing());
    }

    @Test
    void sizing_driverAndExecutor_areSizedEachFromItsOwnFields() {
        App app = Jobs.app("driver: {memory: 4g}\nexecutor: {memory: 1g, memoryOverhead: 1g}\n");

        assertEquals(4096 + 1638, app.driverSizing().podMiB());
        assertEquals(2048, app.executorSizing().podMiB());
    }

    // ---------------------------------------------------------------- UI path

    @Test
    void uiPath_pathRouting_isSlashAppByDefault() {
        App app = Jobs.app("nameSuffix: -x\n");

        assertTrue(app.pathRouted());
        assertEquals("/pi-x", app.uiPath());
    }

    @Test
    void uiPath_givenPath_isUsed() {
        assertEquals("/team/pi", Jobs.app("ui: {ingress: {path: /team/pi}}\n").uiPath());
    }

    @Test
    void uiPath_hostRouting_isNone() {
        assertFalse(Jobs.app("ui: {ingress: {host: spark.example.com}}\n").pathRouted());
    }

    @Test
    void uiPath_ingressDisabled_isNone() {
        assertFalse(Jobs.app("ui: {ingress: {enabled: false}}\n").pathRouted());
    }
}
