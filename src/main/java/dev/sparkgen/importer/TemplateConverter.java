package dev.sparkgen.importer;

import static dev.sparkgen.importer.Conversion.absent;
import static dev.sparkgen.importer.Conversion.clean;
import static dev.sparkgen.importer.Conversion.entries;
import static dev.sparkgen.importer.Conversion.items;
import static dev.sparkgen.importer.Conversion.map;
import static dev.sparkgen.importer.Conversion.shown;
import static dev.sparkgen.importer.Conversion.string;
import static dev.sparkgen.importer.Conversion.text;
import static dev.sparkgen.importer.Conversion.textOf;

import dev.sparkgen.source.ListNode;
import dev.sparkgen.source.MapNode;
import dev.sparkgen.source.Node;
import java.util.List;

/**
 * {@code spec.driver.template} / {@code spec.executor.template}, the operator's pod templates, into the role's
 * own fields: its labels, service account, security context, tolerations, volumes, containers... The
 * SparkApplication's own fields win, as Spark's own settings win over a template's; each value that is not
 * carried over is a warning that names it and what the pod loses.
 */
final class TemplateConverter {

    private final Conversion c;
    private final String role;
    private final Draft draft;
    private final String path;

    private TemplateConverter(Conversion c, String role, Draft draft) {
        this.c = c;
        this.role = role;
        this.draft = draft;
        this.path = "spec." + role + ".template";
    }

    /** Converts a role's template into its draft, after the role's own fields are in it. */
    static void convert(Conversion c, String role, Node template, Draft draft) {
        if (c.isMapping("spec." + role + ".template", template)) {
            new TemplateConverter(c, role, draft).template(template);
        }
    }

    private void template(Node template) {
        entries(template).forEach((key, value) -> {
            if (absent(value)) {
                return;
            }
            switch (key) {
                case "metadata" -> entries(c.isMapping(path + ".metadata", value) ? value : null).forEach((name, item) -> {
                    if (name.equals("labels") || name.equals("annotations")) {
                        mergeMap(path + ".metadata." + name, item, draft, name);
                    } else if (!absent(item)) {
                        lost(path + ".metadata." + name, item, "Spark names the executor pods, and spark-gen the "
                                + "driver pod and its namespace");
                    }
                });
                case "spec" -> {
                    if (c.isMapping(path + ".spec", value)) {
                        spec(value);
                    }
                }
                default -> lost(path + "." + key, value, "a pod template has metadata and spec only");
            }
        });
    }

    private void spec(Node spec) {
        boolean driver = role.equals("driver");
        entries(spec).forEach((key, value) -> {
            if (absent(value)) {
                return;
            }
            String at = path + ".spec." + key;
            switch (key) {
                case "serviceAccountName", "serviceAccount" -> {
                    if (driver) {
                        single(at, value, c.job, "serviceAccountName", "the driver runs as");
                    } else {
                        single(at, value, draft, "serviceAccount", "the executors run as");
                    }
                }
                case "securityContext" -> single(at, clean(value), draft, "podSecurityContext", "the pods get");
                case "affinity", "dnsConfig", "hostNetwork", "terminationGracePeriodSeconds" ->
                        single(at, clean(value), draft, key, "the pods get");
                case "nodeSelector" -> mergeMap(at, value, draft, "nodeSelector");
                case "tolerations", "hostAliases" -> concat(at, value, draft, key);
                case "initContainers" -> named(at, value, draft, "initContainers");
                case "volumes" -> named(at, value, c.job, "volumes");
                case "imagePullSecrets" -> items(value).forEach(secret -> {
                    Node name = secret instanceof MapNode m ? text(m.get("name")) : null;
                    if (textOf(name) != null && items(c.job.node("imagePullSecrets")).stream()
                            .noneMatch(n -> textOf(name).equals(textOf(n)))) {
                        Conversion.append(c.job, "imagePullSecrets", name);
                    }
                });
                case "priorityClassName", "schedulerName" -> {
                    Node current = c.job.node(key);
                    if (current == null) {
                        c.job.put(key, text(value));
                        c.note(key, "from " + at);
                    } else if (!java.util.Objects.equals(textOf(current), textOf(value))) {
                        lost(at, value, "spark-gen has one " + key + " for both pods, here " + shown(current));
                    }
                }
                case "containers" -> containers(at, value);
                default -> lost(at, value, "spark-gen has no field for it");
            }
        });
    }

    /** The first container is Spark's (as Spark takes it); the others run beside it. */
    private void containers(String at, Node containers) {
        List<Node> all = items(containers);
        for (int i = 0; i < all.size(); i++) {
            if (i > 0) {
                named(at, new ListNode(all.get(i).origin(), List.of(all.get(i))), draft, "sidecars");
                continue;
            }
            String where = at + "[0]";
            entries(all.get(0)).forEach((key, value) -> {
                if (absent(value)) {
                    return;
                }
                switch (key) {
                    case "name" -> {
                    } // Spark names its container
                    case "image" -> single(where + ".image", text(value), draft, "image", "the container runs");
                    case "securityContext", "lifecycle" -> single(where + "." + key, clean(value), draft, key,
                            "the container gets");
                    case "env" -> env(where + ".env", value);
                    case "envFrom", "volumeMounts" -> concat(where + "." + key, value, draft, key);
                    case "resources" -> lost(where + ".resources", value, "spark-gen sizes the " + role + " from "
                            + role + ".cores, coreRequest, coreLimit, memory and memoryOverhead (GPUs: " + role
                            + ".gpu)");
                    case "command", "args" -> lost(where + "." + key, value, "Spark runs its own entrypoint "
                            + "(spark-submit in the driver, the executor backend in executors)");
                    default -> lost(where + "." + key, value, "spark-gen has no field for it");
                }
            });
        }
    }

    private void env(String at, Node list) {
        for (Node item : items(list)) {
            if (!c.isMapping(at, item)) {
                continue;
            }
            String name = String.valueOf(textOf(((MapNode) item).get("name")));
            if (draft.node("env") instanceof ListNode || !draft.has("env")) {
                if (items(draft.node("env")).stream().anyMatch(e -> name.equals(nameOf(e)))) {
                    lost(at + " " + name, item, "spec." + role + " sets " + name + " too, and wins");
                } else {
                    Conversion.append(draft, "env", clean(item));
                }
            } else {
                Draft env = draft.object("env", item.origin());
                Node value = ((MapNode) item).get("value");
                Node valueFrom = ((MapNode) item).get("valueFrom");
                Node entry = valueFrom != null ? map(item.origin(), "valueFrom", clean(valueFrom))
                        : value != null ? text(value) : string(item.origin(), "");
                if (!env.putIfAbsent(name, entry)) {
                    lost(at + " " + name, item, "spec." + role + " sets " + name + " too, and wins");
                }
            }
        }
        c.note(role + ".env", "with " + at);
    }

    /** A value the role has once: the template's unless the SparkApplication set it already. */
    private void single(String at, Node value, Draft into, String key, String gets) {
        Node current = into.node(key);
        if (current == null && !into.has(key)) {
            into.put(key, value);
            c.note(into == c.job ? key : role + "." + key, "from " + at);
        } else if (current == null || !Conversion.sameData(current, Conversion.plain(value))) {
            lost(at, value, "the SparkApplication's own " + (into == c.job ? key : role + "." + key) + " wins, so "
                    + gets + " " + (current != null ? shown(current) : "that") + " instead");
        }
    }

    /** Map entries (labels, annotations, node selectors): the SparkApplication's own keys win. */
    private void mergeMap(String at, Node value, Draft into, String key) {
        if (!c.isMapping(at, value)) {
            return;
        }
        Draft map = into.object(key, value.origin());
        entries(value).forEach((name, item) -> {
            if (absent(item)) {
                return;
            }
            Node current = map.node(name);
            if (key.equals("labels") && RoleConverter.ownLabel(name)) {
                lost(at + " " + name, item, "spark-gen and Spark set this label on the pods themselves");
            } else if (current == null) {
                map.put(name, text(item));
            } else if (!java.util.Objects.equals(textOf(current), textOf(item))) {
                lost(at + " " + name, item, "spec." + role + " sets " + name + " " + shown(current) + ", and wins");
            }
        });
        c.note(role + "." + key, "with " + at);
    }

    /** List items of their own (tolerations, mounts): the template's after the SparkApplication's. */
    private void concat(String at, Node value, Draft into, String key) {
        items(value).forEach(item -> Conversion.append(into, key, clean(item)));
        c.note(role + "." + key, "with " + at);
    }

    /** Named items (containers, volumes): the template's unless one of that name is there already. */
    private void named(String at, Node value, Draft into, String key) {
        for (Node item : items(value)) {
            if (!c.isMapping(at, item)) {
                continue;
            }
            String name = nameOf(item);
            Node existing = items(into.node(key)).stream()
                    .filter(e -> name != null && name.equals(nameOf(e))).findFirst().orElse(null);
            if (existing == null) {
                Conversion.append(into, key, clean(item));
                c.note(into == c.job ? key : role + "." + key, "with " + at);
            } else if (!Conversion.sameData(existing, Conversion.plain(clean(item)))) {
                lost(at + " '" + name + "'", item, "the SparkApplication has another '" + name + "' in "
                        + (into == c.job ? key : "spec." + role + "." + key) + ", which wins");
            }
        }
    }

    /** The name of a named item (a container, a volume), or null. */
    static String nameOf(Node item) {
        return item instanceof MapNode map ? textOf(map.get("name")) : null;
    }

    /** A warning that names the field, its value and what the pod loses with it. */
    private void lost(String at, Node value, String why) {
        c.warn(value, at + " " + shown(value) + " is not carried over: " + why, "the " + role + " pod"
                + (role.equals("executor") ? "s" : "") + " lose" + (role.equals("executor") ? "" : "s") + " it");
    }
}
