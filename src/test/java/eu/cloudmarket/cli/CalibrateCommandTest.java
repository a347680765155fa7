package eu.cloudmarket.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.cloudmarket.experiment.calibrate.CalibrationJournal;
import eu.cloudmarket.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code calibrate} end to end on a tiny market: the outputs, resume after an interruption (simulated by truncating
 * the journal, mid-line and mid-evaluation) ending with byte-identical CSVs, and bad input in the calibration file and
 * the targets CSV reported as one line per problem with file, line and key, exit code 2.
 */
class CalibrateCommandTest {
    static final Path HISTORY = Path.of("configs/history-2017.yaml").toAbsolutePath();
    static final List<String> OUTPUTS = List.of("estimates.csv", "moments.csv", "fit.csv", "trace.csv",
            "codebook.csv", "calibrated.yaml", CalibrationJournal.FILE);

    @TempDir
    Path tmp;

    /** A small calibration: two parameters, five moments, 600 buyers over 2017-2021, three replications. */
    Path calibration(String extra) throws IOException {
        Files.writeString(tmp.resolve("targets.csv"), String.join("\n",
                "period,metric,value,low,high,unit,source,note",
                "2017,eu_providers_revenue_share,0.27,0.25,0.29,fraction,S4,",
                "2020,market_revenue,23.0,22.0,25.0,EUR bn,S4,",
                "2021Q2,eu_providers_revenue_share,0.16,0.14,0.18,fraction,S5,",
                "2021Q2,big3_revenue_share,0.69,0.67,0.71,fraction,S5,",
                "2017-2021,quality_adjusted_price_change,-0.20,-0.25,-0.10,per year,S37,", ""));
        Path f = tmp.resolve("cal.yaml");
        Files.writeString(f, "name: tiny\nbase: " + HISTORY + "\ntargets: targets.csv\nquarters: 20\nbuyers: 600\n"
                + "replications: 3\nseed: 7\noptimizer: {maxEvaluations: 12, stoppingRadius: 0.05}\n"
                + "set: {providers.other.flowShare: 0.05}\n"
                + "parameters:\n"
                + "  - {path: providers.eu.flowShare, min: 0.01, max: 0.08, start: 0.038}\n"
                + "  - {path: market.initialRevenueEurBnPerQuarter, min: 1.4, max: 2.2, start: 1.82}\n" + extra);
        return f;
    }

    @Test
    void writesEstimatesAndResumesToIdenticalFiles() throws IOException {
        Path f = calibration("");
        Path full = tmp.resolve("full");
        CliHarness.Result r = CliHarness.run("calibrate", f.toString(), "--out", full.toString(), "--threads", "2",
                "--no-charts");
        assertEquals(0, r.code(), r.err());
        for (String name : OUTPUTS) {
            assertTrue(Files.isRegularFile(full.resolve(name)), name);
        }
        List<String> est = Files.readAllLines(full.resolve("estimates.csv"));
        assertEquals(3, est.size());
        assertTrue(est.get(0).startsWith("parameter,path,estimate,se,t,min,max,start"));
        // calibrated.yaml is a scenario that extends the base and sets the estimates
        new ScenarioLoader().load(full.resolve("calibrated.yaml"));

        Path part = tmp.resolve("part");
        assertEquals(0, CliHarness.run("calibrate", f.toString(), "--out", part.toString(), "--threads", "1",
                "--no-charts").code());
        byte[] journal = Files.readAllBytes(part.resolve(CalibrationJournal.FILE));
        // interrupted in the middle of the journal: keep a prefix that ends inside a row
        String text = new String(journal, StandardCharsets.UTF_8);
        int cut = text.indexOf('\n', text.length() / 2) - 5;
        Files.write(part.resolve(CalibrationJournal.FILE), text.substring(0, cut).getBytes(StandardCharsets.UTF_8));
        for (String name : List.of("estimates.csv", "moments.csv", "fit.csv", "trace.csv")) {
            Files.delete(part.resolve(name));
        }
        CliHarness.Result again = CliHarness.run("calibrate", f.toString(), "--out", part.toString(), "--resume",
                "--threads", "2", "--no-charts");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("replayed from the journal"), again.out());
        assertTrue(!again.out().contains("(0 replayed"), "some evaluations were replayed: " + again.out());
        for (String name : OUTPUTS) {
            assertArrayEquals(Files.readAllBytes(full.resolve(name)), Files.readAllBytes(part.resolve(name)), name);
        }
        // without --resume or --force an existing folder is refused
        CliHarness.Result refused = CliHarness.run("calibrate", f.toString(), "--out", part.toString());
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("use --resume to continue it or --force"), refused.err());
    }

    @Test
    void badCalibrationFileNamesEachProblem() throws IOException {
        Path f = calibration("  - {path: providers.eu.flowShre, min: 0.1, max: 0.2, start: 0.15}\n"
                + "  - {path: market.nestingSigma, min: 0.5, max: 0.2, start: 0.3}\n"
                + "  - {path: providers.aws.aiQuality, min: 0.5, max: 1.5, start: 2.0}\n"
                + "weighting: optimum\nmoments: [2017/eu_providers_revenue_share, 2019/market_revenue]\n");
        CliHarness.Result r = CliHarness.run("calibrate", f.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(2, r.code(), r.err());
        String err = r.err();
        assertTrue(err.contains("cal.yaml:14:") && err.contains("key 'parameters.3.max': bounds reversed"), err);
        assertTrue(err.contains("key 'parameters.4.start': start 2.0 is outside the bounds"), err);
        assertTrue(err.contains("key 'weighting': must be diagonal or optimal"), err);
        assertTrue(!err.contains("Exception"), err);
        Path g = calibration("  - {path: providers.eu.flowShre, min: 0.1, max: 0.2, start: 0.15}\n"
                + "moments: [2017/eu_providers_revenue_share, 2019/market_revenue]\n");
        CliHarness.Result r2 = CliHarness.run("calibrate", g.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(2, r2.code(), r2.err());
        assertTrue(r2.err().contains("key 'parameters.2.path': unknown parameter path 'providers.eu.flowShre'"),
                r2.err());
        assertTrue(r2.err().contains("key 'moments.1': no target '2019/market_revenue'"), r2.err());
        assertTrue(!Files.exists(tmp.resolve("o")), "nothing written on bad input");
    }

    @Test
    void badTargetsRowsAreReportedWithTheirLines() throws IOException {
        Path f = calibration("");
        Files.writeString(tmp.resolve("targets.csv"), String.join("\n",
                "period,metric,value,low,high",
                "2017,eu_providers_revenue_share,0.27,0.25,0.29",
                "2020,market_revenue,lots,22.0,25.0",
                "2021Q2,ovh_revenue_share,0.02,0.01,0.03",
                "2021Q2,big3_revenue_share,0.69,0.71,0.67",
                "2021Q2,market_churn,0.1,0.0,0.2",
                "2021Q5,market_revenue,7.3,6.9,7.7", ""));
        CliHarness.Result r = CliHarness.run("calibrate", f.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(2, r.code(), r.err());
        String err = r.err();
        String t = tmp.resolve("targets.csv").toString();
        assertTrue(err.contains(t + ":3: key 'value': not a finite number: 'lots'"), err);
        assertTrue(err.contains(t + ":4: key 'metric': metric 'ovh_revenue_share' names unknown provider or group"
                + " 'ovh'"), err);
        assertTrue(err.contains(t + ":5: key 'low': the band [0.71, 0.67]"), err);
        assertTrue(err.contains(t + ":6: key 'metric': unknown metric 'market_churn'"), err);
        assertTrue(err.contains(t + ":7: key 'metric': period '2021Q5' is not a quarter"), err);
        assertEquals(5, err.lines().filter(l -> l.startsWith("error:")).count(), err);
    }
}
