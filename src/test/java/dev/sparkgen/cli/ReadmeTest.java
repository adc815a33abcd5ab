package dev.sparkgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkgen.testing.SparkGenCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import picocli.CommandLine;

/**
 * The README's snippets are real: its YAML parses, its command lines are spark-gen's, its CI and pre-commit
 * set-ups name hooks and options that exist, its JSON is what validate prints, and its set-up commands are what
 * CI runs.
 */
class ReadmeTest {

    private static final Path README = SparkGenCli.ROOT.resolve("README.md");
    private static final Pattern BLOCK = Pattern.compile("```(\\w*)\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern COMMAND = Pattern.compile("(?:^|[ /$])spark-gen ((?:render|validate|explain|schema"
            + "|profiles|init|import|completion|version)[^|>&\\n]*)", Pattern.MULTILINE);

    private static List<String[]> blocks() throws IOException {
        List<String[]> blocks = new ArrayList<>();
        Matcher block = BLOCK.matcher(Files.readString(README));
        while (block.find()) {
            blocks.add(new String[] {block.group(1), block.group(2)});
        }
        return blocks;
    }

    private static List<Object> yaml(String text) {
        List<Object> documents = new ArrayList<>();
        new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text).forEach(documents::add);
        return documents;
    }

    @Test
    void setUpCommands_areTheOnesCiRunsAndTheLauncherTakes() throws IOException {
        String readme = Files.readString(README);
        assertTrue(readme.contains("```sh\nbin/spark-gen render examples/pyspark-pi.yaml -o out/pyspark-pi\nmvn -B verify\n```"));
        List<String> ci = Files.readAllLines(SparkGenCli.ROOT.resolve(".ci/run"));
        assertTrue(ci.contains("mvn -B verify"), String.join("\n", ci));
        // and then the release's test, which the README names with it
        assertEquals("packaging/test", ci.get(ci.size() - 1));
        assertTrue(readme.contains("`.ci/run` runs `mvn -B verify`, then\n`packaging/test`."));
    }

    @Test
    void install_comesFirst_andNamesThePackagesTheBuildMakes() throws IOException {
        String readme = Files.readString(README);
        assertEquals(readme.indexOf("\n## "), readme.indexOf("\n## Install\n"), "the first section is Install");
        String build = Files.readString(SparkGenCli.ROOT.resolve("packaging/build"));
        assertTrue(build.contains("$release/$name-linux-x64.tar.gz") && build.contains("name=\"spark-gen-$version\""));
        assertTrue(build.contains("spark-gen_${version}_amd64.deb"));
        String version = new Version().getVersion()[0].substring("spark-gen ".length());
        assertTrue(readme.contains("tar -xzf spark-gen-" + version + "-linux-x64.tar.gz"), "the archive of " + version);
        assertTrue(readme.contains("sudo apt install ./spark-gen_" + version + "_amd64.deb"), "the .deb of " + version);
    }

    @Test
    void everyYamlSnippet_parses_andTheExampleIsTheExampleFile() throws IOException {
        int yamls = 0;
        for (String[] block : blocks()) {
            if (block[0].equals("yaml")) {
                assertTrue(!yaml(block[1]).isEmpty(), block[1]);
                yamls++;
            }
        }
        assertTrue(yamls >= 7, "the README's YAML snippets: " + yamls);
        String example = Files.readString(SparkGenCli.ROOT.resolve("examples/pyspark-pi.yaml"));
        String shown = blocks().stream().filter(b -> b[1].contains("name: pyspark-pi\n")).findFirst().orElseThrow()[1];
        assertEquals(yaml(example.replace("../schema", "x")), yaml(shown.replace("../schema", "x")));
    }

    @Test
    void everyCommandLineShown_isOneSparkGenParses() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String[] block : blocks()) {
            if (block[0].equals("json") || block[0].equals("mermaid") || block[0].isEmpty()) {
                continue;
            }
            Matcher command = COMMAND.matcher(block[1]);
            while (command.find()) {
                lines.add(command.group(1).trim());
            }
        }
        assertTrue(lines.size() >= 12, "command lines found: " + lines);
        for (String line : lines) {
            CommandLine commandLine = Main.commandLine(new Main(), new Cli(new PrintWriter(new StringWriter()),
                    new PrintWriter(new StringWriter()), SparkGenCli.ROOT, false));
            List<String> args = new ArrayList<>(List.of(line.replace("'", "").split(" +")));
            args.removeIf(a -> a.startsWith("#"));
            try {
                commandLine.parseArgs(args.toArray(String[]::new));
            } catch (CommandLine.ParameterException e) {
                throw new AssertionError("the README shows 'spark-gen " + line + "': " + e.getMessage(), e);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void preCommitSnippet_usesTheShippedHooks() throws IOException {
        List<Map<String, Object>> hooks = (List<Map<String, Object>>) yaml(
                Files.readString(SparkGenCli.ROOT.resolve(".pre-commit-hooks.yaml"))).get(0);
        Set<String> ids = new TreeSet<>();
        for (Map<String, Object> hook : hooks) {
            ids.add((String) hook.get("id"));
            assertEquals("script", hook.get("language"));
            assertTrue(((String) hook.get("entry")).startsWith("bin/spark-gen "));
            assertTrue(Files.isExecutable(SparkGenCli.ROOT.resolve("bin/spark-gen")));
        }
        String config = blocks().stream().filter(b -> b[1].contains(".pre-commit-config.yaml")).findFirst()
                .orElseThrow()[1];
        Map<String, Object> repo = ((List<Map<String, Object>>) ((Map<String, Object>) yaml(config).get(0)).get("repos")).get(0);
        for (Map<String, Object> hook : (List<Map<String, Object>>) repo.get("hooks")) {
            assertTrue(ids.contains(hook.get("id")), hook.get("id") + " is not a shipped hook");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void ciSnippets_haveTheShapeTheirRunnersRead() throws IOException {
        Map<String, Object> actions = (Map<String, Object>) yaml(blocks().stream()
                .filter(b -> b[1].contains(".github/workflows")).findFirst().orElseThrow()[1]).get(0);
        // YAML 1.1 (and so SnakeYAML) reads the key 'on' as true; GitHub reads it as 'on'
        assertTrue(actions.containsKey("name") && actions.containsKey("jobs")
                && (actions.containsKey("on") || actions.containsKey(Boolean.TRUE)), actions.keySet().toString());
        Map<String, Object> job = (Map<String, Object>) ((Map<String, Object>) actions.get("jobs")).get("check");
        assertTrue(job.containsKey("runs-on") && job.get("steps") instanceof List<?>);
        Map<String, Object> gitlab = (Map<String, Object>) yaml(blocks().stream()
                .filter(b -> b[1].contains(".gitlab-ci.yml")).findFirst().orElseThrow()[1]).get(0);
        assertTrue(((Map<String, Object>) gitlab.get("spark-jobs")).get("script") instanceof List<?>);
        Map<String, Object> argo = (Map<String, Object>) yaml(blocks().stream()
                .filter(b -> b[1].contains("kind: Application")).findFirst().orElseThrow()[1]).get(0);
        assertEquals("argoproj.io/v1alpha1", argo.get("apiVersion"));
        assertEquals("out", ((Map<String, Object>) ((Map<String, Object>) argo.get("spec")).get("source")).get("path"));
    }

    @Test
    void validateJsonShape_isWhatValidatePrints() throws IOException {
        JsonNode shown = new ObjectMapper().readTree(blocks().stream().filter(b -> b[0].equals("json"))
                .findFirst().orElseThrow()[1]);
        SparkGenCli.Result result = SparkGenCli.run("validate", "--format", "json", "examples/pyspark-pi.yaml");
        JsonNode printed = new ObjectMapper().readTree(result.out());
        assertEquals(keys(shown), keys(printed));
        assertEquals(keys(shown.get("files").get(0)), keys(printed.get("files").get(0)));
        assertEquals(Set.of("severity", "file", "line", "column", "message", "hint"),
                keys(shown.get("files").get(0).get("problems").get(0)));
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            keys.add(names.next());
        }
        return keys;
    }
}
