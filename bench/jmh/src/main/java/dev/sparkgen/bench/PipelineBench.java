package dev.sparkgen.bench;

import dev.sparkgen.SparkGen;
import dev.sparkgen.merge.Merger;
import dev.sparkgen.model.App;
import dev.sparkgen.model.Binder;
import dev.sparkgen.model.Derive;
import dev.sparkgen.problem.Problems;
import dev.sparkgen.model.KubeVersion;
import dev.sparkgen.render.RenderStages;
import dev.sparkgen.render.Rendered;
import dev.sparkgen.rules.Rules;
import dev.sparkgen.schema.Schemas;
import dev.sparkgen.source.YamlLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The steady per-job cost of spark-gen in a batch, one job per operation, cycling through the distinct jobs of the
 * generated corpus so that no job is rendered twice in a row and nothing is trivially cached.
 *
 * <ul>
 *   <li>{@code pipeline}: everything from a job file to its rendered bytes, as a batch does it:
 *       {@code SparkGen.load} (read, YAML, profiles (cached after the first job, as in a batch), merge, schema,
 *       bind, derive, rules) then {@code SparkGen.render} (templates and self-check), then UTF-8 encoding.
 *       The file is read from the page cache ({@code readFile} times that part alone); no output is written.</li>
 *   <li>{@code s1_parse} ... {@code s7_selfCheck}: each stage alone on the previous stage's output, computed once in
 *       the set-up: their sum is about {@code pipeline}.</li>
 * </ul>
 * Run with bench/jmh/run (it builds the root jar and this project, and generates the corpus when missing).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PipelineBench {

    /** The corpus directory (bench/corpus/gen.py's output), relative to the working directory. */
    @Param("bench/work/corpus-1000")
    public String corpus;

    /** How many distinct jobs to cycle through. */
    @Param("1000")
    public int jobs;

    private Corpus data;
    private Schemas schemas;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        data = new Corpus(Path.of(corpus), jobs);
        schemas = Schemas.load();
        check(data, 50);
        next = 0;
    }

    private Corpus.Job job() {
        Corpus.Job job = data.jobs.get(next);
        next = next + 1 == data.jobs.size() ? 0 : next + 1;
        return job;
    }

    @Benchmark
    public void pipeline(Blackhole bh) {
        Corpus.Job job = job();
        SparkGen.JobResult result = data.gen.load(job.path(), job.display(), data.options);
        Rendered rendered = data.gen.render(result.app(), KubeVersion.DEFAULT, job.source());
        for (String text : rendered.files().values()) {
            bh.consume(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Benchmark
    public byte[] readFile() throws IOException {
        return Files.readAllBytes(job().path());
    }

    @Benchmark
    public Object s1_parse() {
        Corpus.Job job = job();
        return YamlLoader.loadMapping(job.display(), job.bytes(), new Problems());
    }

    @Benchmark
    public Object s2_merge() {
        Corpus.Job job = job();
        return Merger.merge(job.document().origin(), job.layers());
    }

    @Benchmark
    public Object s3_validate() {
        Problems problems = new Problems();
        schemas.validate(Schemas.Kind.JOB, job().merged(), problems);
        return problems;
    }

    @Benchmark
    public Object s4_bindDerive() {
        return Derive.app(Binder.bind(job().merged(), schemas.defaults()));
    }

    @Benchmark
    public Object s5_rules() {
        Corpus.Job job = job();
        Problems problems = new Problems();
        Rules.check(job.app(), job.merged(), problems, KubeVersion.DEFAULT);
        return problems;
    }

    @Benchmark
    public Object s6_templates() {
        Corpus.Job job = job();
        return data.stages.templates(job.app(), KubeVersion.DEFAULT, job.source());
    }

    @Benchmark
    public void s7_selfCheck() {
        RenderStages.selfCheck(job().rendered());
    }

    /** Sanity: the set-up's own render equals the facade's, so the stages time the real work. */
    static void check(Corpus data, int count) {
        for (Corpus.Job job : data.jobs.subList(0, Math.min(count, data.jobs.size()))) {
            App app = job.app();
            Rendered real = data.gen.render(app, KubeVersion.DEFAULT, job.source());
            if (!real.files().equals(job.rendered().all())) {
                throw new IllegalStateException(job.display() + ": RenderStages renders differently from Renderer");
            }
        }
    }
}
