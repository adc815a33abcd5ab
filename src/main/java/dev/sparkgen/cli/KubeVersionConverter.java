package dev.sparkgen.cli;

import dev.sparkgen.render.KubeVersion;
import picocli.CommandLine;

/** Reads {@code --kube-version}: 1.32, v1.32 or 1.32.2, from 1.14 on. */
final class KubeVersionConverter implements CommandLine.ITypeConverter<KubeVersion> {

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
