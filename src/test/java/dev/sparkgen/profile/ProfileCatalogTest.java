package dev.sparkgen.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparkgen.SparkGen;
import dev.sparkgen.problem.Origin;
import dev.sparkgen.source.Scalar;
import dev.sparkgen.testing.Jobs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where profiles are found and which one wins, and what a job makes of the profiles it lists: unknown names,
 * cycles, and the profile's own keys.
 */
class ProfileCatalogTest {

    private static final List<String> BUILT_IN = List.of("nightly", "on-demand", "restricted", "routine", "spot", "urgent");

    @TempDir
    Path cwd;

    private void profile(String dir, String name) {
        Jobs.write(cwd.resolve(dir).resolve(name + ".yaml"), profileText(name));
    }

    private static String profileText(String name) {
        return "apiVersion: spark-gen/v1\nkind: Profile\nname: " + name + "\n";
    }

    private static List<String> locations(ProfileCatalog catalog, String name) {
        return catalog.all().get(name).stream().map(ProfileSource::location).toList();
    }

    // ---------------------------------------------------------------- precedence

    @Test
    void find_profilesDirs_theLastGivenWins() {
        profile("a", "x");
        profile("b", "x");

        ProfileCatalog catalog = ProfileCatalog.of(List.of(Path.of("a"), Path.of("b")), null, cwd);

        assertEquals("b/x.yaml", catalog.find("x").location());
        assertEquals(List.of("b/x.yaml", "a/x.yaml"), locations(catalog, "x"));
    }

    @Test
    void find_profilesDir_winsOverProfilesBesideTheJob() {
        profile("a", "x");
        profile("jobs/profiles", "x");

        assertEquals("a/x.yaml", ProfileCatalog.of(List.of(Path.of("a")), Path.of("jobs"), cwd).find("x").location());
    }

    @Test
    void find_profilesBesideTheJob_winOverWorkingDirectoryProfiles() {
        profile("jobs/profiles", "x");
        profile("profiles", "x");

        ProfileCatalog catalog = ProfileCatalog.of(List.of(), Path.of("jobs"), cwd);

        assertEquals(List.of("jobs/profiles/x.yaml", "profiles/x.yaml"), locations(catalog, "x"));
    }

    @Test
    void find_aProfileOnDisk_shadowsTheBuiltInOfTheSameName() {
        profile("profiles", "routine");

        ProfileCatalog catalog = ProfileCatalog.of(List.of(), null, cwd);

        assertEquals("profiles/routine.yaml", catalog.find("routine").location());
        assertEquals(List.of("profiles/routine.yaml", "builtin:profiles/routine.yaml"), locations(catalog, "routine"));
    }

    @Test
    void of_theSameDirectoryReachedTwoWays_isScannedOnce() {
        profile("profiles", "x");

        ProfileCatalog catalog = ProfileCatalog.of(List.of(Path.of("./profiles")), Path.of("."), cwd);

        assertEquals(1, catalog.all().get("x").size());
    }

    @Test
    void searched_listsThePlacesInOrderOfPrecedence() {
        ProfileCatalog catalog = ProfileCatalog.of(List.of(Path.of("a"), Path.of("b")), Path.of("jobs"), cwd);

        assertEquals(List.of("b", "a", "jobs/profiles", "profiles", "the profiles built into spark-gen"),
                catalog.searched());
    }

    @Test
    void find_onlyYamlFiles_areProfiles() {
        Jobs.write(cwd.resolve("profiles/notes.txt"), "x");
        Jobs.write(cwd.resolve("profiles/old.yml"), profileText("old"));

        ProfileCatalog catalog = ProfileCatalog.of(List.of(), null, cwd);

        assertNull(catalog.find("notes"));
        assertNull(catalog.find("old"));
    }

    // ---------------------------------------------------------------- built-in profiles

    @Test
    void names_withNoDirectories_areTheBuiltInProfiles() {
        assertEquals(BUILT_IN, ProfileCatalog.of(List.of(), null, cwd).names());
    }

    @Test
    void find_builtInProfile_readsFromTheJar() throws IOException {
        ProfileSource routine = ProfileCatalog.of(List.of(), null, cwd).find("routine");

        assertTrue(routine.builtin());
        assertEquals("builtin:profiles/routine.yaml", routine.location());
        assertTrue(new String(routine.read(), StandardCharsets.UTF_8).contains("name: routine"));
    }

    @Test
    void find_unknownName_isNull() {
        assertNull(ProfileCatalog.of(List.of(), null, cwd).find("prod"));
    }

    // ---------------------------------------------------------------- a job's profiles

    private SparkGen.JobResult load(String more) {
        return Jobs.load(cwd, Jobs.MINIMAL + more);
    }

    @Test
    void load_unknownProfileCloseToAKnownOne_suggestsItAndListsTheKnown() {
        assertEquals(List.of("job.yaml:6:12: unknown profile 'rutine' — did you mean 'routine'? known: nightly, "
                + "on-demand, restricted, routine, spot, urgent"), Jobs.lines(load("profiles: [rutine]\n").problems()));
    }

    @Test
    void load_unknownProfile_listsTheKnownOnes() {
        profile("profiles", "team");

        assertEquals(List.of("job.yaml:7:5: unknown profile 'prod' — known: nightly, on-demand, restricted, routine, spot, "
                + "team, urgent"), Jobs.lines(load("profiles:\n  - prod\n").problems()));
    }

    @Test
    void load_profileNamedDifferentlyFromItsFile_isAnErrorAtItsName() {
        Jobs.write(cwd.resolve("profiles/p.yaml"), profileText("q"));

        assertEquals(List.of("profiles/p.yaml:3:1: the profile is named 'q' but its file is 'p.yaml' — jobs find a "
                + "profile by its file name: make them the same"), Jobs.lines(load("profiles: [p]\n").problems()));
    }

    @Test
    void load_profileListingItself_isACycleAtTheListItem() {
        Jobs.write(cwd.resolve("profiles/a.yaml"), profileText("a") + "profiles: [a]\n");

        assertEquals(List.of("profiles/a.yaml:4:12: profile 'a' includes itself: a -> a — remove 'a' from this list"),
                Jobs.lines(load("profiles: [a]\n").problems()));
    }

    @Test
    void load_twoProfilesListingEachOther_isACycleAtTheListItemThatClosesIt() {
        Jobs.write(cwd.resolve("profiles/a.yaml"), profileText("a") + "profiles: [b]\n");
        Jobs.write(cwd.resolve("profiles/b.yaml"), profileText("b") + "profiles:\n  - a\n");

        assertEquals(List.of("profiles/b.yaml:5:5: profile 'a' includes itself: a -> b -> a — remove 'a' from this list"),
                Jobs.lines(load("profiles: [a]\n").problems()));
    }

    @Test
    void load_profileListingAnother_appliesTheOtherFirst() {
        Jobs.write(cwd.resolve("profiles/a.yaml"), profileText("a") + "profiles: [b]\nnamespace: from-a\n");
        Jobs.write(cwd.resolve("profiles/b.yaml"), profileText("b") + "namespace: from-b\nschedulerName: from-b\n");

        SparkGen.JobResult result = load("profiles: [a]\n");

        assertTrue(result.ok(), () -> Jobs.lines(result.problems()).toString());
        assertEquals("from-a", result.app().job().namespace());
        assertEquals("from-b", result.app().job().schedulerName());
    }

    @Test
    void load_profilesOwnNameKindAndProfiles_areNotMergedIntoTheJob() {
        Jobs.write(cwd.resolve("profiles/a.yaml"), "apiVersion: spark-gen/v1\nkind: Profile\nname: a\n"
                + "profiles: [nightly]\nschedulerName: volcano\n");

        SparkGen.JobResult result = load("profiles: [a]\n");

        assertTrue(result.ok(), () -> Jobs.lines(result.problems()).toString());
        assertEquals("pi-nightly", result.app().name());
        assertEquals("SparkJob", ((Scalar) result.values().get("kind")).text());
        assertEquals(new Origin("job.yaml", 1, 1), result.values().get("apiVersion").origin());
        assertEquals(new Origin("job.yaml", 3, 1), result.values().get("name").origin());
        assertEquals(new Origin("job.yaml", 6, 1), result.values().get("profiles").origin());
        assertEquals(List.of("a"), result.app().job().profiles());
    }

    @Test
    void load_invalidProfile_isReportedOnceEvenWhenListedByTwoJobs() {
        Jobs.write(cwd.resolve("profiles/bad.yaml"), profileText("bad") + "zzz: 1\n");
        SparkGen gen = new SparkGen(cwd);
        Jobs.write(cwd.resolve("a.yaml"), Jobs.MINIMAL + "profiles: [bad]\n");
        Jobs.write(cwd.resolve("b.yaml"), Jobs.MINIMAL + "profiles: [bad]\n");

        List<String> a = Jobs.lines(gen.load(cwd.resolve("a.yaml"), "a.yaml", SparkGen.Options.DEFAULT).problems());
        List<String> b = Jobs.lines(gen.load(cwd.resolve("b.yaml"), "b.yaml", SparkGen.Options.DEFAULT).problems());

        assertEquals(1, a.size(), a::toString);
        assertTrue(a.get(0).startsWith("profiles/bad.yaml:4:1: unknown key 'zzz'"), a::toString);
        assertEquals(a, b);
    }
}
