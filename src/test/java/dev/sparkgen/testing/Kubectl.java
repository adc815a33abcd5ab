package dev.sparkgen.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** {@code kubectl kustomize}, what {@code kubectl apply -k} runs, on a directory: the tests' real Kustomize. */
public final class Kubectl {

    private Kubectl() {
    }

    /** What {@code kubectl kustomize DIR} prints; fails the test when it fails, with what kubectl said. */
    public static String kustomize(Path dir, Path scratch) {
        Path errors = scratch.resolve("kubectl.err");
        Process kubectl;
        try {
            kubectl = new ProcessBuilder("kubectl", "kustomize", dir.toString())
                    .redirectError(errors.toFile())
                    .start();
        } catch (IOException e) {
            return fail("cannot run kubectl (" + e.getMessage() + "): these tests build the rendered output with "
                    + "'kubectl kustomize'; install kubectl 1.21 or later and put it on the PATH");
        }
        try {
            String output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!kubectl.waitFor(2, TimeUnit.MINUTES)) {
                kubectl.destroyForcibly();
                return fail("kubectl kustomize " + dir + " did not finish within 2 minutes");
            }
            assertEquals(0, kubectl.exitValue(), "kubectl kustomize " + dir + " failed:\n" + Files.readString(errors));
            return output;
        } catch (IOException e) {
            return fail("cannot read what kubectl kustomize " + dir + " printed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while kubectl kustomize " + dir + " ran");
        }
    }
}
