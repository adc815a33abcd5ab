#!/usr/bin/env python3
"""Generates a corpus of N distinct, realistic spark-gen job files plus the profiles they use.

    bench/corpus/gen.py [-n 1000] [--seed 1] [-o bench/work/corpus-1000]

writes OUT/jobs/<name>.yaml (N jobs) and OUT/profiles/*.yaml (the repository's profiles, copied, plus a few
team profiles that set sparkConf, hadoopConf, sparkEnv and include other profiles). Render them with
`--profiles-dir OUT/profiles`. The same seed gives the same bytes. Every job is valid for the current schema
and rules (app names fit 47 characters, heaps are above Spark's minimums, no derived or field-owned sparkConf
key, ports differ, NodePort only with host routing); `bench/corpus/check` validates a sample with spark-gen.
"""
import argparse
import os
import random
import shutil
import sys

import yaml

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))

TEAMS = ["data-eng", "analytics", "ml-platform", "finance", "marketing", "risk", "search", "ads", "payments",
         "growth", "logistics", "fraud", "recs", "bi"]
DOMAINS = ["orders", "clicks", "sessions", "invoices", "users", "events", "payments", "inventory", "shipments",
           "ads", "impressions", "churn", "ledger", "catalog", "reviews", "fraud", "pricing", "search", "logs",
           "metrics", "features", "embeddings", "carts", "returns", "refunds", "tickets", "surveys", "ratings"]
ACTIONS = ["ingest", "enrich", "dedup", "aggregate", "compact", "export", "backfill", "score", "train", "join",
           "snapshot", "rollup", "index", "sample", "audit", "reconcile", "cleanse", "report", "sync", "merge"]
CADENCES = ["", "", "", "hourly", "daily", "weekly", "monthly", "stream", "adhoc"]

# (sparkVersion, image) pairs; the Python ones are the -py images.
SCALA_IMAGES = [("3.5.3", "apache/spark:3.5.3"), ("3.5.1", "apache/spark:3.5.1-scala2.12-java17-ubuntu"),
                ("3.4.2", "registry.example.com/spark/spark:3.4.2-hadoop3"), ("3.3.4", "gcr.io/acme-data/spark:3.3.4"),
                ("4.0.0", "apache/spark:4.0.0"), ("3.2.4", "eu.gcr.io/yippee-spark-k8s/spark:3.2.4")]
PY_IMAGES = [("3.5.3", "apache/spark-py:v3.5.3"), ("3.4.0", "apache/spark-py:v3.4.0"),
             ("3.0.1", "eu.gcr.io/yippee-spark-k8s/spark-py:3.0.1"), ("3.5.1", "registry.example.com/ml/pyspark:3.5.1-cuda12"),
             ("4.0.0", "apache/spark:4.0.0-python3"), ("3.3.2", "ghcr.io/acme/pyspark-base:3.3.2")]

MEM_EXEC = ["512m", "1g", "1g", "2g", "2g", "4g", "4g", "6g", "8g", "12g", "16g", "2048m", "3072m"]
MEM_DRIVER = ["512m", "1g", "1g", "2g", "2g", "4g", "8g", "1536m"]
OVERHEAD = ["384m", "512m", "1g", "2g"]
CPU_LIMITS = ["1", "1500m", "2", "1200m", "4", "2500m", "0.5", "8"]


def cpu_limit(r, cores):
    """A CPU limit at least the cores requested (Kubernetes refuses a limit under the request)."""
    return r.choice([c for c in CPU_LIMITS if (int(c[:-1]) / 1000 if c.endswith("m") else float(c)) >= cores])

SPARK_CONF = [
    ("spark.sql.shuffle.partitions", lambda r: str(r.choice([50, 100, 200, 400, 800, 2000]))),
    ("spark.sql.adaptive.enabled", lambda r: r.choice([True, False])),
    ("spark.sql.adaptive.coalescePartitions.enabled", lambda r: True),
    ("spark.serializer", lambda r: "org.apache.spark.serializer.KryoSerializer"),
    ("spark.kryoserializer.buffer.max", lambda r: r.choice(["128m", "512m", "1g"])),
    ("spark.eventLog.enabled", lambda r: r.choice([True, False])),
    ("spark.eventLog.dir", lambda r: "s3a://spark-logs/" + r.choice(TEAMS) + "/"),
    ("spark.network.timeout", lambda r: r.choice(["300s", "600s", "120s"])),
    ("spark.sql.sources.partitionOverwriteMode", lambda r: "dynamic"),
    ("spark.sql.session.timeZone", lambda r: r.choice(["UTC", "Europe/Paris", "America/New_York"])),
    ("spark.kubernetes.allocation.batch.size", lambda r: r.randint(2, 20)),
    ("spark.speculation", lambda r: r.choice([True, False])),
    ("spark.sql.extensions", lambda r: "io.delta.sql.DeltaSparkSessionExtension"),
    ("spark.sql.catalog.spark_catalog", lambda r: "org.apache.spark.sql.delta.catalog.DeltaCatalog"),
    ("spark.sql.files.maxPartitionBytes", lambda r: r.choice(["64m", "128m", "256m"])),
    ("spark.task.maxFailures", lambda r: r.randint(1, 8)),
    ("spark.metrics.namespace", lambda r: "${spark.app.name}"),
    ("spark.ui.retainedJobs", lambda r: r.choice([100, 500, 1000])),
]
HADOOP_CONF = [
    ("fs.s3a.aws.credentials.provider", lambda r: "com.amazonaws.auth.WebIdentityTokenCredentialsProvider"),
    ("fs.s3a.endpoint", lambda r: r.choice(["s3.eu-west-1.amazonaws.com", "http://minio.storage.svc:9000"])),
    ("fs.s3a.path.style.access", lambda r: r.choice([True, False])),
    ("fs.s3a.connection.maximum", lambda r: r.choice([64, 200, 500])),
    ("fs.s3a.fast.upload", lambda r: True),
    ("fs.s3a.committer.name", lambda r: r.choice(["magic", "directory", "partitioned"])),
    ("fs.gs.project.id", lambda r: "acme-data-" + str(r.randint(100, 999))),
    ("mapreduce.fileoutputcommitter.algorithm.version", lambda r: 2),
]
SPARK_ENV = [
    ("PYSPARK_PYTHON", lambda r: r.choice(["python3", "/opt/conda/bin/python", "/usr/bin/python3.11"])),
    ("PYSPARK_DRIVER_PYTHON", lambda r: "python3"),
    ("TZ", lambda r: r.choice(["UTC", "Europe/Berlin"])),
    ("SPARK_DAEMON_JAVA_OPTS", lambda r: "-Dfile.encoding=UTF-8 -Duser.timezone=UTC"),
    ("HADOOP_CONF_DIR", lambda r: "/etc/hadoop/conf"),
    ("JOB_OWNER", lambda r: r.choice(["Jane O'Neil", "data team <data@example.com>", "ops"])),
    ("EXTRA_CLASSPATH", lambda r: "/opt/extra/*:$SPARK_HOME/jars/*"),
    ("LOG_LEVEL", lambda r: r.choice(["INFO", "WARN", "DEBUG"])),
]
LABELS = [("team", lambda r, t: t), ("cost-center", lambda r, t: str(r.randint(1000, 9999))),
          ("env", lambda r, t: r.choice(["prod", "staging", "dev"])),
          ("example.com/owner", lambda r, t: r.choice(["alice", "bob", "carol", "dan", "erin"])),
          ("tier", lambda r, t: r.choice(["gold", "silver", "bronze"]))]
ANNOTATIONS = [("prometheus.io/scrape", lambda r: "true"), ("prometheus.io/port", lambda r: "4040"),
               ("example.com/runbook", lambda r: "https://wiki.example.com/runbooks/" + r.choice(DOMAINS)),
               ("cluster-autoscaler.kubernetes.io/safe-to-evict", lambda r: r.choice(["true", "false"])),
               ("example.com/description", lambda r: "Nightly job: see the README (owner's note: keep it <2h)")]
ENV = [("LOG_FORMAT", lambda r: r.choice(["json", "text"])), ("APP_ENV", lambda r: r.choice(["prod", "staging"])),
       ("JAVA_TOOL_OPTIONS", lambda r: "-XX:+ExitOnOutOfMemoryError"),
       ("DB_URL", lambda r: "jdbc:postgresql://db.example.com:5432/warehouse?sslmode=require"),
       ("GREETING", lambda r: "$(HOSTNAME) says \"hi\"")]
PACKAGES = ["org.apache.hadoop:hadoop-aws:3.3.4", "io.delta:delta-spark_2.12:3.1.0",
            "org.postgresql:postgresql:42.7.3", "com.amazonaws:aws-java-sdk-bundle:1.12.262"]

TEAM_PROFILES = {
    "event-log": {"sparkConf": {"spark.eventLog.enabled": True, "spark.eventLog.dir": "s3a://spark-logs/events/",
                                "spark.history.fs.cleaner.enabled": True}},
    "s3-access": {"hadoopConf": {"fs.s3a.aws.credentials.provider":
                                 "com.amazonaws.auth.WebIdentityTokenCredentialsProvider",
                                 "fs.s3a.endpoint": "s3.eu-west-1.amazonaws.com"},
                  "deps": {"packages": ["org.apache.hadoop:hadoop-aws:3.3.4"]}},
    "python-env": {"sparkEnv": {"PYSPARK_PYTHON": "python3", "PYTHONUNBUFFERED": "1"},
                   "driver": {"env": {"PYTHONHASHSEED": "0"}}},
    "batch-default": {"profiles": ["routine", "event-log"], "restartPolicy": "Never",
                      "executor": {"labels": {"workload": "batch"}}},
    "big-executors": {"executor": {"cores": 4, "memory": "8g", "memoryOverhead": "2g", "coreLimit": "4"}},
    "private-registry": {"imagePullPolicy": "Always", "imagePullSecrets": ["registry-creds"]},
}


def slug(parts, limit):
    name = "-".join(p for p in parts if p)
    return name[:limit].rstrip("-")


def pick(r, pool, lo, hi, *extra):
    return {k: f(r, *extra) for k, f in r.sample(pool, r.randint(lo, min(hi, len(pool))))}


def job(r, i, used):
    team = r.choice(TEAMS)
    python = r.random() < 0.55
    java = not python and r.random() < 0.25
    base = slug([r.choice(DOMAINS), r.choice(ACTIONS), r.choice(CADENCES)], 26)
    name = base
    while name in used:
        name = slug([base, str(r.randint(2, 999))], 30)
    used.add(name)

    profiles = []
    priority = r.random()
    if priority < 0.45:
        profiles.append("routine")
    elif priority < 0.6:
        profiles.append("urgent")
    elif priority < 0.75:
        profiles.append("batch-default")
    capacity = r.random()
    if capacity < 0.3:
        profiles.append("spot")
    elif capacity < 0.45:
        profiles.append("on-demand")
    for p, share in (("s3-access", 0.3), ("event-log", 0.2), ("private-registry", 0.1), ("big-executors", 0.1)):
        if r.random() < share and not (p == "event-log" and "batch-default" in profiles):
            profiles.append(p)
    if python and r.random() < 0.4:
        profiles.append("python-env")
    if r.random() < 0.2:
        profiles.append("nightly")

    version, image = r.choice(PY_IMAGES if python else SCALA_IMAGES)
    j = {"apiVersion": "spark-gen/v1", "kind": "SparkJob", "name": name}
    if r.random() < 0.9:
        j["namespace"] = r.choice([team, "spark-jobs", team + "-prod", team + "-staging"])
    if profiles:
        j["profiles"] = profiles
    j["sparkVersion"] = version
    j["image"] = image
    if python:
        j["mainApplicationFile"] = r.choice(["local:///opt/app/jobs/", "s3a://" + team + "-artifacts/jobs/"]) \
            + name.replace("-", "_") + ".py"
        if r.random() < 0.2:
            j["type"] = "Python"
    else:
        j["mainApplicationFile"] = "local:///opt/app/jars/" + team + "-jobs_2.12-" + "%d.%d.%d" % (
            r.randint(1, 3), r.randint(0, 20), r.randint(0, 9)) + ".jar"
        j["mainClass"] = "com.example." + team.replace("-", "") + "." + "".join(
            w.capitalize() for w in name.split("-") if not w.isdigit())
        if java:
            j["type"] = "Java"
        elif r.random() < 0.3:
            j["type"] = "Scala"
    args = []
    for _ in range(r.randint(0, 3)):
        args += r.choice([["--date", "2025-%02d-%02d" % (r.randint(1, 12), r.randint(1, 28))],
                          ["--input", "s3a://lake/raw/" + name + "/"], ["--output", "s3a://lake/curated/" + name + "/"],
                          ["--partitions", str(r.choice([10, 50, 200]))], ["--dry-run"],
                          ["--filter", "country = 'FR' AND amount > 100"], [str(r.randint(1, 10000))]])
    if args:
        j["arguments"] = args
    if r.random() < 0.15:
        j["serviceAccountName"] = r.choice(["spark", "spark-" + team, "spark-driver"])
    elif r.random() < 0.12:  # spark-gen writes the driver's ServiceAccount, Role and RoleBinding (rbac.yaml)
        j["rbac"] = {"create": True}
    if r.random() < 0.1:
        j["imagePullPolicy"] = r.choice(["Always", "IfNotPresent"])
    if r.random() < 0.15:
        deps = {}
        if r.random() < 0.7:
            deps["packages"] = r.sample(PACKAGES, r.randint(1, 2))
        if r.random() < 0.4:
            deps["jars"] = ["local:///opt/app/lib/udfs-1.4.jar"]
        if python and r.random() < 0.5:
            deps["pyFiles"] = ["local:///opt/app/lib/common.zip"]
        if deps:
            j["deps"] = deps
    conf = pick(r, SPARK_CONF, 0, 8)
    if conf:
        j["sparkConf"] = conf
    hadoop = pick(r, HADOOP_CONF, 0, 3) if r.random() < 0.5 else {}
    if hadoop:
        j["hadoopConf"] = hadoop
    env = pick(r, SPARK_ENV, 0, 3) if r.random() < 0.6 else {}
    if env:
        j["sparkEnv"] = env

    driver = {}
    if r.random() < 0.6:
        driver["memory"] = r.choice(MEM_DRIVER)
    if r.random() < 0.4:
        driver["cores"] = r.randint(1, 4)
    if r.random() < 0.3:
        driver["coreLimit"] = cpu_limit(r, driver.get("cores", 1))
    if r.random() < 0.1:
        driver["memoryOverhead"] = r.choice(OVERHEAD)
    if r.random() < 0.1:
        driver["port"] = r.choice([5678, 7077, 29413])
    if r.random() < 0.15:  # the fields that replace spark.*.extraJavaOptions and friends
        driver["javaOptions"] = "-XX:+UseG1GC -Dlog4j.configuration=file:/opt/spark/conf/log4j.properties"
    for key, pool, lo, hi in (("labels", LABELS, 1, 3), ("annotations", ANNOTATIONS, 1, 2), ("env", ENV, 1, 3)):
        if r.random() < 0.3:
            driver[key] = pick(r, pool, lo, hi, team) if key == "labels" else pick(r, pool, lo, hi)
    if r.random() < 0.1:  # a secret from a Secret's key, not in the file
        driver.setdefault("env", {})["DB_PASSWORD"] = {"valueFrom": {"secretKeyRef": {
            "name": team + "-db", "key": "password"}}}
    if driver:
        j["driver"] = driver

    executor = {"instances": r.choice([0, 1, 2, 2, 3, 4, 5, 8, 10, 16, 20, 32, 50, 100])}
    if r.random() < 0.7:
        executor["memory"] = r.choice(MEM_EXEC)
    if "big-executors" not in profiles:  # it sets cores and their limit
        if r.random() < 0.6:
            executor["cores"] = r.choice([1, 1, 2, 2, 4, 8])
        if r.random() < 0.25:
            executor["coreLimit"] = cpu_limit(r, executor.get("cores", 1))
    if r.random() < 0.2:
        executor["memoryOverhead"] = r.choice(OVERHEAD)
    for key, pool, lo, hi in (("labels", LABELS, 1, 3), ("annotations", ANNOTATIONS, 1, 2), ("env", ENV, 1, 2)):
        if r.random() < 0.3:
            executor[key] = pick(r, pool, lo, hi, team) if key == "labels" else pick(r, pool, lo, hi)
    if "spot" in profiles and r.random() < 0.5:  # spot nodes are usually tainted
        executor["tolerations"] = [{"key": "karpenter.sh/capacity-type", "operator": "Equal", "value": "spot",
                                    "effect": "NoSchedule"}]
    if r.random() < 0.15:
        executor["javaOptions"] = "-XX:+UseG1GC -XX:MaxGCPauseMillis=200"
    if r.random() < 0.1:
        executor["deleteOnTermination"] = r.choice([True, False])
    j["executor"] = executor
    if r.random() < 0.15:
        j["dynamicAllocation"] = {"enabled": True, "maxExecutors": r.randint(executor["instances"] + 1, 200)}
    if r.random() < 0.05:
        j["restartPolicy"] = "OnFailure"

    ui = {}
    routing = r.random()
    ingress = {}
    if routing < 0.3:
        ingress["host"] = name + "." + r.choice(["spark.example.com", "ui.data.internal", team + ".example.org"])
        if r.random() < 0.5:
            ingress["tls"] = {"secretName": r.choice(["spark-ui-tls", "wildcard-tls", team + "-tls"])}
        if r.random() < 0.3:
            ui["service"] = {"type": "NodePort"}
            if r.random() < 0.7:
                ui["service"]["nodePort"] = 30000 + i % 2768
    elif routing < 0.5:
        ingress["path"] = "/" + j.get("namespace", "default") + "/" + name
    elif routing < 0.6:
        ingress["enabled"] = False
    if r.random() < 0.15:
        ingress["className"] = r.choice(["nginx-internal", "traefik", "nginx"])
    if r.random() < 0.2 and ingress.get("enabled", True):
        ingress["annotations"] = {"nginx.ingress.kubernetes.io/auth-url": "https://oauth.example.com/oauth2/auth",
                                  "nginx.ingress.kubernetes.io/proxy-body-size": "8m"}
    if r.random() < 0.05:
        ui["port"] = 4041
    if ingress:
        ui["ingress"] = ingress
    if ui:
        j["ui"] = ui
    return j


def header(r, j):
    lines = ["# yaml-language-server: $schema=../../schema/job.schema.json"]
    lines.append("# %s: %s" % (j["name"], r.choice(["owned by the data platform team", "see the runbook",
                                                      "generated for spark-gen's benchmark", "do not edit by hand"])))
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--out", default=None)
    a = ap.parse_args()
    if not 1 <= a.n <= 100000:
        sys.exit("gen.py: -n must be 1..100000")
    out = a.out or os.path.join(REPO, "bench", "work", "corpus-%d" % a.n)
    r = random.Random(a.seed)
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(os.path.join(out, "jobs"))
    os.makedirs(os.path.join(out, "profiles"))
    for f in sorted(os.listdir(os.path.join(REPO, "profiles"))):
        if f.endswith(".yaml"):
            shutil.copy(os.path.join(REPO, "profiles", f), os.path.join(out, "profiles", f))
    for name, body in sorted(TEAM_PROFILES.items()):
        doc = {"apiVersion": "spark-gen/v1", "kind": "Profile", "name": name, **body}
        with open(os.path.join(out, "profiles", name + ".yaml"), "w") as f:
            f.write("# A team profile of the benchmark corpus.\n")
            yaml.safe_dump(doc, f, sort_keys=False, width=120)
    used = set()
    for i in range(a.n):
        j = job(r, i, used)
        text = header(r, j) + yaml.safe_dump(j, sort_keys=False, width=120, allow_unicode=True)
        with open(os.path.join(out, "jobs", j["name"] + ".yaml"), "w") as f:
            f.write(text)
    print(out)


if __name__ == "__main__":
    main()
