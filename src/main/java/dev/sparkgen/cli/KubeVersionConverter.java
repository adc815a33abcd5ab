package dev.sparkgen.cli;

import dev.sparkgen.model.KubeVersion;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Reads {@code --kube-version}: 1.32, v1.32 or 1.32.2, from 1.14 on. */
final class KubeVersionConverter implements CommandLine.ITypeConverter<KubeVersion> {

    /** The {@code --kube-version} option of a command: what it does there, then the default. */
    static OptionSpec option(String what) {
        return OptionSpec.builder("--kube-version").type(KubeVersion.class).paramLabel("MAJOR.MINOR")
                .converters(new KubeVersionConverter()).initialValue(KubeVersion.DEFAULT).hasInitialValue(true)
                .description(what + " (default: ${DEFAULT-VALUE}).").build();
    }

    @Override
    public KubeVersion convert(String value) {
        KubeVersion version = KubeVersion.parse(value);
        if (version == null) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a Kubernetes version such as 1.32");
        }
        if (!version.atLeast(KubeVersion.OLDEST.major(), KubeVersion.OLDEST.minor())) {
            throw new CommandLine.TypeConversionException("Kubernetes " + version + " is too old: spark-gen writes "
                    + "for " + KubeVersion.OLDEST + " and later");
        }
        return version;
    }
}
