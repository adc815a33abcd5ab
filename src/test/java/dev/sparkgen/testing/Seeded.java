package dev.sparkgen.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Property tests with plain JUnit: a generator is a function of a {@link Random}, and {@link #forAll} checks a
 * property on inputs drawn from fixed seeds, so every run tries the same inputs and a failure names the seed and
 * the input that broke it. {@code -Dspark-gen.seed=SEED} runs only the try of that seed, to debug it.
 */
public final class Seeded {

    private static final String REPLAY = "spark-gen.seed";

    private Seeded() {
    }

    /** Makes values from a source of randomness; the same seed makes the same value. */
    @FunctionalInterface
    public interface Gen<T> {

        T next(Random random);

        default <R> Gen<R> map(Function<? super T, ? extends R> f) {
            return random -> f.apply(next(random));
        }

        /** Values that pass {@code keep}; the generator must make one often. */
        default Gen<T> filter(Predicate<? super T> keep) {
            return random -> {
                for (int attempt = 0; attempt < 10_000; attempt++) {
                    T value = next(random);
                    if (keep.test(value)) {
                        return value;
                    }
                }
                throw new IllegalStateException("the filter keeps almost nothing this generator makes");
            };
        }

        /** Lists of {@code min} to {@code max} values, each size as likely (so the empty list comes often). */
        default Gen<List<T>> list(int min, int max) {
            return random -> {
                int size = min + random.nextInt(max - min + 1);
                List<T> values = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    values.add(next(random));
                }
                return values;
            };
        }

        /** Strings joined from up to {@code max} values of this generator of strings. */
        default Gen<String> joined(int max) {
            return list(0, max).map(parts -> String.join("", parts.stream().map(String::valueOf).toList()));
        }
    }

    /** Checks {@code property} on {@code tries} inputs, the i-th drawn from {@code seed + i}. */
    public static <T> void forAll(long seed, int tries, Gen<T> gen, Property<T> property) {
        String replay = System.getProperty(REPLAY);
        for (int i = 0; i < tries; i++) {
            long trySeed = seed + i;
            if (replay != null && !replay.equals(String.valueOf(trySeed))) {
                continue;
            }
            T input = gen.next(new Random(trySeed));
            try {
                property.check(input);
            } catch (Throwable failure) {
                throw new AssertionError("the property fails with seed " + trySeed + " (try " + (i + 1) + " of "
                        + tries + "; rerun it alone with -D" + REPLAY + "=" + trySeed + ") on the input "
                        + show(input) + ": " + failure.getMessage(), failure);
            }
        }
    }

    /** A property of one input: it throws (an assertion fails) when it does not hold. */
    @FunctionalInterface
    public interface Property<T> {
        void check(T input) throws Exception;
    }

    /** One of these values, each as likely. */
    public static <T> Gen<T> of(List<T> values) {
        List<T> copy = List.copyOf(values);
        return random -> copy.get(random.nextInt(copy.size()));
    }

    /** A value of one of these generators, each as likely. */
    @SafeVarargs
    public static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        return random -> gens[random.nextInt(gens.length)].next(random);
    }

    /** A value of {@code common} {@code weight} times as often as one of {@code rare}. */
    public static <T> Gen<T> mostly(int weight, Gen<? extends T> common, Gen<? extends T> rare) {
        return random -> random.nextInt(weight + 1) < weight ? common.next(random) : rare.next(random);
    }

    /** Integers from {@code min} to {@code max}, both included. */
    public static Gen<Integer> ints(int min, int max) {
        return random -> min + random.nextInt(max - min + 1);
    }

    /** One code point from {@code from} to {@code to} (a lone surrogate when in that range), as a string. */
    public static Gen<String> codePoint(int from, int to) {
        return ints(from, to).map(Character::toString);
    }

    /** Strings of {@code min} to {@code max} characters of {@code alphabet}. */
    public static Gen<String> strings(String alphabet, int min, int max) {
        return of(alphabet.chars().mapToObj(c -> String.valueOf((char) c)).toList()).list(min, max)
                .map(chars -> String.join("", chars));
    }

    public static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    public static final String DIGITS = "0123456789";

    /** An input as Java would write it, every character that is not printable ASCII escaped. */
    public static String show(Object input) {
        if (input instanceof List<?> list) {
            return list.stream().map(Seeded::show).toList().toString();
        }
        if (!(input instanceof String s)) {
            return String.valueOf(input);
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> out.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04x", (int) c));
            }
        }
        return out.append('"').toString();
    }
}
