package eu.cloudmarket.experiment.calibrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.cloudmarket.output.FolderLock;
import eu.cloudmarket.output.FolderMarks;
import eu.cloudmarket.output.Metadata;
import eu.cloudmarket.output.ResultFolder;
import eu.cloudmarket.scenario.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The layout of a calibration folder, and what may be done with one: created, resumed (only by the same
 * calibration), or replaced with {@code --force} (only if it is a calibration folder of this tool).
 *
 * <pre>
 * calibration.json          what is estimated (spec SHA-256 of calibration file, resolved base, targets; seed)
 * evaluations.journal.csv   every evaluation, appended durably as it finishes ({@link CalibrationJournal})
 * estimates.csv moments.csv fit.csv trace.csv codebook.csv calibrated.yaml metadata.json charts/
 * .lock                     held by the process estimating
 * </pre>
 * Result files are written to a temporary file and renamed into place, so each is complete or absent.
 */
public final class CalibrationFolder {
    public static final String MANIFEST = "calibration.json";
    public static final String FORMAT = "cloudmarket-calibration/1";
    static final String LOCK = ".lock";

    private CalibrationFolder() {
    }

    /**
     * Makes {@code dir} ready for {@code calibration} and locks it: a new folder is created; an existing one is
     * continued with {@code resume} if its manifest is this calibration's, or deleted and created again with
     * {@code force} if it is a calibration folder; anything else is refused.
     */
    public static FolderLock open(Path dir, Calibration calibration, boolean resume, boolean force)
            throws IOException {
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new ConfigException("--out", null, dir + " exists and is not a folder");
            }
            boolean ours = isCalibrationFolder(dir);
            if (force) {
                if (!ours && !isEmpty(dir)) {
                    throw new ConfigException("--out", null, dir + " is not a calibration folder of cloudmarket;"
                            + " 'calibrate --force' replaces only calibration folders");
                }
                try (FolderLock lock = FolderLock.acquire(dir, dir.resolve(LOCK))) {
                    // held only to prove no process is writing it
                }
                ResultFolder.deleteTree(dir);
            } else if (resume) {
                if (!ours) {
                    throw new ConfigException("--out", null, dir + " is not a calibration folder of cloudmarket;"
                            + " give a new --out or an existing calibration folder");
                }
                String sha = read(dir).path("spec_sha256").asText();
                if (!sha.equals(calibration.specSha())) {
                    throw new ConfigException("--resume", null, dir + " holds another calibration (its calibration"
                            + " file, base scenario or targets changed); use --force to start again");
                }
                return FolderLock.acquire(dir, dir.resolve(LOCK));
            } else if (!isEmpty(dir)) {
                throw new ConfigException("--out", null, dir + " exists; use --resume to continue it or --force to"
                        + " start again");
            }
        }
        Files.createDirectories(dir);
        FolderLock lock = FolderLock.acquire(dir, dir.resolve(LOCK));
        writeAtomically(dir.resolve(MANIFEST), manifest(calibration));
        return lock;
    }

    /** Whether {@code dir} holds the manifest of a cloudmarket calibration. */
    public static boolean isCalibrationFolder(Path dir) {
        JsonNode m = read(dir);
        return FORMAT.equals(m.path("format").asText()) && FolderMarks.TOOL.equals(m.path("tool").asText());
    }

    /** Writes {@code bytes} to {@code file} through a temporary file renamed into place. */
    public static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static byte[] manifest(Calibration c) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode m = json.createObjectNode();
        m.put("format", FORMAT);
        m.put("tool", FolderMarks.TOOL);
        m.put("name", c.file().name());
        m.put("calibration_file", c.file().file().toString());
        m.put("base", c.file().base().toString());
        m.put("targets", c.file().targets().toString());
        m.put("targets_sha256", c.targetsSha());
        m.put("spec_sha256", c.specSha());
        m.put("seed", c.seed());
        m.put("replications", c.problem().replications());
        return (json.writerWithDefaultPrettyPrinter().writeValueAsString(m) + "\n").getBytes(
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private static JsonNode read(Path dir) {
        Path f = dir.resolve(MANIFEST);
        try {
            if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) && Files.size(f) < (1 << 20)) {
                return new ObjectMapper().readTree(f.toFile());
            }
        } catch (IOException e) {
            // not ours
        }
        return new ObjectMapper().createObjectNode();
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    static String toolVersion() {
        return Metadata.toolVersion();
    }
}
