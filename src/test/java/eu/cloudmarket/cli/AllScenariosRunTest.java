package eu.cloudmarket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue 3, acceptance 4: every scenario in configs/ runs from the command line without error. */
class AllScenariosRunTest {
    static Stream<Path> scenarios() throws IOException {
        try (Stream<Path> a = Files.list(Path.of("configs")); Stream<Path> b = Files.list(Path.of("configs/scenarios"))) {
            return Stream.concat(a.toList().stream(), b.toList().stream())
                    .filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void runsWithoutError(Path scenario, @TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        CliHarness.Result r = CliHarness.run("run", scenario.toString(), "--out", out.toString(), "--set",
                "buyers.count=1500", "--no-charts");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(out.resolve("quarters.csv")) > 0);
    }

    @Test
    void scenariosCommandListsEveryScenarioWithItsDescription() throws IOException {
        CliHarness.Result r = CliHarness.run("scenarios");
        assertEquals(0, r.code(), r.err());
        for (Path p : scenarios().toList()) {
            String name = p.getFileName().toString().replace(".yaml", "");
            assertTrue(r.out().contains(name), "lists " + name);
        }
        assertTrue(r.out().contains("Question:"));
    }
}
