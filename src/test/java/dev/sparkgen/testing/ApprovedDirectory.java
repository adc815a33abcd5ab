package dev.sparkgen.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.approvaltests.Approvals;
import org.approvaltests.core.ApprovalWriter;
import org.approvaltests.core.Options;
import org.approvaltests.core.VerifyResult;
import org.approvaltests.namer.ApprovalNamer;

/**
 * ApprovalTests over a whole rendered directory whose approved files are a directory of real files with their real
 * names ({@code out/<stem>/driver-pod.yaml}, not {@code SomeTest.method.approved.yaml}). A received file lands beside
 * its approved one as {@code NAME.received.EXT} (git-ignored). Like {@code verifyEachFileInDirectory}, it checks
 * every file before failing, and the failure names each file that differs, is missing, or is no longer rendered.
 */
public final class ApprovedDirectory {

    private ApprovedDirectory() {
    }

    /**
     * Verifies every file of {@code rendered} against the same name in {@code approved}, byte for byte (ApprovalTests'
     * own text comparison forgives CR LF and a missing last newline, which the contract does not), and that no
     * approved file is left over.
     */
    public static void verify(Path rendered, Path approved, Options options) {
        Options byteForByte = options.withComparator(ApprovedDirectory::sameBytes);
        TreeSet<String> renderedNames = fileNames(rendered);
        List<String> problems = new ArrayList<>();
        List<Throwable> causes = new ArrayList<>();
        for (String name : renderedNames) {
            Path renderedFile = rendered.resolve(name);
            Path approvedFile = approved.resolve(name);
            try {
                Approvals.verify(new CopyingWriter(renderedFile), new BesideNamer(approvedFile), byteForByte);
            } catch (Throwable failure) {
                problems.add(describe(renderedFile, approvedFile));
                causes.add(failure);
            }
        }
        TreeSet<String> leftOver = Files.isDirectory(approved) ? fileNames(approved) : new TreeSet<>();
        leftOver.removeAll(renderedNames);
        leftOver.forEach(name -> problems.add(approved.resolve(name) + ": no longer rendered (delete it)"));
        if (!problems.isEmpty()) {
            AssertionError error = new AssertionError(approved + " is not what spark-gen renders now; if the change "
                    + "is intended, run bin/render-examples and review `git diff out/`:\n  " + String.join("\n  ", problems));
            causes.forEach(error::addSuppressed);
            throw error;
        }
    }

    private static VerifyResult sameBytes(File received, File approved) {
        try {
            return VerifyResult.from(approved.exists()
                    && Arrays.equals(Files.readAllBytes(received.toPath()), Files.readAllBytes(approved.toPath())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the regular files of a directory, hidden ones included, received files excluded. */
    private static TreeSet<String> fileNames(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> file.getFileName().toString())
                    .filter(name -> !name.contains(".received."))
                    .collect(TreeSet::new, TreeSet::add, TreeSet::addAll);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line saying where the rendered file first differs from the approved one. */
    private static String describe(Path rendered, Path approved) {
        if (!Files.exists(approved)) {
            return approved + ": missing (spark-gen now renders it)";
        }
        List<String> expected = lines(approved);
        List<String> actual = lines(rendered);
        int line = 0;
        while (line < expected.size() && line < actual.size() && expected.get(line).equals(actual.get(line))) {
            line++;
        }
        String was = line < expected.size() ? expected.get(line) : "<end of file>";
        String now = line < actual.size() ? actual.get(line) : "<end of file>";
        return approved + ": differs from line " + (line + 1) + ": approved '" + was + "', rendered '" + now + "'";
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code driver-pod.yaml} -> {@code driver-pod.received.yaml}; {@code .spark-gen} -> {@code .received.spark-gen}. */
    static Path receivedBeside(Path approvedFile) {
        String name = approvedFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot < 0 ? name : name.substring(0, dot);
        String extension = dot < 0 ? "" : name.substring(dot);
        return approvedFile.resolveSibling(base + ".received" + (extension.isEmpty() ? ".txt" : extension));
    }

    /** Names the approved file by its real path, and the received one beside it. */
    private record BesideNamer(Path approvedFile) implements ApprovalNamer {

        @Override
        public File getApprovedFile(String extensionWithDot) {
            return approvedFile.toFile();
        }

        @Override
        public File getReceivedFile(String extensionWithDot) {
            return receivedBeside(approvedFile).toFile();
        }

        @Override
        public String getApprovalName() {
            return approvedFile.getFileName().toString();
        }

        @Override
        public String getSourceFilePath() {
            return approvedFile.getParent().toString();
        }

        @Override
        public ApprovalNamer addAdditionalInformation(String info) {
            throw new UnsupportedOperationException("an approved file here has its real name, with nothing added");
        }

        @Override
        public String getAdditionalInformation() {
            return "";
        }
    }

    /** Copies a rendered file to the received path, so it survives the temporary directory it was rendered into. */
    private record CopyingWriter(Path renderedFile) implements ApprovalWriter {

        @Override
        public File writeReceivedFile(File received) {
            try {
                Files.createDirectories(received.toPath().getParent());
                Files.copy(renderedFile, received.toPath(), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return received;
        }

        @Override
        public String getFileExtensionWithDot() {
            String name = renderedFile.getFileName().toString();
            int dot = name.lastIndexOf('.');
            return dot < 0 ? "" : name.substring(dot);
        }
    }
}
