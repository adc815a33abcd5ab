#!/usr/bin/env python3
"""The Python baseline of issue 5: what a careful team would write instead of spark-gen, made fast.

    bench/python/render.py JOB.yaml|DIR ... -o OUT [--profiles-dir DIR]...   # render, as spark-gen render
    bench/python/render.py JOB.yaml|DIR ... --inprocess [--rounds 3]          # per-job cost in the batch, no disk
    bench/python/render.py --selftest                                        # the validator rejects a bad job

Each job: PyYAML's libyaml loader (CSafeLoader) -> merge its profiles (each profile read and validated once;
maps merge, lists and scalars replace, an explicit null removes) -> validate the merged values with ONE compiled
Draft 2020-12 validator of schema/job.schema.json (a `referencing` registry resolves the profile and Kubernetes
schemas' $refs) -> bind with defaults and derive the names, labels, pod sizes, PodGroup, route and
spark-defaults.conf properties as spark-gen does (model/Derive, SparkProperties, render/View, Readme) -> the
cross-field rules -> render the same templates (a frozen copy of spark-gen's in templates/, each compiled once by
Jinja2, on first use, and kept in its bytecode cache) through the same encoding functions, registered as globals
(yaml, toyaml, fields, block, args, env, properties, exports, comment, md, label: ports of render/Encode,
YamlWriter and TemplateFunctions). One job writes OUT flat; several write OUT/<app>/ each and OUT/kustomization.yaml
listing them, as spark-gen. It does not parse its output back (spark-gen's self-check), keeps no line numbers for
messages, and refuses what the corpus does not use and it does not port (monitoring, networkPolicy, volumes and
mounts, Secrets and ConfigMaps of the roles, init containers and sidecars, sparkConfigMap, hadoopConfigMap).
"""
import argparse
import json
import os
import re
import shutil
import sys
import time

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))

# ------------------------------------------------------------------------------------------- encoding filters
# Ports of dev.sparkgen.render.Encode and YamlWriter: the same output for the same string.

_QUANTITY = re.compile(r"[0-9]+(\.[0-9]+)?(m|k|Ki|Mi|Gi|Ti|Pi|Ei|M|G|T|P)\Z")
_PLAIN = re.compile(r"[A-Za-z0-9._/+@:=$()\-]*\Z")
_RESERVED = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}
_SHELL_SAFE = re.compile(r"[A-Za-z0-9_./:@%+=,\-]+\Z")


def _plain_safe(s):
    n = len(s)
    if n == 0 or n > 200:
        return False
    if _QUANTITY.match(s):
        return True
    first = s[0]
    start_ok = first.isascii() and first.isalpha() or first == "/" or (
        first == "-" and n > 1 and (s[1] == "-" or s[1].isascii() and s[1].isalpha()))
    if not start_ok or s[-1] == ":" or not _PLAIN.match(s):
        return False
    return s.lower() not in _RESERVED


_DQ = {'"': '\\"', "\\": "\\\\", "\0": "\\0", "\t": "\\t", "\n": "\\n", "\r": "\\r", "\x85": "\\N",
       "\u2028": "\\L", "\u2029": "\\P"}


def double_quoted(s):
    out = ['"']
    for ch in s:
        c = ord(ch)
        if ch in _DQ:
            out.append(_DQ[ch])
        elif c < 0x20 or 0x7F <= c <= 0x9F:
            out.append("\\x%02X" % c)
        elif c == 0xFEFF or 0xD800 <= c <= 0xDFFF or c in (0xFFFE, 0xFFFF):
            out.append("\\u%04X" % c)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def f_yaml(s):
    s = str(s)
    return s if _plain_safe(s) else double_quoted(s)


def _literal_safe(text):
    for line in text.split("\n"):
        if line.endswith(" ") or line.endswith("\t"):
            return False
    for ch in text:
        c = ord(ch)
        if not (ch in "\n\t" or 0x20 <= c < 0x7F or 0xA0 <= c <= 0xD7FF and c not in (0x2028, 0x2029)
                or 0xE000 <= c <= 0xFFFD and c != 0xFEFF or 0x10000 <= c <= 0x10FFFF):
            return False
    return True


def f_block(text, indent):
    text = str(text)
    if not text.strip() or not _literal_safe(text):
        return " " + double_quoted(text)
    chomp = "-" if not text.endswith("\n") else "+" if text.endswith("\n\n") else ""
    indicator = "2" if text.startswith(" ") or text.startswith("\n") else ""
    pad = " " * indent
    body = text[:-1] if text.endswith("\n") else text
    return " |" + indicator + chomp + "".join("\n" + pad + line if line else "\n" for line in body.split("\n"))


def f_literal(s):
    s = str(s)
    return s.replace("$", "$$")


def f_shell(s):
    s = str(s)
    if _SHELL_SAFE.match(s):
        return s
    out, quoted = [], None
    for ch in s:
        c = ord(ch)
        if c < 0x20 or 0x7F <= c <= 0x9F or c in (0x2028, 0x2029, 0xFEFF):
            if quoted is not None:
                out.append("'" + "".join(quoted) + "'")
                quoted = None
            out.append("$'" + "".join({10: "\\n", 9: "\\t", 13: "\\r"}.get(b, "\\x%02X" % b)
                                      for b in ch.encode("utf-8")) + "'")
        elif ch == "'":
            if quoted is not None:
                out.append("'" + "".join(quoted) + "'")
                quoted = None
            out.append("\\'")
        else:
            if quoted is None:
                quoted = []
            quoted.append(ch)
    if quoted is not None:
        out.append("'" + "".join(quoted) + "'")
    return "".join(out) or "''"


_PROP_SAFE_VALUE = re.compile(r"[^\\\n\r\t\f\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]*\Z")
_PROP_FIRST = " =:"


def _properties(s, key):
    out = []
    for i, ch in enumerate(s):
        c = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch in "\n\r\t\f":
            out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t", "\f": "\\f"}[ch])
        elif ch == " ":
            out.append("\\ " if key or i == 0 else " ")
        elif ch in "=:":
            out.append("\\" + ch if key or i == 0 else ch)
        elif ch in "#!":
            out.append("\\" + ch if key else ch)
        elif c < 0x20 or 0x7F <= c <= 0x9F or c in (0x2028, 0x2029, 0xFEFF):
            out.append("\\u%04X" % c)
        else:
            out.append(ch)
    return "".join(out)


def f_propkey(s):
    return _properties(s, True)


def f_propvalue(s):
    # most values need no escape: skip the character loop for them
    if s and s[0] not in _PROP_FIRST and _PROP_SAFE_VALUE.match(s):
        return s
    return _properties(s, False)


_PROP_SAFE_KEY = re.compile(r"[A-Za-z0-9._\-*/]*\Z")


def f_properties(m):
    """Encode.propertiesFile: `key value` lines, in the map's order."""
    return "".join((k if _PROP_SAFE_KEY.match(k) else f_propkey(k)) + " " + f_propvalue(x) + "\n"
                   for k, x in m.items())


def f_exports(m):
    """Encode.exports: the export lines of a bash script."""
    return "".join("export %s=%s\n" % (k, f_shell(x)) for k, x in m.items())


_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]")


def _control(m):
    c = m.group()
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(c) or "\\u%04X" % ord(c)


def f_comment(s):
    """problem/Quote.controls: on one line, control characters escaped."""
    s = str(s)
    return _CONTROLS.sub(_control, s) if _CONTROLS.search(s) else s


_MD = re.compile(r"([\\`*_\[\]<>|~&])")


def f_md(s):
    return _MD.sub(r"\\\1", f_comment(s))


_LABEL = re.compile(r"[^A-Za-z0-9., /-]")


def f_label(s):
    return _LABEL.sub("_", str(s))


def _yaml_write(out, value, indent):
    if isinstance(value, dict):
        if not value:
            out.append(" {}")
            return
        for k in sorted(value):
            v = value[k]
            out.append("\n" + " " * indent + f_yaml(k) + ":")
            _yaml_write(out, v, indent + 2 if isinstance(v, dict) else indent)
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append(" []")
            return
        for item in value:
            out.append("\n" + " " * indent + "-")
            if isinstance(item, dict) and item:
                inner = []
                _yaml_write(inner, item, indent + 2)
                out.append(" " + "".join(inner)[indent + 3:])
            else:
                _yaml_write(out, item, indent + 2)
    elif isinstance(value, bool):
        out.append(" true" if value else " false")
    elif isinstance(value, (int, float)):
        out.append(" " + str(value))
    else:
        out.append(" " + f_yaml(value))


def f_toyaml(value, indent):
    out = []
    _yaml_write(out, value, int(indent))
    return "".join(out)


def f_fields(value, indent):
    """YamlWriter.fields: a map's entries or a list's items beside others; nothing when empty."""
    if not value:
        return ""
    out = []
    _yaml_write(out, value, indent)
    return "".join(out)


def f_args(value, indent):
    pad = "\n" + " " * indent + "- "
    return "".join(pad + f_yaml(f_literal(a["text"]) if a["literal"] else a["text"]) for a in value)


def f_env(value, indent):
    pad = "\n" + " " * indent
    out = []
    for var in value:
        out.append(pad + "- name: " + f_yaml(var["name"]))
        source = var["valueFrom"]
        if source:
            out.append(pad + "  valueFrom:")
            _yaml_write(out, source, indent + 4)
        else:
            out.append(pad + "  value: " + f_yaml(f_literal(var["value"])))
    return "".join(out)


# ------------------------------------------------------------------------------------------- values

def text(v):
    """A scalar as spark-gen keeps it: numbers and booleans as written (for what PyYAML can give back)."""
    if v is True:
        return "true"
    if v is False:
        return "false"
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return str(v)


def merge(layers):
    """Maps merge key by key; lists and scalars replace whole; an explicit null removes the key."""
    result = {}
    for layer in layers:
        _overlay(result, layer)
    return result


def _overlay(base, layer):
    for key, value in layer.items():
        under = base.get(key)
        if value is None:
            base.pop(key, None)
        elif isinstance(value, dict) and isinstance(under, dict):
            merged = dict(under)
            _overlay(merged, value)
            base[key] = merged
        else:
            base[key] = _without_nulls(value)


def _without_nulls(v):
    if isinstance(v, dict):
        return {k: _without_nulls(x) for k, x in v.items() if x is not None}
    if isinstance(v, list):
        return [_without_nulls(x) for x in v]
    return v


class Invalid(Exception):
    """A job that cannot be rendered; its messages, one a line."""

    def __init__(self, messages):
        super().__init__("\n".join(messages))
        self.messages = messages


class Profiles:
    """Profiles found in the given directories (later ones win), then the repository's; each read once."""

    def __init__(self, dirs, validator):
        self.paths = {}
        for d in [os.path.join(REPO, "profiles")] + list(dirs):
            if os.path.isdir(d):
                for f in os.listdir(d):
                    if f.endswith(".yaml"):
                        self.paths[f[:-5]] = os.path.join(d, f)
        self.validator = validator
        self.loaded = {}

    def get(self, name):
        if name not in self.loaded:
            path = self.paths.get(name)
            if path is None:
                raise Invalid(["unknown profile '%s' - known: %s" % (name, ", ".join(sorted(self.paths)))])
            with open(path, "rb") as f:
                doc = yaml.load(f.read(), Loader=yaml.CSafeLoader)
            errors = [e.message for e in self.validator.iter_errors(doc)]
            if errors:
                raise Invalid(["%s: %s" % (path, e) for e in errors])
            values = {k: v for k, v in doc.items() if k not in ("apiVersion", "kind", "name", "profiles")}
            self.loaded[name] = (doc.get("profiles") or [], values)
        return self.loaded[name]

    def expand(self, names, chain=(), done=None, out=None):
        """The profiles' values in the order they apply: each profile's own profiles before it, each once."""
        done = set() if done is None else done
        out = [] if out is None else out
        for name in names:
            if name in chain:
                raise Invalid(["profile '%s' includes itself" % name])
            if name in done:
                continue
            done.add(name)
            own, values = self.get(name)
            self.expand(own, chain + (name,), done, out)
            out.append(values)
        return out


# ------------------------------------------------------------------------------------------- derive

DERIVED = {"spark.submit.deployMode", "spark.kubernetes.namespace", "spark.kubernetes.driver.pod.name",
           "spark.driver.host", "spark.driver.bindAddress", "spark.kubernetes.executor.podNamePrefix",
           "spark.kubernetes.executor.podTemplateFile", "spark.ui.proxyBase", "spark.ui.proxyRedirectUri",
           "spark.kubernetes.memoryOverheadFactor", "spark.executor.memoryOverheadFactor",
           "spark.driver.memoryOverheadFactor", "spark.kubernetes.authenticate.driver.serviceAccountName",
           "spark.kubernetes.driver.podTemplateFile", "spark.jars.ivy"}
FIELDS = {"spark.executor.instances", "spark.executor.cores", "spark.executor.memory",
          "spark.executor.memoryOverhead", "spark.kubernetes.executor.limit.cores",
          "spark.kubernetes.executor.request.cores", "spark.executor.extraJavaOptions",
          "spark.kubernetes.executor.deleteOnTermination", "spark.kubernetes.authenticate.executor.serviceAccountName",
          "spark.driver.memory", "spark.driver.memoryOverhead", "spark.driver.cores",
          "spark.kubernetes.driver.limit.cores", "spark.kubernetes.driver.request.cores",
          "spark.driver.extraJavaOptions", "spark.driver.port", "spark.driver.blockManager.port", "spark.ui.port",
          "spark.ui.killEnabled",
          "spark.kubernetes.container.image", "spark.kubernetes.executor.container.image",
          "spark.kubernetes.driver.container.image", "spark.kubernetes.container.image.pullPolicy",
          "spark.kubernetes.container.image.pullSecrets", "spark.kubernetes.scheduler.name",
          "spark.kubernetes.executor.scheduler.name", "spark.jars", "spark.files", "spark.submit.pyFiles",
          "spark.jars.packages", "spark.jars.repositories", "spark.jars.excludes", "spark.archives",
          "spark.ui.prometheus.enabled", "spark.dynamicAllocation.enabled",
          "spark.dynamicAllocation.initialExecutors", "spark.dynamicAllocation.minExecutors",
          "spark.dynamicAllocation.maxExecutors", "spark.dynamicAllocation.shuffleTracking.enabled",
          "spark.dynamicAllocation.shuffleTracking.timeout"}
FIELD_PREFIXES = ("spark.hadoop.", "spark.kubernetes.executor.label.", "spark.kubernetes.executor.annotation.",
                  "spark.executorEnv.", "spark.kubernetes.executor.secrets.", "spark.kubernetes.executor.volumes.",
                  "spark.kubernetes.executor.node.selector.", "spark.kubernetes.node.selector.",
                  "spark.kubernetes.driver.label.", "spark.kubernetes.driver.annotation.",
                  "spark.kubernetes.driverEnv.", "spark.kubernetes.driver.secrets.",
                  "spark.kubernetes.driver.volumes.")
# model/SparkVersions: properties newer than Spark 3.0, and the release that brought them
SINCE = {"spark.archives": (3, 1, 0), "spark.kubernetes.configMap.maxSize": (3, 1, 0),
         "spark.kubernetes.authenticate.executor.serviceAccountName": (3, 1, 0),
         "spark.kubernetes.executor.checkAllContainers": (3, 1, 0),
         "spark.kubernetes.executor.missingPodDetectDelta": (3, 1, 1),
         "spark.kubernetes.allocation.driver.readinessTimeout": (3, 1, 3),
         "spark.kubernetes.executor.disableConfigMap": (3, 2, 0),
         "spark.kubernetes.driver.service.deleteOnTermination": (3, 2, 0),
         "spark.kubernetes.trust.certificates": (3, 2, 0), "spark.kubernetes.driver.ownPersistentVolumeClaim": (3, 2, 0),
         "spark.kubernetes.driver.reusePersistentVolumeClaim": (3, 2, 0),
         "spark.executor.memoryOverheadFactor": (3, 3, 0), "spark.driver.memoryOverheadFactor": (3, 3, 0),
         "spark.kubernetes.scheduler.name": (3, 3, 0), "spark.kubernetes.driver.scheduler.name": (3, 3, 0),
         "spark.executor.minMemoryOverhead": (4, 0, 0), "spark.driver.minMemoryOverhead": (4, 0, 0)}
DRIVER_ENV = {"SPARK_HOME", "SPARK_CONF_DIR", "SPARK_LOCAL_DIRS", "SPARK_DRIVER_BIND_ADDRESS", "SPARK_NAMESPACE"}
EXECUTOR_ENV = {"SPARK_DRIVER_URL", "SPARK_EXECUTOR_CORES", "SPARK_EXECUTOR_MEMORY", "SPARK_APPLICATION_ID",
                "SPARK_CONF_DIR", "SPARK_EXECUTOR_ID", "SPARK_EXECUTOR_POD_IP", "SPARK_EXECUTOR_POD_NAME",
                "SPARK_LOCAL_DIRS", "SPARK_USER", "SPARK_RESOURCE_PROFILE_ID", "SPARK_CLASSPATH",
                "SPARK_EXECUTOR_DIRS"}
SPARK_LABELS = {"spark-app-selector", "spark-exec-id", "spark-app-name", "spark-version",
                "spark-exec-resourceprofile-id"}
# What this baseline does not port (the corpus does not use it): a job that sets one is refused, not misrendered.
UNSUPPORTED = ("monitoring", "networkPolicy", "volumes", "sparkConfigMap", "hadoopConfigMap")
UNSUPPORTED_ROLE = ("secrets", "configMaps", "volumeMounts", "initContainers", "sidecars")
_SPARK_REF = re.compile(r"\$\{(env:|system:|spark\.)")
_MEM = re.compile(r"([0-9]+)([kmgt])b?\Z")
_UNIT_KIB = {"k": 1, "m": 1024, "g": 1024 ** 2, "t": 1024 ** 3}
CONF_DIR, SCRATCH_DIR = "/etc/spark/conf", "/var/data"
TEMPLATE_FILE = "executor-pod-template.yaml"
MASTER = "k8s://https://kubernetes.default.svc"
SYNC_BEFORE_POD = {"argocd.argoproj.io/sync-wave": "-1"}
GROUP_ANNOTATION = "scheduling.k8s.io/group-name"
REWRITE = "nginx.ingress.kubernetes.io/rewrite-target"


def _rule(resource, *verbs):
    return {"apiGroups": [""], "resources": [resource], "verbs": list(verbs)}


DRIVER_RULES = [_rule("pods", "create", "delete", "deletecollection", "get", "list", "patch", "watch"),
                _rule("configmaps", "create", "delete", "deletecollection", "get", "list", "watch"),
                _rule("services", "create", "delete", "deletecollection", "get", "list", "watch"),
                _rule("persistentvolumeclaims", "create", "delete", "deletecollection", "get", "list", "watch")]
CONF_MOUNT = {"mountPath": CONF_DIR, "name": "spark-conf", "readOnly": True}
SCRATCH_MOUNT = {"mountPath": SCRATCH_DIR, "name": "spark-scratch"}
SCRATCH_VOLUME = {"emptyDir": {}, "name": "spark-scratch"}


def mebibytes(mem):
    m = _MEM.match(mem.lower())
    return int(m.group(1)) * _UNIT_KIB[m.group(2)] // 1024


def text_map(m):
    return {k: text(v) for k, v in sorted((m or {}).items())}


def texts(lst):
    return [text(v) for v in lst or ()]


def version(v):
    parts = [int(p) for p in v.split(".")]
    return tuple(parts + [0] * (3 - len(parts)))


def millicores(q):
    if q.endswith("m"):
        return int(q[:-1])
    whole, _, frac = q.partition(".")
    return int(whole or "0") * 1000 + int((frac + "000")[:3])


class Sizing:
    """App.Sizing: the heap plus the overhead given, or max(384 MiB, factor x heap)."""
    __slots__ = ("heap", "overhead", "given", "factor", "pod")

    def __init__(self, role, factor):
        self.heap = mebibytes(text(role.get("memory", "1g")))
        over = role.get("memoryOverhead")
        self.given = over is not None
        self.overhead = mebibytes(text(over)) if self.given else max(384, int(factor * self.heap))
        self.factor = factor
        self.pod = self.heap + self.overhead


def cpu_request(role):
    return text(role["coreRequest"]) if role.get("coreRequest") is not None else str(role.get("cores", 1))


def env_value(name, value):
    return {"name": name, "value": value, "valueFrom": {}}


def role_env(role):
    """The role's own env: the map form sorted by name (a value, or {valueFrom}), or the list form in its order."""
    env = role.get("env")
    if isinstance(env, dict):
        return [{"name": n, "value": "", "valueFrom": x["valueFrom"]} if isinstance(x, dict)
                else env_value(n, text(x)) for n, x in sorted(env.items())]
    return [{"name": e["name"], "value": "" if "valueFrom" in e else text(e.get("value", "")),
             "valueFrom": e.get("valueFrom") or {}} for e in env or ()]


def pod_fields(role, v, service_account):
    """View.podFields: the pod-level settings of a role (the template's writer sorts the keys)."""
    f = {}
    for key, value in (("priorityClassName", v.get("priorityClassName")), ("schedulerName", v.get("schedulerName")),
                       ("serviceAccountName", service_account), ("nodeSelector", role.get("nodeSelector")),
                       ("tolerations", role.get("tolerations")), ("securityContext", role.get("podSecurityContext")),
                       ("dnsConfig", role.get("dnsConfig")), ("hostAliases", role.get("hostAliases")),
                       ("terminationGracePeriodSeconds", role.get("terminationGracePeriodSeconds"))):
        if value is not None:
            f[key] = value
    short, full = role.get("nodeAffinity"), role.get("affinity")
    if short:
        combined = dict(full or {})
        combined["nodeAffinity"] = {"requiredDuringSchedulingIgnoredDuringExecution": {"nodeSelectorTerms": [
            {"matchExpressions": [{"key": short.get("key", "type"), "operator": "In",
                                   "values": texts(short["values"])}]}]}}
        f["affinity"] = combined
    elif full is not None:
        f["affinity"] = full
    if role.get("hostNetwork") is True:
        f["hostNetwork"] = True
        f["dnsPolicy"] = "ClusterFirstWithHostNet"
    return f


def container_fields(role):
    return {k: role[o] for k, o in (("envFrom", "envFrom"), ("securityContext", "securityContext"),
                                    ("lifecycle", "lifecycle")) if role.get(o) is not None}


def container_port(name, port):
    return {"containerPort": port, "name": name, "protocol": "TCP"}


def service_port(name, port, node_port=None):
    d = {"name": name, "port": port, "protocol": "TCP", "targetPort": port}
    if node_port is not None:
        d["nodePort"] = node_port
    return d


def pod_labels(common, role_labels, which):
    out = dict(role_labels)
    out.update(common)
    out["app.kubernetes.io/component"] = which
    out["spark-role"] = which
    return out


def derive(v, source):
    """The view the templates see, from merged valid values: model/Derive, SparkProperties and render/View."""
    for key in UNSUPPORTED:
        if key in v:
            raise Invalid(["%s: '%s' is not supported by the Python baseline" % (source, key)])
    name = v["name"]
    ns = v.get("namespace", "default")
    pcn = v.get("priorityClassName")
    scheduler = v.get("schedulerName")
    app = name + ("-" + pcn if pcn else "") + v.get("nameSuffix", "")
    main_file = v["mainApplicationFile"]
    typ = v.get("type") or ("Python" if main_file.lower().endswith(".py")
                            else "R" if main_file.lower().endswith(".r") else "Scala")
    jvm = typ in ("Scala", "Java")
    factor = 0.1 if jvm else 0.4
    spark_version = version(v["sparkVersion"]) if "sparkVersion" in v else (4, 2, 0)
    drv, exe = v.get("driver") or {}, v.get("executor") or {}
    for role in (drv, exe):
        for key in UNSUPPORTED_ROLE:
            if key in role:
                raise Invalid(["%s: '%s' is not supported by the Python baseline" % (source, key)])
    ui = v.get("ui") or {}
    svc = ui.get("service") or {}
    ing = ui.get("ingress") or {}
    deps = v.get("deps") or {}
    dyn = v.get("dynamicAllocation") or {}
    dynamic = dyn.get("enabled", False)
    batch = v.get("batchSchedulerOptions") or {}
    rbac = (v.get("rbac") or {}).get("create", False)
    spark_conf, hadoop_conf, spark_env = text_map(v.get("sparkConf")), text_map(v.get("hadoopConf")), \
        text_map(v.get("sparkEnv"))
    names = {"pod": app + "-driver", "cm": app + "-cm", "driverSvc": app + "-driver-svc", "uiSvc": app + "-ui-svc",
             "ingress": app + "-ui-ingress", "serviceAccount": app + "-driver", "podGroup": app + "-pg",
             "driverPolicy": app + "-driver", "executorPolicy": app + "-executors"}
    labels = {"app-name": app, "app.kubernetes.io/instance": app, "app.kubernetes.io/managed-by": "spark-gen",
              "app.kubernetes.io/name": name}
    selector = {"app-name": app, "spark-role": "driver"}

    # the UI's route (Derive.route)
    enabled = ing.get("enabled", True)
    class_name = ing.get("className", "nginx")
    host, path, tls = ing.get("host"), ing.get("path"), (ing.get("tls") or {}).get("secretName")
    url_format = ing.get("urlFormat")
    if url_format is not None:
        url = url_format.replace("{{$appName}}", app).replace("{{$appNamespace}}", ns)
        slash = url.find("/")
        host = url if slash < 0 else url[:slash]
        rest = "" if slash < 0 else url[slash:].rstrip("/")
        path = rest or None
    if host is None and path is None:
        path = "/" + app
    path_routed = enabled and path is not None
    traefik = class_name == "traefik"

    port, bm_port, ui_port = drv.get("port", 7078), drv.get("blockManagerPort", 7079), ui.get("port", 4040)
    image, pull = v["image"], v.get("imagePullPolicy", "IfNotPresent")
    secrets = texts(v.get("imagePullSecrets"))
    drv_sizing, exe_sizing = Sizing(drv, factor), Sizing(exe, factor)
    instances = exe.get("instances")
    initial = (instances if instances is not None else 2) if not dynamic else max(
        0, *(n for n in (dyn.get("minExecutors"), dyn.get("initialExecutors"), instances) if n is not None))
    pod_group = None
    if scheduler == "volcano":
        resources = text_map(batch.get("resources"))
        if not resources:
            cpu = millicores(cpu_request(drv)) + initial * millicores(cpu_request(exe))
            resources = {"cpu": str(cpu // 1000) if cpu % 1000 == 0 else "%dm" % cpu,
                         "memory": "%dMi" % (drv_sizing.pod + initial * exe_sizing.pod)}
        pod_group = {"queue": batch.get("queue", "default"),
                     "priorityClassName": batch.get("priorityClassName", pcn) or "", "minResources": resources}
    drv_labels, exe_labels = text_map(drv.get("labels")), text_map(exe.get("labels"))
    drv_annotations, exe_annotations = text_map(drv.get("annotations")), text_map(exe.get("annotations"))
    if pod_group is not None:
        drv_annotations[GROUP_ANNOTATION] = exe_annotations[GROUP_ANNOTATION] = names["podGroup"]
    if scheduler == "yunikorn":
        queue = batch.get("queue", "root.default")
        drv_labels_out, exe_labels_out = pod_labels(labels, drv_labels, "driver"), pod_labels(labels, exe_labels,
                                                                                              "executor")
        drv_labels_out["queue"] = exe_labels_out["queue"] = queue
        drv_annotations["yunikorn.apache.org/app-id"] = exe_annotations["yunikorn.apache.org/app-id"] = app
    else:
        drv_labels_out, exe_labels_out = pod_labels(labels, drv_labels, "driver"), pod_labels(labels, exe_labels,
                                                                                              "executor")
    service_account = names["serviceAccount"] if rbac else v.get("serviceAccountName")

    # spark-defaults.conf (SparkProperties.of)
    p = {"spark.master": MASTER, "spark.app.name": app, "spark.submit.deployMode": "client",
         "spark.kubernetes.namespace": ns, "spark.kubernetes.driver.pod.name": names["pod"],
         "spark.driver.host": names["driverSvc"] + "." + ns + ".svc", "spark.driver.port": str(port),
         "spark.driver.blockManager.port": str(bm_port), "spark.driver.memory": text(drv.get("memory", "1g")),
         "spark.kubernetes.executor.podNamePrefix": app,
         "spark.kubernetes.executor.podTemplateFile": CONF_DIR + "/" + TEMPLATE_FILE,
         "spark.kubernetes.container.image": image, "spark.kubernetes.container.image.pullPolicy": pull,
         "spark.executor.cores": str(exe.get("cores", 1)), "spark.executor.memory": text(exe.get("memory", "1g")),
         "spark.ui.port": str(ui_port), "spark.ui.killEnabled": "true" if ui.get("killEnabled") is True else "false"}
    owners = {}
    if exe.get("image") is not None:
        p["spark.kubernetes.executor.container.image"] = exe["image"]
    if secrets:
        p["spark.kubernetes.container.image.pullSecrets"] = ",".join(secrets)
    if instances is not None or not dynamic:
        p["spark.executor.instances"] = str(instances if instances is not None else 2)
    if exe.get("memoryOverhead") is not None:
        p["spark.executor.memoryOverhead"] = text(exe["memoryOverhead"])
    if not jvm:
        key = "spark.executor.memoryOverheadFactor" if spark_version >= (3, 3, 0) \
            else "spark.kubernetes.memoryOverheadFactor"
        p[key] = str(factor)
        owners[key] = "type"
    if exe.get("coreLimit") is not None:
        p["spark.kubernetes.executor.limit.cores"] = text(exe["coreLimit"])
    if exe.get("coreRequest") is not None:
        p["spark.kubernetes.executor.request.cores"] = text(exe["coreRequest"])
    if exe.get("deleteOnTermination") is not None:
        p["spark.kubernetes.executor.deleteOnTermination"] = text(exe["deleteOnTermination"])
    if drv.get("javaOptions") is not None:
        p["spark.driver.extraJavaOptions"] = drv["javaOptions"]
    if exe.get("javaOptions") is not None:
        p["spark.executor.extraJavaOptions"] = exe["javaOptions"]
    if path_routed:
        p["spark.ui.proxyBase"] = path
    redirect = "https://" + host if enabled and host is not None and tls is not None else "/" if path_routed else None
    if redirect is not None:
        p["spark.ui.proxyRedirectUri"] = redirect
    for key, field in (("spark.jars", "jars"), ("spark.files", "files"), ("spark.submit.pyFiles", "pyFiles"),
                       ("spark.jars.packages", "packages"), ("spark.jars.repositories", "repositories"),
                       ("spark.jars.excludes", "excludePackages"), ("spark.archives", "archives")):
        if deps.get(field):
            p[key] = ",".join(texts(deps[field]))
            owners[key] = "deps." + field
    if deps.get("packages"):
        p["spark.jars.ivy"] = SCRATCH_DIR + "/ivy"
    if dynamic:
        p["spark.dynamicAllocation.enabled"] = "true"
        p["spark.dynamicAllocation.shuffleTracking.enabled"] = text(dyn.get("shuffleTrackingEnabled", True))
        if dyn.get("shuffleTrackingTimeout") is not None:
            p["spark.dynamicAllocation.shuffleTracking.timeout"] = "%dms" % dyn["shuffleTrackingTimeout"]
        for key in ("initialExecutors", "minExecutors", "maxExecutors"):
            if dyn.get(key) is not None:
                p["spark.dynamicAllocation." + key] = str(dyn[key])
    for k, x in hadoop_conf.items():
        p["spark.hadoop." + k] = x
    generated = set(p)
    p.update(spark_conf)
    spark_defaults = dict(sorted(p.items()))

    drv_env, exe_env = role_env(drv), role_env(exe)
    problems = rules(v, app, typ, jvm, spark_version, spark_conf, hadoop_conf, spark_defaults, generated, owners,
                     labels, drv_labels, exe_labels, drv_env, exe_env, port, bm_port, ui_port, drv, exe, drv_sizing,
                     svc, ing, enabled, host, path, tls, path_routed, class_name, dyn, dynamic, rbac, batch, scheduler,
                     names)

    # the driver pod (View.driver)
    spark_home = v.get("sparkHome", "/opt/spark")
    args = [{"text": spark_home + "/bin/spark-submit", "literal": True},
            {"text": "--conf", "literal": False},
            {"text": "spark.driver.bindAddress=$(SPARK_DRIVER_BIND_ADDRESS)", "literal": False},
            {"text": "--conf", "literal": False},
            {"text": "spark.kubernetes.namespace=$(SPARK_NAMESPACE)", "literal": False},
            {"text": "--conf", "literal": False},
            {"text": "spark.driver.host=" + names["driverSvc"] + ".$(SPARK_NAMESPACE).svc", "literal": False}]
    main_class = v.get("mainClass")
    if jvm and main_class is not None:
        args += [{"text": "--class", "literal": False}, {"text": main_class, "literal": True}]
    args.append({"text": main_file, "literal": True})
    arguments = texts(v.get("arguments"))
    args += [{"text": a, "literal": True} for a in arguments]
    env = [env_value("SPARK_HOME", spark_home), env_value("SPARK_CONF_DIR", CONF_DIR),
           env_value("SPARK_LOCAL_DIRS", SCRATCH_DIR + "/spark-local"),
           {"name": "SPARK_DRIVER_BIND_ADDRESS", "value": "", "valueFrom": {"fieldRef": {"fieldPath": "status.podIP"}}},
           {"name": "SPARK_NAMESPACE", "value": "", "valueFrom": {"fieldRef": {"fieldPath": "metadata.namespace"}}}]
    env += drv_env
    fields = pod_fields(drv, v, service_account)
    fields["restartPolicy"] = v.get("restartPolicy", "Never")
    if secrets:
        fields["imagePullSecrets"] = [{"name": s} for s in secrets]
    pod_mib = "%dMi" % drv_sizing.pod
    limits = {"memory": "%dMi" % mebibytes(text(drv["memoryLimit"])) if drv.get("memoryLimit") else pod_mib}
    if drv.get("coreLimit") is not None:
        limits["cpu"] = text(drv["coreLimit"])
    pod = {"labels": drv_labels_out, "annotations": drv_annotations, "fields": fields,
           "image": drv.get("image") or image, "args": args, "env": env,
           "ports": [container_port("driver-rpc-port", port), container_port("blockmanager", bm_port),
                     container_port("spark-ui", ui_port)],
           "resources": {"requests": {"cpu": cpu_request(drv), "memory": pod_mib}, "limits": limits},
           "volumeMounts": [CONF_MOUNT, SCRATCH_MOUNT], "containerFields": container_fields(drv), "sidecars": [],
           "volumes": [{"configMap": {"name": names["cm"]}, "name": "spark-conf"}, SCRATCH_VOLUME]}
    executor = {"labels": exe_labels_out, "annotations": exe_annotations,
                "fields": pod_fields(exe, v, exe.get("serviceAccount")), "container": container_fields(exe),
                "env": exe_env}

    # the UI (View.ingress)
    annotations = text_map(ing.get("annotations"))
    if path_routed and not traefik:
        annotations[REWRITE] = "/$2"
    strip = path_routed and traefik
    if strip:
        annotations["traefik.ingress.kubernetes.io/router.middlewares"] = ns + "-" + app + "-strip-prefix@kubernetescrd"
    regex = path_routed and not traefik
    ingress = {"apiVersion": "networking.k8s.io/v1", "annotations": annotations, "className": class_name,
               "host": host or "", "path": "/" if not path_routed else path + "(/|$)(.*)" if regex else path,
               "pathType": "ImplementationSpecific" if regex else "Prefix", "serviceBackend": True,
               "tls": [] if tls is None or host is None else [{"hosts": [host], "secretName": tls}],
               "middleware": app + "-strip-prefix", "prefix": path or ""}
    ui_labels = text_map(svc.get("labels"))
    ui_labels.update(labels)

    resources = ["driver-pod.yaml", "configmap.yaml", "driver-svc.yaml", "ui-svc.yaml"]
    if enabled:
        resources.append("ui-ingress.yaml")
    if rbac:
        resources.append("rbac.yaml")
    if pod_group is not None:
        resources.append("podgroup.yaml")
    if strip:
        resources.append("traefik-middleware.yaml")

    view = {"source": _SOURCE_UNSAFE.sub("_", source), "app": app, "namespace": ns, "names": names,
            "labels": labels, "imagePullPolicy": pull, "syncBeforePod": SYNC_BEFORE_POD, "selector": selector,
            "pod": pod, "executor": executor, "sparkDefaults": spark_defaults, "sparkEnv": spark_env,
            "driverPorts": [service_port("driver-rpc-port", port), service_port("blockmanager", bm_port)],
            "uiService": {"type": svc.get("type", "ClusterIP"), "labels": ui_labels,
                          "annotations": text_map(svc.get("annotations")),
                          "ports": [service_port("spark-ui", ui_port, svc.get("nodePort"))]},
            "ingress": ingress, "rbac": {"rules": DRIVER_RULES}, "podGroup": pod_group or {},
            "resources": resources}

    # the README's facts (render/Readme)
    def sized(role, s):
        return "%s CPU%s, %dMi = %dMi heap + %dMi overhead%s" % (
            cpu_request(role), " (limit %s)" % text(role["coreLimit"]) if role.get("coreLimit") is not None else "",
            s.pod, s.heap, s.overhead, "" if s.given else " (max(384Mi, %s × heap))" % s.factor)

    rows = [("app name (executor pod prefix)", app, 47), ("driver pod", names["pod"], 253),
            ("headless driver service", names["driverSvc"], 63), ("UI service", names["uiSvc"], 63),
            ("ConfigMap", names["cm"], 253)]
    if enabled:
        rows.append(("Ingress", names["ingress"], 253))
    profiles = texts(v.get("profiles"))
    if not enabled:
        ui_text = "no Ingress: kubectl port-forward pod/%s %d" % (names["pod"], ui_port)
    elif host is None:
        ui_text = "any host of the ingress class, under " + path
    else:
        ui_text = ("https://" if tls is not None else "http://") + host + (path if path is not None else "/")
    settings = [
        ("namespace", ns), ("profiles", ", ".join(profiles) if profiles else "none"),
        ("Spark", "%d.%d.%d, %s" % (spark_version + (typ,))), ("image", image),
        ("runs", main_file + (" (" + main_class + ")" if jvm and main_class is not None else "")
         + (" with %d argument%s" % (len(arguments), "" if len(arguments) == 1 else "s") if arguments else "")),
        ("driver", sized(drv, drv_sizing)),
        ("executors", ("dynamic, starting with " if dynamic else "") + "%d × " % initial + sized(exe, exe_sizing)),
        ("scheduling", ("priority class " + pcn if pcn is not None else "default priority") + ", "
         + (scheduler if scheduler is not None else "default scheduler")
         + (", PodGroup in queue " + pod_group["queue"] if pod_group is not None else "")),
        ("service account", service_account if service_account is not None else "default (of the namespace)"),
        ("Spark UI", ui_text)]
    view["readme"] = {"names": [{"what": w, "name": n, "length": "%d of %d" % (len(n), lim)} for w, n, lim in rows],
                      "settings": [{"what": w, "value": x} for w, x in settings],
                      "ingress": enabled, "rbac": rbac, "podGroup": pod_group is not None, "networkPolicy": False}
    return app, view, problems


_SOURCE_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


def rules(v, app, typ, jvm, spark_version, spark_conf, hadoop_conf, spark_defaults, generated, owners, labels,
          drv_labels, exe_labels, drv_env, exe_env, port, bm_port, ui_port, drv, exe, drv_sizing, svc, ing, enabled,
          host, path, tls, path_routed, class_name, dyn, dynamic, rbac, batch, scheduler, names):
    """The cross-field checks of rules/Rules.java that a job without the unported fields can break:
    (is_error, message) pairs."""
    p = []
    if len(app) > 47:
        p.append((True, "the app name '%s' is %d characters long, more than 47" % (app, len(app))))
    if spark_version < (3, 0, 0):
        p.append((True, "Spark %s is not supported" % v.get("sparkVersion")))
    if jvm and v.get("mainClass") is None:
        p.append((True, "a %s application needs 'mainClass'" % typ))
    elif not jvm and v.get("mainClass") is not None:
        p.append((False, "'mainClass' is ignored for a %s application" % typ))
    for key in spark_conf:
        if key in DERIVED:
            p.append((True, "sparkConf key '%s' is set by spark-gen" % key))
        elif key in generated or key in FIELDS or key.startswith(FIELD_PREFIXES):
            p.append((True, "sparkConf key '%s' duplicates a field" % key))
    for key in spark_defaults:
        since = SINCE.get(key)
        if since is not None and spark_version < since:
            p.append((False, "%s came with Spark %d.%d: Spark %d.%d.%d ignores it" % ((key,) + since[:2]
                                                                                     + spark_version)))
    for field, values in (("sparkConf", spark_conf), ("hadoopConf", hadoop_conf)):
        for key, value in values.items():
            if value != value.strip():
                p.append((False, "%s value of '%s' starts or ends with blanks" % (field, key)))
            if _SPARK_REF.search(value):
                p.append((False, "%s value of '%s' holds a ${...} reference" % (field, key)))
    for role, role_labels in (("driver", drv_labels), ("executor", exe_labels)):
        for key in role_labels:
            if key in labels or key in ("spark-role", "app.kubernetes.io/component") or key in SPARK_LABELS:
                p.append((True, "%s label '%s' is set by spark-gen or Spark" % (role, key)))
    for role, env, reserved in (("driver", drv_env, DRIVER_ENV), ("executor", exe_env, EXECUTOR_ENV)):
        seen = set()
        for e in env:
            n = e["name"]
            if n in reserved:
                p.append((True, "%s env '%s' is set by spark-gen or Spark" % (role, n)))
            elif n in seen:
                p.append((True, "%s env '%s' is set twice" % (role, n)))
            seen.add(n)
    if port == bm_port:
        p.append((True, "driver.blockManagerPort is driver.port (%d)" % port))
    if ui_port in (port, bm_port):
        p.append((True, "ui.port %d is also a driver port" % ui_port))
    exe_heap, drv_heap = mebibytes(text(exe.get("memory", "1g"))), drv_sizing.heap
    if exe_heap < 450:
        p.append((True, "executor.memory %s is less than Spark's minimum of 450m" % exe.get("memory")))
    if drv_heap < 512:
        p.append((True, "driver.memory %s is less than 512m" % drv.get("memory")))
    if svc.get("nodePort") is not None and svc.get("type", "ClusterIP") != "NodePort":
        p.append((True, "ui.service.nodePort needs ui.service.type NodePort"))
    if enabled:
        annotations = ing.get("annotations") or {}
        if tls is not None and host is None:
            p.append((True, "TLS needs a host"))
        if path_routed and svc.get("type") == "NodePort":
            p.append((False, "the UI is served under the path %s, so through the node port its links break" % path))
        if path_routed and class_name not in ("nginx", "traefik"):
            p.append((False, "spark-gen writes the path rewrite of nginx and traefik, not of '%s'" % class_name))
        if path_routed and REWRITE in annotations:
            p.append((True, "annotation '%s' is set by spark-gen" % REWRITE))
        if "kubernetes.io/ingress.class" in annotations:
            p.append((True, "annotation 'kubernetes.io/ingress.class' is set by spark-gen"))
        if ing.get("urlFormat") is not None and (ing.get("host") is not None or ing.get("path") is not None):
            p.append((True, "ui.ingress.urlFormat replaces host and path"))
    for role, r in (("driver", drv), ("executor", exe)):
        if r.get("nodeAffinity") and "nodeAffinity" in (r.get("affinity") or {}):
            p.append((True, "%s.nodeAffinity and %s.affinity.nodeAffinity are both set" % (role, role)))
        if r.get("coreLimit") is not None and millicores(text(r["coreLimit"])) < millicores(cpu_request(r)):
            p.append((True, "%s.coreLimit %s is less than the CPU the pod requests" % (role, r["coreLimit"])))
    if drv.get("memoryLimit") is not None and mebibytes(text(drv["memoryLimit"])) < drv_sizing.pod:
        p.append((True, "driver.memoryLimit %s is less than the pod's request" % drv["memoryLimit"]))
    if dynamic:
        lo, hi, first = dyn.get("minExecutors"), dyn.get("maxExecutors"), dyn.get("initialExecutors")
        if lo is not None and hi is not None and lo > hi:
            p.append((True, "dynamicAllocation.minExecutors %d is more than maxExecutors %d" % (lo, hi)))
        if first is not None and hi is not None and first > hi:
            p.append((True, "dynamicAllocation.initialExecutors %d is more than maxExecutors %d" % (first, hi)))
        if not dyn.get("shuffleTrackingEnabled", True):
            p.append((False, "dynamic allocation without shuffle tracking needs an external shuffle service"))
    if rbac and v.get("serviceAccountName") is not None:
        p.append((True, "rbac.create writes the driver's own ServiceAccount, " + names["serviceAccount"]))
    if "batchSchedulerOptions" in v and scheduler not in ("volcano", "yunikorn"):
        p.append((False, "batchSchedulerOptions apply to the volcano and yunikorn schedulers"))
    if v.get("restartPolicy", "Never") == "OnFailure":
        p.append((False, "with restartPolicy OnFailure, a restarted driver creates executors named %s-exec-1... "
                         "again" % app))
    return p


# ------------------------------------------------------------------------------------------- the pipeline

class Compiled(dict):
    """Templates by name without the .j2, each compiled on first use and kept."""

    def __init__(self, env):
        super().__init__()
        self.env = env

    def __missing__(self, name):
        template = self[name] = self.env.get_template(name + ".j2")
        return template


class Pipeline:
    """Everything built once per process: the validators, the profiles, the compiled templates."""

    def __init__(self, profile_dirs, templates=os.path.join(HERE, "templates"), render=True):
        schemas = {}
        for name in ("job.schema.json", "profile.schema.json", "kubernetes.schema.json"):
            with open(os.path.join(REPO, "schema", name)) as f:
                schemas[name] = json.load(f)
        registry = Registry().with_resources([(n, Resource.from_contents(s)) for n, s in schemas.items()])
        self.validator = Draft202012Validator(schemas["job.schema.json"], registry=registry)
        self.profiles = Profiles(profile_dirs, Draft202012Validator(schemas["profile.schema.json"],
                                                                    registry=registry))
        self.stages = None  # per-stage seconds when timing
        self.t = None
        if not render:  # --validate: as `spark-gen validate`, which builds no template engine either
            return
        import jinja2
        # Each template is compiled once, when first used (a single job needs 9 to 11 of the 16), and Jinja2's
        # bytecode cache keeps the compiled code for the next process, as spark-gen's class archives do for it.
        cache = os.path.join(REPO, "bench", "work", "jinja-cache")
        os.makedirs(cache, exist_ok=True)
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(templates), trim_blocks=True, lstrip_blocks=True,
                                 keep_trailing_newline=True, undefined=jinja2.StrictUndefined, autoescape=False,
                                 auto_reload=False, bytecode_cache=jinja2.FileSystemBytecodeCache(cache))
        env.globals.update(yaml=f_yaml, toyaml=f_toyaml, fields=f_fields, block=f_block, args=f_args, env=f_env,
                           properties=f_properties, exports=f_exports, comment=f_comment, md=f_md, label=f_label)
        self.t = Compiled(env)

    def load(self, data, display):
        """Bytes of a job -> (app, view, warnings), or Invalid."""
        doc = yaml.load(data, Loader=yaml.CSafeLoader)
        if not isinstance(doc, dict):
            raise Invalid(["%s: not a YAML mapping" % display])
        if doc.get("kind") == "Profile":
            raise Invalid(["%s: this is a profile (kind: Profile), not a job" % display])
        names = doc.get("profiles") or []
        layers = self.profiles.expand(names if isinstance(names, list) else []) + [doc]
        return doc, merge(layers)

    def validate(self, merged, display):
        if not self.validator.is_valid(merged):
            raise Invalid(["%s: %s: %s" % (display, "/".join(str(p) for p in e.absolute_path) or "(root)",
                                           e.message) for e in self.validator.iter_errors(merged)])

    def render_view(self, view):
        """render/Renderer: the ConfigMap's files first, then the manifests, the kustomization, the README."""
        t = self.t
        defaults = t["spark-defaults.conf"].render(view)
        env = t["spark-env.sh"].render(view)
        template = t["executor-pod-template.yaml"].render(view)
        view["files"] = {"defaults": defaults, "env": env, "template": template, "metrics": ""}
        out = {name: t[name].render(view) for name in view["resources"]}
        out["kustomization.yaml"] = t["kustomization.yaml"].render(view)
        out["README.md"] = t["README.md"].render(view)
        return out

    def job(self, data, display):
        """One job's bytes -> (app, {file: text}, warnings)."""
        _, merged = self.load(data, display)
        self.validate(merged, display)
        app, view, problems = derive(merged, os.path.basename(display))
        errors = [m for e, m in problems if e]
        if errors:
            raise Invalid(["%s: %s" % (display, m) for m in errors])
        return app, self.render_view(view), ["%s: warning: %s" % (display, m) for e, m in problems if not e]

    def job_timed(self, data, display, acc):
        """job(), with each stage's time added to acc."""
        c = time.perf_counter
        t0 = c()
        _, merged = self.load(data, display)
        t1 = c()
        self.validate(merged, display)
        t2 = c()
        app, view, problems = derive(merged, os.path.basename(display))
        t3 = c()
        files = self.render_view(view)
        t4 = c()
        acc[0] += t1 - t0
        acc[1] += t2 - t1
        acc[2] += t3 - t2
        acc[3] += t4 - t3
        return app, files


def job_files(args):
    out = []
    for a in args:
        if os.path.isdir(a):
            out += sorted(os.path.join(a, f) for f in os.listdir(a) if f.endswith(".yaml"))
        else:
            out.append(a)
    return out


def write(out_dir, rendered, root_kustomization):
    """Writes into a fresh staging directory, then swaps it in: OUT is either the old or the new tree."""
    stage = out_dir.rstrip("/") + ".render-tmp"
    shutil.rmtree(stage, ignore_errors=True)
    os.makedirs(stage)
    if len(rendered) == 1:
        dirs = [(stage, rendered[0][1])]
    else:
        dirs = [(os.path.join(stage, app), files) for app, files in rendered]
        with open(os.path.join(stage, "kustomization.yaml"), "w", encoding="utf-8", newline="\n") as f:
            f.write(root_kustomization.render(resources=[app for app, _ in rendered]))
    for d, files in dirs:
        if d != stage:
            os.mkdir(d)
        for name, body in files.items():
            with open(os.path.join(d, name), "w", encoding="utf-8", newline="\n") as f:
                f.write(body)
    old = out_dir.rstrip("/") + ".render-old"
    if os.path.exists(out_dir):
        shutil.rmtree(old, ignore_errors=True)
        os.rename(out_dir, old)
    os.rename(stage, out_dir)
    shutil.rmtree(old, ignore_errors=True)


def inprocess(pipeline, inputs, rounds):
    """Per-job cost in the batch, without disk: all bytes read first, then `rounds` timed passes after a warm-up."""
    for data, display in inputs:  # warm-up: profiles loaded, caches filled
        pipeline.job(data, display)
    c = time.perf_counter
    per_round, cpu_round = [], []
    acc = [0.0, 0.0, 0.0, 0.0]
    for _ in range(rounds):
        t0, u0 = c(), time.thread_time()
        for data, display in inputs:
            pipeline.job(data, display)
        per_round.append((c() - t0) / len(inputs))
        cpu_round.append((time.thread_time() - u0) / len(inputs))
    for data, display in inputs:
        pipeline.job_timed(data, display, acc)
    per_round.sort()
    cpu_round.sort()
    n = len(inputs)
    print("python-inprocess jobs=%d rounds=%d per_job_us_median=%.1f per_job_us_min=%.1f cpu_us_median=%.1f "
          "cpu_us_min=%.1f" % (n, rounds, per_round[len(per_round) // 2] * 1e6, per_round[0] * 1e6,
                               cpu_round[len(cpu_round) // 2] * 1e6, cpu_round[0] * 1e6))
    print("python-inprocess stages_us load+merge=%.1f validate=%.1f derive+rules=%.1f render=%.1f" % tuple(
        a / n * 1e6 for a in acc))


def selftest(pipeline):
    good = (b"apiVersion: spark-gen/v1\nkind: SparkJob\nname: ok\nimage: apache/spark:3.5.3\n"
            b"mainApplicationFile: local:///opt/app/a.py\nprofiles: [routine]\n")
    app, files, _ = pipeline.job(good, "good.yaml")
    assert app == "ok-routine" and "driver-pod.yaml" in files, app
    bad = {b"executor: {instnces: 3}\n": "instnces", b"name: Bad_Name\n": "Bad_Name",
           b"executor: {memory: lots}\n": "lots", b"ui: {port: 99999}\n": "99999"}
    for extra, word in bad.items():
        try:
            pipeline.job(good + extra, "bad.yaml")
        except Invalid as e:
            assert word in str(e), (word, str(e))
            continue
        raise AssertionError("the validator accepted a bad job: %r" % extra)
    try:
        pipeline.job(good + b"sparkConf: {spark.executor.instances: '3'}\n", "bad.yaml")
        raise AssertionError("rules accepted a field-owned sparkConf key")
    except Invalid:
        pass
    print("render.py selftest: ok (a valid job renders; %d bad jobs rejected)" % (len(bad) + 1))


def validate(pipeline, files):
    """As `spark-gen validate JOB...`: every problem of every job, exit 1 when there is an error."""
    messages, failed = [], False
    for path in files:
        with open(path, "rb") as f:
            data = f.read()
        try:
            _, merged = pipeline.load(data, path)
            pipeline.validate(merged, path)
            _, _, problems = derive(merged, os.path.basename(path))
        except Invalid as e:
            messages += e.messages
            failed = True
            continue
        failed = failed or any(e for e, _ in problems)
        messages += ["%s: %s%s" % (path, "" if e else "warning: ", m) for e, m in problems]
    if messages:
        sys.stderr.write("\n".join(messages) + "\n")
    return 1 if failed else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("jobs", nargs="*")
    ap.add_argument("-o", "--output")
    ap.add_argument("--profiles-dir", action="append", default=[])
    ap.add_argument("--inprocess", action="store_true", help="time the per-job cost in the batch, no disk")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--selftest", action="store_true")
    ap.add_argument("--validate", action="store_true", help="load, validate and check the jobs; write nothing")
    a = ap.parse_args()
    pipeline = Pipeline(a.profiles_dir, render=not a.validate)
    if a.selftest:
        selftest(pipeline)
        return 0
    files = job_files(a.jobs)
    if a.validate:
        return validate(pipeline, files)
    if not files or not (a.output or a.inprocess):
        ap.error("give job files or directories, and -o OUT or --inprocess")
    inputs = []
    for path in files:
        with open(path, "rb") as f:
            inputs.append((f.read(), path))
    if a.inprocess:
        inprocess(pipeline, inputs, a.rounds)
        return 0
    rendered, messages, seen = [], [], {}
    for data, display in inputs:
        try:
            app, out, warnings = pipeline.job(data, display)
        except Invalid as e:
            messages += e.messages
            continue
        except yaml.YAMLError as e:
            messages.append("%s: %s" % (display, str(e).replace("\n", " ")))
            continue
        messages += warnings
        if app in seen:
            messages.append("%s: the app '%s' is also %s's" % (display, app, seen[app]))
            continue
        seen[app] = display
        rendered.append((app, out))
    failed = len(rendered) < len(inputs)
    if messages:
        sys.stderr.write("\n".join(messages) + "\n")
    if failed:
        return 1
    rendered.sort()
    write(a.output, rendered, pipeline.t["root-kustomization.yaml"])
    sys.stderr.write("render.py: %d job(s) -> %s\n" % (len(rendered), a.output))
    return 0


if __name__ == "__main__":
    sys.exit(main())
