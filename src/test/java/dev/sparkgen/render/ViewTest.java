package dev.sparkgen.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sparkgen.SparkGen;
import dev.sparkgen.model.App;
import dev.sparkgen.model.KubeVersion;
import dev.sparkgen.testing.SparkGenCli;
import org.junit.jupiter.api.Test;

/** The view the templates read: the job file's name, as the comments naming it keep it. */
class ViewTest {

    private final App app = new SparkGen(SparkGenCli.ROOT).load(SparkGenCli.ROOT.resolve("examples/spark-pi.yaml"),
            "examples/spark-pi.yaml", SparkGen.Options.DEFAULT).app();

    @Test
    void theSourcesName_keepsLettersDigitsDotsUnderscoresAndDashes_andAnythingElseIsOneUnderscore() {
        assertEquals("azAZ09._-.yaml", View.of(app, KubeVersion.DEFAULT, "azAZ09._-.yaml").source());
        assertEquals("my_job___.yaml", View.of(app, KubeVersion.DEFAULT, "my job ✓😀.yaml").source());
        assertEquals("a_b_c_.yml", View.of(app, KubeVersion.DEFAULT, "a/b\nc:.yml").source());
    }
}
