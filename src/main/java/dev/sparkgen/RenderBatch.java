package dev.sparkgen;

import dev.sparkgen.SparkGen.Batch;
import dev.sparkgen.SparkGen.Input;
import dev.sparkgen.SparkGen.JobResult;
import dev.sparkgen.SparkGen.Options;
import dev.sparkgen.SparkGen.Sink;
import dev.sparkgen.problem.Origin;
import dev.sparkgen.problem.Problem;
import dev.sparkgen.problem.Problems;
import dev.sparkgen.render.Rendered;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * The facade's batch: loads and renders many jobs in parallel through {@link SparkGen}, hands each app to a
 * {@link Sink} as it is rendered, and finds the app names two jobs share (see {@link SparkGen#renderAll}).
 */
final class RenderBatch {

    private RenderBatch() {
    }

    static Batch run(SparkGen gen, List<Input> inputs, Options options, Sink sink, IntConsumer progress) {
        AtomicInteger done = new AtomicInteger();
        Map<String, Boolean> claimed = new ConcurrentHashMap<>();
        AtomicReference<RuntimeException> sinkFailure = new AtomicReference<>();
        List<Loaded> results = (inputs.size() > 1 ? inputs.parallelStream() : inputs.stream())
                .map(input -> {
                    JobResult result = gen.load(input, options);
                    if (result.ok() && claimed.putIfAbsent(result.app().name(), true) == null
                            && sinkFailure.get() == null) {
                        Rendered app = gen.render(result.app(), options.kube(),
                                Path.of(result.file()).getFileName().toString());
                        try {
                            sink.accept(app);
                        } catch (RuntimeException e) {
                            sinkFailure.compareAndSet(null, e);
                        }
                    }
                    progress.accept(done.incrementAndGet());
                    return result.profile() ? null : new Loaded(result.file(), result.ok() ? result.app().name()
                            : null, result.ok() ? result.nameOrigin() : null, result.problems());
                })
                .filter(Objects::nonNull)
                .toList();
        Problems problems = new Problems();
        Map<String, Loaded> byApp = new TreeMap<>();
        for (Loaded result : results) {
            result.problems().forEach(problems::add);
            if (result.app() == null) {
                continue;
            }
            Loaded other = byApp.putIfAbsent(result.app(), result);
            if (other != null) {
                for (Loaded[] pair : new Loaded[][] {{result, other}, {other, result}}) {
                    problems.error(pair[0].nameOrigin(), "the app '" + result.app()
                            + "' is also rendered from " + pair[1].file(), "every job needs its own app name: "
                            + "change name, priorityClassName or nameSuffix");
                }
            }
        }
        if (!problems.hasErrors() && sinkFailure.get() != null) {
            throw sinkFailure.get();
        }
        return new Batch(problems.all(), problems.hasErrors() ? List.of() : List.copyOf(byApp.keySet()));
    }

    /** What a batch keeps of a job once it is rendered: not its values, nor its files. */
    private record Loaded(String file, String app, Origin nameOrigin, List<Problem> problems) {
    }
}
