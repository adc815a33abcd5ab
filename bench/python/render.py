#!/usr/bin/env python3
"""The Python baseline of issue 5: what a careful team would write instead of spark-gen, made fast.

    bench/python/render.py JOB.yaml|DIR ... -o OUT [--profiles-dir DIR]...   # render, as spark-gen render
    bench/python/render.py JOB.yaml|DIR ... --inprocess [--rounds 3]          # per-job cost in the batch, no disk
    bench/python/render.py --selftest                                        # the validator rejects a bad job

Each job: PyYAML's libyaml loader (CSafeLoader) -> merge its profiles (each profile read and validated once;
maps merge, lists and scalars replace, an explicit null removes) -> validate the merged values with ONE compiled
Draft 2020-12 validator of schema/job.schema.json (a `referencing` registry resolves the profile schema's $refs
to it) -> bind with defaults and derive the names, labels, pod sizes and spark-defaults.conf properties as
spark-gen does (model/Derive, SparkProperties, App, render/View) -> the cross-field rules -> render the same
nine templates (a frozen copy of spark-gen's in templates/, compiled once by Jinja2) with the same encoding
filters (yaml, toyaml, block, literal, shell, propkey, propvalue, ported from render/Encode and YamlWriter).
One job writes OUT flat; several write OUT/<app>/ each and OUT/kustomization.yaml listing them, as spark-gen.
It does not parse its output back (spark-gen's self-check), and keeps no line numbers for messages.
"""
import argparse
import json
import os
import re
import shutil
import sys
import time

import jinja2
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
        elif c > 0xFFFF:  # Java writes a supplementary character as two chars, both valid
            out.append(ch)
        else:
            out.append(ch)
    return "".join(out)


def f_propkey(s):
    return _properties(str(s), True)


def f_propvalue(s):
    return _properties(str(s), False)


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
           "spark.kubernetes.driver.podTemplateFile"}
FIELDS = {"spark.executor.instances", "spark.executor.cores", "spark.executor.memory",
          "spark.executor.memoryOverhead", "spark.kubernetes.executor.limit.cores", "spark.driver.memory",
          "spark.driver.memoryOverhead", "spark.driver.cores", "spark.kubernetes.driver.limit.cores",
          "spark.driver.port", "spark.driver.blockManager.port", "spark.ui.port", "spark.kubernetes.container.image",
          "spark.kubernetes.executor.container.image", "spark.kubernetes.driver.container.image",
          "spark.kubernetes.container.image.pullPolicy", "spark.kubernetes.container.image.pullSecrets",
          "spark.kubernetes.scheduler.name", "spark.kubernetes.executor.scheduler.name", "spark.jars", "spark.files",
          "spark.submit.pyFiles", "spark.jars.packages", "spark.jars.repositories", "spark.jars.excludes"}
FIELD_PREFIXES = ("spark.hadoop.", "spark.kubernetes.executor.label.", "spark.kubernetes.executor.annotation.",
                  "spark.executorEnv.", "spark.kubernetes.driver.label.", "spark.kubernetes.driver.annotation.",
                  "spark.kubernetes.driverEnv.")
DRIVER_ENV = {"SPARK_HOME", "SPARK_CONF_DIR", "SPARK_LOCAL_DIRS", "SPARK_DRIVER_BIND_ADDRESS", "SPARK_NAMESPACE"}
EXECUTOR_ENV = {"SPARK_DRIVER_URL", "SPARK_EXECUTOR_CORES", "SPARK_EXECUTOR_MEMORY", "SPARK_APPLICATION_ID",
                "SPARK_CONF_DIR", "SPARK_EXECUTOR_ID", "SPARK_EXECUTOR_POD_IP", "SPARK_EXECUTOR_POD_NAME",
                "SPARK_LOCAL_DIRS", "SPARK_USER", "SPARK_RESOURCE_PROFILE_ID", "SPARK_CLASSPATH",
                "SPARK_EXECUTOR_DIRS"}
SPARK_LABELS = {"spark-app-selector", "spark-exec-id", "spark-app-name", "spark-version",
                "spark-exec-resourceprofile-id"}
_SPARK_REF = re.compile(r"\$\{(env:|system:|spark\.)")
_MEM = re.compile(r"([0-9]+)([kmgt])b?\Z")
_UNIT_KIB = {"k": 1, "m": 1024, "g": 1024 ** 2, "t": 1024 ** 3}
CONF_DIR, SCRATCH_DIR = "/etc/spark/conf", "/var/data"
TEMPLATE_FILE = "executor-pod-template.yaml"
MASTER = "k8s://https://kubernetes.default.svc"


def mebibytes(mem):
    m = _MEM.match(mem.lower())
    return int(m.group(1)) * _UNIT_KIB[m.group(2)] // 1024


def text_map(m):
    return {k: text(v) for k, v in sorted((m or {}).items())}


def texts(lst):
    return [text(v) for v in lst or ()]


def sizing(role, factor):
    heap = mebibytes(role.get("memory", "1g"))
    overhead = role.get("memoryOverhead")
    return heap + (mebibytes(overhead) if overhead else max(384, int(factor * heap)))


def version(v):
    parts = [int(p) for p in v.split(".")]
    return tuple(parts + [0] * (3 - len(parts)))


def derive(v, source):
    """The view the templates see, from merged valid values: every name, label, size and property once."""
    name = v["name"]
    ns = v.get("namespace", "default")
    pcn = v.get("priorityClassName")
    app = name + ("-" + pcn if pcn else "") + v.get("nameSuffix", "")
    main_file = v["mainApplicationFile"]
    typ = v.get("type") or ("Python" if main_file.lower().endswith(".py")
                            else "R" if main_file.lower().endswith(".r") else "Scala")
    jvm = typ in ("Scala", "Java")
    factor = 0.1 if jvm else 0.4
    spark_version = version(v["sparkVersion"]) if "sparkVersion" in v else (4, 2, 0)
    drv, exe = v.get("driver") or {}, v.get("executor") or {}
    ui = v.get("ui") or {}
    svc = ui.get("service") or {}
    ing = ui.get("ingress") or {}
    deps = v.get("deps") or {}
    spark_conf, hadoop_conf, spark_env = text_map(v.get("sparkConf")), text_map(v.get("hadoopConf")), \
        text_map(v.get("sparkEnv"))
    names = {"pod": app + "-driver", "cm": app + "-cm", "driverSvc": app + "-driver-svc", "uiSvc": app + "-ui-svc",
             "ingress": app + "-ui-ingress"}
    labels = {"app-name": app, "app.kubernetes.io/instance": app, "app.kubernetes.io/managed-by": "spark-gen",
              "app.kubernetes.io/name": name}
    selector = {"app-name": app, "spark-role": "driver"}
    enabled = ing.get("enabled", True)
    host, path, tls = ing.get("host"), ing.get("path"), (ing.get("tls") or {}).get("secretName")
    ui_path = None if not enabled or host is not None and path is None else path or "/" + app
    driver_host = names["driverSvc"] + "." + ns + ".svc"
    port, bm_port, ui_port = drv.get("port", 7078), drv.get("blockManagerPort", 7079), ui.get("port", 4040)
    image, pull = v["image"], v.get("imagePullPolicy", "IfNotPresent")
    secrets = texts(v.get("imagePullSecrets"))
    exe_mem, drv_mem = exe.get("memory", "1g"), drv.get("memory", "1g")
    exe_labels, drv_labels = text_map(exe.get("labels")), text_map(drv.get("labels"))
    exe_env, drv_env = text_map(exe.get("env")), text_map(drv.get("env"))

    problems = rules(v, app, jvm, spark_version, spark_conf, hadoop_conf, labels, drv_labels, exe_labels, drv_env,
                     exe_env, port, bm_port, ui_port, drv_mem, exe_mem, svc, ing, enabled, host, tls, ui_path)

    p = {"spark.master": MASTER, "spark.app.name": app, "spark.submit.deployMode": "client",
         "spark.kubernetes.namespace": ns, "spark.kubernetes.driver.pod.name": names["pod"],
         "spark.driver.host": driver_host, "spark.driver.port": str(port),
         "spark.driver.blockManager.port": str(bm_port), "spark.driver.memory": drv_mem,
         "spark.kubernetes.executor.podNamePrefix": app,
         "spark.kubernetes.executor.podTemplateFile": CONF_DIR + "/" + TEMPLATE_FILE,
         "spark.kubernetes.container.image": image, "spark.kubernetes.container.image.pullPolicy": pull,
         "spark.executor.instances": str(exe.get("instances", 2)), "spark.executor.cores": str(exe.get("cores", 1)),
         "spark.executor.memory": exe_mem, "spark.ui.port": str(ui_port)}
    if secrets:
        p["spark.kubernetes.container.image.pullSecrets"] = ",".join(secrets)
    if exe.get("memoryOverhead"):
        p["spark.executor.memoryOverhead"] = exe["memoryOverhead"]
    if not jvm:
        p["spark.executor.memoryOverheadFactor" if spark_version >= (3, 3, 0)
          else "spark.kubernetes.memoryOverheadFactor"] = str(factor)
    if exe.get("coreLimit") is not None:
        p["spark.kubernetes.executor.limit.cores"] = exe["coreLimit"]
    if ui_path is not None:
        p["spark.ui.proxyBase"] = ui_path
    redirect = "https://" + host if enabled and host is not None and tls is not None else "/" if ui_path else None
    if redirect is not None:
        p["spark.ui.proxyRedirectUri"] = redirect
    for key, field in (("spark.jars", "jars"), ("spark.files", "files"), ("spark.submit.pyFiles", "pyFiles"),
                       ("spark.jars.packages", "packages"), ("spark.jars.repositories", "repositories"),
                       ("spark.jars.excludes", "excludePackages")):
        if deps.get(field):
            p[key] = ",".join(texts(deps[field]))
    if deps.get("packages"):
        p["spark.jars.ivy"] = SCRATCH_DIR + "/ivy"
    for k, x in hadoop_conf.items():
        p["spark.hadoop." + k] = x
    p.update(spark_conf)
    spark_defaults = dict(sorted(p.items()))

    def pod_labels(role_labels, which):
        out = dict(role_labels)
        out.update(labels)
        out["app.kubernetes.io/component"] = which
        out["spark-role"] = which
        return dict(sorted(out.items()))

    def affinity(role):
        a = role.get("nodeAffinity")
        if not a:
            return {}
        expr = {"key": a.get("key", "type"), "operator": "In", "values": texts(a["values"])}
        return {"nodeAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": {
            "nodeSelectorTerms": [{"matchExpressions": [expr]}]}}}

    def env_value(n, x):
        return {"name": n, "value": x, "fieldPath": ""}

    def port_of(n, number, node_port=None):
        d = {"name": n, "port": number, "protocol": "TCP", "targetPort": number}
        if node_port is not None:
            d["nodePort"] = node_port
        return d

    spark_home = v.get("sparkHome", "/opt/spark")
    args = [{"text": spark_home + "/bin/spark-submit", "literal": True},
            {"text": "--conf", "literal": False},
            {"text": "spark.driver.bindAddress=$(SPARK_DRIVER_BIND_ADDRESS)", "literal": False},
            {"text": "--conf", "literal": False},
            {"text": "spark.kubernetes.namespace=$(SPARK_NAMESPACE)", "literal": False},
            {"text": "--conf", "literal": False},
            {"text": "spark.driver.host=" + names["driverSvc"] + ".$(SPARK_NAMESPACE).svc", "literal": False}]
    if jvm and v.get("mainClass") is not None:
        args += [{"text": "--class", "literal": False}, {"text": v["mainClass"], "literal": True}]
    args.append({"text": main_file, "literal": True})
    args += [{"text": a, "literal": True} for a in texts(v.get("arguments"))]
    env = [env_value("SPARK_HOME", spark_home), env_value("SPARK_CONF_DIR", CONF_DIR),
           env_value("SPARK_LOCAL_DIRS", SCRATCH_DIR + "/spark-local"),
           {"name": "SPARK_DRIVER_BIND_ADDRESS", "value": "", "fieldPath": "status.podIP"},
           {"name": "SPARK_NAMESPACE", "value": "", "fieldPath": "metadata.namespace"}]
    env += [env_value(n, x) for n, x in drv_env.items()]
    pod_mib = str(sizing(drv, factor)) + "Mi"
    limits = {"memory": pod_mib}
    if drv.get("coreLimit") is not None:
        limits["cpu"] = drv["coreLimit"]
    pod = {"labels": pod_labels(drv_labels, "driver"), "annotations": text_map(drv.get("annotations")),
           "restartPolicy": v.get("restartPolicy", "Never"), "serviceAccountName": v.get("serviceAccountName", ""),
           "affinity": affinity(drv), "imagePullSecrets": [{"name": s} for s in secrets], "args": args, "env": env,
           "ports": [port_of("driver-rpc-port", port), port_of("blockmanager", bm_port), port_of("spark-ui", ui_port)],
           "resources": {"requests": {"cpu": str(drv.get("cores", 1)), "memory": pod_mib}, "limits": limits},
           "volumeMounts": [{"name": "spark-conf", "mountPath": CONF_DIR, "readOnly": True},
                            {"name": "spark-scratch", "mountPath": SCRATCH_DIR}],
           "volumes": [{"name": "spark-conf", "configMap": {"name": names["cm"]}},
                       {"name": "spark-scratch", "emptyDir": {}}]}
    executor = {"labels": pod_labels(exe_labels, "executor"), "annotations": text_map(exe.get("annotations")),
                "affinity": affinity(exe), "env": [env_value(n, x) for n, x in exe_env.items()]}
    annotations = text_map(ing.get("annotations"))
    if ui_path is not None:
        annotations["nginx.ingress.kubernetes.io/rewrite-target"] = "/$2"
    ingress = {"apiVersion": "networking.k8s.io/v1", "annotations": dict(sorted(annotations.items())),
               "className": ing.get("className", "nginx"), "host": host or "",
               "path": ui_path + "(/|$)(.*)" if ui_path is not None else "/",
               "pathType": "ImplementationSpecific" if ui_path is not None else "Prefix", "serviceBackend": True,
               "tls": [{"hosts": [host], "secretName": tls}] if tls is not None else []}
    resources = ["driver-pod.yaml", "configmap.yaml", "driver-svc.yaml", "ui-svc.yaml"]
    if enabled:
        resources.append("ui-ingress.yaml")
    view = {"source": source, "app": app, "namespace": ns, "names": names, "labels": labels, "selector": selector,
            "image": image, "imagePullPolicy": pull, "priorityClassName": pcn or "",
            "schedulerName": v.get("schedulerName", ""), "pod": pod, "executor": executor,
            "sparkDefaults": spark_defaults, "sparkEnv": spark_env,
            "driverPorts": [port_of("driver-rpc-port", port), port_of("blockmanager", bm_port)],
            "uiService": {"type": svc.get("type", "ClusterIP"),
                          "ports": [port_of("spark-ui", ui_port, svc.get("nodePort"))]},
            "ingress": ingress, "resources": resources}
    return app, view, problems


def rules(v, app, jvm, spark_version, spark_conf, hadoop_conf, labels, drv_labels, exe_labels, drv_env, exe_env,
          port, bm_port, ui_port, drv_mem, exe_mem, svc, ing, enabled, host, tls, ui_path):
    """The cross-field checks of rules/Rules.java: (is_error, message) pairs."""
    p = []
    if len(app) > 47:
        p.append((True, "the app name '%s' is %d characters long, more than 47" % (app, len(app))))
    if spark_version < (3, 0, 0):
        p.append((True, "Spark %s is not supported" % v.get("sparkVersion")))
    if jvm and v.get("mainClass") is None:
        p.append((True, "a JVM application needs 'mainClass'"))
    elif not jvm and v.get("mainClass") is not None:
        p.append((False, "'mainClass' is ignored for a non-JVM application"))
    for key in spark_conf:
        if key in DERIVED:
            p.append((True, "sparkConf key '%s' is set by spark-gen" % key))
        elif key in FIELDS or key.startswith(FIELD_PREFIXES):
            p.append((True, "sparkConf key '%s' duplicates a field" % key))
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
    p += [(True, "driver env '%s' is set by spark-gen" % n) for n in drv_env if n in DRIVER_ENV]
    p += [(True, "executor env '%s' is set by Spark" % n) for n in exe_env if n in EXECUTOR_ENV]
    if port == bm_port:
        p.append((True, "driver.blockManagerPort is driver.port (%d)" % port))
    if ui_port in (port, bm_port):
        p.append((True, "ui.port %d is also a driver port" % ui_port))
    if mebibytes(exe_mem) < 450:
        p.append((True, "executor.memory %s is less than Spark's minimum of 450m" % exe_mem))
    if mebibytes(drv_mem) < 512:
        p.append((True, "driver.memory %s is less than 512m" % drv_mem))
    if svc.get("nodePort") is not None and svc.get("type", "ClusterIP") != "NodePort":
        p.append((True, "ui.service.nodePort needs ui.service.type NodePort"))
    if enabled:
        annotations = ing.get("annotations") or {}
        if tls is not None and host is None:
            p.append((True, "TLS needs a host"))
        if ui_path is not None and svc.get("type") == "NodePort":
            p.append((False, "the UI is served under the path %s, so through the node port its links break" % ui_path))
        if ui_path is not None and "nginx.ingress.kubernetes.io/rewrite-target" in annotations:
            p.append((True, "annotation 'nginx.ingress.kubernetes.io/rewrite-target' is set by spark-gen"))
        if "kubernetes.io/ingress.class" in annotations:
            p.append((True, "annotation 'kubernetes.io/ingress.class' is set by spark-gen"))
    return p


# ------------------------------------------------------------------------------------------- the pipeline

class Pipeline:
    """Everything built once per process: the validators, the profiles, the compiled templates."""

    def __init__(self, profile_dirs, templates=os.path.join(HERE, "templates")):
        with open(os.path.join(REPO, "schema", "job.schema.json")) as f:
            job_schema = json.load(f)
        with open(os.path.join(REPO, "schema", "profile.schema.json")) as f:
            profile_schema = json.load(f)
        registry = Registry().with_resources([
            ("job.schema.json", Resource.from_contents(job_schema)),
            ("profile.schema.json", Resource.from_contents(profile_schema))])
        self.validator = Draft202012Validator(job_schema, registry=registry)
        self.profiles = Profiles(profile_dirs, Draft202012Validator(profile_schema, registry=registry))
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(templates), trim_blocks=True, lstrip_blocks=True,
                                 keep_trailing_newline=True, undefined=jinja2.StrictUndefined, autoescape=False)
        env.filters.update(yaml=f_yaml, toyaml=f_toyaml, block=f_block, literal=f_literal, shell=f_shell,
                           propkey=f_propkey, propvalue=f_propvalue)
        self.t = {n[:-3]: env.get_template(n) for n in sorted(os.listdir(templates)) if n.endswith(".j2")}
        self.stages = None  # per-stage seconds when timing

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
        t = self.t
        files = {"spark-defaults.conf": t["spark-defaults.conf"].render(view),
                 "spark-env.sh": t["spark-env.sh"].render(view),
                 TEMPLATE_FILE: t["executor-pod-template.yaml"].render(view)}
        view["files"] = {"defaults": files["spark-defaults.conf"], "env": files["spark-env.sh"],
                         "template": files[TEMPLATE_FILE]}
        out = {name: t[name].render(view) for name in view["resources"]}
        out["kustomization.yaml"] = t["kustomization.yaml"].render(view)
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


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("jobs", nargs="*")
    ap.add_argument("-o", "--output")
    ap.add_argument("--profiles-dir", action="append", default=[])
    ap.add_argument("--inprocess", action="store_true", help="time the per-job cost in the batch, no disk")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--selftest", action="store_true")
    a = ap.parse_args()
    pipeline = Pipeline(a.profiles_dir)
    if a.selftest:
        selftest(pipeline)
        return 0
    files = job_files(a.jobs)
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
