package dev.sparkgen.render;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of one rendered app, in the order the kustomization lists them, {@code kustomization.yaml} last.
 * Rendering writes nothing: this is all it returns.
 */
public record Rendered(String app, Map<String, String> files, List<String> manifests) {

    public static final String KUSTOMIZATION = "kustomization.yaml";
    /** What a reviewer reads first: not a Kubernetes object, and not listed in the kustomization. */
    public static final String README = "README.md";

    public Rendered {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        manifests = List.copyOf(manifests);
    }

    /** The manifests as one multi-document YAML stream, for {@code kubectl apply -f -}. */
    public String stream() {
        StringBuilder out = new StringBuilder();
        for (String name : manifests) {
            out.append("---\n").append(files.get(name));
        }
        return out.toString();
    }
}
