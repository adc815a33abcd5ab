package dev.sparkgen.importer;

import static dev.sparkgen.importer.Conversion.absent;
import static dev.sparkgen.importer.Conversion.clean;
import static dev.sparkgen.importer.Conversion.entries;
import static dev.sparkgen.importer.Conversion.items;
import static dev.sparkgen.importer.Conversion.map;
import static dev.sparkgen.importer.Conversion.string;
import static dev.sparkgen.importer.Conversion.text;
import static dev.sparkgen.importer.Conversion.textOf;

import dev.sparkgen.model.App;
import dev.sparkgen.model.Derive;
import dev.sparkgen.model.Memory;
import dev.sparkgen.rules.Rules;
import dev.sparkgen.source.ListNode;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts {@code spec.driver} and {@code spec.executor} (SparkPodSpec and what each role adds) into the job's
 * {@code driver} and {@code executor}, and the few per-role fields that spark-gen has once per job
 * (serviceAccountName, schedulerName, priorityClassName) into the job's top level.
 */
final class RoleConverter {

    private static final List<String> POD_SPEC = List.of("template", "cores", "coreLimit", "memory",
            "memoryOverhead", "memoryLimit", "gpu", "image", "configMaps", "secrets", "env", "envVars", "envFrom",
            "envSecretKeyRefs", "labels", "annotations", "volumeMounts", "affinity", "tolerations",
            "podSecurityContext", "securityContext", "schedulerName", "sidecars", "initContainers", "hostNetwork",
            "nodeSelector", "dnsConfig", "terminationGracePeriodSeconds", "serviceAccount", "hostAliases",
            "shareProcessNamespace", "coreRequest", "javaOptions", "lifecycle", "ports", "priorityClassName");
    private static final List<String> DRIVER_ONLY = List.of("podName", "kubernetesMaster", "serviceAnnotations",
            "serviceLabels");
    private static final List<String> EXECUTOR_ONLY = List.of("instances", "deleteOnTermination");
    /** Fields of a PodSecurityContext that a container's SecurityContext does not have. */
    private static final Set<String> POD_ONLY_SECURITY = Set.of("fsGroup", "fsGroupChangePolicy",
            "supplementalGroups", "supplementalGroupsPolicy", "sysctls");
    /** Labels spark-gen puts on the pods itself. */
    private static final Set<String> OWN_LABELS = Set.of(Derive.APP_LABEL, Derive.ROLE_LABEL,
            "app.kubernetes.io/instance", "app.kubernetes.io/managed-by", "app.kubernetes.io/name",
            "app.kubernetes.io/component");
    /** A label spark-gen or Spark puts on the pods itself, which a job may not set. */
    static boolean ownLabel(String key) {
        return OWN_LABELS.contains(key) || Rules.SPARK_LABELS.contains(key);
    }

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern KUBERNETES_MEMORY = Pattern.compile("([0-9]+)([KMGT])i");
    private static final Pattern BARE_NUMBER = Pattern.compile("[0-9]+");
    private static final long MIN_OVERHEAD_MIB = 384;

    private final Conversion c;

    RoleConverter(Conversion c) {
        this.c = c;
    }

    void convert(MapNode spec, Node metadataLabels, Node nodeSelector) {
        boolean labelsGiven = c.isMapping("metadata.labels", metadataLabels);
        boolean selectorGiven = c.isMapping("spec.nodeSelector", nodeSelector);
        for (String role : List.of("driver", "executor")) {
            Node node = spec.get(role);
            Draft draft = c.job.object(role, node != null ? node.origin() : spec.origin());
            if (c.isMapping("spec." + role, node)) {
                role(role, node, draft);
            }
            if (labelsGiven) {
                labels(role, draft, metadataLabels, false, "metadata.labels");
            }
            if (selectorGiven) {
                Draft selector = draft.object("nodeSelector", nodeSelector.origin());
                entries(nodeSelector).forEach((key, value) -> selector.putIfAbsent(key, text(value)));
                c.note(role + ".nodeSelector", "with spec.nodeSelector");
            }
        }
        if (selectorGiven) {
            c.warn(nodeSelector, "spec.nodeSelector is carried over into driver.nodeSelector and "
                    + "executor.nodeSelector", "spark-gen has no job-wide node selector; each role's own wins");
        }
    }

    private void role(String role, Node node, Draft draft) {
        String prefix = "spec." + role + ".";
        Map<String, Node> fields = entries(node);
        fields.forEach((key, value) -> {
            if (absent(value)) {
                return;
            }
            String path = prefix + key;
            switch (key) {
                case "cores", "hostNetwork", "terminationGracePeriodSeconds" -> draft.put(key, value);
                case "coreLimit", "coreRequest", "image", "javaOptions" -> draft.put(key, text(value));
                case "memory", "memoryOverhead" -> draft.put(key, memory(path, value));
                case "secrets" -> draft.put(key, secrets(path, clean(value)));
                case "configMaps", "envFrom", "volumeMounts", "affinity", "tolerations", "dnsConfig",
                        "hostAliases", "lifecycle", "podSecurityContext" -> draft.put(key, clean(value));
                case "labels" -> {
                    if (c.isMapping(path, value)) {
                        labels(role, draft, value, true, null);
                    }
                }
                case "annotations", "nodeSelector" -> {
                    if (!c.isMapping(path, value)) {
                        return;
                    }
                    Draft map = draft.object(key, value.origin());
                    entries(value).forEach((name, item) -> map.put(name, text(item)));
                }
                case "securityContext" -> securityContext(role, value, draft, fields);
                case "env", "envVars", "envSecretKeyRefs" -> {
                } // below, together
                case "memoryLimit" -> {
                    if (role.equals("driver")) {
                        draft.put(key, memory(path, value));
                    } else {
                        c.warn(value, path + " is not carried over: Spark sets the executor pods' memory limit to "
                                + "their request (the heap plus the overhead)", "raise executor.memoryOverhead for "
                                + "more room");
                    }
                }
                case "serviceAccount" -> {
                    if (role.equals("driver")) {
                        c.job.put("serviceAccountName", text(value));
                        c.note("serviceAccountName", "from spec.driver.serviceAccount");
                        c.warn(value, path + " is carried over as serviceAccountName", "spark-submit runs in "
                                + "the driver pod with it: it needs the rights to create executor pods, services "
                                + "and configmaps (or set rbac.create: true instead)");
                    } else {
                        draft.put(key, text(value));
                    }
                }
                case "schedulerName", "priorityClassName" -> perJob(role, key, value);
                case "initContainers", "sidecars" -> draft.put(key, clean(value));
                case "instances", "deleteOnTermination" -> {
                    if (role.equals("executor")) {
                        draft.put(key, value);
                    } else {
                        c.unknown(path, value, key, POD_SPEC);
                    }
                }
                case "template" -> {
                } // below, once the role's own fields are in: they win
                case "gpu" -> {
                    if (c.isMapping(path, value)) {
                        copyGpu(path, value, draft.object("gpu", value.origin()));
                    }
                }
                case "ports" -> c.warn(value, path + " is not carried over: spark-gen declares the driver's own "
                        + "ports", "a port that a process in the pod listens on is reachable without being declared");
                case "shareProcessNamespace" -> c.warn(value, path + " is not carried over: spark-gen has no such "
                        + "field", null);
                case "podName" -> c.warn(value, path + " is not carried over: spark-gen names the driver pod "
                        + "<app>-driver", "the app name is name[-priorityClassName][nameSuffix]");
                case "kubernetesMaster" -> kubernetesMaster(value);
                case "serviceAnnotations", "serviceLabels" -> c.warn(value, path + " is not carried over: "
                        + "spark-gen's headless driver service carries its own labels only", "add them with a "
                        + "Kustomize patch on <app>-driver-svc");
                default -> c.unknown(path, value, key, role.equals("driver")
                        ? concat(POD_SPEC, DRIVER_ONLY) : concat(POD_SPEC, EXECUTOR_ONLY));
            }
        });
        env(role, node, draft);
        if (!absent(fields.get("template"))) {
            TemplateConverter.convert(c, role, fields.get("template"), draft);
        }
    }

    /** The operator's {name, quantity}: spark-gen's gpu has the same two, and the discovery script. */
    private void copyGpu(String path, Node value, Draft gpu) {
        entries(value).forEach((key, item) -> {
            if (key.equals("name")) {
                gpu.put(key, text(item));
            } else if (key.equals("quantity")) {
                gpu.put(key, item);
            } else if (!absent(item)) {
                c.unknown(path + "." + key, item, key, List.of("name", "quantity"));
            }
        });
    }

    /** KUDO's operator wrote the Kubernetes type Opaque where the Spark Operator has Generic: the same mount. */
    private Node secrets(String path, Node secrets) {
        List<Node> items = new ArrayList<>();
        for (Node item : items(secrets)) {
            Node type = item instanceof MapNode m ? m.get("secretType") : null;
            if ("Opaque".equals(textOf(type))) {
                java.util.Map<String, Node> entries = new java.util.LinkedHashMap<>(((MapNode) item).entries());
                entries.put("secretType", string(type.origin(), "Generic"));
                item = new MapNode(item.origin(), entries);
                c.note(path.substring("spec.".length()), "secretType Generic from Opaque");
                c.warn(type, path + " secretType Opaque is carried over as Generic", "both mount the Secret's keys "
                        + "as files; Opaque is Kubernetes' name for a Secret of any keys");
            }
            items.add(item);
        }
        return secrets instanceof ListNode ? new ListNode(secrets.origin(), items) : secrets;
    }

    /** A Spark memory size, as spark-gen reads it: a bare number is MiB for Spark, and 1Gi is no Spark size. */
    private Node memory(String path, Node value) {
        String text = textOf(value);
        if (text == null) {
            return value;
        }
        if (BARE_NUMBER.matcher(text).matches()) {
            return string(value.origin(), text + "m");
        }
        Matcher kubernetes = KUBERNETES_MEMORY.matcher(text);
        if (kubernetes.matches()) {
            String spark = kubernetes.group(1) + kubernetes.group(2).toLowerCase(java.util.Locale.ROOT);
            c.warn(value, path + " " + text + " is carried over as " + spark, "Spark reads sizes such as 512m or "
                    + "2g, in MiB and GiB: it refuses " + text);
            return string(value.origin(), spark);
        }
        return text(value);
    }

    private void labels(String role, Draft draft, Node labels, boolean wins, String from) {
        Draft map = draft.object("labels", labels.origin());
        entries(labels).forEach((key, value) -> {
            if (absent(value)) {
                return;
            }
            if (OWN_LABELS.contains(key) || Rules.SPARK_LABELS.contains(key)) {
                if (from == null || role.equals("driver")) {
                    c.warn(value, (from != null ? from : "spec." + role + ".labels") + " '" + key + "' is not "
                            + "carried over: " + (OWN_LABELS.contains(key) ? "spark-gen" : "Spark") + " sets it "
                            + "on the pods", "its services select the pods by these labels");
                }
                return;
            }
            if (wins) {
                map.put(key, text(value));
            } else if (map.putIfAbsent(key, text(value))) {
                c.note(role + ".labels", "with " + from + ", which the operator puts on every pod");
            }
        });
    }

    /**
     * In releases of v1beta2 before podSecurityContext existed, securityContext was the pod's: one that sets a
     * field only a pod has is taken as the pod's.
     */
    private void securityContext(String role, Node value, Draft draft, Map<String, Node> fields) {
        boolean podLevel = entries(value).keySet().stream().anyMatch(POD_ONLY_SECURITY::contains);
        if (podLevel && absent(fields.get("podSecurityContext"))) {
            draft.put("podSecurityContext", clean(value));
            c.note(role + ".podSecurityContext", "from spec." + role + ".securityContext");
            c.warn(value, "spec." + role + ".securityContext sets pod fields (" + String.join(", ",
                    entries(value).keySet().stream().filter(POD_ONLY_SECURITY::contains).toList())
                    + "): carried over as " + role + ".podSecurityContext", "older v1beta2 releases took "
                    + "securityContext as the pod's; spark-gen's securityContext is the container's");
        } else {
            draft.put("securityContext", clean(value));
        }
    }

    /** spark-gen has one scheduler and one priority class per job: the driver's, unless only executors have one. */
    private void perJob(String role, String key, Node value) {
        String jobKey = key;
        Node current = c.job.node(jobKey);
        if (current == null) {
            c.job.put(jobKey, text(value));
            c.note(jobKey, "from spec." + role + "." + key);
            if (key.equals("priorityClassName")) {
                c.warn(value, "spec." + role + ".priorityClassName is carried over as priorityClassName, which is "
                        + "also part of spark-gen's app name: <name>-" + textOf(value), "every object (and the "
                        + "executor pods) is named after it; the app name may have 47 characters at most");
            }
        } else if (!java.util.Objects.equals(textOf(current), textOf(value))) {
            c.warn(value, "spec." + role + "." + key + " '" + textOf(value) + "' is not carried over: spark-gen has "
                    + "one " + key + " for both roles, here '" + textOf(current) + "'", "run both roles with one "
                    + key);
        }
    }

    private void kubernetesMaster(Node value) {
        String url = textOf(value);
        if (url == null) {
            c.problems.error(value.origin(), "spec.driver.kubernetesMaster is " + value.describe()
                    + ", expected the API server's URL", null);
            return;
        }
        Draft sparkConf = c.job.object("sparkConf", value.origin());
        sparkConf.put("spark.master", string(value.origin(), url.startsWith("k8s://") ? url : "k8s://" + url));
        c.note("sparkConf", "spark.master from spec.driver.kubernetesMaster");
        c.warn(value, "spec.driver.kubernetesMaster is carried over as sparkConf spark.master", "in client mode "
                + "the driver is the submitter: it reaches the API server at spark.master");
    }

    /**
     * env (the Kubernetes list), envVars and envSecretKeyRefs (deprecated maps): one env. The map form when only
     * envVars was used and every name is a plain one, else the list form.
     */
    private void env(String role, Node node, Draft draft) {
        Node list = ((MapNode) node).get("env");
        Node vars = ((MapNode) node).get("envVars");
        Node secretRefs = ((MapNode) node).get("envSecretKeyRefs");
        List<Node> items = new ArrayList<>();
        List<Node> listed = items(list);
        for (int i = 0; i < listed.size(); i++) {
            if (c.isMapping("spec." + role + ".env[" + i + "]", listed.get(i))) {
                items.add(clean(listed.get(i)));
            }
        }
        if (list != null && !(list instanceof ListNode) && !absent(list)) {
            c.problems.error(list.origin(), "spec." + role + ".env is " + list.describe() + ", expected a list of "
                    + "{name, value | valueFrom}", null);
        }
        entries(vars).forEach((name, value) -> {
            if (!absent(value)) {
                items.add(map(value.origin(), "name", string(value.origin(), name), "value", text(value)));
            }
        });
        entries(secretRefs).forEach((name, ref) -> {
            if (c.isMapping("spec." + role + ".envSecretKeyRefs." + name, ref)) {
                items.add(map(ref.origin(), "name", string(ref.origin(), name),
                "valueFrom", map(ref.origin(), "secretKeyRef", map(ref.origin(),
                        "name", orEmpty(ref, "name"), "key", orEmpty(ref, "key")))));
            }
        });
        List<Node> kept = new ArrayList<>();
        for (Node item : items) {
            String name = textOf(((MapNode) item).get("name"));
            Node value = ((MapNode) item).get("value");
            if (name != null && reserved(role, name, item, value, draft)) {
                continue;
            }
            String text = textOf(value);
            if (text != null && text.contains("$(")) {
                c.warn(item, "spec." + role + " env " + name + " holds a $(VAR) reference, which Kubernetes "
                        + "expanded for the operator; spark-gen passes env values literally", "spell the value out");
            }
            kept.add(item);
        }
        if (kept.isEmpty()) {
            return;
        }
        Node origin = list != null ? list : vars != null ? vars : secretRefs;
        boolean mapForm = list == null && secretRefs == null && kept.stream()
                .allMatch(item -> ENV_NAME.matcher(String.valueOf(textOf(((MapNode) item).get("name")))).matches());
        if (mapForm) {
            Draft env = draft.object("env", origin.origin());
            kept.forEach(item -> env.put(textOf(((MapNode) item).get("name")), ((MapNode) item).get("value")));
        } else {
            draft.put("env", new ListNode(origin.origin(), kept));
        }
        if (vars != null || secretRefs != null) {
            c.note(role + ".env", "from " + (list != null ? "env, " : "") + (vars != null ? "envVars" : "")
                    + (vars != null && secretRefs != null ? ", " : "") + (secretRefs != null ? "envSecretKeyRefs" : ""));
        }
    }

    /** A key of a mapping as text, or an empty string (which validation then refuses at the mapping). */
    private static Node orEmpty(Node map, String key) {
        Node value = ((MapNode) map).get(key);
        return value == null ? string(map.origin(), "") : text(value);
    }

    /** A variable spark-gen or Spark sets itself: SPARK_HOME becomes sparkHome, the others are reported. */
    private boolean reserved(String role, String name, Node item, Node value, Draft draft) {
        boolean driver = role.equals("driver");
        if (!(driver ? Rules.DRIVER_ENV : Rules.EXECUTOR_ENV).contains(name)) {
            return false;
        }
        if (name.equals("SPARK_HOME") && textOf(value) != null) {
            if (driver) {
                c.job.put("sparkHome", text(value));
                c.note("sparkHome", "from the driver's SPARK_HOME");
            }
            c.warn(item, "spec." + role + " env SPARK_HOME is carried over as sparkHome", "spark-gen sets "
                    + "SPARK_HOME from it");
            return true;
        }
        c.warn(item, "spec." + role + " env " + name + " is not carried over: " + (driver ? "spark-gen" : "Spark")
                + " sets it", name.equals("SPARK_CONF_DIR") ? "spark-gen's configuration is in " + App.CONF_DIR
                + "; add files there with sparkConfigMap" : null);
        return true;
    }

    /**
     * spec.memoryOverheadFactor becomes each role's memoryOverhead (where none is set), by Spark's own rule:
     * max(384 MiB, factor x memory).
     */
    void memoryOverheadFactor(Node factor) {
        double value;
        try {
            value = Double.parseDouble(textOf(factor));
        } catch (NumberFormatException | NullPointerException e) {
            c.warn(factor, "spec.memoryOverheadFactor '" + textOf(factor) + "' is not a number: not carried over",
                    null);
            return;
        }
        List<String> carried = new ArrayList<>();
        for (String role : List.of("driver", "executor")) {
            Draft draft = c.job.object(role, factor.origin());
            if (draft.has("memoryOverhead")) {
                continue;
            }
            long heap;
            try {
                heap = draft.node("memory") != null ? Memory.parse(textOf(draft.node("memory"))).mebibytes() : 1024;
            } catch (RuntimeException e) {
                continue; // the memory is invalid: validation says so at its place
            }
            long overhead = Math.max(MIN_OVERHEAD_MIB, (long) (value * heap));
            draft.put("memoryOverhead", string(factor.origin(), overhead + "m"));
            c.note(role + ".memoryOverhead", "from spec.memoryOverheadFactor " + textOf(factor));
            carried.add(role + ".memoryOverhead " + overhead + "m");
        }
        c.warn(factor, "spec.memoryOverheadFactor " + textOf(factor) + (carried.isEmpty()
                ? " is not carried over: both roles set memoryOverhead" : " is carried over as "
                + String.join(" and ", carried)), "spark-gen sizes the overhead by Spark's rule (factor 0.1, or 0.4 "
                + "for Python and R) unless memoryOverhead is set");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
