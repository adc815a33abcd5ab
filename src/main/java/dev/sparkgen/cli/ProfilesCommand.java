package dev.sparkgen.cli;

import dev.sparkgen.problem.Quote;
import dev.sparkgen.profile.ProfileCatalog;
import dev.sparkgen.profile.ProfileSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code spark-gen profiles}: lists the profiles found, where each comes from, and what each shadows. */
final class ProfilesCommand implements Callable<Integer> {

    private final Cli cli;

    private final OptionSpec profileDirsOption = Cli.repeated("DIR", "Also look here (see render).",
            "--profiles-dir");

    ProfilesCommand(Cli cli) {
        this.cli = cli;
    }

    CommandSpec spec() {
        return Cli.command(this, "profiles", true, new String[] {"Lists the profiles a job in the working directory "
                + "would find, and where each comes from."}, profileDirsOption);
    }

    @Override
    public Integer call() {
        List<String> profileDirs = Cli.strings(profileDirsOption);
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
