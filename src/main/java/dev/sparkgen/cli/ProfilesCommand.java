package dev.sparkgen.cli;

import dev.sparkgen.problem.Quote;
import dev.sparkgen.profile.ProfileCatalog;
import dev.sparkgen.profile.ProfileSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spark-gen profiles}: lists the profiles found, where each comes from, and what each shadows. */
@Command(name = "profiles", mixinStandardHelpOptions = true,
        description = "Lists the profiles a job in the working directory would find, and where each comes from.")
final class ProfilesCommand implements Callable<Integer> {

    private final Cli cli;

    @Option(names = "--profiles-dir", paramLabel = "DIR", description = "Also look here (see render).")
    List<String> profileDirs = new ArrayList<>();

    ProfilesCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        ProfileCatalog catalog = cli.sparkGen().catalog(null, JobFiles.profileDirs(cli, profileDirs));
        Map<String, List<ProfileSource>> all = catalog.all();
        // Names and places come from file names: control characters escaped, so none reaches the terminal.
        int width = all.keySet().stream().mapToInt(name -> Quote.controls(name).length()).max().orElse(0);
        for (Map.Entry<String, List<ProfileSource>> entry : all.entrySet()) {
            List<ProfileSource> sources = entry.getValue();
            cli.out.println(String.format("%-" + width + "s  %s", Quote.controls(entry.getKey()),
                    Quote.controls(sources.get(0).location())));
            for (ProfileSource shadowed : sources.subList(1, sources.size())) {
                cli.out.println(String.format("%-" + width + "s    (shadows %s)", "",
                        Quote.controls(shadowed.location())));
            }
        }
        if (all.isEmpty()) {
            cli.out.println("no profiles found in " + Quote.controls(String.join(", ", catalog.searched())));
        }
        cli.out.flush();
        return Cli.OK;
    }
}
